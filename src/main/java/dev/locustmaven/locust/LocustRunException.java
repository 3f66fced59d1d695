package dev.locustmaven.locust;

/**
 * Locust could not be found, installed, started or run to a usable result. The message is complete and meant for the
 * user: it says what happened and what to do.
 */
public class LocustRunException extends RuntimeException {

    public LocustRunException(String message) {
        super(message);
    }

    public LocustRunException(String message, Throwable cause) {
        super(message, cause);
    }
}
