package dev.locustmaven.compare;

import dev.locustmaven.model.MetricFormat;

/** How a paired change reads, the same in messages and in every output: {@code +20.0%}, {@code +1.5 pp}. */
public final class ChangeText {

    public static final String UNBOUNDED = "unbounded";

    private ChangeText() {}

    /** A ratio as a signed percentage ({@code 1.2} is {@code +20.0%}), a difference in the metric's unit. */
    public static String amount(Measure measure, String metric, double value) {
        return measure == Measure.RATIO
                ? MetricFormat.signedPercent((value - 1) * 100)
                : MetricFormat.signedWithUnit(metric, value);
    }

    /** {@code +14.0% to +26.0%}; a side that nothing bounds is {@code unbounded}. */
    public static String interval(PairedChange paired, String metric) {
        return bound(paired, metric, paired.lower()) + " to " + bound(paired, metric, paired.upper());
    }

    /** One bound, or {@code unbounded} (infinite, or a ratio of 0). */
    public static String bound(PairedChange paired, String metric, double value) {
        return isUnbounded(paired.measure(), value) ? UNBOUNDED : amount(paired.measure(), metric, value);
    }

    public static boolean isUnbounded(Measure measure, double value) {
        return Double.isInfinite(value) || (measure == Measure.RATIO && value <= 0);
    }
}
