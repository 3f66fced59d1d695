package dev.locustmaven.metrics;

import dev.locustmaven.model.Measurements;
import dev.locustmaven.model.MetricKey;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The metrics of a run, and why each user-defined metric that has no value could not be computed.
 *
 * @param unavailable user-defined metric keys without a value, each with a sentence saying why (for the gate's
 *     MISSING message)
 */
public record Extraction(Measurements measurements, Map<MetricKey, String> unavailable) {

    public Extraction {
        unavailable = Collections.unmodifiableMap(new TreeMap<>(unavailable));
    }
}
