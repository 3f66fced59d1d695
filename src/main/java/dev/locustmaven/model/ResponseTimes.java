package dev.locustmaven.model;

import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The response times a latency value was computed from: Locust's histogram (bucket in ms to count), or, for input
 * without one (CSV), a stand-in rebuilt from Locust's percentile columns and marked approximate.
 *
 * @param buckets response time (ms) to count; a stand-in puts the requests between two reported percentiles at the
 *     upper one's value, so what it reads from above never understates
 * @param floors for a stand-in, the same requests at the lower one's value, so what it reads from below never
 *     overstates; equal to {@code buckets} for a real histogram
 * @param approximate true when the buckets were rebuilt from reported percentiles rather than read
 */
public record ResponseTimes(
        NavigableMap<Double, Long> buckets, NavigableMap<Double, Long> floors, boolean approximate) {

    public ResponseTimes {
        buckets = Collections.unmodifiableNavigableMap(new TreeMap<>(buckets));
        floors = floors == null ? buckets : Collections.unmodifiableNavigableMap(new TreeMap<>(floors));
    }

    /** A histogram as read. */
    public ResponseTimes(NavigableMap<Double, Long> buckets, boolean approximate) {
        this(buckets, null, approximate);
    }

    public static ResponseTimes of(Map<Double, Long> histogram) {
        return new ResponseTimes(new TreeMap<>(histogram), false);
    }

    /**
     * A stand-in histogram from Locust's percentile columns: the requests between two reported fractions are put at
     * the upper one's value, and in {@code floors} at the lower one's (the minimum below the median). Bounds read from
     * it are approximations, on the safe side by the spacing of the reported percentiles.
     *
     * @param reported fraction (0.95) to Locust's value; the keys {@code LocustPercentiles.REPORTED} or a subset
     * @param requests the timed requests the percentiles were computed from
     */
    public static ResponseTimes fromReportedPercentiles(
            NavigableMap<Double, Double> reported, long requests, Double min) {
        NavigableMap<Double, Long> buckets = new TreeMap<>();
        NavigableMap<Double, Long> floors = new TreeMap<>();
        long placed = 0;
        double previousValue = min == null ? 0 : min;
        for (Map.Entry<Double, Double> point : reported.entrySet()) {
            if (point.getValue() == null) {
                continue;
            }
            long upTo = Math.round(point.getKey() * requests);
            long count = upTo - placed;
            if (count > 0) {
                buckets.merge(point.getValue(), count, Long::sum);
                floors.merge(Math.min(previousValue, point.getValue()), count, Long::sum);
                placed = upTo;
            }
            previousValue = point.getValue();
        }
        if (placed < requests && !buckets.isEmpty()) {
            buckets.merge(buckets.lastKey(), requests - placed, Long::sum);
            floors.merge(previousValue, requests - placed, Long::sum);
        }
        return new ResponseTimes(buckets, floors, true);
    }

    /** The number of timed requests. */
    public long size() {
        return buckets.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * The {@code k}-th smallest response time (from 1); {@code 0} below the first, {@code +infinity} beyond the last,
     * since nothing bounds the sample there.
     */
    public double orderStatistic(long k) {
        return orderStatistic(buckets, k);
    }

    /** The {@code k}-th smallest response time read from below: for a stand-in, the lowest it can be. */
    public double orderStatisticFromBelow(long k) {
        return orderStatistic(floors, k);
    }

    private static double orderStatistic(NavigableMap<Double, Long> histogram, long k) {
        if (k < 1) {
            return 0;
        }
        long seen = 0;
        for (Map.Entry<Double, Long> bucket : histogram.entrySet()) {
            seen += bucket.getValue();
            if (seen >= k) {
                return bucket.getKey();
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    public double mean() {
        double sum = 0;
        long n = 0;
        for (Map.Entry<Double, Long> bucket : buckets.entrySet()) {
            sum += bucket.getKey() * bucket.getValue();
            n += bucket.getValue();
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** The sample standard deviation of the bucket values; NaN for fewer than two requests. */
    public double standardDeviation() {
        long n = size();
        if (n < 2) {
            return Double.NaN;
        }
        double mean = mean();
        double squares = 0;
        for (Map.Entry<Double, Long> bucket : buckets.entrySet()) {
            double d = bucket.getKey() - mean;
            squares += d * d * bucket.getValue();
        }
        return Math.sqrt(squares / (n - 1));
    }

    /** Two samples as one, e.g. the runs of a service pooled or the runs a baseline was promoted from. */
    public ResponseTimes plus(ResponseTimes other) {
        NavigableMap<Double, Long> merged = new TreeMap<>(buckets);
        other.buckets.forEach((bucket, count) -> merged.merge(bucket, count, Long::sum));
        NavigableMap<Double, Long> mergedFloors = new TreeMap<>(floors);
        other.floors.forEach((bucket, count) -> mergedFloors.merge(bucket, count, Long::sum));
        return new ResponseTimes(merged, mergedFloors, approximate || other.approximate);
    }
}
