package dev.locustmaven.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A WireMock server on 127.0.0.1 standing in for the GitHub API, and the test's view of what was sent to it. As a
 * {@code @RegisterExtension} field it stops after each test.
 */
final class GitHubApiStub implements AutoCloseable, AfterEachCallback {

    static final String TOKEN = "ghs_T0pS3cretTokenValue4Tests0123456789AB";
    static final String REPO = "/repos/octo-org/shop";
    static final String ISSUES = REPO + "/issues";
    static final String LIST_OPEN = ISSUES + "?state=open&labels=performance%2Cregression%2Cci&per_page=100&page=1";
    static final String SHA = "4f1c2ab9e0d3c7b6a5f4e3d2c1b0a9f8e7d6c5b4";
    static final Instant NOW = Instant.parse("2026-11-28T03:15:00Z");

    static final ObjectMapper JSON = new ObjectMapper();

    final WireMockServer server;
    final List<Duration> sleeps = new ArrayList<>();
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    GitHubApiStub() {
        server = new WireMockServer(
                WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The environment GitHub Actions gives a scheduled run on {@code main}, pointed at this server. */
    Map<String, String> scheduledRunOnMain() {
        Map<String, String> env = new HashMap<>();
        env.put("GITHUB_API_URL", baseUrl());
        env.put("GITHUB_REPOSITORY", "octo-org/shop");
        env.put("GITHUB_TOKEN", TOKEN);
        env.put("GITHUB_EVENT_NAME", "schedule");
        env.put("GITHUB_REF", "refs/heads/main");
        env.put("GITHUB_REF_NAME", "main");
        env.put("GITHUB_SHA", SHA);
        env.put("GITHUB_SERVER_URL", "https://github.com");
        env.put("GITHUB_RUN_ID", "987654321");
        return env;
    }

    /**
     * The environment GitHub Actions gives a {@code pull_request} run of pull request 42 from {@code
     * feature/faster-search}, with its event file written into {@code folder}.
     */
    Map<String, String> pullRequestRun(Path folder) throws IOException {
        Path event = folder.resolve("event.json");
        Files.writeString(event, "{\"action\":\"synchronize\",\"number\":42,\"pull_request\":{\"number\":42}}");
        Map<String, String> env = scheduledRunOnMain();
        env.put("GITHUB_EVENT_NAME", "pull_request");
        env.put("GITHUB_REF", "refs/pull/42/merge");
        env.put("GITHUB_REF_NAME", "42/merge");
        env.put("GITHUB_HEAD_REF", "feature/faster-search");
        env.put("GITHUB_EVENT_PATH", event.toString());
        return env;
    }

    GitHubContext context(Map<String, String> env) {
        return GitHubContext.fromEnvironment(env, GitHubContext.Overrides.none());
    }

    RegressionNotifier notifier(GitHubSettings settings, GitHubContext context) {
        return new RegressionNotifier(settings, context, clock, this::client);
    }

    GitHubClient client(GitHubContext context) {
        return new GitHubClient(
                context.apiUrl(),
                context.repository(),
                context.token(),
                context.tokenSource(),
                GitHubClient.defaultHttpClient(),
                sleeps::add,
                clock,
                RetryPolicy.defaults());
    }

    /** Every request received, oldest first, as {@code METHOD url}. */
    List<String> requests() {
        return events().stream()
                .map(e -> e.getRequest().getMethod() + " " + e.getRequest().getUrl())
                .toList();
    }

    /** The JSON bodies of the requests with this method and path, oldest first. */
    List<JsonNode> bodies(String method, String path) {
        return events().stream()
                .filter(e -> e.getRequest().getMethod().getName().equals(method))
                .filter(e -> e.getRequest().getUrl().equals(path))
                .map(e -> read(e.getRequest().getBodyAsString()))
                .toList();
    }

    private List<ServeEvent> events() {
        // WireMock lists the newest first.
        List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
        Collections.reverse(events);
        return events;
    }

    void reset() {
        server.resetAll();
        sleeps.clear();
    }

    static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    static ObjectNode issue(long number, String body, String... labels) {
        ObjectNode issue = JSON.createObjectNode()
                .put("number", number)
                .put("title", "Performance regression detected - 2026-11-27")
                .put("body", body)
                .put("state", "open")
                .put("html_url", "https://github.com/octo-org/shop/issues/" + number);
        ArrayNode labelArray = issue.putArray("labels");
        for (String label : labels) {
            labelArray.addObject().put("name", label);
        }
        return issue;
    }

    static ObjectNode comment(long id, String body) {
        return JSON.createObjectNode()
                .put("id", id)
                .put("body", body)
                .put("html_url", "https://github.com/octo-org/shop/pull/42#issuecomment-" + id);
    }

    static ResponseDefinitionBuilder json(int status, JsonNode body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(body.toString());
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return json(status, read(body));
    }

    static ArrayNode array(JsonNode... items) {
        ArrayNode array = JSON.createArrayNode();
        for (JsonNode item : items) {
            array.add(item);
        }
        return array;
    }

    @Override
    public void close() {
        server.stop();
    }

    @Override
    public void afterEach(ExtensionContext test) {
        close();
    }
}
