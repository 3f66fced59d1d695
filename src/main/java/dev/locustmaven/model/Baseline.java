package dev.locustmaven.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
 * @param samples what each value was measured from, where the file records it ({@code sampling}); a value without
 *     one is judged as exact
 */
public record Baseline(
        String version,
        Instant effectiveFrom,
        Instant validUntil,
        String updatedBy,
        Map<String, String> metadata,
        Map<MetricKey, MetricValue> values,
        Map<MetricKey, String> texts,
        Map<MetricKey, Sample> samples) {

    public Baseline {
        metadata = Collections.unmodifiableMap(new TreeMap<>(metadata));
        values = Collections.unmodifiableMap(new TreeMap<>(values));
        texts = Collections.unmodifiableMap(new TreeMap<>(texts));
        samples = Collections.unmodifiableMap(new TreeMap<>(samples));
    }

    /** A baseline that records no samples: every value is judged as exact. */
    public Baseline(
            String version,
            Instant effectiveFrom,
            Instant validUntil,
            String updatedBy,
            Map<String, String> metadata,
            Map<MetricKey, MetricValue> values,
            Map<MetricKey, String> texts) {
        this(version, effectiveFrom, validUntil, updatedBy, metadata, values, texts, Map.of());
    }

    /** Every value with the sample it was measured from, as a run's measurements are. */
    public Measurements measurements() {
        List<Measurement> all = new ArrayList<>(values.size());
        values.forEach((key, value) -> all.add(new Measurement(key, value, sample(key))));
        return Measurements.of(all);
    }

    /** The sample a value was measured from; {@link Sample.Exact} when the file records none. */
    public Sample sample(MetricKey key) {
        return samples.getOrDefault(key, new Sample.Exact(0));
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
