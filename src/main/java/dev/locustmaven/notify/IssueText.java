package dev.locustmaven.notify;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/** The titles, bodies and comments notification writes to GitHub. */
final class IssueText {

    /** GitHub refuses issue and comment bodies longer than this. */
    static final int MAX_BODY = 65_536;

    /** The file of the check's Markdown report, named where GitHub's size limit cuts the report. */
    static final String REPORT_FILE = "target/locust/report.md";

    private final GitHubContext context;
    private final Clock clock;

    IssueText(GitHubContext context, Clock clock) {
        this.context = context;
        this.clock = clock;
    }

    String title() {
        return "Performance regression detected - " + today();
    }

    String issueBody(String report, RegressionSignature signature, String branch, List<String> checklist) {
        String tail = "\n\n## Root cause investigation checklist\n\n"
                + checklist.stream().map(item -> "- [ ] " + item).collect(Collectors.joining("\n"))
                + "\n\n## Resolution steps\n\n"
                + "1. Identify the root cause\n"
                + "2. Apply a fix or an optimisation\n"
                + "3. Run the load tests again locally: `mvn verify -Pperf`\n"
                + "4. Verify that the metrics improved\n"
                + "5. If the change is intended, accept a new baseline with `mvn locust:baseline` and commit it\n"
                + "6. Close this issue, or let the next passing run on `" + branch + "` close it"
                + " (`locust.github.closeOnRecovery`)\n"
                + "\n## Run\n\n"
                + "- **Regressed metrics**: " + metricList(signature) + "\n"
                + "- **Commit**: " + orUnknown(context.commit()) + "\n"
                + "- **Branch**: " + branch + "\n"
                + "- **CI run**: " + orUnknown(context.runUrl()) + "\n"
                + "\n" + HiddenMarkers.signature(signature) + "\n" + HiddenMarkers.branch(branch) + "\n";
        return fit("", report.strip(), tail, REPORT_FILE);
    }

    String repeatComment(String report, String branch) {
        String head = "The same regression was measured again on " + today() + ": commit "
                + orUnknown(context.commit()) + ", branch `" + branch + "`" + runLink() + ".\n\n"
                + "<details><summary>Report of this run</summary>\n\n";
        return fit(head, report.strip(), "\n\n</details>\n", REPORT_FILE);
    }

    String recoveryComment(String branch) {
        return "The performance check passed again on " + today() + ": commit " + orUnknown(context.commit())
                + ", branch `" + branch + "`" + runLink() + ". Closing this issue (`locust.github.closeOnRecovery`).";
    }

    /** @param reportFile the file that holds the whole report, named when the comment has to cut it */
    String pullRequestComment(String report, String reportFile) {
        String tail = "\n\n---\n<sub>locust-maven-plugin · commit " + orUnknown(context.commit()) + runLink()
                + " · updated on every run</sub>\n" + HiddenMarkers.PULL_REQUEST_REPORT + "\n";
        return fit("", report.strip(), tail, reportFile);
    }

    private String today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC)).format(DateTimeFormatter.ISO_LOCAL_DATE);
    }

    private String runLink() {
        return context.runUrl() == null ? "" : ", [CI run](" + context.runUrl() + ")";
    }

    private static String metricList(RegressionSignature signature) {
        return signature.isEmpty()
                ? "none named"
                : signature.metrics().stream().map(m -> "`" + m + "`").collect(Collectors.joining(", "));
    }

    private static String orUnknown(String value) {
        return value == null ? "unknown" : value;
    }

    /** Head, report and tail, the report cut at a line end when they do not fit GitHub's limit together. */
    private static String fit(String head, String report, String tail, String reportFile) {
        if (head.length() + report.length() + tail.length() <= MAX_BODY) {
            return head + report + tail;
        }
        String cutNote = "\n\n*The report was cut here to fit GitHub's size limit; the full report is in the CI run"
                + " (step summary and `" + reportFile + "`).*\n";
        int room = Math.max(0, MAX_BODY - head.length() - tail.length() - cutNote.length());
        int cut = report.lastIndexOf('\n', room);
        return head + report.substring(0, cut > 0 ? cut : room) + cutNote + tail;
    }
}
