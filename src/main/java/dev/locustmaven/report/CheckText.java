package dev.locustmaven.report;

import dev.locustmaven.model.Check;
import dev.locustmaven.model.MetricFormat;
import dev.locustmaven.model.MetricValue;
import dev.locustmaven.model.Status;
import dev.locustmaven.model.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The words and numbers every human-readable output shows for a check, so that console, Markdown and JUnit agree. */
public final class CheckText {

    static final String NONE = "-";

    private CheckText() {}

    /** {@code p95_latency_ms}, or {@code GET /items · p95_latency_ms} for an endpoint's metric. */
    static String metric(Check check) {
        return check.key().label();
    }

    static String value(Check check, MetricValue value) {
        return value == null ? NONE : MetricFormat.withUnit(check.key().metric(), value);
    }

    static String change(Check check) {
        return change(check, "changed");
    }

    /**
     * The relative change with its sign; the signed difference when there is no relative one (a zero baseline);
     * {@code changedWord} for a flag that flipped.
     */
    public static String change(Check check, String changedWord) {
        if (check.baseline() instanceof MetricValue.Flag || check.current() instanceof MetricValue.Flag) {
            boolean differs = check.baseline() != null
                    && check.current() != null
                    && !check.baseline().equals(check.current());
            return differs ? changedWord : NONE;
        }
        if (check.changePct() != null) {
            return MetricFormat.signedPercent(check.changePct());
        }
        if (check.delta() != null) {
            return MetricFormat.signedWithUnit(check.key().metric(), check.delta());
        }
        return NONE;
    }

    static String rule(Check check) {
        return check.rule() == null ? NONE : check.rule();
    }

    /** The check's message, which names its service and metric, or the key alone when there is no message. */
    static String keyAndMessage(Check check) {
        return check.message() == null || check.message().isBlank()
                ? check.key().displayName()
                : check.message();
    }

    /** {@code 2 failed, 1 warning, 14 passed}, then missing and unbaselined counts when there are any. */
    static String counts(Verdict verdict) {
        int warnings =
                verdict.withStatus(Status.WARN).size() + verdict.warnings().size();
        List<String> parts = new ArrayList<>();
        parts.add(verdict.withStatus(Status.FAIL).size() + " failed");
        parts.add(warnings + (warnings == 1 ? " warning" : " warnings"));
        parts.add(verdict.withStatus(Status.PASS).size() + " passed");
        int missing = verdict.withStatus(Status.MISSING).size();
        if (missing > 0) {
            parts.add(missing + " missing");
        }
        int noBaseline = verdict.withStatus(Status.NO_BASELINE).size();
        if (noBaseline > 0) {
            parts.add(noBaseline + " without baseline");
        }
        return String.join(", ", parts);
    }

    /** The checks grouped by service, services in the order of their first check. */
    static Map<String, List<Check>> byService(List<Check> checks) {
        Map<String, List<Check>> groups = new LinkedHashMap<>();
        checks.forEach(check -> groups.computeIfAbsent(check.key().service(), s -> new ArrayList<>())
                .add(check));
        return groups;
    }
}
