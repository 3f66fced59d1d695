package dev.locustmaven.machine;

import dev.locustmaven.failure.ConfigurationException;
import java.util.Locale;

/**
 * What the plugin does with the machine's calibration ({@code locust.machineCalibration}).
 *
 * <ul>
 *   <li>{@link #OFF}: nothing is measured, recorded or compared.
 *   <li>{@link #WARN}: measured, recorded and shown; a machine far from its usual speed is a warning of the verdict.
 *   <li>{@link #RECLASSIFY} (the default): as {@code WARN}, and on a machine slower than usual a latency failure that
 *       every endpoint of a service shares is reported as a warning instead of a regression ({@link MachineNoise}).
 * </ul>
 */
public enum MachineMode {
    OFF,
    WARN,
    RECLASSIFY;

    /** {@code off}, {@code warn} or {@code reclassify}, any case; {@code false} and {@code true} stand for the ends. */
    public static MachineMode parse(String text) {
        if (text == null || text.isBlank()) {
            return RECLASSIFY;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "off", "false" -> OFF;
            case "warn" -> WARN;
            case "reclassify", "true" -> RECLASSIFY;
            default ->
                throw new ConfigurationException("locust.machineCalibration must be off, warn or reclassify"
                        + " (true is reclassify, false is off), not '" + text.trim() + "'");
        };
    }

    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }
}
