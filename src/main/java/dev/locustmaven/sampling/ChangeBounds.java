package dev.locustmaven.sampling;

/**
 * Confidence bounds of the change from a baseline value to a run's value, counting the error of both: the square-root
 * combination of each side's distance to its bound (the "method of variance estimates recovery" of Zou and Donner),
 * on the log scale for a ratio, so that skewed and one-sided intervals combine as they are. With one-sided bounds of
 * confidence c on each side, the change's bounds have about confidence c.
 *
 * @param lower the least change the data support: a ratio (1.6 is +60%) or a difference
 * @param upper the greatest
 */
public record ChangeBounds(double lower, double upper) {

    /** Bounds of {@code run / baseline}; 0 and infinity where a side is unbounded. */
    public static ChangeBounds ratio(Bounds run, Bounds baseline) {
        double c = run.estimate();
        double b = baseline.estimate();
        if (!(c > 0 && b > 0)) {
            return new ChangeBounds(0, Double.POSITIVE_INFINITY);
        }
        double log = Math.log(c / b);
        double down = Math.hypot(logDistance(c, run.lower()), logDistance(baseline.upper(), b));
        double up = Math.hypot(logDistance(run.upper(), c), logDistance(b, baseline.lower()));
        return new ChangeBounds(Math.exp(log - down), Math.exp(log + up));
    }

    /** Bounds of {@code run - baseline}. */
    public static ChangeBounds difference(Bounds run, Bounds baseline) {
        double d = run.estimate() - baseline.estimate();
        double down = Math.hypot(run.estimate() - run.lower(), baseline.upper() - baseline.estimate());
        double up = Math.hypot(run.upper() - run.estimate(), baseline.estimate() - baseline.lower());
        return new ChangeBounds(d - down, d + up);
    }

    /** {@code log(high / low)}, infinite when {@code low} is 0 or {@code high} infinite. */
    private static double logDistance(double high, double low) {
        if (high == low) {
            return 0;
        }
        if (!(low > 0) || Double.isInfinite(high)) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.log(high / low);
    }
}
