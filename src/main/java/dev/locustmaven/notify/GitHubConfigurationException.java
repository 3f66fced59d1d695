package dev.locustmaven.notify;

import dev.locustmaven.failure.ConfigurationException;

/** A GitHub notification parameter the user set is invalid; the message names the parameter and the problem. */
public class GitHubConfigurationException extends ConfigurationException {

    public GitHubConfigurationException(String message) {
        super(message);
    }
}
