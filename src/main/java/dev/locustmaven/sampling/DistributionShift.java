package dev.locustmaven.sampling;

import dev.locustmaven.model.LocustPercentiles;
import dev.locustmaven.model.ResponseTimes;
import java.util.Arrays;
import java.util.Map;
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
 * <p>Locust rounds each response time to its bucket, so a recorded time stands for any time within half a bucket of it.
 * Each request is spread evenly over its bucket, and a pair of requests counts with the probability that the run's time
 * is at most the factor times the baseline's. Read at the buckets' values, ties and the grid of ratios between them put
 * a true shift exactly at a level beyond it too often, up to a third of the time for response times of a few
 * milliseconds; spread, it stays within the nominal error, and far less power is lost than by moving every bucket
 * towards the other side.
 */
public final class DistributionShift {

    /** Fewer requests on a side and the normal approximation of the rank statistic is not trusted. */
    static final long MIN_REQUESTS = 10;

    private final Pairs pairs;
    private final double estimate;
    private final long runRequests;
    private final long baselineRequests;

    private DistributionShift(ResponseTimes run, ResponseTimes baseline) {
        this.pairs = new Pairs(Buckets.of(run), Buckets.of(baseline));
        this.estimate = Math.exp(pairs.logRatioAt((double) run.size() * baseline.size() / 2));
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
        double count = m * n;
        double z = NormalDistribution.of(0, 1).inverseSurvivalProbability(1 - confidence);
        // the weight k of the pairs below the lower bound and above the upper one
        double k = Math.floor(count / 2 - z * Math.sqrt(count * (m + n + 1) / 12.0));
        double lower = k < 1 ? 0 : Math.exp(pairs.logRatioAt(k / scale));
        double upper = k < 1 ? Double.POSITIVE_INFINITY : Math.exp(pairs.logRatioAt((count - k) / scale));
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

    /** One side's buckets, ascending: the range of times each stands for, and its count. */
    private record Buckets(double[] from, double[] to, double[] counts) {

        /**
         * A bucket stands for the times Locust rounds to it: half the width of the buckets below it down (100 ms holds
         * 99.5 to 105 ms), half its own up. Times that are not Locust's buckets keep their ranges ascending.
         */
        static Buckets of(ResponseTimes times) {
            int size = times.buckets().size();
            double[] from = new double[size];
            double[] to = new double[size];
            double[] counts = new double[size];
            int i = 0;
            for (Map.Entry<Double, Long> bucket : times.buckets().entrySet()) {
                double value = bucket.getKey();
                from[i] = LocustPercentiles.bucketFrom(value);
                if (i > 0) {
                    from[i] = Math.max(from[i], Math.min(to[i - 1], value));
                }
                to[i] = LocustPercentiles.bucketTo(value);
                counts[i] = bucket.getValue();
                i++;
            }
            return new Buckets(from, to, counts);
        }

        int size() {
            return counts.length;
        }
    }

    /**
     * The log ratios of every (run request, baseline request) pair, each request spread over its bucket, without
     * listing them: the weight of the pairs at or below a value is summed over bucket pairs, whole where the two
     * buckets cannot overlap at that ratio, and the log ratio at a given weight found by bisection.
     */
    private static final class Pairs {
        /** Below anything Locust's histogram holds, so that the ratios to a 0 ms bucket are finite. */
        private static final double FLOOR_MS = 0.01;

        private final Buckets run;
        private final Buckets baseline;
        /** {@code above[j]}: the baseline's requests in buckets {@code j} and up. */
        private final double[] above;

        Pairs(Buckets run, Buckets baseline) {
            this.run = run;
            this.baseline = baseline;
            this.above = new double[baseline.size() + 1];
            for (int j = baseline.size() - 1; j >= 0; j--) {
                above[j] = above[j + 1] + baseline.counts[j];
            }
        }

        /**
         * The weight of the pairs whose run time is at most {@code factor} times the baseline's. For a run bucket
         * {@code [c, d]}, the baseline buckets wholly at or above {@code d / factor} count in full, those wholly at or
         * below {@code c / factor} not at all, and the few in between by the share of their range that is.
         */
        private double atOrBelow(double factor) {
            double weight = 0;
            for (int i = 0; i < run.size(); i++) {
                double c = run.from[i];
                double d = run.to[i];
                int whole = firstAtOrAbove(baseline.from, d / factor);
                double share = 0;
                for (int j = firstAbove(baseline.to, c / factor); j < whole; j++) {
                    share += baseline.counts[j] * overlap(c, d, baseline.from[j], baseline.to[j], factor);
                }
                weight += run.counts[i] * (above[whole] + share);
            }
            return weight;
        }

        /**
         * The probability that {@code v} at most {@code factor} times {@code u}, for {@code v} even over {@code [c, d]}
         * and {@code u} over {@code [a, b]}: the mean over {@code u} of {@code (factor u - c) / (d - c)}, clamped to
         * {@code [0, 1]}.
         */
        private static double overlap(double c, double d, double a, double b, double factor) {
            double rampFrom = Math.max(a, c / factor);
            double rampTo = Math.min(b, d / factor);
            double ramp = rampTo > rampFrom
                    ? (factor / 2 * (rampTo * rampTo - rampFrom * rampFrom) - c * (rampTo - rampFrom)) / (d - c)
                    : 0;
            double whole = Math.max(b - Math.max(a, d / factor), 0);
            return Math.min(Math.max((ramp + whole) / (b - a), 0), 1);
        }

        /** The log ratio at which the pairs at or below it weigh {@code weight} (between 0 and all of them). */
        double logRatioAt(double weight) {
            double lo = Math.log(Math.max(run.from[0], FLOOR_MS) / baseline.to[baseline.size() - 1]);
            double hi = Math.log(run.to[run.size() - 1] / Math.max(baseline.from[0], FLOOR_MS));
            for (int step = 0; step < 200 && Math.nextUp(lo) < hi; step++) {
                double mid = lo + (hi - lo) / 2;
                if (atOrBelow(Math.exp(mid)) >= weight) {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
            return hi;
        }

        /** The first index whose value is at or above {@code value}, in an ascending array. */
        private static int firstAtOrAbove(double[] values, double value) {
            int index = Arrays.binarySearch(values, value);
            if (index < 0) {
                return -index - 1;
            }
            while (index > 0 && values[index - 1] == value) {
                index--;
            }
            return index;
        }

        /** The first index whose value is above {@code value}, in an ascending array. */
        private static int firstAbove(double[] values, double value) {
            int index = Arrays.binarySearch(values, value);
            if (index < 0) {
                return -index - 1;
            }
            while (index < values.length && values[index] == value) {
                index++;
            }
            return index;
        }
    }
}
