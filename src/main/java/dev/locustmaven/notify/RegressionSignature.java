package dev.locustmaven.notify;

import dev.locustmaven.model.Check;
import dev.locustmaven.model.MetricKey;
import dev.locustmaven.model.Verdict;
import java.util.Arrays;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Which regressions a run has: the set of metrics ({@code service/metric} or {@code service/endpoint/metric}) whose
 * checks reached the issue level. Two runs with the same signature are the same regression, so the second one
 * comments on the first one's issue instead of opening another.
 *
 * <p>Only the checks at the issue level count (with the FAIL level, warnings are left out), so that a warning which
 * comes and goes does not make every run look like a new regression.
 */
public record RegressionSignature(SortedSet<String> metrics) {

    public RegressionSignature {
        metrics = Collections.unmodifiableSortedSet(new TreeSet<>(metrics));
    }

    public static RegressionSignature of(Verdict verdict, IssueLevel level) {
        return new RegressionSignature(verdict.checks().stream()
                .filter(check -> level.covers(check.status()))
                .map(Check::key)
                .map(MetricKey::toString)
                .collect(Collectors.toCollection(TreeSet::new)));
    }

    /** The inverse of {@link #encoded()}. */
    public static RegressionSignature decode(String encoded) {
        return new RegressionSignature(Arrays.stream(encoded.split(","))
                .filter(s -> !s.isEmpty())
                .map(HiddenMarkers::decode)
                .collect(Collectors.toCollection(TreeSet::new)));
    }

    /** The metrics encoded for a hidden marker and comma-separated; see {@link HiddenMarkers#encode(String)}. */
    public String encoded() {
        return metrics.stream().map(HiddenMarkers::encode).collect(Collectors.joining(","));
    }

    public boolean isEmpty() {
        return metrics.isEmpty();
    }

    @Override
    public String toString() {
        return String.join(", ", metrics);
    }
}
