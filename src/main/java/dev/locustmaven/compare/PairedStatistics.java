package dev.locustmaven.compare;

import dev.locustmaven.model.Measurement;
import dev.locustmaven.model.Sample;
import dev.locustmaven.sampling.Bounds;
import dev.locustmaven.sampling.ChangeBounds;
import dev.locustmaven.sampling.SamplingError;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * The change over k pairs of runs and its confidence bounds.
 *
 * <p>A ratio is read on the log scale: per pair {@code r = ln(change / base)}, the estimate is {@code exp(mean r)}
 * (the geometric mean of the pair ratios, which equals the ratio of the two sides' geometric means). A difference is
 * read as it is: per pair {@code d = change - base}, the estimate is their mean.
 *
 * <p>Two intervals, each valid on its own, are computed, and on each side the wider one is kept:
 *
 * <ul>
 *   <li><b>Between pairs:</b> Student's t with k - 1 degrees of freedom on the per-pair changes, {@code mean ± t ·
 *       s / √k}. The spread {@code s} holds everything that differs from pair to pair: the machine's drift and
 *       each run's sampling error.
 *   <li><b>Sampling:</b> each side's runs pooled into one sample ({@link Sample#pooled}: the histograms merged, the
 *       requests added), its bounds from {@link SamplingError}, and the two combined by {@link ChangeBounds} (MOVER),
 *       placed around the paired estimate.
 * </ul>
 *
 * <p>Why the wider and not the two added (MOVER): {@code s²} already estimates the runs' sampling variance, so adding
 * it again would count it twice and cost power without making the interval more valid; and the union of two
 * intervals that each cover the true change at confidence c covers it at c or more. The sampling interval is still
 * needed as a floor: with k = 3, {@code s} rests on two degrees of freedom, and Locust rounds response times to
 * buckets (1, 10, 100 ms), so three pairs can show the same ratio by chance and give {@code s = 0}, a t interval of
 * width zero; and with one pair there is no {@code s} at all. A thin endpoint whose percentile the requests cannot
 * bound keeps an unbounded interval, so it never fails the build on a guess.
 *
 * <p>A ratio with a zero or negative value in any run (a 0 ms percentile) has no log: its estimate is then the ratio
 * of the two sides' means and its bounds are 0 and infinity.
 */
public final class PairedStatistics {

    private PairedStatistics() {}

    /**
     * @param pairs at least one; every value numeric, and for a ratio the base's {@link #centre} above 0
     * @param confidence one-sided, e.g. 0.95: the change is at least {@code lower()} with this confidence, and
     *     (separately) at most {@code upper()}
     */
    public static PairedChange of(Measure measure, List<Pair> pairs, double confidence) {
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("a paired change needs at least one pair");
        }
        List<Measurement> base = pairs.stream().map(Pair::base).toList();
        List<Measurement> change = pairs.stream().map(Pair::change).toList();
        double baseCentre = centre(measure, base);
        double changeCentre = centre(measure, change);
        if (measure == Measure.RATIO) {
            if (!(baseCentre > 0)) {
                throw new IllegalArgumentException("a ratio needs a base above 0, not " + baseCentre);
            }
            if (!allPositive(base) || !allPositive(change)) {
                ChangeBounds unbounded = new ChangeBounds(0, Double.POSITIVE_INFINITY);
                return new PairedChange(measure, changeCentre / baseCentre, unbounded, unbounded);
            }
        }
        Function<Pair, Double> perPair = measure == Measure.RATIO
                ? p -> Math.log(value(p.change()) / value(p.base()))
                : p -> value(p.change()) - value(p.base());
        double[] changes =
                pairs.stream().map(perPair).mapToDouble(Double::doubleValue).toArray();
        double mean = mean(changes);
        double estimate = measure == Measure.RATIO ? Math.exp(mean) : mean;
        ChangeBounds betweenPairs = changes.length < 2 ? null : betweenPairs(measure, changes, mean, confidence);
        Bounds baseBounds = SamplingError.of(pooled(base), baseCentre, confidence);
        Bounds changeBounds = SamplingError.of(pooled(change), changeCentre, confidence);
        ChangeBounds sampling = measure == Measure.RATIO
                ? ChangeBounds.ratio(changeBounds, baseBounds)
                : ChangeBounds.difference(changeBounds, baseBounds);
        return new PairedChange(measure, estimate, betweenPairs, sampling);
    }

    /**
     * One side's value over its runs: for a ratio the geometric mean (so that the ratio of the two sides' centres is the
     * paired estimate), the arithmetic mean where a value is 0 or below, and for a difference the arithmetic mean.
     */
    public static double centre(Measure measure, List<Measurement> runs) {
        double[] values = runs.stream().mapToDouble(PairedStatistics::value).toArray();
        if (measure == Measure.RATIO && allPositive(runs)) {
            double logs = 0;
            for (double v : values) {
                logs += Math.log(v);
            }
            return Math.exp(logs / values.length);
        }
        return mean(values);
    }

    /** The one-sided Student t bounds of the mean of the per-pair changes, on the log scale for a ratio. */
    private static ChangeBounds betweenPairs(Measure measure, double[] changes, double mean, double confidence) {
        int k = changes.length;
        double squares = 0;
        for (double c : changes) {
            squares += (c - mean) * (c - mean);
        }
        double s = Math.sqrt(squares / (k - 1));
        double t = TDistribution.of(k - 1).inverseSurvivalProbability(1 - confidence);
        double half = t * s / Math.sqrt(k);
        return measure == Measure.RATIO
                ? new ChangeBounds(Math.exp(mean - half), Math.exp(mean + half))
                : new ChangeBounds(mean - half, mean + half);
    }

    private static Sample pooled(List<Measurement> runs) {
        return runs.stream().map(Measurement::sample).reduce(Sample::pooled).orElseThrow();
    }

    private static boolean allPositive(List<Measurement> runs) {
        return runs.stream().allMatch(m -> value(m) > 0);
    }

    private static double value(Measurement m) {
        return m.value().asDouble();
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
