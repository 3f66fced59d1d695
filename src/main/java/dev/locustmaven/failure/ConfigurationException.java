package dev.locustmaven.failure;

/**
 * What the user wrote cannot be used as written: a parameter, a threshold, a metric definition, a baseline value. The
 * message names the setting and every problem found.
 */
public class ConfigurationException extends PluginException {

    private static final long serialVersionUID = 1L;

    public ConfigurationException(String message) {
        super(message);
    }
}
