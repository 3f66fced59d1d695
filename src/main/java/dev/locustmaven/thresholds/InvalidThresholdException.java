package dev.locustmaven.thresholds;

import dev.locustmaven.failure.ConfigurationException;
import java.util.List;

/** Threshold configuration that cannot be used; the message is complete and meant for the user. */
public class InvalidThresholdException extends ConfigurationException {

    private final List<String> problems;

    /** One problem, e.g. a level text that does not parse. */
    public InvalidThresholdException(String problem) {
        super(problem);
        this.problems = List.of(problem);
    }

    /** Several problems of a rule set, listed one per line in the message. */
    public InvalidThresholdException(List<String> problems) {
        super("Invalid thresholds (" + problems.size() + (problems.size() == 1 ? " problem" : " problems") + "):\n  - "
                + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
