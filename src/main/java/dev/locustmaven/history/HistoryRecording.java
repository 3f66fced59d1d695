package dev.locustmaven.history;

import dev.locustmaven.failure.ConfigurationException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whether {@code check} appends this run to the history ({@code locust.recordHistory}): {@code true}, {@code false}, or
 * {@code auto}, which records CI builds of a branch only, so that runs on a laptop and pull-request builds do not go
 * into a history that is committed or shared.
 *
 * @param record append this run
 * @param setting the value as given, lower case
 * @param why what decided it, e.g. {@code not a CI build}
 */
public record HistoryRecording(boolean record, String setting, String why) {

    /** Variables that one of the CIs sets on every build, in the order they are looked at. */
    private static final List<String> CI_VARIABLES =
            List.of("GITHUB_ACTIONS", "GITLAB_CI", "TF_BUILD", "JENKINS_URL", "BUILD_URL", "CI");

    /** Variables set on pull- or merge-request builds: GitHub, GitLab, Jenkins multibranch, Azure Pipelines. */
    private static final List<String> REVIEW_VARIABLES =
            List.of("CI_MERGE_REQUEST_IID", "CHANGE_ID", "SYSTEM_PULLREQUEST_PULLREQUESTID");

    /** Decides over a process environment; a setting other than auto, true or false is a configuration error. */
    public static HistoryRecording decide(String setting, Map<String, String> env) {
        String value = setting == null ? "auto" : setting.trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "true" -> new HistoryRecording(true, value, "locust.recordHistory=true");
            case "false" -> new HistoryRecording(false, value, "locust.recordHistory=false");
            case "auto" -> auto(env);
            default ->
                throw new ConfigurationException(
                        "locust.recordHistory must be auto, true or false, not \"" + setting + "\"");
        };
    }

    private static HistoryRecording auto(Map<String, String> env) {
        String ci = CI_VARIABLES.stream()
                .filter(name -> isSet(env, name) && (!name.equals("CI") || "true".equalsIgnoreCase(env.get(name))))
                .findFirst()
                .orElse(null);
        if (ci == null) {
            return new HistoryRecording(false, "auto", "not a CI build");
        }
        String event = env.get("GITHUB_EVENT_NAME");
        if (event != null && event.startsWith("pull_request")) {
            return new HistoryRecording(false, "auto", "a pull-request build (GITHUB_EVENT_NAME=" + event + ")");
        }
        for (String name : REVIEW_VARIABLES) {
            if (isSet(env, name)) {
                return new HistoryRecording(false, "auto", "a pull- or merge-request build (" + name + " is set)");
            }
        }
        return new HistoryRecording(true, "auto", "a CI build (" + ci + " is set)");
    }

    private static boolean isSet(Map<String, String> env, String name) {
        String value = env.get(name);
        return value != null && !value.isBlank();
    }

    /**
     * The log line that states the decision and how to turn it round, e.g. {@code Not recording this run in
     * history.jsonl: not a CI build (locust.recordHistory=auto; -Dlocust.recordHistory=true records it)}.
     */
    public String describe(Path file) {
        String how = setting.equals("auto") ? "locust.recordHistory=auto; " : "";
        return record
                ? "Recording this run in " + file + ": " + why + " (" + how
                        + "-Dlocust.recordHistory=false leaves it out)"
                : "Not recording this run in " + file + ": " + why + " (" + how
                        + "-Dlocust.recordHistory=true records it)";
    }
}
