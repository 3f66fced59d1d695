package dev.locustmaven.machine;

import dev.locustmaven.failure.ConfigurationException;
import java.util.Objects;

/**
 * What {@code check} knows of the machine: the mode, this build's calibration, and how slow an overloaded machine is.
 *
 * @param calibration null when there is none (the mode is off, or measuring failed)
 * @param overloadFactor {@code locust.machineOverloadFactor}: how many times as slow as when quiet an overloaded
 *     machine is; {@code Double.POSITIVE_INFINITY} when off
 */
public record MachineOptions(MachineMode mode, MeasuredCalibration calibration, double overloadFactor) {

    public MachineOptions {
        Objects.requireNonNull(mode, "mode");
        if (mode == MachineMode.OFF) {
            calibration = null;
        }
    }

    /** With the default overload factor. */
    public MachineOptions(MachineMode mode, MeasuredCalibration calibration) {
        this(mode, calibration, MachineComparison.DEFAULT_OVERLOAD_FACTOR);
    }

    /** No calibration: nothing is recorded, shown or compared. */
    public static MachineOptions none() {
        return new MachineOptions(MachineMode.OFF, null);
    }

    /**
     * {@code locust.machineOverloadFactor}: a number of at least {@value MachineComparison#FACTOR}, or {@code off}
     * (also {@code 0}) for none.
     *
     * @throws ConfigurationException for anything else
     */
    public static double parseOverloadFactor(String text) {
        String value = text == null ? "" : text.trim();
        if (value.isEmpty()) {
            return MachineComparison.DEFAULT_OVERLOAD_FACTOR;
        }
        if (value.equalsIgnoreCase("off") || value.equals("0")) {
            return Double.POSITIVE_INFINITY;
        }
        try {
            double factor = Double.parseDouble(value);
            if (factor >= MachineComparison.FACTOR && Double.isFinite(factor)) {
                return factor;
            }
        } catch (NumberFormatException e) {
            // the message below says what is accepted
        }
        throw new ConfigurationException("locust.machineOverloadFactor must be a number of at least "
                + MachineComparison.FACTOR + " (how many times as slow as when quiet) or off, not '" + value + "'");
    }

    public MachineOptions withOverloadFactor(double factor) {
        return new MachineOptions(mode, calibration, factor);
    }

    public boolean active() {
        return calibration != null;
    }
}
