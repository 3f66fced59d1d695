package dev.locustmaven.notify;

import java.util.List;

/** An issue as the GitHub API returns it, reduced to what notification needs. */
public record GitHubIssue(long number, String title, String body, String htmlUrl, List<String> labels) {

    public GitHubIssue {
        body = body == null ? "" : body;
        labels = List.copyOf(labels);
    }
}
