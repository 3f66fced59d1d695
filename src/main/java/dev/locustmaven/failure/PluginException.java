package dev.locustmaven.failure;

/**
 * A failure of the plugin's own making or finding: Locust that cannot run, a file that cannot be read or written, a
 * configuration that cannot be used. The message is complete and meant for the user, so the goals report it alone;
 * any other exception is a bug and reaches the user with its stack trace.
 */
public abstract class PluginException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected PluginException(String message) {
        super(message);
    }

    protected PluginException(String message, Throwable cause) {
        super(message, cause);
    }
}
