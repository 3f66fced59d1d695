package dev.locustmaven.notify;

import dev.locustmaven.failure.PluginException;

/**
 * A GitHub API call failed for good (after any retries). The message is complete, user-facing and free of the token.
 */
public class GitHubException extends PluginException {

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
