package dev.locustmaven.statistical;

/**
 * A summary of one series over the analysed runs.
 *
 * @param runs how many runs were analysed (the most recent ones, up to the analysis window)
 * @param current the latest value
 * @param slopePerRun the Theil-Sen slope: the median change per run, in the metric's unit
 * @param slopePerDay the Theil-Sen slope against time, per day; null when the runs span less than a day
 *     (a rate per day from runs minutes apart would only extrapolate their noise)
 * @param mannKendallP the two-sided Mann-Kendall p-value of a monotonic trend
 * @param coefficientOfVariation the sample standard deviation over the mean (volatility); NaN when the mean is 0
 * @param direction improving, degrading or stable, direction-aware
 */
public record Trend(
        int runs,
        double current,
        double mean,
        double median,
        double min,
        double max,
        double slopePerRun,
        Double slopePerDay,
        double mannKendallP,
        double coefficientOfVariation,
        TrendDirection direction) {

    /** The Theil-Sen slope per run relative to the median level: {@code 0.01} is 1% of the level per run. */
    public double relativeSlopePerRun() {
        return median == 0 ? 0 : slopePerRun / Math.abs(median);
    }
}
