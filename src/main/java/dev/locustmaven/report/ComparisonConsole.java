package dev.locustmaven.report;

import dev.locustmaven.compare.Comparison;
import dev.locustmaven.compare.PairedCheck;
import dev.locustmaven.model.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A paired comparison as console lines, laid out as {@link ConsoleReport} lays out a verdict: warnings, then the
 * checks that are not PASS with their messages, then one fixed-width table per service, then one line such as {@code
 * Locust comparison: FAIL (1 failed, 0 warnings, 7 passed; 3 pairs)}.
 */
public final class ComparisonConsole {

    private static final String[] HEADER = {"metric", "base", "change", "vs base", "interval", "rule", "status"};
    private static final boolean[] RIGHT_ALIGNED = {false, true, true, true, false, false, false};

    private ComparisonConsole() {}

    public static List<String> lines(Comparison comparison) {
        List<String> lines = new ArrayList<>();
        comparison.warnings().forEach(warning -> lines.add("WARN " + warning));
        for (Status status : List.of(Status.WARN, Status.NO_BASELINE, Status.FAIL, Status.MISSING)) {
            comparison.withStatus(status).forEach(check -> lines.add(status + " " + check.message()));
        }
        Map<String, List<PairedCheck>> services = new LinkedHashMap<>();
        comparison
                .checks()
                .forEach(c -> services.computeIfAbsent(c.key().service(), s -> new ArrayList<>())
                        .add(c));
        services.forEach((service, checks) -> {
            if (!lines.isEmpty()) {
                lines.add("");
            }
            lines.add(service);
            List<String[]> rows = new ArrayList<>();
            rows.add(HEADER);
            checks.forEach(c -> rows.add(new String[] {
                ComparisonText.metric(c),
                ComparisonText.value(c, c.base()),
                ComparisonText.value(c, c.change()),
                ComparisonText.change(c),
                ComparisonText.interval(c),
                c.rule(),
                c.status().name()
            }));
            lines.addAll(ConsoleReport.aligned(rows, RIGHT_ALIGNED));
        });
        if (!lines.isEmpty()) {
            lines.add("");
        }
        lines.add("Locust comparison: " + comparison.level() + " (" + ComparisonText.counts(comparison) + "; "
                + comparison.pairs() + (comparison.pairs() == 1 ? " pair" : " pairs") + ")");
        return lines;
    }
}
