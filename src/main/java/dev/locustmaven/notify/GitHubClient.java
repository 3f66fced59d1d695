package dev.locustmaven.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The few GitHub REST calls notification needs, with retries on server errors and rate limits.
 *
 * <p>The token is sent only in the {@code Authorization} header and only to {@code apiUrl} (redirects are not
 * followed); no message this class produces contains it, and text from GitHub's replies is redacted before it is
 * quoted.
 */
public final class GitHubClient {

    public static final String API_VERSION = "2022-11-28";
    public static final String USER_AGENT = "locust-maven-plugin";

    private static final int PAGE_SIZE = 100;
    private static final int MAX_PAGES = 10;
    private static final int MAX_QUOTED_REPLY = 300;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final String base;
    private final String repository;
    private final Secret token;
    private final String tokenSource;
    private final HttpClient http;
    private final Sleeper sleeper;
    private final Clock clock;
    private final RetryPolicy retry;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param tokenSource where the token came from, named in the message of a rejected token
     */
    public GitHubClient(
            URI apiUrl,
            String repository,
            Secret token,
            String tokenSource,
            HttpClient http,
            Sleeper sleeper,
            Clock clock,
            RetryPolicy retry) {
        this.base = apiUrl.toString().replaceAll("/+$", "");
        this.repository = Objects.requireNonNull(repository, "repository");
        this.token = Objects.requireNonNull(token, "token");
        this.tokenSource = tokenSource == null ? "the configured token" : tokenSource;
        this.http = http;
        this.sleeper = sleeper;
        this.clock = clock;
        this.retry = retry;
    }

    /** A client for the context's API and repository, with real waiting and the default retry policy. */
    public static GitHubClient create(GitHubContext context) {
        return new GitHubClient(
                context.apiUrl(),
                context.repository(),
                context.token(),
                context.tokenSource(),
                defaultHttpClient(),
                Sleeper.REAL,
                Clock.systemUTC(),
                RetryPolicy.defaults());
    }

