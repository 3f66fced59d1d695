package dev.locustmaven.metrics;

import dev.locustmaven.model.EndpointStats;
import dev.locustmaven.model.LocustPercentiles;
import java.util.Collection;
import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Percentiles of one entry or of merged entries, with {@link LocustPercentiles Locust's own rule}, so that our numbers
 * match Locust's report. The total is the number of samples in the histogram, which is what Locust 2.47.0 passes
 * ({@code num_requests - num_none_requests}).
 */
public final class Percentiles {

    private static final double KEY_TOLERANCE = 1e-6;

    private Percentiles() {}

    /** The percentile {@code fraction} (0.95) of a histogram, or empty when it holds no samples. */
    public static OptionalDouble fromHistogram(NavigableMap<Double, Long> histogram, double fraction) {
        long total = histogram.values().stream().mapToLong(Long::longValue).sum();
        return total == 0
                ? OptionalDouble.empty()
                : OptionalDouble.of(LocustPercentiles.percentile(histogram, total, fraction));
    }

    /**
     * The percentile {@code fraction} of one entry: from its histogram when it has one, else Locust's own value for that
     * percentile (CSV column); empty when neither exists (Locust wrote {@code N/A}, or did not report that percentile).
     */
    public static OptionalDouble of(EndpointStats stats, double fraction) {
        if (!stats.histogram().isEmpty()) {
            return fromHistogram(stats.histogram(), fraction);
        }
        return reported(stats.percentiles(), fraction);
    }

    /** Adds up the bucket counts of several histograms. */
    public static NavigableMap<Double, Long> merge(Collection<? extends Map<Double, Long>> histograms) {
        NavigableMap<Double, Long> merged = new TreeMap<>();
        histograms.forEach(histogram -> histogram.forEach((bucket, count) -> merged.merge(bucket, count, Long::sum)));
        return merged;
    }

    /** A reported percentile looked up with a tolerance, because a parsed "99.9%" becomes 0.9990000000000001. */
    private static OptionalDouble reported(NavigableMap<Double, Double> percentiles, double fraction) {
        return percentiles.subMap(fraction - KEY_TOLERANCE, true, fraction + KEY_TOLERANCE, true).values().stream()
                .filter(v -> v != null)
                .mapToDouble(Double::doubleValue)
                .findFirst();
    }
}
