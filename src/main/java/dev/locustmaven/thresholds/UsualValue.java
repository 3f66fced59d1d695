package dev.locustmaven.thresholds;

import dev.locustmaven.model.Sample;
import java.util.Objects;

/**
 * What a metric usually is, by the comparable history: the median of its last runs' values, with their requests pooled
 * for its sampling error, as a baseline promoted from those runs would record it, and how far its runs ranged.
 *
 * @param runs how many runs
 * @param value the median of their values
 * @param lowest the lowest of their values
 * @param highest the highest of their values
 * @param sample their samples pooled
 */
public record UsualValue(int runs, double value, double lowest, double highest, Sample sample) {

    public UsualValue {
        if (runs < 1) {
            throw new IllegalArgumentException("a usual value comes from at least one run, not " + runs);
        }
        if (!(lowest <= value && value <= highest)) {
            throw new IllegalArgumentException(
                    "the usual value " + value + " lies outside its runs' range " + lowest + " to " + highest);
        }
        Objects.requireNonNull(sample, "sample");
    }
}
