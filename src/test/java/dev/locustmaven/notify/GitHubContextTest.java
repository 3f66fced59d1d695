package dev.locustmaven.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitHubContextTest {

    private static final String TOKEN = "ghs_contextTestToken0000000000000000000";

    @Test
    void aScheduledRunOnTheDefaultBranch() {
        GitHubContext context = GitHubContext.fromEnvironment(actions(), GitHubContext.Overrides.none());

        assertThat(context.apiUrl()).isEqualTo(URI.create("https://api.github.com"));
        assertThat(context.repository()).isEqualTo("octo-org/shop");
        assertThat(context.owner()).isEqualTo("octo-org");
        assertThat(context.token().reveal()).isEqualTo(TOKEN);
        assertThat(context.tokenSource()).isEqualTo("environment variable GITHUB_TOKEN");
        assertThat(context.branch()).isEqualTo("main");
        assertThat(context.commit()).isEqualTo("4f1c2ab9");
        assertThat(context.runUrl()).isEqualTo("https://github.com/octo-org/shop/actions/runs/123");
        assertThat(context.pullRequestRun()).isFalse();
        assertThat(context.pullRequest()).isNull();
    }

    @Test
    void aPullRequestRunTakesItsNumberFromTheEventAndItsBranchFromTheHeadRef(@TempDir Path tmp) throws Exception {
        Path event = tmp.resolve("event.json");
        Files.writeString(event, "{\"number\": 17, \"pull_request\": {\"number\": 17, \"head\": {\"ref\": \"fix\"}}}");
        Map<String, String> env = actions();
        env.put("GITHUB_EVENT_NAME", "pull_request");
        env.put("GITHUB_REF", "refs/pull/99/merge"); // the event file wins over the ref
        env.put("GITHUB_REF_NAME", "99/merge");
        env.put("GITHUB_HEAD_REF", "fix/slow-search");
        env.put("GITHUB_EVENT_PATH", event.toString());

        GitHubContext context = GitHubContext.fromEnvironment(env, GitHubContext.Overrides.none());

        assertThat(context.pullRequestRun()).isTrue();
        assertThat(context.pullRequest()).isEqualTo(17);
        assertThat(context.branch()).isEqualTo("fix/slow-search");
    }

    @Test
    void withoutAnEventFileThePullRequestNumberComesFromTheMergeRef() {
        Map<String, String> env = actions();
        env.put("GITHUB_EVENT_NAME", "pull_request_target");
        env.put("GITHUB_REF", "refs/pull/99/merge");
        env.put("GITHUB_EVENT_PATH", "/nonexistent/event.json");

        GitHubContext context = GitHubContext.fromEnvironment(env, GitHubContext.Overrides.none());

        assertThat(context.pullRequest()).isEqualTo(99);
        assertThat(context.branch()).isNull();
    }

    @Test
    void parametersWinOverTheEnvironment() {
        Map<String, String> env = actions();
        env.put("CI_TOKEN", "ghs_fromCustomVariable000000000000000000");
        GitHubContext.Overrides overrides = new GitHubContext.Overrides(
                "https://github.example.com/api/v3/",
                "platform/checkout",
                null,
                null,
                "CI_TOKEN",
                "release/2.x",
                "abcdef0",
                "https://jenkins.example.com/job/perf/12/",
                5);

        GitHubContext context = GitHubContext.fromEnvironment(env, overrides);

        assertThat(context.apiUrl()).isEqualTo(URI.create("https://github.example.com/api/v3"));
        assertThat(context.repository()).isEqualTo("platform/checkout");
        assertThat(context.token().reveal()).isEqualTo("ghs_fromCustomVariable000000000000000000");
        assertThat(context.tokenSource()).isEqualTo("environment variable CI_TOKEN");
        assertThat(context.branch()).isEqualTo("release/2.x");
        assertThat(context.commit()).isEqualTo("abcdef0");
        assertThat(context.runUrl()).isEqualTo("https://jenkins.example.com/job/perf/12/");
        assertThat(context.pullRequest()).isEqualTo(5);
        assertThat(context.pullRequestRun()).isTrue();

        GitHubContext fromSettings = GitHubContext.fromEnvironment(
                env, overrides.withToken(Secret.of("ghs_fromSettingsXml"), "server 'github' in settings.xml"));
        assertThat(fromSettings.token().reveal()).isEqualTo("ghs_fromSettingsXml");
        assertThat(fromSettings.tokenSource()).isEqualTo("server 'github' in settings.xml");
    }

    @Test
    void gitLabAndJenkinsVariablesFillCommitBranchAndRunLink() {
        GitHubContext gitlab = GitHubContext.fromEnvironment(
                Map.of(
                        "CI_COMMIT_SHA", "111",
                        "CI_COMMIT_BRANCH", "main",
                        "CI_JOB_URL", "https://gitlab.example.com/g/p/-/jobs/9"),
                GitHubContext.Overrides.none());
        GitHubContext jenkins = GitHubContext.fromEnvironment(
                Map.of("GIT_COMMIT", "222", "BRANCH_NAME", "develop", "BUILD_URL", "https://ci/job/p/3/"),
                GitHubContext.Overrides.none());

        assertThat(gitlab.commit()).isEqualTo("111");
        assertThat(gitlab.branch()).isEqualTo("main");
        assertThat(gitlab.runUrl()).isEqualTo("https://gitlab.example.com/g/p/-/jobs/9");
        assertThat(jenkins.commit()).isEqualTo("222");
        assertThat(jenkins.branch()).isEqualTo("develop");
        assertThat(jenkins.runUrl()).isEqualTo("https://ci/job/p/3/");
        assertThat(jenkins.repository()).isNull();
        assertThat(jenkins.token()).isNull();
    }

    @Test
    void invalidParametersAreRejectedWithTheParameterName() {
        Map<String, String> env = actions();

        assertThatThrownBy(() -> GitHubContext.fromEnvironment(env, withRepository("just-a-name")))
                .isInstanceOf(GitHubConfigurationException.class)
                .hasMessage("locust.github.repository is 'just-a-name'; expected owner/name, such as octo-org/shop");
        assertThatThrownBy(() -> GitHubContext.fromEnvironment(env, withApiUrl("http://github.example.com/api/v3")))
                .hasMessage("locust.github.apiUrl is 'http://github.example.com/api/v3'; the token is only sent over"
                        + " https (plain http only to localhost)");
        assertThatThrownBy(() -> GitHubContext.fromEnvironment(env, withApiUrl("ftp://example.com")))
                .hasMessageStartingWith("locust.github.apiUrl is 'ftp://example.com'; expected an http(s) URL");
        assertThatThrownBy(() -> GitHubContext.fromEnvironment(env, withApiUrl("https://x:" + TOKEN + "@ghe.example")))
                .hasMessageStartingWith("locust.github.apiUrl contains credentials")
                .message()
                .doesNotContain(TOKEN);
    }

    private static GitHubContext.Overrides withRepository(String repository) {
        return new GitHubContext.Overrides(null, repository, null, null, null, null, null, null, null);
    }

    private static GitHubContext.Overrides withApiUrl(String apiUrl) {
        return new GitHubContext.Overrides(apiUrl, null, null, null, null, null, null, null, null);
    }

    private static Map<String, String> actions() {
        Map<String, String> env = new HashMap<>();
        env.put("GITHUB_ACTIONS", "true");
        env.put("GITHUB_REPOSITORY", "octo-org/shop");
        env.put("GITHUB_TOKEN", TOKEN);
        env.put("GITHUB_EVENT_NAME", "schedule");
        env.put("GITHUB_REF", "refs/heads/main");
        env.put("GITHUB_REF_NAME", "main");
        env.put("GITHUB_SHA", "4f1c2ab9");
        env.put("GITHUB_SERVER_URL", "https://github.com");
        env.put("GITHUB_RUN_ID", "123");
        env.put("GITHUB_API_URL", "https://api.github.com");
        return env;
    }
}
