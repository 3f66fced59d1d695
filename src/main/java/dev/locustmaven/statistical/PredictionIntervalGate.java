package dev.locustmaven.statistical;

import dev.locustmaven.model.MetricFormat;
import java.time.Instant;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * The immediate gate: is the current run outside the robust prediction interval of its history? Works on the log of
 * the metric (so a change is relative), with a trimmed-mean centre, a MAD-winsorised spread with a floor, and a Student
 * t quantile for the n − 1 degrees of freedom of the estimate.
 *
 * <p>z = (ln x − c) / (s · √(1 + k/n)), one-sided in the direction in which the metric gets worse, with k the trimmed
 * mean's variance relative to the mean's (1.14); the p-value is P(T<sub>ν</sub> &gt; z) with ν = 0.75 · (n − 1), because
 * the robust estimates vary more than the classical ones (see {@link GateSettings}).
 */
public final class PredictionIntervalGate {

    public static final String NAME = "prediction interval";

    private final GateSettings settings;
    private final double centreVariance;

    public PredictionIntervalGate(GateSettings settings) {
        this.settings = settings;
        this.centreVariance = settings.centreVarianceFactor();
    }

    /**
     * @param referenceLog the logs of the reference runs (at least 3)
     * @param currentLog the log of the current value (the median of the current runs when a breach was confirmed)
     * @param since the time of the oldest reference run, for the explanation
     */
    public TestOutcome test(double[] referenceLog, double currentLog, MetricDirection direction, Instant since) {
        return test(referenceLog, currentLog, direction, since, 0);
    }

    /**
     * @param toleranceLog a distance from the centre that is not counted (one reporting step of the metric, on the
     *     log scale), 0 for exact values
     */
    public TestOutcome test(
            double[] referenceLog, double currentLog, MetricDirection direction, Instant since, double toleranceLog) {
        int n = referenceLog.length;
        if (n < 3) {
            throw new IllegalArgumentException("the prediction interval needs at least 3 reference runs, not " + n);
        }
        double[] estimate = settings.centreAndSpread(referenceLog);
        double centre = estimate[0];
        double spread = estimate[1];
        double distance = StepTolerance.shrink(direction.worseSign() * (currentLog - centre), toleranceLog);
        double z = distance / (spread * Math.sqrt(1 + centreVariance / n));
        double p = TDistribution.of(settings.degreesOfFreedom(n)).survivalProbability(z);
        return new TestOutcome(NAME, n, centre, spread, currentLog, z, p, direction, t -> explain(t, since));
    }

    static String explain(TestOutcome t, Instant since) {
        return MetricFormat.number(Math.exp(t.valueLog())) + " against a centre of "
                + MetricFormat.number(Math.exp(t.centreLog()))
                + " over " + t.n() + " runs since " + MetricFormat.date(since) + " (robust spread "
                + MetricFormat.spreadPercent(100 * Math.expm1(t.spreadLog())) + "): "
                + MetricFormat.signedPercent(100 * t.change())
                + "; probability " + MetricFormat.probability(t.pValue()) + " of a value this "
                + (t.direction() == MetricDirection.LOWER_IS_BETTER ? "high" : "low") + " without a real change";
    }
}
