package dev.locustmaven.compare;

import dev.locustmaven.model.Status;
import java.util.List;

/**
 * The outcome of a paired comparison: every check, and the build's level.
 *
 * @param level FAIL when a check fails the build, else WARN when one warns, else PASS
 * @param pairs the pairs of runs the comparison made
 * @param confidence the one-sided confidence of every check's bounds, e.g. 0.95
 * @param warnings notes that concern the whole comparison
 */
public record Comparison(Status level, List<PairedCheck> checks, int pairs, double confidence, List<String> warnings) {

    public Comparison {
        if (level != Status.PASS && level != Status.WARN && level != Status.FAIL) {
            throw new IllegalArgumentException("A comparison is PASS, WARN or FAIL, not " + level);
        }
        checks = List.copyOf(checks);
        warnings = List.copyOf(warnings);
    }

    public static Comparison of(List<PairedCheck> checks, int pairs, double confidence, List<String> warnings) {
        Status level = checks.stream().anyMatch(PairedCheck::failsBuild)
                ? Status.FAIL
                : checks.stream().anyMatch(c -> c.status() == Status.WARN) ? Status.WARN : Status.PASS;
        return new Comparison(level, checks, pairs, confidence, warnings);
    }

    public List<PairedCheck> withStatus(Status status) {
        return checks.stream().filter(c -> c.status() == status).toList();
    }
}
