package dev.locustmaven.check;

/** The plugin's configuration cannot be used as written; the message lists every problem found. */
public final class ConfigurationException extends RuntimeException {

    public ConfigurationException(String message) {
        super(message);
    }
}
