package dev.locustmaven.notify;

/** An issue or pull-request comment as the GitHub API returns it, reduced to what notification needs. */
public record GitHubComment(long id, String body, String htmlUrl) {

    public GitHubComment {
        body = body == null ? "" : body;
    }
}
