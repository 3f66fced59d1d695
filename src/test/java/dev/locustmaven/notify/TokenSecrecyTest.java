package dev.locustmaven.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.locustmaven.notify.GitHubApiStub.REPO;
import static dev.locustmaven.notify.GitHubApiStub.TOKEN;
import static dev.locustmaven.notify.GitHubApiStub.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Collects every text notification produces on every failure path and searches it for the token. */
class TokenSecrecyTest {

    private final List<String> texts = new ArrayList<>();
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
    void theTokenAppearsInNoMessageExceptionOrText() throws Exception {
        GitHubContext context = github.context(github.scheduledRunOnMain());
        GitHubSettings settings = GitHubSettings.defaults().withCommentOnPullRequest(true);
        texts.add(context.toString());
        texts.add(context.token().toString());
        texts.add(settings.toString());
        texts.add(github.client(context).toString());
        texts.add(new GitHubContext.Overrides(null, null, Secret.of(TOKEN), "server github", null, null, null, null, 42)
                .toString());

        // A rejected token.
        github.server.stubFor(get(urlEqualTo(REPO)).willReturn(json(401, "{\"message\":\"Bad credentials\"}")));
        collect(github.notifier(settings, context).notify(RegressionNotifierTest.failing(), "report"));

        // A server that echoes the token back, in JSON and in plain text, on every kind of call.
        github.reset();
        github.server.stubFor(
                any(anyUrl()).willReturn(json(500, "{\"message\":\"cannot use token " + TOKEN + " here\"}")));
        collect(github.notifier(settings, context).notify(RegressionNotifierTest.failing(), "report"));
        github.reset();
        github.server.stubFor(
                any(anyUrl()).willReturn(aResponse().withStatus(422).withBody("token=" + TOKEN + " is invalid")));
        GitHubException echoed = catchThrowableOfType(
                GitHubException.class, () -> github.client(context).addComment(1, "x"));
        collect(echoed);
        assertThat(echoed.getMessage()).contains("token=**** is invalid");
        github.server.stubFor(
                any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("not json " + TOKEN)));
        collect(catchThrowableOfType(
                GitHubException.class, () -> github.client(context).defaultBranch()));

        // Nothing listening.
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Map<String, String> unreachable = github.scheduledRunOnMain();
        unreachable.put("GITHUB_API_URL", "http://127.0.0.1:" + closedPort);
        collect(github.notifier(settings, github.context(unreachable))
                .notify(RegressionNotifierTest.failing(), "report"));

        // A token put where the name of its variable belongs.
        Map<String, String> env = github.scheduledRunOnMain();
        GitHubContext.Overrides misplaced =
                new GitHubContext.Overrides(null, null, null, null, TOKEN, null, null, null, null);
        collect(catchThrowableOfType(
                GitHubConfigurationException.class, () -> GitHubContext.fromEnvironment(env, misplaced)));

        assertThat(texts)
                .hasSizeGreaterThan(10)
                .allSatisfy(text -> assertThat(text).doesNotContain(TOKEN));
        assertThat(String.join("\n", texts))
                .contains("GitHub rejected the token (401 Bad credentials)")
                .contains("cannot use token **** here")
                .contains("ConnectException");
        // What went over the wire: the token only in the Authorization header, never in a URL or a body.
        assertThat(github.server.getAllServeEvents()).allSatisfy(event -> {
            assertThat(event.getRequest().getUrl()).doesNotContain(TOKEN);
            assertThat(event.getRequest().getBodyAsString()).doesNotContain(TOKEN);
        });
    }

    @Test
    void aSecretShowsOnlyStarsAndRedactsItselfFromText() {
        Secret secret = Secret.of(" " + TOKEN + "\n");

        assertThat(secret.reveal()).isEqualTo(TOKEN);
        assertThat(secret).hasToString("****");
        assertThat(secret.redact("a " + TOKEN + " b " + TOKEN)).isEqualTo("a **** b ****");
        assertThatThrownBy(() -> Secret.of("  ")).hasMessage("A secret must not be blank");
    }

    private void collect(NotificationResult result) {
        assertThat(result.warnings()).isNotEmpty();
        texts.addAll(result.all());
        texts.add(result.toString());
    }

    private void collect(Throwable thrown) {
        assertThat(thrown).isNotNull();
        texts.add(thrown.getMessage());
        texts.add(thrown.toString());
        StringWriter trace = new StringWriter();
        thrown.printStackTrace(new PrintWriter(trace));
        texts.add(trace.toString());
    }
}
