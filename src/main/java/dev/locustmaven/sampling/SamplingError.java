package dev.locustmaven.sampling;

import dev.locustmaven.failure.ConfigurationException;
import dev.locustmaven.model.LocustPercentiles;
import dev.locustmaven.model.ResponseTimes;
import dev.locustmaven.model.Sample;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apache.commons.statistics.distribution.GammaDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * The one-sided confidence bounds of a value from the sample it was computed from.
 *
 * <ul>
 *   <li>Percentile: distribution-free, from order statistics. The number of requests at or below the true
 *       {@code q}-quantile is binomial(n, q), so the {@code l}-th smallest response time lies at or below it with
 *       probability P(B &ge; l), and the {@code u}-th at or above it with P(B &lt; u). The bounds are the order
 *       statistics with those probabilities at least the confidence, widened to the far edge of their Locust bucket (a
 *       bucket stands for the response times rounded to it); beyond the sample a bound is infinite.
 *   <li>Average: Student's t with the histogram's standard deviation, never below 0.
 *   <li>Rate in percent: Wilson's score bounds for a binomial proportion.
 *   <li>Throughput: exact Poisson (Garwood) bounds of the request count, scaled to the rate; the load's own rhythm
 *       makes real counts vary less, so these bounds are on the safe side.
 * </ul>
 */
public final class SamplingError {

    private SamplingError() {}

    /**
     * @param value the value as reported (the estimate is recomputed from the sample and the bounds moved around this
     *     value, see {@link Bounds#around})
     * @param confidence one-sided, for example 0.95
     */
    public static Bounds of(Sample sample, double value, double confidence) {
        requireConfidence(confidence);
        if (sample instanceof Sample.Quantile q) {
            return quantile(q, confidence).around(value, true);
        }
        if (sample instanceof Sample.Mean m) {
            return mean(m, confidence).around(value, true);
        }
        if (sample instanceof Sample.Proportion p) {
            return proportion(p, confidence).around(value, false);
        }
        if (sample instanceof Sample.Count c) {
            return count(c, confidence).around(value, true);
        }
        return Bounds.exact(value);
    }

    static Bounds quantile(Sample.Quantile sample, double confidence) {
        ResponseTimes times = sample.times();
        long n = times.size();
        double estimate = LocustPercentiles.percentile(times.buckets(), n, sample.fraction());
        if (n == 0) {
            return new Bounds(estimate, 0, Double.POSITIVE_INFINITY, times.approximate());
        }
        long[] ranks = ranks(n, sample.fraction(), confidence);
        // a bucket stands for the response times Locust rounded to it, so a bound reaches the bucket's far edge
        double lower = times.orderStatisticFromBelow(ranks[0]);
        double upper = times.orderStatistic(ranks[1]);
        return new Bounds(
                estimate,
                Math.min(estimate, LocustPercentiles.bucketFrom(lower)),
                Math.max(estimate, LocustPercentiles.bucketTo(upper)),
                times.approximate());
    }

    /**
     * The ranks (from 1) of the order statistics that bound the {@code fraction} quantile of {@code n} values: the
     * largest {@code l} with P(B &ge; l) &ge; confidence and the smallest {@code u} with P(B &le; u - 1) &ge;
     * confidence, B binomial(n, fraction). {@code l} is 0 and {@code u} is n + 1 where the sample cannot bound.
     */
    static long[] ranks(long n, double fraction, double confidence) {
        if (fraction >= 1) {
            return new long[] {n, n + 1};
        }
        BinomialDistribution b = BinomialDistribution.of(Math.toIntExact(n), fraction);
        int below = b.inverseCumulativeProbability(1 - confidence);
        long lower = b.cumulativeProbability(below) <= 1 - confidence ? below + 1 : below;
        long upper = b.inverseCumulativeProbability(confidence) + 1L;
        return new long[] {Math.max(0, lower), Math.min(n + 1, upper)};
    }

    static Bounds mean(Sample.Mean sample, double confidence) {
        ResponseTimes times = sample.times();
        long n = times.size();
        double mean = times.mean();
        double sd = times.standardDeviation();
        if (n < 2 || !Double.isFinite(sd)) {
            return new Bounds(mean, 0, Double.POSITIVE_INFINITY, times.approximate());
        }
        double t = TDistribution.of(n - 1).inverseSurvivalProbability(1 - confidence);
        double half = t * sd / Math.sqrt(n);
        return new Bounds(mean, Math.max(0, mean - half), mean + half, times.approximate());
    }

    static Bounds proportion(Sample.Proportion sample, double confidence) {
        long n = sample.size();
        if (n == 0) {
            return new Bounds(0, 0, 100, false);
        }
        double p = (double) sample.events() / n;
        double z = NormalDistribution.of(0, 1).inverseSurvivalProbability(1 - confidence);
        double z2 = z * z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        return new Bounds(100 * p, 100 * Math.max(0, centre - half), 100 * Math.min(1, centre + half), false);
    }

    static Bounds count(Sample.Count sample, double confidence) {
        long k = sample.size();
        double lower = k == 0 ? 0 : GammaDistribution.of(k, 1).inverseCumulativeProbability(1 - confidence);
        double upper = GammaDistribution.of(k + 1, 1).inverseCumulativeProbability(confidence);
        return new Bounds(k, lower, upper, false);
    }

    static void requireConfidence(double confidence) {
        if (!(confidence >= 0.5 && confidence < 1)) {
            throw new ConfigurationException("a one-sided confidence lies in [0.5, 1), not " + confidence);
        }
    }
}
