package dev.locustmaven.compare;

import dev.locustmaven.model.Measurement;
import dev.locustmaven.model.Measurements;
import dev.locustmaven.model.MetricKey;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The metrics of every run of a comparison: {@code base.get(i)} and {@code change.get(i)} are the i-th pair.
 *
 * @param base the base system's runs, one per pair
 * @param change the change's runs, one per pair
 */
public record PairedRuns(List<Measurements> base, List<Measurements> change) {

    public PairedRuns {
        base = List.copyOf(base);
        change = List.copyOf(change);
        if (base.size() != change.size() || base.isEmpty()) {
            throw new IllegalArgumentException("pairs need as many base runs as change runs, at least one: "
                    + base.size() + " base, " + change.size() + " change");
        }
    }

    public int pairs() {
        return base.size();
    }

    /** Every metric either side measured, in key order. */
    public SortedSet<MetricKey> keys() {
        SortedSet<MetricKey> keys = new TreeSet<>();
        base.forEach(run -> keys.addAll(run.byKey().keySet()));
        change.forEach(run -> keys.addAll(run.byKey().keySet()));
        return keys;
    }

    /** The metric's pairs: those where both runs measured it. */
    public PairedMetric metric(MetricKey key) {
        List<Pair> pairs = new ArrayList<>();
        List<Measurement> changeRuns = new ArrayList<>();
        boolean inBase = false;
        for (int i = 0; i < pairs(); i++) {
            Measurement b = base.get(i).get(key).orElse(null);
            Measurement c = change.get(i).get(key).orElse(null);
            inBase |= b != null;
            if (c != null) {
                changeRuns.add(c);
            }
            if (b != null && c != null) {
                pairs.add(new Pair(b, c));
            }
        }
        return new PairedMetric(key, pairs, changeRuns, inBase);
    }
}
