package dev.locustmaven.machine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * This build's calibration as the reports show it, with the usual figures when the history has enough.
 *
 * @param comparison null when the history has too few comparable calibrations
 */
public record MachineReport(MeasuredCalibration calibration, MachineComparison comparison) {

    public MachineReport {
        Objects.requireNonNull(calibration, "calibration");
    }

    /**
     * For {@code report.md}: {@code CPU loop 16.9 ms, loopback round trip 0.0152 ms (usual: 16.5 ms and 0.015 ms,
     * medians of 14 builds; measured by the run goal)}.
     */
    public String line() {
        String usual = comparison == null
                ? ""
                : "usual: " + Figures.ms(comparison.usualCpuLoopMs()) + " and "
                        + Figures.ms(comparison.usualLoopbackRoundTripMs()) + ", medians of " + comparison.builds()
                        + " builds; ";
        return calibration.figures().describe() + " (" + usual + "measured by the " + calibration.measuredBy()
                + " goal)";
    }

    /**
     * For {@code verdict.json}: the object of {@code calibration.json}, and with enough history {@code usual}
     * ({@code cpu_loop_ms}, {@code loopback_round_trip_ms}, {@code builds}) and {@code speed} ({@code usual},
     * {@code slower} or {@code faster}).
     */
    public ObjectNode json() {
        ObjectNode node = CalibrationFile.node(calibration);
        if (comparison != null) {
            ObjectNode usual = node.putObject("usual");
            usual.put("cpu_loop_ms", Calibration.stored(comparison.usualCpuLoopMs()));
            usual.put("loopback_round_trip_ms", Calibration.stored(comparison.usualLoopbackRoundTripMs()));
            usual.put("builds", comparison.builds());
            node.put("speed", comparison.slower() ? "slower" : comparison.faster() ? "faster" : "usual");
        }
        return node;
    }
}
