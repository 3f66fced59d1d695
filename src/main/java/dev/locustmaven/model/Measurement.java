package dev.locustmaven.model;

import java.util.Objects;

/**
 * A metric's value in one run.
 *
 * @param sampleSize how many requests the value was computed from; a percentile of few requests is reported but
 *     should not fail a build
 */
public record Measurement(MetricKey key, MetricValue value, long sampleSize) {

    public Measurement {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }
}
