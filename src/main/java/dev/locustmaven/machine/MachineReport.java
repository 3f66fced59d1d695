package dev.locustmaven.machine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * This build's calibration as the reports show it, with the machine's quiet figures when the history has enough.
 *
 * @param comparison null when the history has too few comparable calibrations
 */
public record MachineReport(MeasuredCalibration calibration, MachineComparison comparison) {

    public MachineReport {
        Objects.requireNonNull(calibration, "calibration");
    }

    /**
     * For {@code report.md}: {@code CPU loop 16.9 ms, loopback round trip 0.0152 ms (quiet: 16.5 ms and 0.015 ms,
     * the 3rd fastest of 14 builds; measured by the run goal)}.
     */
    public String line() {
        String quiet = comparison == null
                ? ""
                : "quiet: " + Figures.ms(comparison.quietCpuLoopMs()) + " and "
                        + Figures.ms(comparison.quietLoopbackRoundTripMs()) + ", " + comparison.quietRank() + "; ";
        return calibration.figures().describe() + " (" + quiet + "measured by the " + calibration.measuredBy()
                + " goal)";
    }

    /**
     * For {@code verdict.json}: the object of {@code calibration.json}, and with enough history {@code quiet}
     * ({@code cpu_loop_ms}, {@code loopback_round_trip_ms}, {@code builds}) and {@code speed} ({@code usual},
     * {@code slower}, {@code overloaded} or {@code faster}).
     */
    public ObjectNode json() {
        ObjectNode node = CalibrationFile.node(calibration);
        if (comparison != null) {
            ObjectNode quiet = node.putObject("quiet");
            quiet.put("cpu_loop_ms", Calibration.stored(comparison.quietCpuLoopMs()));
            quiet.put("loopback_round_trip_ms", Calibration.stored(comparison.quietLoopbackRoundTripMs()));
            quiet.put("builds", comparison.builds());
            node.put("speed", comparison.speedName());
        }
        return node;
    }
}
