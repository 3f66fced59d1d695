package dev.locustmaven.machine;

import java.util.Objects;

/**
 * What {@code check} knows of the machine: the mode, and this build's calibration.
 *
 * @param calibration null when there is none (the mode is off, or measuring failed)
 */
public record MachineOptions(MachineMode mode, MeasuredCalibration calibration) {

    public MachineOptions {
        Objects.requireNonNull(mode, "mode");
        if (mode == MachineMode.OFF) {
            calibration = null;
        }
    }

    /** No calibration: nothing is recorded, shown or compared. */
    public static MachineOptions none() {
        return new MachineOptions(MachineMode.OFF, null);
    }

    public boolean active() {
        return calibration != null;
    }
}
