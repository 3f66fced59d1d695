package dev.locustmaven.thresholds;

import dev.locustmaven.failure.ConfigurationException;
import dev.locustmaven.model.MetricKey;

/**
 * A baseline value that a rule cannot compare with the run: a string or a boolean where a change level compares a
 * number. Without this it would silently count as no baseline value and switch the rule off. The message goes on from
 * the key ("is "fast", a string, …"); the caller puts the file and the key in front.
 */
public class BaselineValueException extends ConfigurationException {

    private final MetricKey key;

    public BaselineValueException(MetricKey key, String problem) {
        super(problem);
        this.key = key;
    }

    public MetricKey key() {
        return key;
    }
}