    public static HttpClient defaultHttpClient() {
        return HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** The repository's default branch ({@code GET /repos/{owner}/{repo}}). */
    public String defaultBranch() {
        JsonNode repo = send("GET", repoPath(""), null);
        String branch = repo.path("default_branch").asText("");
        if (branch.isEmpty()) {
            throw new GitHubException(200, "GitHub's description of " + repository + " names no default branch");
        }
        return branch;
    }

    /** The open issues (not pull requests) that carry all of {@code labels}, newest first. */
    public List<GitHubIssue> openIssues(List<String> labels) {
        String query = "?state=open&labels=" + URLEncoder.encode(String.join(",", labels), StandardCharsets.UTF_8)
                + "&per_page=" + PAGE_SIZE;
        List<GitHubIssue> issues = new ArrayList<>();
        for (JsonNode item : pages(repoPath("/issues") + query)) {
            if (!item.has("pull_request")) {
                issues.add(issue(item));
            }
        }
        return issues;
    }

    public GitHubIssue createIssue(String title, String body, List<String> labels) {
        ObjectNode request = json.createObjectNode().put("title", title).put("body", body);
        labels.forEach(request.putArray("labels")::add);
        return issue(send("POST", repoPath("/issues"), request));
    }

    /** Adds a comment to an issue or pull request. */
    public GitHubComment addComment(long issueNumber, String body) {
        return comment(send(
                "POST",
                repoPath("/issues/" + issueNumber + "/comments"),
                json.createObjectNode().put("body", body)));
    }

    public GitHubComment updateComment(long commentId, String body) {
        return comment(send(
                "PATCH",
                repoPath("/issues/comments/" + commentId),
                json.createObjectNode().put("body", body)));
    }

    /** Closes an issue as completed. */
    public GitHubIssue closeIssue(long issueNumber) {
        ObjectNode request = json.createObjectNode().put("state", "closed").put("state_reason", "completed");
        return issue(send("PATCH", repoPath("/issues/" + issueNumber), request));
    }

    /** The comments of an issue or pull request, oldest first. */
    public List<GitHubComment> comments(long issueNumber) {
        return pages(repoPath("/issues/" + issueNumber + "/comments") + "?per_page=" + PAGE_SIZE).stream()
                .map(GitHubClient::comment)
                .toList();
    }

    @Override
    public String toString() {
        return "GitHubClient[" + base + ", " + repository + "]";
    }

    private String repoPath(String rest) {
        return "/repos/" + repository + rest;
    }

    private List<JsonNode> pages(String pathAndQuery) {
        List<JsonNode> items = new ArrayList<>();
        for (int page = 1; page <= MAX_PAGES; page++) {
            JsonNode reply = send("GET", pathAndQuery + "&page=" + page, null);
            reply.forEach(items::add);
            if (reply.size() < PAGE_SIZE) {
                break;
            }
        }
        return items;
    }

    private JsonNode send(String method, String pathAndQuery, JsonNode body) {
        URI uri = URI.create(base + pathAndQuery);
        String call = method + " " + uri;
        // Nothing we post (reports, comments) should ever carry the token, whatever produced the text.
        String payload = body == null ? null : token.redact(write(body));
        Duration waited = Duration.ZERO;
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response;
            try {
                response = http.send(request(method, uri, payload), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                String problem = call + " failed: " + describe(e);
                if (attempt >= retry.maxAttempts() || !mayRetry(method, e)) {
                    throw new GitHubException(0, problem + (attempt > 1 ? " (after " + attempt + " attempts)" : ""));
                }
                waited = pause(retry.backoff(attempt), waited, 0, call, problem);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GitHubException(0, call + " was interrupted");
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return read(response.body(), call, status);
            }
            Optional<Duration> wait = retryWait(response, attempt);
            if (wait.isEmpty() || attempt >= retry.maxAttempts()) {
                throw failure(call, response, attempt);
            }
            waited = pause(wait.get(), waited, status, call, "GitHub answered " + status + " to " + call);
        }
    }

    private HttpRequest request(String method, URI uri, String payload) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/vnd.github+json")
                .header("Authorization", "Bearer " + token.reveal())
                .header("X-GitHub-Api-Version", API_VERSION)
                .header("User-Agent", USER_AGENT);
        if (payload == null) {
            return builder.method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        return builder.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8))
                .build();
    }

    /** A POST that timed out may have been carried out, so only a refused connection lets it be sent again. */
    private static boolean mayRetry(String method, IOException e) {
        return e instanceof ConnectException || e instanceof HttpConnectTimeoutException || !method.equals("POST");
    }

    private Duration pause(Duration wait, Duration waited, int status, String call, String problem) {
        Duration total = waited.plus(wait);
        if (total.compareTo(retry.maxTotalWait()) > 0) {
            throw new GitHubException(
                    status,
                    problem + "; GitHub asks to wait " + wait.toSeconds() + " s before retrying, longer than the "
                            + retry.maxTotalWait().toSeconds() + " s this build waits");
        }
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GitHubException(status, problem + "; interrupted while waiting to retry");
        }
        return total;
    }

    /** How long to wait before retrying this reply, or empty when retrying cannot help. */
    private Optional<Duration> retryWait(HttpResponse<String> response, int attempt) {
        int status = response.statusCode();
        Optional<Duration> retryAfter = retryAfter(response);
        if (status >= 500) {
            return Optional.of(retryAfter.orElse(retry.backoff(attempt)));
        }
        if (status != 403 && status != 429) {
            return Optional.empty();
        }
        if (retryAfter.isPresent()) {
            return retryAfter;
        }
        if ("0".equals(response.headers().firstValue("x-ratelimit-remaining").orElse(null))) {
            Optional<Duration> untilReset = response.headers()
                    .firstValue("x-ratelimit-reset")
                    .flatMap(GitHubClient::epochSeconds)
                    .map(reset -> Duration.between(clock.instant(), reset).plusSeconds(1));
            if (untilReset.isPresent()) {
                return Optional.of(untilReset.get().isNegative() ? Duration.ofSeconds(1) : untilReset.get());
            }
        }
        if (message(response.body()).toLowerCase(Locale.ROOT).contains("secondary rate limit")) {
            Duration backoff = retry.backoff(attempt);
            return Optional.of(
                    backoff.compareTo(retry.secondaryRateLimitWait()) > 0 ? backoff : retry.secondaryRateLimitWait());
        }
        return status == 429 ? Optional.of(retry.backoff(attempt)) : Optional.empty();
    }

    private Optional<Duration> retryAfter(HttpResponse<String> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            String text = value.strip();
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(text))));
            } catch (NumberFormatException notSeconds) {
                try {
                    Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME)
                            .toInstant();
                    Duration wait = Duration.between(clock.instant(), at);
                    return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
                } catch (DateTimeParseException notADate) {
                    return Optional.empty();
                }
            }
        });
    }

    private static Optional<Instant> epochSeconds(String text) {
        try {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(text.strip())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private GitHubException failure(String call, HttpResponse<String> response, int attempts) {
        int status = response.statusCode();
        String reply = status + (message(response.body()).isEmpty() ? "" : " " + message(response.body()));
        String after = attempts > 1 ? " (after " + attempts + " attempts)" : "";
        String text = switch (status) {
            case 401 ->
                "GitHub rejected the token (" + reply + ") for " + call + ": check that the token in "
                        + tokenSource + " is valid, not expired, and has `issues: write` permission"
                        + " (and `pull-requests: write` for pull-request comments)";
            case 403 ->
                "GitHub refused " + call + " (" + reply + "): the token in " + tokenSource
                        + " lacks a permission; a workflow needs `permissions: issues: write` (and"
                        + " `pull-requests: write` for pull-request comments), and a pull request from a fork"
                        + " only gets a read-only token";
            case 404 ->
                "GitHub found nothing at " + call + " (" + reply + "): check locust.github.repository (" + repository
                        + ") and that the token in " + tokenSource + " can see that repository";
            default -> "GitHub answered " + reply + " to " + call;
        };
        return new GitHubException(status, text + after);
    }

    /** GitHub's {@code message} (and validation errors) of an error reply, redacted and shortened. */
    private String message(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String text;
        try {
            JsonNode reply = json.readTree(body);
            text = reply.path("message").asText("");
            JsonNode errors = reply.path("errors");
            if (errors.isArray() && !errors.isEmpty()) {
                text += " " + errors;
            }
        } catch (JsonProcessingException e) {
            text = body;
        }
        text = token.redact(text.strip().replaceAll("\\s+", " "));
        return text.length() > MAX_QUOTED_REPLY ? text.substring(0, MAX_QUOTED_REPLY) + "…" : text;
    }

    private JsonNode read(String body, String call, int status) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new GitHubException(status, "GitHub's reply to " + call + " is not JSON: " + message(body));
        }
    }

    private String write(JsonNode body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree always serialises", e);
        }
    }

    private String describe(IOException e) {
        String detail = e.getMessage() == null ? "" : ": " + token.redact(e.getMessage());
        return e.getClass().getSimpleName() + detail;
    }

    private static GitHubIssue issue(JsonNode node) {
        List<String> labels = new ArrayList<>();
        node.path("labels")
                .forEach(label -> labels.add(
                        label.isTextual() ? label.asText() : label.path("name").asText()));
        return new GitHubIssue(
                node.path("number").asLong(),
                node.path("title").asText(""),
                node.path("body").asText(""),
                node.path("html_url").asText(""),
                labels);
    }

    private static GitHubComment comment(JsonNode node) {
        return new GitHubComment(
                node.path("id").asLong(),
                node.path("body").asText(""),
                node.path("html_url").asText(""));
    }
}
