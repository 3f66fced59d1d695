package dev.locustmaven.compare;

import dev.locustmaven.model.Measurement;
import dev.locustmaven.model.MetricKey;
import java.util.List;
import java.util.Objects;

/**
 * One metric over the runs of a comparison.
 *
 * @param pairs the pairs where both runs have the metric, in run order
 * @param changeRuns the change's runs that have the metric, also where the base's partner lacks it, so that a fixed
 *     limit still judges a metric the base does not have
 * @param inBase true when any base run has the metric
 */
public record PairedMetric(MetricKey key, List<Pair> pairs, List<Measurement> changeRuns, boolean inBase) {

    public PairedMetric {
        Objects.requireNonNull(key, "key");
        pairs = List.copyOf(pairs);
        changeRuns = List.copyOf(changeRuns);
        if (pairs.stream().anyMatch(p -> !p.base().key().equals(key))
                || changeRuns.stream().anyMatch(m -> !m.key().equals(key))) {
            throw new IllegalArgumentException("every pair and run of " + key + " must be of that metric");
        }
    }

    public boolean inChange() {
        return !changeRuns.isEmpty();
    }
}
