package dev.locustmaven.model;

import java.util.Objects;

/**
 * A metric's value in one run.
 *
 * @param sampleSize how many requests the value was computed from; a percentile of few requests is reported but
 *     should not fail a build
 * @param bucketed true for a percentile of Locust's response-time histogram, which moves in the steps of
 *     {@link LocustPercentiles#bucketWidth}
 */
public record Measurement(MetricKey key, MetricValue value, long sampleSize, boolean bucketed) {

    public Measurement {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }

    /** A value that is not a percentile. */
    public Measurement(MetricKey key, MetricValue value, long sampleSize) {
        this(key, value, sampleSize, false);
    }

    /** The same measurement with another value, e.g. the median of several runs. */
    public Measurement withValue(MetricValue newValue) {
        return new Measurement(key, newValue, sampleSize, bucketed);
    }
}
