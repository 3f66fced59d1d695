package dev.locustmaven.notify;

/** A GitHub notification parameter the user set is invalid; the message names the parameter and the problem. */
public class GitHubConfigurationException extends RuntimeException {

    public GitHubConfigurationException(String message) {
        super(message);
    }
}
