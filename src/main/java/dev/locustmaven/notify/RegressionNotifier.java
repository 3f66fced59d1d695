package dev.locustmaven.notify;

import dev.locustmaven.model.Status;
import dev.locustmaven.model.Verdict;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Tells GitHub about a build's verdict, once and where people look: a regression issue (opened, or commented on when
 * the same regression is already open, or closed when the branch recovers) and one pull-request comment kept up to
 * date.
 *
 * <p>It never throws for a GitHub problem and never changes the verdict: every failure becomes a warning of the
 * returned {@link NotificationResult}.
 */
public final class RegressionNotifier {

    private final GitHubSettings settings;
    private final GitHubContext context;
    private final Function<GitHubContext, GitHubClient> clients;
    private final IssueText text;

    /**
     * @param clients makes the API client, called only when the context has a repository and a token
     */
    public RegressionNotifier(
            GitHubSettings settings,
            GitHubContext context,
            Clock clock,
            Function<GitHubContext, GitHubClient> clients) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.context = Objects.requireNonNull(context, "context");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.text = new IssueText(context, clock);
    }

    /** A notifier that talks to the real API with the default retry policy. */
    public static RegressionNotifier of(GitHubSettings settings, GitHubContext context) {
        return new RegressionNotifier(settings, context, Clock.systemUTC(), GitHubClient::create);
    }

    /**
     * Acts on the verdict as the settings say.
     *
     * @param markdownReport the Markdown report of this run, used as issue body and comment
     */
    public NotificationResult notify(Verdict verdict, String markdownReport) {
        NotificationResult.Builder result = new NotificationResult.Builder(context.token());
        boolean regression = settings.issueLevel().isReachedBy(verdict.level());
        boolean recovery = verdict.level() == Status.PASS && settings.closeOnRecovery();
        boolean pullRequestComment = settings.commentOnPullRequest() && context.pullRequestRun();
        if (!regression && settings.issueLevel() != IssueLevel.OFF && verdict.level() != Status.PASS) {
            result.note("Verdict " + verdict.level() + " is below locust.github.issueLevel " + settings.issueLevel()
                    + ": no regression issue");
        }
        if (!regression && !recovery && !pullRequestComment) {
            return result.build();
        }
        Optional<NotificationResult> unreachable = withoutGitHub(result);
        if (unreachable.isPresent()) {
            return unreachable.get();
        }
        GitHubClient client = clients.apply(context);
        if (regression || recovery) {
            try {
                Optional<String> branch = issueBranch(client, result);
                if (branch.isPresent() && regression) {
                    openOrComment(client, verdict, markdownReport, branch.get(), result);
                } else if (branch.isPresent()) {
                    closeRecovered(client, branch.get(), result);
                }
            } catch (GitHubException e) {
                result.warning("Regression issue not updated: " + e.getMessage());
            }
        }
        if (pullRequestComment) {
            try {
                pullRequestComment(client, markdownReport, IssueText.REPORT_FILE, result);
            } catch (GitHubException e) {
                result.warning("Pull-request comment not written: " + e.getMessage());
            }
        }
        return result.build();
    }

    /**
     * Only the pull-request comment, as the settings say, for a report that opens no issue (a paired comparison, which
     * judges a pull request against its base rather than a branch's history).
     *
     * @param reportFile the file that holds the whole report, named in the comment when GitHub's size limit cuts it
     */
    public NotificationResult commentOnPullRequest(String markdownReport, String reportFile) {
        NotificationResult.Builder result = new NotificationResult.Builder(context.token());
        if (!settings.commentOnPullRequest() || !context.pullRequestRun()) {
            return result.build();
        }
        Optional<NotificationResult> unreachable = withoutGitHub(result);
        if (unreachable.isPresent()) {
            return unreachable.get();
        }
        try {
            pullRequestComment(clients.apply(context), markdownReport, reportFile, result);
        } catch (GitHubException e) {
            result.warning("Pull-request comment not written: " + e.getMessage());
        }
        return result.build();
    }

    /** The branch whose issues this run may touch, or empty (with a note why) when it may touch none. */
    private Optional<String> issueBranch(GitHubClient client, NotificationResult.Builder result) {
        if (context.pullRequestRun()) {
            if (!settings.issueOnPullRequest()) {
                result.note("Pull-request run: regression issues are only for branch runs"
                        + " (locust.github.issueOnPullRequest is false)");
                return Optional.empty();
            }
            return Optional.of(context.branch() != null ? context.branch() : "pull/" + context.pullRequest());
        }
        if (context.branch() == null) {
            result.note("The branch of this run is unknown (no GITHUB_REF): no regression issue");
            return Optional.empty();
        }
        List<String> allowed = settings.branches().isEmpty() ? List.of(client.defaultBranch()) : settings.branches();
        if (!allowed.contains(context.branch())) {
            result.note("Branch " + context.branch() + " is not one of " + String.join(", ", allowed)
                    + " (locust.github.branches): no regression issue");
            return Optional.empty();
        }
        return Optional.of(context.branch());
    }

    private void openOrComment(
            GitHubClient client, Verdict verdict, String report, String branch, NotificationResult.Builder result) {
        RegressionSignature signature = RegressionSignature.of(verdict, settings.issueLevel());
        Optional<GitHubIssue> open = client.openIssues(settings.labels()).stream()
                .filter(issue -> HiddenMarkers.signatureOf(issue.body()).equals(Optional.of(signature)))
                .filter(issue -> HiddenMarkers.branchOf(issue.body()).equals(Optional.of(branch)))
                .findFirst();
        if (open.isPresent()) {
            GitHubIssue issue = open.get();
            client.addComment(issue.number(), text.repeatComment(report, branch));
            result.action("Commented on regression issue #" + issue.number() + " " + issue.htmlUrl()
                    + ": the same regression (" + signature + ") is still there");
            return;
        }
        GitHubIssue created = client.createIssue(
                text.title(), text.issueBody(report, signature, branch, settings.checklist()), settings.labels());
        result.action("Opened regression issue #" + created.number() + " " + created.htmlUrl() + " for "
                + (signature.isEmpty() ? "verdict " + verdict.level() : signature.toString()));
        List<String> dropped = settings.labels().stream()
                .filter(label -> !created.labels().contains(label))
                .toList();
        if (!dropped.isEmpty()) {
            result.warning("GitHub did not put the labels " + String.join(", ", dropped) + " on issue #"
                    + created.number() + " (only tokens with push access may set labels); later runs look for"
                    + " their issue by these labels and will open new issues until the labels are added");
        }
    }

    private void closeRecovered(GitHubClient client, String branch, NotificationResult.Builder result) {
        List<GitHubIssue> recovered = client.openIssues(settings.labels()).stream()
                .filter(issue -> HiddenMarkers.signatureOf(issue.body()).isPresent())
                .filter(issue -> HiddenMarkers.branchOf(issue.body()).equals(Optional.of(branch)))
                .toList();
        if (recovered.isEmpty()) {
            result.note("No open regression issue of branch " + branch + " to close");
        }
        for (GitHubIssue issue : recovered) {
            client.addComment(issue.number(), text.recoveryComment(branch));
            client.closeIssue(issue.number());
            result.action("Closed regression issue #" + issue.number() + " " + issue.htmlUrl()
                    + ": the check passed again on " + branch);
        }
    }

    private void pullRequestComment(
            GitHubClient client, String report, String reportFile, NotificationResult.Builder result) {
        if (context.pullRequest() == null) {
            result.warning("This is a pull-request run but its number is unknown (no GITHUB_EVENT_PATH):"
                    + " set locust.github.pullRequest to comment on it");
            return;
        }
        int number = context.pullRequest();
        String body = text.pullRequestComment(report, reportFile);
        Optional<GitHubComment> existing = client.comments(number).stream()
                .filter(comment -> HiddenMarkers.isPullRequestReport(comment.body()))
                .findFirst();
        if (existing.isPresent()) {
            GitHubComment updated = client.updateComment(existing.get().id(), body);
            result.action("Updated the report comment on pull request #" + number + " " + updated.htmlUrl());
        } else {
            GitHubComment created = client.addComment(number, body);
            result.action("Commented the report on pull request #" + number + " " + created.htmlUrl());
        }
    }

    /** Why nothing can be sent: no repository known, or no token; empty when both are known. */
    private Optional<NotificationResult> withoutGitHub(NotificationResult.Builder result) {
        if (context.repository() == null) {
            return Optional.of(result.note("No GitHub repository known (not in GitHub Actions and"
                            + " locust.github.repository not set): nothing sent to GitHub")
                    .build());
        }
        if (context.token() == null) {
            return Optional.of(result.warning("No GitHub token: set the environment variable named by"
                            + " locust.github.tokenVariable (default GITHUB_TOKEN) or a <server> in settings.xml named"
                            + " by locust.github.serverId; nothing sent to GitHub")
                    .build());
        }
        return Optional.empty();
    }
}
