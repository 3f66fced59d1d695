package dev.locustmaven.report;

import dev.locustmaven.compare.ChangeText;
import dev.locustmaven.compare.Comparison;
import dev.locustmaven.compare.PairedCheck;
import dev.locustmaven.model.MetricFormat;
import dev.locustmaven.model.MetricValue;
import dev.locustmaven.model.Status;
import java.util.ArrayList;
import java.util.List;

/** The words and numbers every human-readable output shows for a paired check, as {@link CheckText} for a check. */
final class ComparisonText {

    private ComparisonText() {}

    /** {@code 1 failed, 2 warnings, 14 passed}, then missing and unbased counts when there are any. */
    static String counts(Comparison comparison) {
        int warnings = comparison.withStatus(Status.WARN).size()
                + comparison.warnings().size();
        List<String> parts = new ArrayList<>();
        parts.add(comparison.withStatus(Status.FAIL).size() + " failed");
        parts.add(warnings + (warnings == 1 ? " warning" : " warnings"));
        parts.add(comparison.withStatus(Status.PASS).size() + " passed");
        int missing = comparison.withStatus(Status.MISSING).size();
        if (missing > 0) {
            parts.add(missing + " missing");
        }
        int noBase = comparison.withStatus(Status.NO_BASELINE).size();
        if (noBase > 0) {
            parts.add(noBase + " without base");
        }
        return String.join(", ", parts);
    }

    /** {@code p95_latency_ms}, or {@code GET /items/p95_latency_ms} for an endpoint's metric. */
    static String metric(PairedCheck check) {
        return check.key().isServiceLevel()
                ? check.key().metric()
                : check.key().endpoint() + "/" + check.key().metric();
    }

    static String value(PairedCheck check, MetricValue value) {
        return value == null
                ? CheckText.NONE
                : MetricFormat.withUnit(check.key().metric(), value);
    }

    static String change(PairedCheck check) {
        return check.paired() == null
                ? CheckText.NONE
                : ChangeText.amount(
                        check.measure(), check.key().metric(), check.paired().estimate());
    }

    static String interval(PairedCheck check) {
        return check.paired() == null
                ? CheckText.NONE
                : ChangeText.interval(check.paired(), check.key().metric());
    }
}
