package dev.locustmaven.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Locust's own percentile rule over its response-time histogram, so that numbers computed here match Locust's
 * report exactly.
 *
 * <p>The histogram's keys are Locust's buckets: response times rounded to 1 ms below 100 ms, 10 ms below 1 s, 100 ms
 * below 10 s and 1 s above, with Python's round-half-to-even. They arrive already rounded, so no rounding happens
 * here; the result of a percentile is always one of the keys, never an interpolation.
 */
public final class LocustPercentiles {

    /** {@code locust.stats.PERCENTILES_TO_REPORT}, unchanged in every 2.x release. */
    public static final List<Double> REPORTED =
            List.of(0.50, 0.66, 0.75, 0.80, 0.90, 0.95, 0.98, 0.99, 0.999, 0.9999, 1.0);

    private static final Pattern LABEL = Pattern.compile("(\\d+(?:\\.\\d+)?)%");

    private LocustPercentiles() {}

    /**
     * The width of Locust's bucket at a response time: 1 ms below 100 ms, 10 ms below 1 s, 100 ms below 10 s, 1 s
     * above. A percentile moves in these steps, so a change of one step can come from a change far smaller than it.
     */
    public static double bucketWidth(double responseTimeMs) {
        if (responseTimeMs < 100) {
            return 1;
        }
        if (responseTimeMs < 1_000) {
            return 10;
        }
        return responseTimeMs < 10_000 ? 100 : 1_000;
    }

    /** The bucket a response time falls in: rounded to the bucket's width, halves to even as Python's round does. */
    public static double bucket(double responseTimeMs) {
        double width = bucketWidth(responseTimeMs);
        return Math.rint(responseTimeMs / width) * width;
    }

    /**
     * The smallest time a bucket stands for: half the width of the buckets below it down (100 ms holds 99.5 to 105 ms).
     */
    public static double bucketFrom(double bucket) {
        return Math.max(bucket - bucketWidth(Math.nextDown(bucket)) / 2, 0);
    }

    /** The largest time a bucket stands for: half its own width up. */
    public static double bucketTo(double bucket) {
        return bucket + bucketWidth(bucket) / 2;
    }

    /**
     * {@code calculate_response_time_percentile}: the smallest bucket such that at most {@code int(count * fraction)}
     * requests lie above it, found by walking the buckets from the largest down.
     *
     * @param count the number of timed requests, {@code num_requests - num_none_requests}, as Locust 2.47 passes it
     *     (2.12.1 passed {@code num_requests}; the two differ only when some requests reported no response time, and
     *     the histogram holds timed requests only)
     * @return the bucket, or 0 when the histogram is empty (Locust's value when every response time was None)
     */
    public static double percentile(NavigableMap<Double, Long> histogram, long count, double fraction) {
        long allowedAbove = (long) (count * fraction);
        long processed = 0;
        for (Map.Entry<Double, Long> bucket : histogram.descendingMap().entrySet()) {
            processed += bucket.getValue();
            if (count - processed <= allowedAbove) {
                return bucket.getKey();
            }
        }
        return 0;
    }

    /** The {@link #REPORTED} percentiles of a histogram; empty when the histogram is. */
    public static NavigableMap<Double, Double> reported(NavigableMap<Double, Long> histogram, long count) {
        NavigableMap<Double, Double> result = new TreeMap<>();
        if (!histogram.isEmpty()) {
            REPORTED.forEach(fraction -> result.put(fraction, percentile(histogram, count, fraction)));
        }
        return result;
    }

    /**
     * Locust's median as 2.47 computes it: the 50th percentile of the histogram, clamped into [min, max] because the
     * buckets are coarser than the exact extremes (2.12.1 walked the buckets upwards instead, which can land one
     * bucket away). {@code null} when nothing was timed.
     */
    public static Double median(NavigableMap<Double, Long> histogram, long count, Double min, Double max) {
        if (histogram.isEmpty() || count <= 0) {
            return null;
        }
        double median = percentile(histogram, count, 0.5);
        if (max != null && median > max) {
            return max;
        }
        if (min != null && median < min) {
            return min;
        }
        return median;
    }

    /**
     * The fraction a CSV percentile header stands for: {@code 95%} is 0.95, {@code 99.9%} is 0.999, as written by
     * Locust's {@code get_readable_percentiles}. {@code null} for any other header.
     */
    public static Double fractionOfLabel(String header) {
        Matcher matcher = LABEL.matcher(header.strip());
        if (!matcher.matches()) {
            return null;
        }
        return new BigDecimal(matcher.group(1)).movePointLeft(2).doubleValue();
    }
}
