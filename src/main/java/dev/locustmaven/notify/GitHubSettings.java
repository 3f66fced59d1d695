package dev.locustmaven.notify;

import java.util.List;

/**
 * What the user asked GitHub notification to do: the policy, independent of where the build runs.
 *
 * @param issueLevel from which verdict a regression issue is opened, or {@link IssueLevel#OFF}
 * @param labels the labels a regression issue gets, and by which open regression issues are found
 * @param branches the branches whose runs may open, comment on and close issues; empty means the repository's
 *     default branch
 * @param issueOnPullRequest also open and comment on issues from pull-request runs (then the branch list is not
 *     applied, since a pull request's branch is never the default branch)
 * @param closeOnRecovery a passing run comments on and closes the plugin's open regression issues of its branch
 * @param commentOnPullRequest keep one comment with the report on the pull request, updated on every run
 * @param checklist the root-cause investigation checklist of a new issue, one item a line
 */
public record GitHubSettings(
        IssueLevel issueLevel,
        List<String> labels,
        List<String> branches,
        boolean issueOnPullRequest,
        boolean closeOnRecovery,
        boolean commentOnPullRequest,
        List<String> checklist) {

    public static final List<String> DEFAULT_LABELS = List.of("performance", "regression", "ci");

    /** The seed pipeline's checklist, made independent of one team's stack. */
    public static final List<String> DEFAULT_CHECKLIST = List.of(
            "Review code changes since the last baseline",
            "Check for resource constraints (CPU, memory, GPU) on the system under test and on the load generator",
            "Verify database and backing-service performance",
            "Check for network latency increases",
            "Review the time spent in external calls (downstream services, model inference)");

    public GitHubSettings {
        issueLevel = issueLevel == null ? IssueLevel.FAIL : issueLevel;
        labels = cleaned(labels == null || labels.isEmpty() ? DEFAULT_LABELS : labels);
        branches = cleaned(branches == null ? List.of() : branches);
        checklist = cleaned(checklist == null || checklist.isEmpty() ? DEFAULT_CHECKLIST : checklist);
        if (labels.isEmpty()) {
            throw new GitHubConfigurationException(
                    "locust.github.labels is empty; regression issues need at least one label to be found again");
        }
    }

    /** Issues on FAIL, the default labels, the default branch only, no pull-request comment, no closing. */
    public static GitHubSettings defaults() {
        return new GitHubSettings(IssueLevel.FAIL, DEFAULT_LABELS, List.of(), false, false, false, DEFAULT_CHECKLIST);
    }

    public GitHubSettings withIssueLevel(IssueLevel level) {
        return new GitHubSettings(
                level, labels, branches, issueOnPullRequest, closeOnRecovery, commentOnPullRequest, checklist);
    }

    public GitHubSettings withLabels(List<String> newLabels) {
        return new GitHubSettings(
                issueLevel, newLabels, branches, issueOnPullRequest, closeOnRecovery, commentOnPullRequest, checklist);
    }

    public GitHubSettings withBranches(List<String> newBranches) {
        return new GitHubSettings(
                issueLevel, labels, newBranches, issueOnPullRequest, closeOnRecovery, commentOnPullRequest, checklist);
    }

    public GitHubSettings withIssueOnPullRequest(boolean enabled) {
        return new GitHubSettings(
                issueLevel, labels, branches, enabled, closeOnRecovery, commentOnPullRequest, checklist);
    }

    public GitHubSettings withCloseOnRecovery(boolean enabled) {
        return new GitHubSettings(
                issueLevel, labels, branches, issueOnPullRequest, enabled, commentOnPullRequest, checklist);
    }

    public GitHubSettings withCommentOnPullRequest(boolean enabled) {
        return new GitHubSettings(
                issueLevel, labels, branches, issueOnPullRequest, closeOnRecovery, enabled, checklist);
    }

    public GitHubSettings withChecklist(List<String> items) {
        return new GitHubSettings(
                issueLevel, labels, branches, issueOnPullRequest, closeOnRecovery, commentOnPullRequest, items);
    }

    /** Splits a comma-separated parameter value ({@code performance, regression}) into its trimmed items. */
    public static List<String> splitList(String text) {
        return text == null ? List.of() : cleaned(List.of(text.split(",")));
    }

    private static List<String> cleaned(List<String> items) {
        return items.stream()
                .filter(s -> s != null && !s.isBlank())
                .map(String::strip)
                .distinct()
                .toList();
    }
}
