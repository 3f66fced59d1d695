package dev.locustmaven.locust;

import dev.locustmaven.failure.PluginException;

/**
 * Locust could not be found, installed, started or run to a usable result. The message is complete and meant for the
 * user: it says what happened and what to do.
 */
public class LocustRunException extends PluginException {

    public LocustRunException(String message) {
        super(message);
    }

    public LocustRunException(String message, Throwable cause) {
        super(message, cause);
    }
}
