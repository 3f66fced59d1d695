package dev.locustmaven.stats;

/**
 * The outcome of one statistical test of one value (or window of values) against the history of its series. Levels are
 * on the natural-log scale of the metric.
 *
 * @param gate which test: {@link PredictionIntervalGate#NAME} or {@link PersistenceGate#NAME}
 * @param n how many reference runs the centre and spread came from
 * @param centreLog the robust centre of the reference (20% trimmed mean of the logs by default)
 * @param spreadLog the robust spread of the reference (winsorised standard deviation of the logs, floored)
 * @param valueLog the tested value: the current run, or the mean of the recent window
 * @param statistic the standardised distance in the worse direction (positive means worse)
 * @param pValue the probability of a value at least this far in the worse direction if nothing changed
 * @param explanation the comparison in plain words: what was compared with what, and how likely it is
 */
public record GateTest(
        String gate,
        int n,
        double centreLog,
        double spreadLog,
        double valueLog,
        double statistic,
        double pValue,
        MetricDirection direction,
        String explanation) {

    /** The relative change of the tested value against the centre: {@code +0.095} is 9.5% higher. */
    public double change() {
        return Math.expm1(valueLog - centreLog);
    }

    /** The relative change in the worse direction: positive when worse, whichever way the metric is better. */
    public double worseEffect() {
        double up = Math.expm1(valueLog - centreLog);
        double down = Math.expm1(centreLog - valueLog);
        return direction == MetricDirection.LOWER_IS_BETTER ? up : down;
    }

    GateTest withExplanation(String text) {
        return new GateTest(gate, n, centreLog, spreadLog, valueLog, statistic, pValue, direction, text);
    }
}
