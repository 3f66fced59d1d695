package dev.locustmaven.model;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The committed baseline: the accepted value of each metric, and when and by whom it was accepted.
 *
 * @param values service and endpoint metrics; only numbers and booleans of the file are metrics
 * @param metadata the file's {@code metadata} object, flattened to text (git commit, Locust version, environment)
 * @param texts the service and endpoint values that are strings (timestamps, notes): not metrics, but a rule that
 *     compares one with the run is told so instead of finding no baseline value
 */
public record Baseline(
        String version,
        Instant effectiveFrom,
        Instant validUntil,
        String updatedBy,
        Map<String, String> metadata,
        Map<MetricKey, MetricValue> values,
        Map<MetricKey, String> texts) {

    public Baseline {
        metadata = Collections.unmodifiableMap(new TreeMap<>(metadata));
        values = Collections.unmodifiableMap(new TreeMap<>(values));
        texts = Collections.unmodifiableMap(new TreeMap<>(texts));
    }

    public Optional<MetricValue> value(MetricKey key) {
        return Optional.ofNullable(values.get(key));
    }

    public boolean hasService(String service) {
        return values.keySet().stream().anyMatch(k -> k.service().equals(service));
    }

    /** True when {@code valid_until} is set and lies before {@code now}. */
    public boolean isStale(Instant now) {
        return validUntil != null && validUntil.isBefore(now);
    }
}
