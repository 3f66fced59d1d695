package dev.locustmaven.metrics;

import dev.locustmaven.failure.ConfigurationException;
import java.util.List;

/** The user-defined metrics in the pom are invalid; the message lists every problem. */
public class InvalidMetricDefinitionException extends ConfigurationException {

    private final List<String> problems;

    public InvalidMetricDefinitionException(List<String> problems) {
        super("Invalid metric definitions:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
