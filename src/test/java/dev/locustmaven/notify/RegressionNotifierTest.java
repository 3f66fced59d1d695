package dev.locustmaven.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.locustmaven.notify.GitHubApiStub.ISSUES;
import static dev.locustmaven.notify.GitHubApiStub.LIST_OPEN;
import static dev.locustmaven.notify.GitHubApiStub.REPO;
import static dev.locustmaven.notify.GitHubApiStub.SHA;
import static dev.locustmaven.notify.GitHubApiStub.TOKEN;
import static dev.locustmaven.notify.GitHubApiStub.array;
import static dev.locustmaven.notify.GitHubApiStub.comment;
import static dev.locustmaven.notify.GitHubApiStub.issue;
import static dev.locustmaven.notify.GitHubApiStub.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.locustmaven.model.Check;
import dev.locustmaven.model.MetricKey;
import dev.locustmaven.model.MetricValue;
import dev.locustmaven.model.Status;
import dev.locustmaven.model.Verdict;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegressionNotifierTest {

    private static final String REPORT = """
            # Performance check: FAIL

            | Service | Metric | Baseline | Current | Change | Rule | Status |
            |---|---|---|---|---|---|---|
            | api_gateway | p95_latency_ms | 650 | 1100 | +69.2% | warning +20% fail +50% | FAIL |
            | api_gateway | error_rate_pct | 0 | 0.2 | +0.2 | warning +0.5 fail +1 | PASS |
            """;
    private static final String RUN_URL = "https://github.com/octo-org/shop/actions/runs/987654321";
    private static final String CREATED_ISSUE = """
            {"number": 7, "title": "Performance regression detected - 2026-11-28",
             "html_url": "https://github.com/octo-org/shop/issues/7", "body": "",
             "labels": [{"name": "performance"}, {"name": "regression"}, {"name": "ci"}]}
            """;

    private GitHubApiStub github;

    @BeforeEach
    void start() {
        github = new GitHubApiStub();
    }

    @AfterEach
    void stop() {
        github.close();
    }

    @Test
    void firstFailingRunOpensOneIssueWithTitleLabelsAndBody() {
        stubDefaultBranch("main");
        github.server.stubFor(get(urlEqualTo(LIST_OPEN)).willReturn(json(200, "[]")));
        github.server.stubFor(post(urlPathEqualTo(ISSUES)).willReturn(json(201, CREATED_ISSUE)));

        NotificationResult result = notifier(GitHubSettings.defaults()).notify(failing(), REPORT);

        assertThat(result.warnings()).isEmpty();
        assertThat(result.actions())
                .containsExactly("Opened regression issue #7 https://github.com/octo-org/shop/issues/7 for"
                        + " api_gateway/p95_latency_ms, rag_service/query_p95_ms");
        assertThat(github.requests()).containsExactly("GET " + REPO, "GET " + LIST_OPEN, "POST " + ISSUES);
        github.server.verify(postRequestedFor(urlEqualTo(ISSUES))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Accept", equalTo("application/vnd.github+json"))
                .withHeader("X-GitHub-Api-Version", equalTo("2022-11-28"))
                .withHeader("User-Agent", equalTo("locust-maven-plugin"))
                .withHeader("Content-Type", equalTo("application/json")));
        github.server.verify(getRequestedFor(urlEqualTo(LIST_OPEN))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("X-GitHub-Api-Version", equalTo("2022-11-28")));

        JsonNode request = github.bodies("POST", ISSUES).get(0);
        assertThat(fieldNames(request)).containsExactlyInAnyOrder("title", "body", "labels");
        assertThat(request.get("title").asText()).isEqualTo("Performance regression detected - 2026-11-28");
        assertThat(request.get("labels").toString()).isEqualTo("[\"performance\",\"regression\",\"ci\"]");
        String body = request.get("body").asText();
        assertThat(body).startsWith(REPORT.strip());
        assertThat(body)
                .contains("## Root cause investigation checklist")
                .contains("- [ ] Review code changes since the last baseline")
                .contains("- [ ] Check for network latency increases")
                .contains("- **Regressed metrics**: `api_gateway/p95_latency_ms`, `rag_service/query_p95_ms`")
                .contains("- **Commit**: " + SHA)
                .contains("- **Branch**: main")
                .contains("- **CI run**: " + RUN_URL)
                .endsWith("<!-- locust-maven-plugin:signature=api_gateway%2Fp95_latency_ms,rag_service%2Fquery_p95_ms"
                        + " -->\n<!-- locust-maven-plugin:branch=main -->\n");
        assertThat(body).doesNotContain("rag_service/query_p99_ms"); // a warning is not part of a FAIL regression
    }

    @Test
    void secondFailingRunWithTheSameRegressionCommentsOnTheOpenIssue() {
        stubDefaultBranch("main");
        github.server.stubFor(get(urlEqualTo(LIST_OPEN)).willReturn(json(200, "[]")));
        github.server.stubFor(post(urlPathEqualTo(ISSUES)).willReturn(json(201, CREATED_ISSUE)));
        notifier(GitHubSettings.defaults()).notify(failing(), REPORT);
        String firstBody = github.bodies("POST", ISSUES).get(0).get("body").asText();

        github.reset();
        stubDefaultBranch("main");
        github.server.stubFor(get(urlEqualTo(LIST_OPEN))
                .willReturn(json(
                        200,
                        array(
                                issue(3, "Someone's own performance issue", "performance", "regression", "ci"),
                                issue(7, firstBody, "performance", "regression", "ci")))));
        github.server.stubFor(post(urlEqualTo(ISSUES + "/7/comments"))
                .willReturn(json(201, comment(5001, "").toString())));

        NotificationResult result = notifier(GitHubSettings.defaults()).notify(failing(), REPORT);

        assertThat(result.warnings()).isEmpty();
        assertThat(result.actions())
                .containsExactly("Commented on regression issue #7 https://github.com/octo-org/shop/issues/7: the same"
                        + " regression (api_gateway/p95_latency_ms, rag_service/query_p95_ms) is still there");
        assertThat(github.requests())
                .containsExactly("GET " + REPO, "GET " + LIST_OPEN, "POST " + ISSUES + "/7/comments");
        JsonNode comment = github.bodies("POST", ISSUES + "/7/comments").get(0);
        assertThat(fieldNames(comment)).containsExactly("body");
        assertThat(comment.get("body").asText())
                .startsWith("The same regression was measured again on 2026-11-28: commit " + SHA
                        + ", branch `main`, [CI run](" + RUN_URL + ").")
                .contains("<details><summary>Report of this run</summary>\n\n" + REPORT.strip() + "\n\n</details>");
    }

    @Test
    void aDifferentRegressionOpensANewIssue() {
        String otherRegression = "old report\n<!-- locust-maven-plugin:signature=api_gateway%2Frps -->\n"
                + "<!-- locust-maven-plugin:branch=main -->\n";
        String sameRegressionOtherBranch = "old report\n<!-- locust-maven-plugin:signature="
                + "api_gateway%2Fp95_latency_ms,rag_service%2Fquery_p95_ms -->\n"
                + "<!-- locust-maven-plugin:branch=release%2F1.x -->\n";
        github.server.stubFor(get(urlEqualTo(LIST_OPEN))
                .willReturn(json(200, array(issue(5, otherRegression), issue(6, sameRegressionOtherBranch)))));
        github.server.stubFor(post(urlPathEqualTo(ISSUES)).willReturn(json(201, CREATED_ISSUE)));

        NotificationResult result = notifier(GitHubSettings.defaults().withBranches(List.of("main", "release/1.x")))
                .notify(failing(), REPORT);

        assertThat(result.actions()).singleElement().asString().startsWith("Opened regression issue #7");
        // The branch list is configured, so the default branch is not looked up.
        assertThat(github.requests()).containsExactly("GET " + LIST_OPEN, "POST " + ISSUES);
    }

    @Test
    void aPassingRunWithCloseOnRecoveryCommentsOnAndClosesTheBranchsIssues() {
        String mainIssue = "report\n<!-- locust-maven-plugin:signature=api_gateway%2Fp95_latency_ms -->\n"
                + "<!-- locust-maven-plugin:branch=main -->\n";
        String releaseIssue = "report\n<!-- locust-maven-plugin:signature=api_gateway%2Fp95_latency_ms -->\n"
                + "<!-- locust-maven-plugin:branch=release%2F1.x -->\n";
        stubDefaultBranch("main");
        github.server.stubFor(get(urlEqualTo(LIST_OPEN))
                .willReturn(json(
                        200,
                        array(
                                issue(7, mainIssue, "performance", "regression", "ci"),
                                issue(8, "A person's issue about p95", "performance", "regression", "ci"),
                                issue(9, releaseIssue, "performance", "regression", "ci")))));
        github.server.stubFor(post(urlEqualTo(ISSUES + "/7/comments"))
                .willReturn(json(201, comment(5002, "").toString())));
        github.server.stubFor(patch(urlEqualTo(ISSUES + "/7")).willReturn(json(200, issue(7, mainIssue))));

        NotificationResult result =
                notifier(GitHubSettings.defaults().withCloseOnRecovery(true)).notify(passing(), REPORT);

        assertThat(result.warnings()).isEmpty();
        assertThat(result.actions())
                .containsExactly("Closed regression issue #7 https://github.com/octo-org/shop/issues/7: the check"
                        + " passed again on main");
        assertThat(github.requests())
                .containsExactly(
                        "GET " + REPO, "GET " + LIST_OPEN, "POST " + ISSUES + "/7/comments", "PATCH " + ISSUES + "/7");
        assertThat(github.bodies("POST", ISSUES + "/7/comments")
                        .get(0)
                        .get("body")
                        .asText())
                .isEqualTo("The performance check passed again on 2026-11-28: commit " + SHA + ", branch `main`,"
                        + " [CI run](" + RUN_URL + "). Closing this issue (`locust.github.closeOnRecovery`).");
        assertThat(github.bodies("PATCH", ISSUES + "/7").get(0).toString())
                .isEqualTo("{\"state\":\"closed\",\"state_reason\":\"completed\"}");
    }

    @Test
    void aPassingRunWithoutCloseOnRecoverySendsNothing() {
        NotificationResult result = notifier(GitHubSettings.defaults()).notify(passing(), REPORT);

        assertThat(result.all()).isEmpty();
        assertThat(github.requests()).isEmpty();
    }

    @Test
    void aPullRequestRunCreatesThenUpdatesItsSingleComment(@TempDir Path tmp) throws Exception {
        GitHubContext context = github.context(github.pullRequestRun(tmp));
        GitHubSettings settings = GitHubSettings.defaults().withCommentOnPullRequest(true);
        String comments = ISSUES + "/42/comments?per_page=100&page=1";

        github.server.stubFor(get(urlEqualTo(comments)).willReturn(json(200, array(comment(100, "Looks good to me")))));
        github.server.stubFor(post(urlEqualTo(ISSUES + "/42/comments"))
                .willReturn(json(201, comment(900, "").toString())));
        NotificationResult first = github.notifier(settings, context).notify(failing(), REPORT);

        assertThat(first.warnings()).isEmpty();
        assertThat(first.notes())
                .containsExactly("Pull-request run: regression issues are only for branch runs"
                        + " (locust.github.issueOnPullRequest is false)");
        assertThat(first.actions())
                .containsExactly("Commented the report on pull request #42"
                        + " https://github.com/octo-org/shop/pull/42#issuecomment-900");
        assertThat(github.requests()).containsExactly("GET " + comments, "POST " + ISSUES + "/42/comments");
        String posted = github.bodies("POST", ISSUES + "/42/comments")
                .get(0)
                .get("body")
                .asText();
        assertThat(posted)
                .startsWith(REPORT.strip())
                .contains("commit " + SHA + ", [CI run](" + RUN_URL + ")")
                .endsWith("<!-- locust-maven-plugin:pull-request-report -->\n");

        github.reset();
        github.server.stubFor(get(urlEqualTo(comments))
                .willReturn(json(200, array(comment(100, "Looks good to me"), comment(900, posted)))));
        github.server.stubFor(patch(urlEqualTo(ISSUES + "/comments/900"))
                .willReturn(json(200, comment(900, posted).toString())));
        String newReport = REPORT.replace("1100", "700").replace("FAIL", "PASS");
        NotificationResult second = github.notifier(settings, context).notify(passing(), newReport);

        assertThat(second.warnings()).isEmpty();
        assertThat(second.actions())
                .containsExactly("Updated the report comment on pull request #42"
                        + " https://github.com/octo-org/shop/pull/42#issuecomment-900");
        assertThat(github.requests()).containsExactly("GET " + comments, "PATCH " + ISSUES + "/comments/900");
        JsonNode update = github.bodies("PATCH", ISSUES + "/comments/900").get(0);
        assertThat(fieldNames(update)).containsExactly("body");
        assertThat(update.get("body").asText())
                .startsWith(newReport.strip())
                .endsWith("<!-- locust-maven-plugin:pull-request-report -->\n");
    }

    @Test
    void aRunOnAnotherBranchOpensNoIssue() {
        Map<String, String> env = github.scheduledRunOnMain();
        env.put("GITHUB_REF", "refs/heads/experiment");
        env.put("GITHUB_EVENT_NAME", "push");
        stubDefaultBranch("main");

        NotificationResult result =
                github.notifier(GitHubSettings.defaults(), github.context(env)).notify(failing(), REPORT);

        assertThat(result.warnings()).isEmpty();
        assertThat(result.notes())
                .containsExactly("Branch experiment is not one of main (locust.github.branches): no regression issue");
        assertThat(github.requests()).containsExactly("GET " + REPO);
    }

    @Test
    void issueLevelDecidesWhichVerdictOpensAnIssue() {
        NotificationResult off = notifier(GitHubSettings.defaults().withIssueLevel(IssueLevel.OFF))
                .notify(failing(), REPORT);
        NotificationResult warnBelowFail = notifier(GitHubSettings.defaults()).notify(warning(), REPORT);

        assertThat(off.all()).isEmpty();
        assertThat(warnBelowFail.notes())
                .containsExactly("Verdict WARN is below locust.github.issueLevel FAIL: no regression issue");
        assertThat(github.requests()).isEmpty();

        stubDefaultBranch("main");
        github.server.stubFor(get(urlEqualTo(LIST_OPEN)).willReturn(json(200, "[]")));
        github.server.stubFor(post(urlPathEqualTo(ISSUES)).willReturn(json(201, CREATED_ISSUE)));
        NotificationResult warn = notifier(GitHubSettings.defaults().withIssueLevel(IssueLevel.WARN))
                .notify(warning(), REPORT);

        assertThat(warn.actions()).singleElement().asString().endsWith("for rag_service/query_p99_ms");
        assertThat(github.bodies("POST", ISSUES).get(0).get("body").asText())
                .contains("<!-- locust-maven-plugin:signature=rag_service%2Fquery_p99_ms -->");
    }

    @Test
    void a502IsRetriedUntilTheIssueIsCreated() {
        stubDefaultBranch("main");
        github.server.stubFor(get(urlEqualTo(LIST_OPEN)).willReturn(json(200, "[]")));
        github.server.stubFor(post(urlPathEqualTo(ISSUES))
                .inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(502).withBody("<html>Bad Gateway</html>"))
                .willSetStateTo("up"));
        github.server.stubFor(post(urlPathEqualTo(ISSUES))
                .inScenario("flaky")
                .whenScenarioStateIs("up")
                .willReturn(json(201, CREATED_ISSUE)));

        NotificationResult result = notifier(GitHubSettings.defaults()).notify(failing(), REPORT);

        assertThat(result.warnings()).isEmpty();
        assertThat(result.actions()).singleElement().asString().startsWith("Opened regression issue #7");
        assertThat(github.requests())
                .containsExactly("GET " + REPO, "GET " + LIST_OPEN, "POST " + ISSUES, "POST " + ISSUES);
        List<JsonNode> attempts = github.bodies("POST", ISSUES);
        assertThat(attempts.get(1)).isEqualTo(attempts.get(0));
        assertThat(github.sleeps).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void serverErrorsBackOffExponentiallyAndEndInAWarning() {
        stubDefaultBranch("main");
        github.server.stubFor(get(urlEqualTo(LIST_OPEN)).willReturn(aResponse().withStatus(503)));

        NotificationResult result = notifier(GitHubSettings.defaults()).notify(failing(), REPORT);

        assertThat(github.sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(result.warnings())
                .containsExactly("Regression issue not updated: GitHub answered 503 to GET " + github.baseUrl()
                        + LIST_OPEN + " (after 4 attempts)");
        assertThat(github.requests()).filteredOn(r -> r.startsWith("POST")).isEmpty();
    }

    @Test
    void aSecondaryRateLimitWaitsAsLongAsRetryAfterSays() {
        stubDefaultBranch("main");
        github.server.stubFor(get(urlEqualTo(LIST_OPEN)).willReturn(json(200, "[]")));
        github.server.stubFor(post(urlPathEqualTo(ISSUES))
                .inScenario("limited")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(
                                403,
                                "{\"message\":\"You have exceeded a secondary rate limit. Please wait a few minutes"
                                        + " before you try again.\"}")
                        .withHeader("Retry-After", "17"))
                .willSetStateTo("free"));
        github.server.stubFor(post(urlPathEqualTo(ISSUES))
                .inScenario("limited")
                .whenScenarioStateIs("free")
                .willReturn(json(201, CREATED_ISSUE)));

        NotificationResult result = notifier(GitHubSettings.defaults()).notify(failing(), REPORT);

        assertThat(result.warnings()).isEmpty();
        assertThat(github.sleeps).containsExactly(Duration.ofSeconds(17));
        assertThat(github.requests())
                .filteredOn(r -> r.equals("POST " + ISSUES))
                .hasSize(2);
    }

    @Test
    void anExhaustedRateLimitWaitsUntilItsReset() {
        github.server.stubFor(get(urlEqualTo(REPO))
                .inScenario("quota")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(403, "{\"message\":\"API rate limit exceeded for installation.\"}")
                        .withHeader("x-ratelimit-remaining", "0")
                        .withHeader("x-ratelimit-reset", String.valueOf(GitHubApiStub.NOW.getEpochSecond() + 40)))
                .willSetStateTo("reset"));
        github.server.stubFor(get(urlEqualTo(REPO))
                .inScenario("quota")
                .whenScenarioStateIs("reset")
                .willReturn(json(200, "{\"default_branch\":\"main\"}")));
        github.server.stubFor(get(urlEqualTo(LIST_OPEN)).willReturn(json(200, "[]")));
        github.server.stubFor(post(urlPathEqualTo(ISSUES)).willReturn(json(201, CREATED_ISSUE)));

        NotificationResult result = notifier(GitHubSettings.defaults()).notify(failing(), REPORT);

        assertThat(result.warnings()).isEmpty();
        assertThat(github.sleeps).containsExactly(Duration.ofSeconds(41));
    }

    @Test
    void aWaitLongerThanTheBuildAcceptsEndsInAWarningWithoutWaiting() {
        github.server.stubFor(get(urlEqualTo(REPO))
                .willReturn(json(429, "{\"message\":\"You have exceeded a secondary rate limit.\"}")
                        .withHeader("Retry-After", "3600")));

        NotificationResult result = notifier(GitHubSettings.defaults()).notify(failing(), REPORT);

        assertThat(github.sleeps).isEmpty();
        assertThat(result.warnings())
                .containsExactly("Regression issue not updated: GitHub answered 429 to GET " + github.baseUrl() + REPO
                        + "; GitHub asks to wait 3600 s before retrying, longer than the 180 s this build waits");
    }

    @Test
    void aRejectedTokenGivesAClearWarningAndLeavesTheVerdictAlone() {
        github.server.stubFor(get(urlEqualTo(REPO))
                .willReturn(json(
                        401,
                        "{\"message\":\"Bad credentials\",\"documentation_url\":\"https://docs.github.com/rest\"}")));
        Verdict verdict = failing();
        Verdict before = failing();

        NotificationResult result = notifier(GitHubSettings.defaults().withCommentOnPullRequest(true))
                .notify(verdict, REPORT);

        assertThat(verdict).isEqualTo(before);
        assertThat(result.actions()).isEmpty();
        assertThat(result.warnings())
                .containsExactly(
                        "Regression issue not updated: GitHub rejected the token (401 Bad credentials) for GET "
                                + github.baseUrl() + REPO
                                + ": check that the token in environment variable GITHUB_TOKEN is"
                                + " valid, not expired, and has `issues: write` permission (and `pull-requests: write` for"
                                + " pull-request comments)");
        assertThat(github.requests()).containsExactly("GET " + REPO);
        assertThat(github.sleeps).isEmpty();
    }

    @Test
    void aMissingPermissionIsNotRetriedAndSaysWhichPermission() {
        stubDefaultBranch("main");
        github.server.stubFor(get(urlEqualTo(LIST_OPEN)).willReturn(json(200, "[]")));
        github.server.stubFor(post(urlPathEqualTo(ISSUES))
                .willReturn(json(403, "{\"message\":\"Resource not accessible by integration\"}")));

        NotificationResult result = notifier(GitHubSettings.defaults()).notify(failing(), REPORT);

        assertThat(github.sleeps).isEmpty();
        assertThat(github.requests()).filteredOn(r -> r.startsWith("POST")).hasSize(1);
        assertThat(result.warnings())
                .singleElement()
                .asString()
                .contains("403 Resource not accessible by integration")
                .contains("`permissions: issues: write`");
    }

    @Test
    void labelsGitHubDroppedAreReported() {
        stubDefaultBranch("main");
        github.server.stubFor(get(urlEqualTo(LIST_OPEN)).willReturn(json(200, "[]")));
        github.server.stubFor(post(urlPathEqualTo(ISSUES))
                .willReturn(json(201, issue(7, "body", "performance").toString())));

        NotificationResult result = notifier(GitHubSettings.defaults()).notify(failing(), REPORT);

        assertThat(result.actions()).hasSize(1);
        assertThat(result.warnings())
                .singleElement()
                .asString()
                .startsWith("GitHub did not put the labels regression, ci on issue #7");
    }

    @Test
    void withoutATokenNothingIsSent() {
        Map<String, String> env = github.scheduledRunOnMain();
        env.remove("GITHUB_TOKEN");

        NotificationResult result =
                github.notifier(GitHubSettings.defaults(), github.context(env)).notify(failing(), REPORT);

        NotificationResult passing =
                github.notifier(GitHubSettings.defaults(), github.context(env)).notify(passing(), REPORT);

        assertThat(result.warnings()).singleElement().asString().startsWith("No GitHub token");
        assertThat(passing.all()).as("nothing to do, so no complaint").isEmpty();
        assertThat(github.requests()).isEmpty();
    }

    @Test
    void outsideGitHubActionsWithoutARepositoryNothingIsSentAndNothingIsWrong() {
        GitHubContext local = GitHubContext.fromEnvironment(Map.of(), GitHubContext.Overrides.none());

        NotificationResult result =
                github.notifier(GitHubSettings.defaults(), local).notify(failing(), REPORT);

        assertThat(result.warnings()).isEmpty();
        assertThat(result.notes()).singleElement().asString().startsWith("No GitHub repository known");
    }

    private RegressionNotifier notifier(GitHubSettings settings) {
        return github.notifier(settings, github.context(github.scheduledRunOnMain()));
    }

    private void stubDefaultBranch(String branch) {
        github.server.stubFor(get(urlEqualTo(REPO))
                .willReturn(json(200, "{\"full_name\":\"octo-org/shop\",\"default_branch\":\"" + branch + "\"}")));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static Verdict failing() {
        return new Verdict(
                Status.FAIL,
                List.of(
                        check("api_gateway", "p95_latency_ms", 650, 1100, Status.FAIL),
                        check("api_gateway", "error_rate_pct", 0, 0.2, Status.PASS),
                        check("rag_service", "query_p95_ms", 1200, 2000, Status.FAIL),
                        check("rag_service", "query_p99_ms", 1500, 1900, Status.WARN)),
                List.of());
    }

    static Verdict warning() {
        return new Verdict(
                Status.WARN,
                List.of(
                        check("api_gateway", "p95_latency_ms", 650, 700, Status.PASS),
                        check("rag_service", "query_p99_ms", 1500, 1900, Status.WARN)),
                List.of());
    }

    static Verdict passing() {
        return new Verdict(
                Status.PASS, List.of(check("api_gateway", "p95_latency_ms", 650, 660, Status.PASS)), List.of());
    }

    private static Check check(String service, String metric, double baseline, double current, Status status) {
        return new Check(
                MetricKey.of(service, metric),
                MetricValue.of(baseline),
                MetricValue.of(current),
                current - baseline,
                baseline == 0 ? null : 100 * (current - baseline) / baseline,
                metric + " warning +20% fail +50%",
                status,
                service + "/" + metric + " " + status);
    }
}
