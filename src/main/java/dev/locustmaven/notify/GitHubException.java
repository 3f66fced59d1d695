package dev.locustmaven.notify;

/**
 * A GitHub API call failed for good (after any retries). The message is complete, user-facing and free of the token.
 */
public class GitHubException extends RuntimeException {

    private final int status;

    /**
     * @param status the HTTP status of the last reply, or 0 when no reply came (connection failure, interruption)
     */
    public GitHubException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
