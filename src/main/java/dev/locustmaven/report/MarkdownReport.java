package dev.locustmaven.report;

import dev.locustmaven.io.AtomicFile;
import dev.locustmaven.machine.MachineReport;
import dev.locustmaven.model.Check;
import dev.locustmaven.model.Status;
import dev.locustmaven.model.Verdict;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The verdict as GitHub-flavoured Markdown, for a CI step summary, a pull-request comment or an issue body: a heading
 * with the verdict, the run's context, failures, missing metrics, warnings and metrics without a baseline, one table
 * per service, and the number of checks that passed. Plain words, no emoji, so that it reads the same everywhere.
 */
public final class MarkdownReport {

    private static final String PROBLEM_HEADER =
            "| Service | Metric | Baseline | Current | Change | Rule | Message |\n|---|---|---:|---:|---:|---|---|\n";
    private static final String SERVICE_HEADER =
            "| Metric | Baseline | Current | Change | Rule | Status |\n|---|---:|---:|---:|---|---|\n";

    private MarkdownReport() {}

    public static String render(Verdict verdict, ReportContext context) {
        return render(verdict, context, null);
    }

    /** The report with the machine's calibration in the run's context; {@code machine} may be {@code null}. */
    public static String render(Verdict verdict, ReportContext context, MachineReport machine) {
        StringBuilder md = new StringBuilder();
        md.append("## Locust performance check: ").append(verdict.level()).append("\n\n");
        md.append(CheckText.counts(verdict)).append(".\n\n");
        appendContext(md, context, machine);

        appendProblems(md, "Failures", verdict.withStatus(Status.FAIL));
        appendProblems(md, "Missing metrics", verdict.withStatus(Status.MISSING));
        if (!verdict.warnings().isEmpty() || !verdict.withStatus(Status.WARN).isEmpty()) {
            md.append("### Warnings\n\n");
            verdict.warnings().forEach(w -> md.append("- ").append(escape(w)).append('\n'));
            if (!verdict.warnings().isEmpty()) {
                md.append('\n');
            }
            appendProblemTable(md, verdict.withStatus(Status.WARN));
        }
        appendProblems(md, "Without baseline", verdict.withStatus(Status.NO_BASELINE));

        Map<String, List<Check>> services = CheckText.byService(verdict.checks());
        if (!services.isEmpty()) {
            md.append("### Results by service\n\n");
            services.forEach((service, checks) -> {
                md.append("#### ").append(escape(service)).append("\n\n").append(SERVICE_HEADER);
                checks.forEach(check -> md.append(row(
                        CheckText.metric(check),
                        CheckText.value(check, check.baseline()),
                        CheckText.value(check, check.current()),
                        CheckText.change(check),
                        CheckText.rule(check),
                        check.status().name())));
                md.append('\n');
            });
        }
        md.append("### Passed\n\n")
                .append(verdict.withStatus(Status.PASS).size())
                .append(" of ")
                .append(verdict.checks().size())
                .append(verdict.checks().size() == 1 ? " check" : " checks")
                .append(" passed.\n");
        return md.toString();
    }

    /** Writes {@link #render} to {@code file} (usually {@code target/locust/report.md}), atomically. */
    public static void write(Path file, Verdict verdict, ReportContext context) {
        write(file, verdict, context, null);
    }

    /** Writes {@link #render(Verdict, ReportContext, MachineReport)} to {@code file}, atomically. */
    public static void write(Path file, Verdict verdict, ReportContext context, MachineReport machine) {
        try {
            AtomicFile.write(file, render(verdict, context, machine));
        } catch (IOException e) {
            throw new ReportFileException(file + ": cannot write the Markdown report: " + e, e);
        }
    }

    static void appendContext(StringBuilder md, ReportContext context, MachineReport machine) {
        int before = md.length();
        if (context.time() != null) {
            md.append("- Time: ").append(context.time()).append('\n');
        }
        if (context.gitCommit() != null) {
            md.append("- Commit: ").append(escape(context.gitCommit())).append('\n');
        }
        if (context.branch() != null) {
            md.append("- Branch: ").append(escape(context.branch())).append('\n');
        }
        if (context.buildLink() != null) {
            md.append("- Build: ").append(context.buildLink()).append('\n');
        }
        if (machine != null) {
            md.append("- Machine: ").append(escape(machine.line())).append('\n');
        }
        if (md.length() > before) {
            md.append('\n');
        }
    }

    private static void appendProblems(StringBuilder md, String title, List<Check> checks) {
        if (!checks.isEmpty()) {
            md.append("### ").append(title).append("\n\n");
            appendProblemTable(md, checks);
        }
    }

    private static void appendProblemTable(StringBuilder md, List<Check> checks) {
        if (checks.isEmpty()) {
            return;
        }
        md.append(PROBLEM_HEADER);
        checks.forEach(check -> md.append(row(
                check.key().service(),
                CheckText.metric(check),
                CheckText.value(check, check.baseline()),
                CheckText.value(check, check.current()),
                CheckText.change(check),
                CheckText.rule(check),
                check.message() == null ? CheckText.NONE : check.message())));
        md.append('\n');
    }

    private static String row(String... cells) {
        StringBuilder row = new StringBuilder("|");
        for (String cell : cells) {
            row.append(' ').append(escape(cell)).append(" |");
        }
        return row.append('\n').toString();
    }

    /**
     * Keeps user text (endpoint names, rules such as {@code > 1} or {@code *_p95_ms}, messages) from being read as
     * Markdown or HTML, or from breaking a table row.
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\', '|', '*', '`', '[', ']' -> out.append('\\').append(c);
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                default -> out.append(Character.isISOControl(c) ? ' ' : c);
            }
        }
        return out.toString();
    }
}
