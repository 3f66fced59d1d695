package dev.locustmaven.model;

import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Locust's statistics of one request entry (keyed by method and name), or of the Aggregated row.
 *
 * <p>Latencies are milliseconds; a value is {@code null} when Locust reported none (no timed requests, {@code N/A}).
 * {@code percentiles} maps a fraction (0.95) to Locust's value for it. {@code histogram} maps a response-time bucket
 * (ms) to its count; it is empty when the source had no histogram (CSV), and then the percentiles come from Locust's
 * own columns.
 */
public record EndpointStats(
        String method,
        String name,
        long requestCount,
        long failureCount,
        Double averageMs,
        Double minMs,
        Double maxMs,
        Double medianMs,
        Double averageContentSize,
        Double requestsPerSecond,
        Double failuresPerSecond,
        NavigableMap<Double, Double> percentiles,
        NavigableMap<Double, Long> histogram) {

    public static final String AGGREGATED = "Aggregated";

    public EndpointStats {
        method = method == null ? "" : method;
        Objects.requireNonNull(name, "name");
        percentiles = unmodifiable(percentiles);
        histogram = unmodifiable(histogram);
    }

    private static <V> NavigableMap<Double, V> unmodifiable(Map<Double, V> map) {
        return java.util.Collections.unmodifiableNavigableMap(map == null ? new TreeMap<>() : new TreeMap<>(map));
    }

    public boolean isAggregated() {
        return method.isEmpty() && AGGREGATED.equals(name);
    }

    /** Failures per request in percent, or 0 when there were no requests. */
    public double errorRatePct() {
        return requestCount == 0 ? 0.0 : 100.0 * failureCount / requestCount;
    }
}
