package dev.locustmaven.report;

import dev.locustmaven.model.Check;
import dev.locustmaven.model.Status;
import dev.locustmaven.model.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The verdict as console lines: warnings, then failures, then one fixed-width table per service, then one verdict
 * line such as {@code Locust verdict: FAIL (2 failed, 1 warning, 14 passed)}.
 */
public final class ConsoleReport {

    private static final String[] HEADER = {"metric", "baseline", "current", "change", "rule", "status"};
    private static final boolean[] RIGHT_ALIGNED = {false, true, true, true, false, false};

    private ConsoleReport() {}

    /**
     * One line of the report.
     *
     * @param status the status the line reports (a warning of the verdict is a WARN); {@code null} for a line that
     *     reports none: a blank, a service's heading, a table row, the verdict line
     * @param failsBuild true for a line of a check that fails the build: a FAIL, or a MISSING its rule does not allow
     */
    public record Line(Status status, boolean failsBuild, String text) {

        /**
         * The log level of the line: an error for what fails the build, a warning for exactly what the verdict counts
         * as its warnings, information for the rest: a missing value its rule allows passes the build and is counted
         * as missing, not as a warning. A check without a baseline is no warning: a first run has only
         * those, and the verdict counts them apart ("10 without baseline"), so a {@code [WARNING]} line for each
         * would contradict the verdict's "0 warnings".
         */
        public Level level() {
            if (status == null) {
                return Level.INFO;
            }
            return switch (status) {
                case FAIL -> Level.ERROR;
                case MISSING -> failsBuild ? Level.ERROR : Level.INFO;
                case WARN -> Level.WARNING;
                default -> Level.INFO;
            };
        }
    }

    /** Log levels, as Maven's log has them. */
    public enum Level {
        ERROR,
        WARNING,
        INFO
    }

    public static List<String> lines(Verdict verdict) {
        return statusLines(verdict).stream().map(Line::text).toList();
    }

    /** The report's lines, each with the status it reports, so that a caller can log it at its level. */
    public static List<Line> statusLines(Verdict verdict) {
        List<Line> lines = new ArrayList<>();
        verdict.warnings().forEach(warning -> lines.add(new Line(Status.WARN, false, "WARN " + warning)));
        for (Status status : List.of(Status.WARN, Status.NO_BASELINE, Status.FAIL, Status.MISSING)) {
            verdict.withStatus(status)
                    .forEach(check -> lines.add(
                            new Line(status, check.failsBuild(), status + " " + CheckText.keyAndMessage(check))));
        }
        for (Map.Entry<String, List<Check>> service :
                CheckText.byService(verdict.checks()).entrySet()) {
            if (!lines.isEmpty()) {
                lines.add(plain(""));
            }
            lines.add(plain(service.getKey()));
            table(service.getValue()).forEach(row -> lines.add(plain(row)));
        }
        if (!lines.isEmpty()) {
            lines.add(plain(""));
        }
        lines.add(plain(verdictLine(verdict)));
        return lines;
    }

    private static Line plain(String text) {
        return new Line(null, false, text);
    }

    public static String verdictLine(Verdict verdict) {
        return "Locust verdict: " + verdict.level() + " (" + CheckText.counts(verdict) + ")";
    }

    private static List<String> table(List<Check> checks) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (Check check : checks) {
            rows.add(new String[] {
                CheckText.metric(check),
                CheckText.value(check, check.baseline()),
                CheckText.value(check, check.current()),
                CheckText.change(check),
                CheckText.rule(check),
                check.status().name()
            });
        }
        return aligned(rows, RIGHT_ALIGNED);
    }

    /** The rows as fixed-width lines, each column as wide as its widest cell, indented by two spaces. */
    static List<String> aligned(List<String[]> rows, boolean[] rightAligned) {
        int[] widths = new int[rightAligned.length];
        for (String[] row : rows) {
            for (int column = 0; column < row.length; column++) {
                widths[column] = Math.max(widths[column], row[column].length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int column = 0; column < row.length; column++) {
                String padding = " ".repeat(widths[column] - row[column].length());
                line.append("  ").append(rightAligned[column] ? padding + row[column] : row[column] + padding);
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }
}
