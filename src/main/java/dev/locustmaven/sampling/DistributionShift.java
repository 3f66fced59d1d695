package dev.locustmaven.sampling;

import dev.locustmaven.model.LocustPercentiles;
import dev.locustmaven.model.ResponseTimes;
import java.util.Comparator;
import java.util.Optional;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * How much slower a run's response times are than the baseline's as a whole: the Hodges-Lehmann estimate of the factor
 * between them (the median of the ratios of every run request to every baseline request) and its distribution-free
 * confidence bounds from the Mann-Whitney statistic (normal approximation, no correction for ties, which only widens
 * them).
 *
 * <p>A percentile of a thin endpoint rests on one or two requests (the p95 of 36 is the second-largest), so its own
 * bounds are wide and a baseline's can be unbounded. When a change scales the response times alike, the percentile
 * moves by the same factor as the whole distribution, which every request measures.
 *
 * <p>Locust rounds each response time to its bucket, up to half the bucket's width. The bounds reach a quarter of a
 * bucket beyond it, the rounding's average: the worst case (half) for every request at once would cost a large share of
 * the power, while a quarter kept a true shift exactly at a level below the nominal 5% one-sided error in simulation,
 * even for response times of a few milliseconds, where the rounding is coarse.
 */
public final class DistributionShift {

    /** Fewer requests on a side and the normal approximation of the rank statistic is not trusted. */
    static final long MIN_REQUESTS = 10;

    /** Below anything Locust's histogram holds, so that the logarithm of a 0 ms bucket's lower edge is finite. */
    private static final double FLOOR_MS = 0.01;

    private final Pairs low;
    private final Pairs high;
    private final double estimate;
    private final long runRequests;
    private final long baselineRequests;

    private DistributionShift(ResponseTimes run, ResponseTimes baseline) {
        this.low = new Pairs(Side.of(run, -1), Side.of(baseline, 1));
        this.estimate = Math.exp(
                new Pairs(Side.of(run, 0), Side.of(baseline, 0)).median((double) run.size() * baseline.size()));
        this.high = new Pairs(Side.of(run, 1), Side.of(baseline, -1));
        this.runRequests = run.size();
        this.baselineRequests = baseline.size();
    }

    /**
     * The shift between two sets of response times; empty when a side has fewer than {@value #MIN_REQUESTS} requests
     * or was rebuilt from Locust's percentile columns (too coarse to rank).
     */
    public static Optional<DistributionShift> between(ResponseTimes run, ResponseTimes baseline) {
        if (run.approximate()
                || baseline.approximate()
                || run.size() < MIN_REQUESTS
                || baseline.size() < MIN_REQUESTS) {
            return Optional.empty();
        }
        return Optional.of(new DistributionShift(run, baseline));
    }

    /** The factor {@code run / baseline} (1.6 is +60%) and its bounds at the one-sided {@code confidence}. */
    public Shift at(double confidence) {
        return at(confidence, 1, 1);
    }

    /**
     * The same as if each side had {@code runFactor} and {@code baselineFactor} times its requests, in the same
     * proportions: how far longer runs would narrow the bounds.
     */
    public Shift at(double confidence, double runFactor, double baselineFactor) {
        SamplingError.requireConfidence(confidence);
        double m = runRequests * runFactor;
        double n = baselineRequests * baselineFactor;
        double scale = runFactor * baselineFactor;
        double pairs = m * n;
        double z = NormalDistribution.of(0, 1).inverseSurvivalProbability(1 - confidence);
        // the k-th smallest of the pairwise log ratios bounds the shift from below, the k-th largest from above
        double k = Math.floor(pairs / 2 - z * Math.sqrt(pairs * (m + n + 1) / 12.0));
        double lower = k < 1 ? 0 : Math.exp(low.kth(k / scale));
        double upper = k < 1 ? Double.POSITIVE_INFINITY : Math.exp(high.kth((pairs - k + 1) / scale));
        return new Shift(
                estimate,
                new ChangeBounds(Math.min(lower, estimate), Math.max(upper, estimate)),
                Math.round(m),
                Math.round(n));
    }

