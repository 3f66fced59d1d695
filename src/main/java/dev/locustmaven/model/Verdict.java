package dev.locustmaven.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The decision for one build.
 *
 * @param level PASS, WARN or FAIL for the build as a whole
 * @param checks every check, in the order the outputs show them
 * @param warnings notes that do not depend on one metric: a stale baseline, runs that are not comparable
 */
public record Verdict(Status level, List<Check> checks, List<String> warnings) {

    public Verdict {
        if (level != Status.PASS && level != Status.WARN && level != Status.FAIL) {
            throw new IllegalArgumentException("A verdict is PASS, WARN or FAIL, not " + level);
        }
        checks = List.copyOf(checks);
        warnings = List.copyOf(warnings);
    }

    /** The verdict of these checks: FAIL when one fails the build, else WARN when one warns, else PASS. */
    public static Verdict of(List<Check> checks, List<String> warnings) {
        Status level = checks.stream().anyMatch(Check::failsBuild)
                ? Status.FAIL
                : checks.stream().anyMatch(c -> c.status() == Status.WARN) ? Status.WARN : Status.PASS;
        return new Verdict(level, checks, warnings);
    }

    /** This verdict with {@code more} warnings after its own; the same verdict when there are none. */
    public Verdict withWarnings(List<String> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<String> all = new ArrayList<>(warnings);
        all.addAll(more);
        return new Verdict(level, checks, all);
    }

    public List<Check> withStatus(Status status) {
        return checks.stream().filter(c -> c.status() == status).toList();
    }
}
