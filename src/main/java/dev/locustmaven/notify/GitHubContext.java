package dev.locustmaven.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where this build runs and how to reach GitHub: the API, the repository, the token, and the branch, commit, CI run and
 * pull request of this build. Every field but {@code apiUrl} may be {@code null} when nothing said it.
 *
 * @param apiUrl the REST API base, {@code https://api.github.com} or an Enterprise server's {@code https://host/api/v3}
 * @param repository {@code owner/name}
 * @param tokenSource where the token came from, for messages ({@code environment variable GITHUB_TOKEN})
 * @param runUrl a link to the CI run, for issue bodies and comments
 * @param pullRequest the pull request number, when known
 * @param pullRequestRun true when this build runs for a pull request
 */
public record GitHubContext(
        URI apiUrl,
        String repository,
        Secret token,
        String tokenSource,
        String branch,
        String commit,
        String runUrl,
        Integer pullRequest,
        boolean pullRequestRun) {

    public static final URI DEFAULT_API_URL = URI.create("https://api.github.com");
    public static final String DEFAULT_TOKEN_VARIABLE = "GITHUB_TOKEN";

    private static final Pattern REPOSITORY =
            Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}");
    private static final Pattern PULL_REF = Pattern.compile("refs/pull/(\\d+)/(?:merge|head)");
    /** The prefixes of GitHub's token formats, to catch a token put where its variable's name belongs. */
    private static final Pattern TOKEN_PREFIX = Pattern.compile("gh[pousr]_|github_pat_");

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    public GitHubContext {
        apiUrl = apiUrl == null ? DEFAULT_API_URL : apiUrl;
        pullRequestRun = pullRequestRun || pullRequest != null;
    }

    /**
     * Values the user set explicitly (pom parameters, or a token the mojo read from {@code settings.xml}); each wins
     * over the environment. Any may be {@code null}.
     *
     * @param tokenVariable the environment variable holding the token, {@code GITHUB_TOKEN} when {@code null}
     */
    public record Overrides(
            String apiUrl,
            String repository,
            Secret token,
            String tokenSource,
            String tokenVariable,
            String branch,
            String commit,
            String runUrl,
            Integer pullRequest) {

        public static Overrides none() {
            return new Overrides(null, null, null, null, null, null, null, null, null);
        }

        public Overrides withToken(Secret newToken, String source) {
            return new Overrides(
                    apiUrl, repository, newToken, source, tokenVariable, branch, commit, runUrl, pullRequest);
        }
    }

    /**
     * Reads the {@code GITHUB_*} variables GitHub Actions sets (and, for the commit, branch and run link, the ones of
     * GitLab CI and Jenkins), with {@code overrides} taking precedence.
     *
     * @throws GitHubConfigurationException when an explicitly set API URL, repository or token variable is invalid
     */
    public static GitHubContext fromEnvironment(Map<String, String> env, Overrides overrides) {
        Overrides o = overrides == null ? Overrides.none() : overrides;

        URI apiUrl = apiUrl(first(o.apiUrl(), env.get("GITHUB_API_URL")), o.apiUrl() != null);
        String repository = repository(first(o.repository(), env.get("GITHUB_REPOSITORY")));

        String tokenVariable = first(o.tokenVariable(), DEFAULT_TOKEN_VARIABLE);
        if (!tokenVariable.matches("[A-Za-z_][A-Za-z0-9_]*")
                || TOKEN_PREFIX.matcher(tokenVariable).lookingAt()) {
            // Not echoed: a user who put the token itself here must not see it printed.
            throw new GitHubConfigurationException("locust.github.tokenVariable is not a variable name; expected the"
                    + " name of an environment variable, such as GITHUB_TOKEN, never the token itself");
        }
        Secret token = o.token();
        String tokenSource = o.token() != null ? first(o.tokenSource(), "the configured token") : null;
        String fromVariable = env.get(tokenVariable);
        if (token == null && fromVariable != null && !fromVariable.isBlank()) {
            token = Secret.of(fromVariable);
            tokenSource = "environment variable " + tokenVariable;
        }

        String event = env.get("GITHUB_EVENT_NAME");
        boolean pullRequestEvent = event != null && event.startsWith("pull_request");
        Integer pullRequest = o.pullRequest();
        if (pullRequest == null && pullRequestEvent) {
            pullRequest = pullRequestNumber(env);
        }

        String branch = first(o.branch(), branch(env, pullRequestEvent));
        String commit = first(o.commit(), env.get("GITHUB_SHA"), env.get("CI_COMMIT_SHA"), env.get("GIT_COMMIT"));
        String runUrl = first(o.runUrl(), actionsRunUrl(env, repository), env.get("CI_JOB_URL"), env.get("BUILD_URL"));

        return new GitHubContext(
                apiUrl, repository, token, tokenSource, branch, commit, runUrl, pullRequest, pullRequestEvent);
    }

    /** {@code owner}, or {@code null} without a repository. */
    public String owner() {
        return repository == null ? null : repository.substring(0, repository.indexOf('/'));
    }

    @Override
    public String toString() {
        return "GitHubContext[apiUrl=" + apiUrl + ", repository=" + repository + ", token="
                + (token == null ? "none" : "**** from " + tokenSource) + ", branch=" + branch + ", commit=" + commit
                + ", runUrl=" + runUrl + ", pullRequest=" + pullRequest + ", pullRequestRun=" + pullRequestRun + "]";
    }

    private static URI apiUrl(String text, boolean explicit) {
        if (text == null) {
            return DEFAULT_API_URL;
        }
        String origin = explicit ? "locust.github.apiUrl" : "GITHUB_API_URL";
        if (text.contains("@")) {
            throw new GitHubConfigurationException(
                    origin + " contains credentials ('@'); give the token through the token variable or settings.xml");
        }
        URI uri;
        try {
            uri = new URI(text.strip().replaceAll("/+$", ""));
        } catch (URISyntaxException e) {
            throw new GitHubConfigurationException(origin + " is '" + text + "', which is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new GitHubConfigurationException(origin + " is '" + text
                    + "'; expected an http(s) URL such as https://api.github.com or https://github.example.com/api/v3");
        }
        // The token travels in a header: plain http would show it to everyone on the path.
        if (scheme.equals("http") && !LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
            throw new GitHubConfigurationException(
                    origin + " is '" + text + "'; the token is only sent over https (plain http only to localhost)");
        }
        return uri;
    }

    private static String repository(String text) {
        if (text == null) {
            return null;
        }
        String repository = text.strip();
        if (!REPOSITORY.matcher(repository).matches()) {
            throw new GitHubConfigurationException(
                    "locust.github.repository is '" + text + "'; expected owner/name, such as octo-org/shop");
        }
        return repository;
    }

    private static String branch(Map<String, String> env, boolean pullRequestEvent) {
        if (pullRequestEvent && notBlank(env.get("GITHUB_HEAD_REF"))) {
            return env.get("GITHUB_HEAD_REF");
        }
        String ref = env.get("GITHUB_REF");
        if (ref != null && ref.startsWith("refs/heads/")) {
            return ref.substring("refs/heads/".length());
        }
        if (ref == null && notBlank(env.get("GITHUB_REF_NAME"))) {
            return env.get("GITHUB_REF_NAME");
        }
        if (ref != null) {
            return null; // a tag or a pull-request merge ref is no branch
        }
        return first(env.get("CI_COMMIT_BRANCH"), env.get("BRANCH_NAME"));
    }

    private static Integer pullRequestNumber(Map<String, String> env) {
        String eventPath = env.get("GITHUB_EVENT_PATH");
        if (notBlank(eventPath)) {
            try {
                JsonNode event = new ObjectMapper().readTree(Files.readString(Path.of(eventPath)));
                JsonNode number = event.path("pull_request").path("number");
                if (number.canConvertToInt() && number.intValue() > 0) {
                    return number.intValue();
                }
                if (event.path("number").canConvertToInt()
                        && event.path("number").intValue() > 0) {
                    return event.path("number").intValue();
                }
            } catch (IOException | RuntimeException e) {
                // The event file is a convenience; the merge ref below says the same for pull_request events.
            }
        }
        String ref = env.get("GITHUB_REF");
        if (ref != null) {
            Matcher matcher = PULL_REF.matcher(ref);
            if (matcher.matches()) {
                return Integer.valueOf(matcher.group(1));
            }
        }
        return null;
    }

    private static String actionsRunUrl(Map<String, String> env, String repository) {
        String server = env.get("GITHUB_SERVER_URL");
        String runId = env.get("GITHUB_RUN_ID");
        String repo = first(env.get("GITHUB_REPOSITORY"), repository);
        if (!notBlank(server) || !notBlank(runId) || repo == null) {
            return null;
        }
        return server.replaceAll("/+$", "") + "/" + repo + "/actions/runs/" + runId;
    }

    private static String first(String... values) {
        for (String value : values) {
            if (notBlank(value)) {
                return value.strip();
            }
        }
        return null;
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
