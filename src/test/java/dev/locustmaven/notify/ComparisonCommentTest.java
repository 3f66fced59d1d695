package dev.locustmaven.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.locustmaven.notify.GitHubApiStub.ISSUES;
import static dev.locustmaven.notify.GitHubApiStub.SHA;
import static dev.locustmaven.notify.GitHubApiStub.array;
import static dev.locustmaven.notify.GitHubApiStub.comment;
import static dev.locustmaven.notify.GitHubApiStub.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.locustmaven.report.ComparisonMarkdown;
import dev.locustmaven.report.ReportContext;
import dev.locustmaven.report.SampleComparison;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A paired comparison's report as the pull-request comment: the only thing a comparison sends to GitHub. */
class ComparisonCommentTest {

    private static final String COMPARISON_FILE = "target/locust/comparison.md";
    private static final String RUN_URL = "https://github.com/octo-org/shop/actions/runs/987654321";
    private static final String COMMENTS = ISSUES + "/42/comments";
    private static final String LIST_COMMENTS = COMMENTS + "?per_page=100&page=1";
    private static final String REPORT = ComparisonMarkdown.render(
            SampleComparison.build(), new ReportContext(null, SHA, "feature/faster-search", RUN_URL));

    @TempDir
    Path tmp;

    @RegisterExtension
    final GitHubApiStub github = new GitHubApiStub();

    @Test
    void theComparisonIsCommentedOnThePullRequestThenThatCommentIsUpdated() throws Exception {
        GitHubSettings settings = GitHubSettings.defaults().withCommentOnPullRequest(true);
        github.server.stubFor(
                get(urlEqualTo(LIST_COMMENTS)).willReturn(json(200, array(comment(100, "Looks good to me")))));
        github.server.stubFor(post(urlEqualTo(COMMENTS)).willReturn(json(201, comment(900, ""))));

        NotificationResult first =
                github.notifier(settings, pullRequestRun()).commentOnPullRequest(REPORT, COMPARISON_FILE);

        assertThat(first.warnings()).isEmpty();
        assertThat(first.notes()).isEmpty();
        assertThat(first.actions())
                .containsExactly("Commented the report on pull request #42"
                        + " https://github.com/octo-org/shop/pull/42#issuecomment-900");
        assertThat(github.requests()).containsExactly("GET " + LIST_COMMENTS, "POST " + COMMENTS);
        String posted = github.bodies("POST", COMMENTS).get(0).get("body").asText();
        assertThat(posted)
                .isEqualTo(
                        REPORT.strip() + "\n\n---\n<sub>locust-maven-plugin · commit " + SHA + ", [CI run](" + RUN_URL
                                + ") · updated on every run</sub>\n<!-- locust-maven-plugin:pull-request-report -->\n");
        assertThat(posted)
                .startsWith("## Locust comparison: FAIL\n\n1 failed, 2 warnings, 2 passed, 1 missing, 1 without base;")
                .contains("| orders | GET /orders\\|slow/p95_latency_ms | 99.987 ms | 129.977 ms | +30.0% |"
                        + " +29.3% to +30.7% | warning +10% / fail +20% |")
                .contains("| Metric | Base | Change | Change vs base | Interval | Rule | Status |");

        github.reset();
        github.server.stubFor(get(urlEqualTo(LIST_COMMENTS))
                .willReturn(json(200, array(comment(100, "Looks good to me"), comment(900, posted)))));
        github.server.stubFor(patch(urlEqualTo(ISSUES + "/comments/900")).willReturn(json(200, comment(900, posted))));
        String nextReport = ComparisonMarkdown.render(
                SampleComparison.build(), new ReportContext(null, "9e8d7c6", "feature/faster-search", RUN_URL));

        NotificationResult second =
                github.notifier(settings, pullRequestRun()).commentOnPullRequest(nextReport, COMPARISON_FILE);

        assertThat(second.warnings()).isEmpty();
        assertThat(second.actions())
                .containsExactly("Updated the report comment on pull request #42"
                        + " https://github.com/octo-org/shop/pull/42#issuecomment-900");
        assertThat(github.requests()).containsExactly("GET " + LIST_COMMENTS, "PATCH " + ISSUES + "/comments/900");
        assertThat(github.bodies("PATCH", ISSUES + "/comments/900")
                        .get(0)
                        .get("body")
                        .asText())
                .startsWith(nextReport.strip())
                .contains("- Commit: 9e8d7c6\n")
                .endsWith("<!-- locust-maven-plugin:pull-request-report -->\n");
    }

