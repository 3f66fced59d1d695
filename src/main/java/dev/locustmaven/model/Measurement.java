package dev.locustmaven.model;

import java.util.Objects;

/**
 * A metric's value in one run, and the sample it was computed from, which tells its sampling error.
 *
 * @param sample the response times, requests or count behind the value; {@link Sample.Exact} for a value judged as
 *     it stands
 */
public record Measurement(MetricKey key, MetricValue value, Sample sample) {

    public Measurement {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(sample, "sample");
    }

    /** A value judged as it stands, computed from {@code sampleSize} requests. */
    public Measurement(MetricKey key, MetricValue value, long sampleSize) {
        this(key, value, new Sample.Exact(sampleSize));
    }

    /** How many requests the value was computed from. */
    public long sampleSize() {
        return sample.size();
    }

    /**
     * True for a percentile of Locust's response-time histogram, which moves in the steps of {@link
     * LocustPercentiles#bucketWidth}.
     */
    public boolean bucketed() {
        return sample instanceof Sample.Quantile;
    }

    /** The same measurement with another value and sample, e.g. the runs of a confirmation pooled. */
    public Measurement with(MetricValue newValue, Sample newSample) {
        return new Measurement(key, newValue, newSample);
    }

    /** The same measurement with another value, e.g. the median of several runs. */
    public Measurement withValue(MetricValue newValue) {
        return new Measurement(key, newValue, sample);
    }
}
