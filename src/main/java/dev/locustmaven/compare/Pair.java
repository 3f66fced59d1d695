package dev.locustmaven.compare;

import dev.locustmaven.model.Measurement;
import java.util.Objects;

/**
 * One metric measured in one pair of runs: the base system and the change, run one after the other with the same
 * load, so that what the machine did in between is shared by both.
 */
public record Pair(Measurement base, Measurement change) {

    public Pair {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(change, "change");
        if (!base.key().equals(change.key())) {
            throw new IllegalArgumentException(
                    "a pair compares one metric, not " + base.key() + " with " + change.key());
        }
    }
}