    @Test
    void aFailingComparisonOpensNoIssueWhereAFailingCheckWouldOpenOne() throws Exception {
        // These settings open an issue for a FAIL verdict, on main and on pull requests alike.
        GitHubSettings settings = GitHubSettings.defaults()
                .withCommentOnPullRequest(true)
                .withIssueOnPullRequest(true)
                .withCloseOnRecovery(true);
        github.server.stubFor(get(urlEqualTo(LIST_COMMENTS)).willReturn(json(200, array())));
        github.server.stubFor(post(urlEqualTo(COMMENTS)).willReturn(json(201, comment(901, ""))));

        NotificationResult onMain = github.notifier(settings, github.context(github.scheduledRunOnMain()))
                .commentOnPullRequest(REPORT, COMPARISON_FILE);
        NotificationResult onPullRequest =
                github.notifier(settings, pullRequestRun()).commentOnPullRequest(REPORT, COMPARISON_FILE);

        assertThat(onMain.all())
                .as("a branch run has no pull request to comment on")
                .isEmpty();
        assertThat(onPullRequest.actions())
                .containsExactly("Commented the report on pull request #42"
                        + " https://github.com/octo-org/shop/pull/42#issuecomment-901");
        assertThat(github.requests()).containsExactly("GET " + LIST_COMMENTS, "POST " + COMMENTS);
    }

    @Test
    void aCommentGitHubRefusesIsAWarningAndIsNotRetried() throws Exception {
        github.server.stubFor(get(urlEqualTo(LIST_COMMENTS)).willReturn(json(200, array())));
        github.server.stubFor(post(urlEqualTo(COMMENTS))
                .willReturn(json(403, "{\"message\":\"Resource not accessible by integration\"}")));

        NotificationResult result = github.notifier(
                        GitHubSettings.defaults().withCommentOnPullRequest(true), pullRequestRun())
                .commentOnPullRequest(REPORT, COMPARISON_FILE);

        assertThat(result.actions()).isEmpty();
        assertThat(result.warnings())
                .containsExactly("Pull-request comment not written: GitHub refused POST " + github.baseUrl() + COMMENTS
                        + " (403 Resource not accessible by integration): the token in environment variable"
                        + " GITHUB_TOKEN lacks a permission; a workflow needs `permissions: issues: write` (and"
                        + " `pull-requests: write` for pull-request comments), and a pull request from a fork only gets"
                        + " a read-only token");
        assertThat(github.requests()).containsExactly("GET " + LIST_COMMENTS, "POST " + COMMENTS);
        assertThat(github.sleeps).isEmpty();
    }

    @Test
    void withoutATokenOrAPullRequestNumberNothingIsSentAndAWarningSaysWhy() throws Exception {
        GitHubSettings settings = GitHubSettings.defaults().withCommentOnPullRequest(true);
        Map<String, String> noToken = github.pullRequestRun(tmp);
        noToken.remove("GITHUB_TOKEN");
        // A pull_request_target run names the base branch in GITHUB_REF: only the event file has the number.
        Map<String, String> noEvent = github.pullRequestRun(tmp);
        noEvent.remove("GITHUB_EVENT_PATH");
        noEvent.put("GITHUB_EVENT_NAME", "pull_request_target");
        noEvent.put("GITHUB_REF", "refs/heads/main");

        NotificationResult withoutToken =
                github.notifier(settings, github.context(noToken)).commentOnPullRequest(REPORT, COMPARISON_FILE);
        NotificationResult withoutNumber =
                github.notifier(settings, github.context(noEvent)).commentOnPullRequest(REPORT, COMPARISON_FILE);

        assertThat(withoutToken.warnings()).singleElement().asString().startsWith("No GitHub token: set the");
        assertThat(withoutNumber.warnings())
                .containsExactly("This is a pull-request run but its number is unknown (no GITHUB_EVENT_PATH):"
                        + " set locust.github.pullRequest to comment on it");
        assertThat(github.requests()).isEmpty();
    }

    @Test
    void aComparisonTooLongForGitHubIsCutAndTheCommentNamesComparisonMd() throws Exception {
        String longReport = ComparisonMarkdown.render(SampleComparison.ofEndpoints(600), ReportContext.none());
        github.server.stubFor(get(urlEqualTo(LIST_COMMENTS)).willReturn(json(200, array())));
        github.server.stubFor(post(urlEqualTo(COMMENTS)).willReturn(json(201, comment(902, ""))));

        NotificationResult result = github.notifier(
                        GitHubSettings.defaults().withCommentOnPullRequest(true), pullRequestRun())
                .commentOnPullRequest(longReport, COMPARISON_FILE);

        assertThat(longReport.length()).isGreaterThan(IssueText.MAX_BODY);
        assertThat(result.warnings()).isEmpty();
        String posted = github.bodies("POST", COMMENTS).get(0).get("body").asText();
        assertThat(posted.length()).isLessThanOrEqualTo(IssueText.MAX_BODY);
        assertThat(posted)
                .startsWith("## Locust comparison: FAIL\n\n600 failed")
                .contains("|\n\n*The report was cut here to fit GitHub's size limit; the full report is in the CI run"
                        + " (step summary and `target/locust/comparison.md`).*\n")
                .doesNotContain("report.md`")
                .endsWith("<!-- locust-maven-plugin:pull-request-report -->\n");
    }

    private GitHubContext pullRequestRun() throws Exception {
        return github.context(github.pullRequestRun(tmp));
    }
}
