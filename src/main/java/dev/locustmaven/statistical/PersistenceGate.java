package dev.locustmaven.statistical;

import dev.locustmaven.model.MetricFormat;
import java.time.Instant;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * The persistence gate: is the mean of the last few runs (the current one included) shifted against the runs before
 * them? It catches sustained shifts of 5 to 10 percent within a few builds, which a single run cannot show against its
 * noise.
 *
 * <p>On the log scale: d = mean(window) − c, z = d / (s · √(1/m + k/n)), one-sided in the worse direction, with c and s
 * the robust centre and spread of the n reference runs and k as in the {@link PredictionIntervalGate}; the p-value uses
 * n − 1 degrees of freedom. Window values are first pulled into c ± 4s, so one outlying run in the window counts as a
 * run at that fence.
 */
public final class PersistenceGate {

    public static final String NAME = "persistence";

    /**
     * Window values are pulled into c ± 4·s: one spike then moves the window mean by at most 4s/m. Measured by
     * simulation on normal data, this fence with n − 1 degrees of freedom keeps the false-alarm probability within
     * about ±10% of nominal down to 1e-4 for 30 to 64 reference runs (conservative below); the fence of 3s that the
     * spread uses made the test needlessly conservative (half the nominal rate at 1e-4).
     */
    static final double WINDOW_FENCE = 4.0;

    private final GateSettings settings;
    private final double centreVariance;

    public PersistenceGate(GateSettings settings) {
        this.settings = settings;
        this.centreVariance = settings.centreVarianceFactor();
    }

    /**
     * @param referenceLog the logs of the runs before the window (at least 3)
     * @param windowLog the logs of the most recent runs, the current one last
     * @param since the time of the oldest reference run, for the explanation
     */
    public TestOutcome test(double[] referenceLog, double[] windowLog, MetricDirection direction, Instant since) {
        return test(referenceLog, windowLog, direction, since, 0);
    }

    /**
     * @param toleranceLog a shift that is not counted (one reporting step of the metric, on the log scale), 0 for
     *     exact values
     */
    public TestOutcome test(
            double[] referenceLog, double[] windowLog, MetricDirection direction, Instant since, double toleranceLog) {
        int n = referenceLog.length;
        int m = windowLog.length;
        if (n < 3 || m < 1) {
            throw new IllegalArgumentException(
                    "the persistence gate needs at least 3 reference runs and 1 recent run, not " + n + " and " + m);
        }
        double[] estimate = settings.centreAndSpread(referenceLog);
        double centre = estimate[0];
        double spread = estimate[1];
        double fence = WINDOW_FENCE * spread;
        double sum = 0;
        for (double v : windowLog) {
            sum += Math.max(centre - fence, Math.min(centre + fence, v));
        }
        double windowMean = sum / m;
        double distance = StepTolerance.shrink(direction.worseSign() * (windowMean - centre), toleranceLog);
        double z = distance / (spread * Math.sqrt(1.0 / m + centreVariance / n));
        double p = TDistribution.of(n - 1).survivalProbability(z);
        return new TestOutcome(NAME, n, centre, spread, windowMean, z, p, direction, t -> explain(t, m, since));
    }

    static String explain(TestOutcome t, int windowSize, Instant since) {
        return "the last " + windowSize + " runs average " + MetricFormat.number(Math.exp(t.valueLog()))
                + " against a centre of " + MetricFormat.number(Math.exp(t.centreLog())) + " over the " + t.n()
                + " runs before them since " + MetricFormat.date(since) + " (robust spread "
                + MetricFormat.spreadPercent(100 * Math.expm1(t.spreadLog())) + "): "
                + MetricFormat.signedPercent(100 * t.change())
                + "; probability " + MetricFormat.probability(t.pValue())
                + " of a shift this large without a real change";
    }
}
