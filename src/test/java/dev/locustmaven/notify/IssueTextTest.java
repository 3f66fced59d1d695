package dev.locustmaven.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class IssueTextTest {

    private final IssueText text = new IssueText(
            GitHubContext.fromEnvironment(Map.of("GITHUB_SHA", "abc"), GitHubContext.Overrides.none()),
            Clock.fixed(Instant.parse("2026-11-28T23:59:59Z"), ZoneOffset.UTC));

    @Test
    void theTitleCarriesTheUtcDate() {
        assertThat(text.title()).isEqualTo("Performance regression detected - 2026-11-28");
    }

    @Test
    void aReportTooLongForGitHubIsCutButTheMarkersStay() {
        String row = "| api | GET /item/" + "x".repeat(80) + " | p95_latency_ms | 1 | 2 | +100% | FAIL |\n";
        String report = row.repeat(2_000);
        RegressionSignature signature = new RegressionSignature(new TreeSet<>(List.of("api/p95_latency_ms")));

        String body = text.issueBody(report, signature, "main", GitHubSettings.DEFAULT_CHECKLIST);
        String pullRequest = text.pullRequestComment(report, IssueText.REPORT_FILE);
        String repeat = text.repeatComment(report, "main");

        assertThat(List.of(body, pullRequest, repeat))
                .allSatisfy(b -> assertThat(b.length())
                        .isLessThanOrEqualTo(IssueText.MAX_BODY)
                        .isGreaterThan(IssueText.MAX_BODY - row.length() - 400));
        assertThat(body)
                .contains("|\n\n*The report was cut here to fit GitHub's size limit")
                .endsWith("<!-- locust-maven-plugin:branch=main -->\n");
        assertThat(HiddenMarkers.signatureOf(body)).contains(signature);
        assertThat(pullRequest).endsWith(HiddenMarkers.PULL_REQUEST_REPORT + "\n");
        assertThat(repeat).endsWith("\n\n</details>\n");
    }
}
