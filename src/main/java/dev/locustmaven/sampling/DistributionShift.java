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
 * moves by the same factor as the whole distribution, which every request measures. The bounds reach over Locust's
 * rounding: a bucket stands for response times up to half its width either side.
 */
public final class DistributionShift {

    /** Fewer requests on a side and the normal approximation of the rank statistic is not trusted. */
    static final long MIN_REQUESTS = 10;

    private final double[][] low;
    private final double[][] middle;
    private final double[][] high;
    private final long runRequests;
    private final long baselineRequests;

    private DistributionShift(ResponseTimes run, ResponseTimes baseline) {
        this.low = pairLogs(run, baseline, Edge.LOW);
        this.middle = pairLogs(run, baseline, Edge.MIDDLE);
        this.high = pairLogs(run, baseline, Edge.HIGH);
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
        double estimate = Math.exp(median(middle, runRequests * baselineRequests));
        double lower = k < 1 ? 0 : Math.exp(kth(low, k / scale));
        double upper = k < 1 ? Double.POSITIVE_INFINITY : Math.exp(kth(high, (pairs - k + 1) / scale));
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

    /** Which end of both buckets a pair's ratio is taken at: the least ratio, the bucket values, the greatest. */
    private enum Edge {
        LOW,
        MIDDLE,
        HIGH
    }

    /** Every (run bucket, baseline bucket) pair's log ratio, sorted, with the pair's weight (count times count). */
    private static double[][] pairLogs(ResponseTimes run, ResponseTimes baseline, Edge edge) {
        int size = run.buckets().size() * baseline.buckets().size();
        double[][] pairs = new double[size][];
        int i = 0;
        for (Map.Entry<Double, Long> r : run.buckets().entrySet()) {
            double runLog = Math.log(edge(r.getKey(), edge == Edge.LOW ? -1 : edge == Edge.HIGH ? 1 : 0));
            for (Map.Entry<Double, Long> b : baseline.buckets().entrySet()) {
                double baselineLog = Math.log(edge(b.getKey(), edge == Edge.LOW ? 1 : edge == Edge.HIGH ? -1 : 0));
                pairs[i++] = new double[] {runLog - baselineLog, (double) r.getValue() * b.getValue()};
            }
        }
        Arrays.sort(pairs, (x, y) -> Double.compare(x[0], y[0]));
        return pairs;
    }

    /**
     * A bucket's value moved by half its width down ({@code -1}) or up ({@code 1}); a bucket of 0 ms stands for
     * less than half a millisecond, taken as a quarter for the estimate so that its logarithm is finite.
     */
    private static double edge(double bucket, int direction) {
        double value = bucket + direction * LocustPercentiles.bucketWidth(bucket) / 2;
        return direction == 0 ? Math.max(bucket, 0.25) : Math.max(value, 0);
    }

    /** The {@code k}-th smallest (from 1, may be fractional) of the weighted values. */
    private static double kth(double[][] sorted, double k) {
        double seen = 0;
        for (double[] pair : sorted) {
            seen += pair[1];
            if (seen >= k) {
                return pair[0];
            }
        }
        return sorted[sorted.length - 1][0];
    }

    private static double median(double[][] sorted, double count) {
        double middle = Math.floor((count + 1) / 2);
        return count % 2 == 1 ? kth(sorted, middle) : (kth(sorted, middle) + kth(sorted, middle + 1)) / 2;
    }
}
