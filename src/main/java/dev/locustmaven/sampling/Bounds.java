package dev.locustmaven.sampling;

/**
 * One-sided confidence bounds of a value: at the configured confidence the true value is at least {@code lower}, and
 * (separately) at most {@code upper}. A side that the sample cannot bound is infinite (an upper bound of a p99 from
 * 35 requests), or 0 below for a value that cannot be negative.
 *
 * @param estimate the value the sample gives, around which the bounds lie
 * @param approximate true when the sample was rebuilt from summaries (CSV input)
 */
public record Bounds(double estimate, double lower, double upper, boolean approximate) {

    /** A value without sampling error. */
    public static Bounds exact(double value) {
        return new Bounds(value, value, value, false);
    }

    public boolean isExact() {
        return lower == estimate && upper == estimate;
    }

    /**
     * The same relative error around another value of the statistic: the value written in a baseline, or the median of
     * several runs, carries the error of the sample it was read from. Relative for positive estimates (latencies and
     * throughputs scale), shifted otherwise (a rate of 0%).
     */
    public Bounds around(double value, boolean relative) {
        if (value == estimate) {
            return this;
        }
        if (relative && estimate > 0 && value > 0) {
            double scale = value / estimate;
            return new Bounds(value, lower * scale, upper * scale, approximate);
        }
        double shift = value - estimate;
        return new Bounds(value, lower + shift, upper + shift, approximate);
    }
}
