package dev.locustmaven.model;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The named metrics of one run, in key order. */
public record Measurements(Map<MetricKey, Measurement> byKey) {

    public Measurements {
        byKey = java.util.Collections.unmodifiableMap(new TreeMap<>(byKey));
    }

    public static Measurements of(Collection<Measurement> measurements) {
        Map<MetricKey, Measurement> map = new TreeMap<>();
        measurements.forEach(m -> map.put(m.key(), m));
        return new Measurements(map);
    }

    public Optional<Measurement> get(MetricKey key) {
        return Optional.ofNullable(byKey.get(key));
    }

    public List<Measurement> all() {
        return List.copyOf(byKey.values());
    }
}