    /**
     * @param estimate the factor the response times moved by (1.0 is no change)
     * @param bounds its one-sided confidence bounds
     * @param runRequests requests on the run's side
     * @param baselineRequests requests on the baseline's side
     */
    public record Shift(double estimate, ChangeBounds bounds, long runRequests, long baselineRequests) {}

    /** One side's buckets on the log scale, ascending, with their counts. */
    private record Side(double[] logs, double[] counts) {

        /** The buckets moved by a quarter of their width down ({@code -1}), not at all ({@code 0}) or up ({@code 1}). */
        static Side of(ResponseTimes times, int direction) {
            double[][] buckets = times.buckets().entrySet().stream()
                    .map(b -> new double[] {Math.log(edge(b.getKey(), direction)), b.getValue()})
                    .sorted(Comparator.comparingDouble(b -> b[0]))
                    .toArray(double[][]::new);
            double[] logs = new double[buckets.length];
            double[] counts = new double[buckets.length];
            for (int i = 0; i < buckets.length; i++) {
                logs[i] = buckets[i][0];
                counts[i] = buckets[i][1];
            }
            return new Side(logs, counts);
        }
    }

    /**
     * The log ratios of every (run request, baseline request) pair, without listing them: the weight of the pairs at
     * or below a value is counted in one pass over both sides, and the {@code k}-th smallest found by bisection.
     */
    private static final class Pairs {
        private final Side run;
        private final Side baseline;
        /** {@code above[j]}: the baseline's requests in buckets {@code j} and up. */
        private final double[] above;

        Pairs(Side run, Side baseline) {
            this.run = run;
            this.baseline = baseline;
            this.above = new double[baseline.logs.length + 1];
            for (int j = baseline.logs.length - 1; j >= 0; j--) {
                above[j] = above[j + 1] + baseline.counts[j];
            }
        }

        /** The weight of the pairs whose log ratio is at most {@code t}. */
        private double atOrBelow(double t) {
            double weight = 0;
            int j = 0;
            for (int i = 0; i < run.logs.length; i++) {
                while (j < baseline.logs.length && baseline.logs[j] < run.logs[i] - t) {
                    j++;
                }
                weight += run.counts[i] * above[j];
            }
            return weight;
        }

        /** The smallest pair log ratio above {@code t}. */
        private double smallestAbove(double t) {
            double smallest = Double.POSITIVE_INFINITY;
            int j = 0;
            for (int i = 0; i < run.logs.length; i++) {
                while (j < baseline.logs.length && baseline.logs[j] < run.logs[i] - t) {
                    j++;
                }
                if (j > 0) {
                    smallest = Math.min(smallest, run.logs[i] - baseline.logs[j - 1]);
                }
            }
            return smallest;
        }

        /** The {@code k}-th smallest (from 1; a fractional rank is rounded up) of the pairs' log ratios. */
        double kth(double k) {
            double lo = run.logs[0] - baseline.logs[baseline.logs.length - 1];
            double hi = run.logs[run.logs.length - 1] - baseline.logs[0];
            if (atOrBelow(lo) >= k) {
                return lo;
            }
            // invariant: fewer than k pairs at or below lo, at least k at or below hi
            for (int step = 0; step < 200 && Math.nextUp(lo) < hi; step++) {
                double mid = lo + (hi - lo) / 2;
                if (atOrBelow(mid) >= k) {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
            return Math.min(hi, smallestAbove(lo));
        }

        double median(double count) {
            double middle = Math.floor((count + 1) / 2);
            return count % 2 == 1 ? kth(middle) : (kth(middle) + kth(middle + 1)) / 2;
        }
    }

    /**
     * A bucket's value moved by a quarter of its width down ({@code -1}) or up ({@code 1}); a bucket of 0 ms stands
     * for less than half a millisecond, taken as a quarter for the estimate.
     */
    private static double edge(double bucket, int direction) {
        double value = bucket + direction * LocustPercentiles.bucketWidth(bucket) / 4;
        return direction == 0 ? Math.max(bucket, 0.25) : Math.max(value, FLOOR_MS);
    }
}
