package dev.locustmaven.report;

import dev.locustmaven.compare.Comparison;
import dev.locustmaven.compare.PairedCheck;
import dev.locustmaven.io.AtomicFile;
import dev.locustmaven.model.MetricFormat;
import dev.locustmaven.model.Status;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A paired comparison as GitHub-flavoured Markdown, for a CI step summary or a pull-request comment: a heading with
 * the verdict, how the systems were compared, failures, missing metrics and warnings with their messages, one table
 * per service, and the number of checks that passed. The same layout and words as {@link MarkdownReport}, with the
 * base measured now in place of the baseline and the change's interval beside it.
 */
public final class ComparisonMarkdown {

    private static final String PROBLEM_HEADER = "| Service | Metric | Base | Change | Change vs base | Interval | Rule"
            + " | Message |\n|---|---|---:|---:|---:|---|---|---|\n";
    private static final String SERVICE_HEADER =
            "| Metric | Base | Change | Change vs base | Interval | Rule | Status |\n|---|---:|---:|---:|---|---|---|\n";

    private ComparisonMarkdown() {}

    public static String render(Comparison comparison, ReportContext context) {
        StringBuilder md = new StringBuilder();
        md.append("## Locust comparison: ").append(comparison.level()).append("\n\n");
        md.append(ComparisonText.counts(comparison))
                .append("; the change against the base measured in the same build, ")
                .append(comparison.pairs())
                .append(comparison.pairs() == 1 ? " pair" : " pairs")
                .append(" of runs, bounds at ")
                .append(MetricFormat.number(comparison.confidence() * 100))
                .append("% confidence.\n\n");
        MarkdownReport.appendContext(md, context, null);
        appendProblems(md, "Failures", comparison.withStatus(Status.FAIL));
        appendProblems(md, "Missing metrics", comparison.withStatus(Status.MISSING));
        if (!comparison.warnings().isEmpty()
                || !comparison.withStatus(Status.WARN).isEmpty()) {
            md.append("### Warnings\n\n");
            comparison
                    .warnings()
                    .forEach(w ->
                            md.append("- ").append(MarkdownReport.escape(w)).append('\n'));
            if (!comparison.warnings().isEmpty()) {
                md.append('\n');
            }
            appendTable(md, comparison.withStatus(Status.WARN));
        }
        appendProblems(md, "Without base", comparison.withStatus(Status.NO_BASELINE));
        Map<String, List<PairedCheck>> services = new LinkedHashMap<>();
        comparison
                .checks()
                .forEach(c -> services.computeIfAbsent(c.key().service(), s -> new ArrayList<>())
                        .add(c));
        if (!services.isEmpty()) {
            md.append("### Results by service\n\n");
            services.forEach((service, checks) -> {
                md.append("#### ")
                        .append(MarkdownReport.escape(service))
                        .append("\n\n")
                        .append(SERVICE_HEADER);
                checks.forEach(c -> md.append(row(
                        ComparisonText.metric(c),
                        ComparisonText.value(c, c.base()),
                        ComparisonText.value(c, c.change()),
                        ComparisonText.change(c),
                        ComparisonText.interval(c),
                        c.rule(),
                        c.status().name())));
                md.append('\n');
            });
        }
        md.append("### Passed\n\n")
                .append(comparison.withStatus(Status.PASS).size())
                .append(" of ")
                .append(comparison.checks().size())
                .append(comparison.checks().size() == 1 ? " check" : " checks")
                .append(" passed.\n");
        return md.toString();
    }

    /** Writes {@link #render} to {@code file} (usually {@code target/locust/comparison.md}), atomically. */
    public static void write(Path file, Comparison comparison, ReportContext context) {
        try {
            AtomicFile.write(file, render(comparison, context));
        } catch (IOException e) {
            throw new ReportFileException(file + ": cannot write the Markdown comparison: " + e, e);
        }
    }

    private static void appendProblems(StringBuilder md, String title, List<PairedCheck> checks) {
        if (!checks.isEmpty()) {
            md.append("### ").append(title).append("\n\n");
            appendTable(md, checks);
        }
    }

    private static void appendTable(StringBuilder md, List<PairedCheck> checks) {
        if (checks.isEmpty()) {
            return;
        }
        md.append(PROBLEM_HEADER);
        checks.forEach(c -> md.append(row(
                c.key().service(),
                ComparisonText.metric(c),
                ComparisonText.value(c, c.base()),
                ComparisonText.value(c, c.change()),
                ComparisonText.change(c),
                ComparisonText.interval(c),
                c.rule(),
                c.message())));
        md.append('\n');
    }

    private static String row(String... cells) {
        StringBuilder row = new StringBuilder("|");
        for (String cell : cells) {
            row.append(' ').append(MarkdownReport.escape(cell)).append(" |");
        }
        return row.append('\n').toString();
    }
}
