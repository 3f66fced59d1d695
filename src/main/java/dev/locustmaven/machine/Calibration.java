package dev.locustmaven.machine;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * How fast this machine was when a build measured it: the figures one build's calibration yields, as the history
 * keeps them. Two calibrations are compared only when they were measured the same way ({@code method}).
 *
 * @param method how the figures were measured ({@link Calibrator#METHOD}); a later plugin that measures differently
 *     writes another number, and its figures are not compared with these
 * @param cpuLoopMs the median time of one repetition of the fixed CPU loop, in milliseconds
 * @param loopbackRoundTripMs the median time of one small TCP round trip over 127.0.0.1, in milliseconds
 */
public record Calibration(int method, double cpuLoopMs, double loopbackRoundTripMs) {

    public Calibration {
        if (method < 1) {
            throw new IllegalArgumentException("a calibration method is 1 or more, not " + method);
        }
        requirePositive("cpu_loop_ms", cpuLoopMs);
        requirePositive("loopback_round_trip_ms", loopbackRoundTripMs);
    }

    private static void requirePositive(String name, double value) {
        if (!Double.isFinite(value) || value <= 0) {
            throw new IllegalArgumentException(name + " must be a positive number, not " + value);
        }
    }

    /**
     * A figure as the files keep it: four significant digits, in plain notation. A calibration varies far more than
     * that between builds.
     */
    public static BigDecimal stored(double value) {
        BigDecimal rounded = BigDecimal.valueOf(value).round(new MathContext(4, RoundingMode.HALF_UP));
        return new BigDecimal(rounded.stripTrailingZeros().toPlainString());
    }

    /** {@code CPU loop 16.9 ms, loopback round trip 0.0152 ms}. */
    public String describe() {
        return "CPU loop " + Figures.ms(cpuLoopMs) + ", loopback round trip " + Figures.ms(loopbackRoundTripMs);
    }
}
