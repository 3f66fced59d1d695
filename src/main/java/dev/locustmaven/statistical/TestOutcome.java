package dev.locustmaven.statistical;

import java.util.Objects;
import java.util.function.Function;

/**
 * The outcome of one statistical test of one value (or window of values) against the history of its series. Levels are
 * on the natural-log scale of the metric. Immutable; the explanation is written when first asked for, since a build's
 * verdict holds many tests and people read few of them.
 */
public final class TestOutcome {

    private final String gate;
    private final int n;
    private final double centreLog;
    private final double spreadLog;
    private final double valueLog;
    private final double statistic;
    private final double pValue;
    private final MetricDirection direction;
    private final Function<TestOutcome, String> writer;
    private volatile String explanation;

    TestOutcome(
            String gate,
            int n,
            double centreLog,
            double spreadLog,
            double valueLog,
            double statistic,
            double pValue,
            MetricDirection direction,
            Function<TestOutcome, String> writer) {
        this.gate = gate;
        this.n = n;
        this.centreLog = centreLog;
        this.spreadLog = spreadLog;
        this.valueLog = valueLog;
        this.statistic = statistic;
        this.pValue = pValue;
        this.direction = direction;
        this.writer = writer;
    }

    /** Which test: {@link PredictionIntervalGate#NAME} or {@link PersistenceGate#NAME}. */
    public String gate() {
        return gate;
    }

    /** How many reference runs the centre and spread came from. */
    public int n() {
        return n;
    }

    /** The robust centre of the reference (20% trimmed mean of the logs by default). */
    public double centreLog() {
        return centreLog;
    }

    /** The robust spread of the reference (winsorised standard deviation of the logs, floored). */
    public double spreadLog() {
        return spreadLog;
    }

    /** The tested value: the current run (or the median of the current runs), or the mean of the recent window. */
    public double valueLog() {
        return valueLog;
    }

    /** The standardised distance in the worse direction (positive means worse). */
    public double statistic() {
        return statistic;
    }

    /** The probability of a value at least this far in the worse direction if nothing changed. */
    public double pValue() {
        return pValue;
    }

    public MetricDirection direction() {
        return direction;
    }

    /** The comparison in plain words: what was compared with what, and how likely it is. */
    public String explanation() {
        String text = explanation;
        if (text == null) {
            text = writer.apply(this);
            explanation = text;
        }
        return text;
    }

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

    TestOutcome withExplanation(Function<TestOutcome, String> newWriter) {
        return new TestOutcome(gate, n, centreLog, spreadLog, valueLog, statistic, pValue, direction, newWriter);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TestOutcome t
                && gate.equals(t.gate)
                && n == t.n
                && Double.compare(centreLog, t.centreLog) == 0
                && Double.compare(spreadLog, t.spreadLog) == 0
                && Double.compare(valueLog, t.valueLog) == 0
                && Double.compare(statistic, t.statistic) == 0
                && Double.compare(pValue, t.pValue) == 0
                && direction == t.direction
                && explanation().equals(t.explanation());
    }

    @Override
    public int hashCode() {
        return Objects.hash(gate, n, centreLog, spreadLog, valueLog, statistic, pValue, direction);
    }

    @Override
    public String toString() {
        return gate + " (n " + n + ", p " + pValue + "): " + explanation();
    }
}
