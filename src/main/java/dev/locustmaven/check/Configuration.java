package dev.locustmaven.check;

import dev.locustmaven.failure.ConfigurationException;
import dev.locustmaven.metrics.MetricDefinition;
import dev.locustmaven.metrics.MetricExtractor;
import dev.locustmaven.thresholds.ThresholdRule;
import dev.locustmaven.thresholds.ThresholdRules;
import java.util.ArrayList;
import java.util.List;

/** Validates the user's thresholds and metric definitions together, before any work, so every mistake shows at once. */
public final class Configuration {

    private Configuration() {}

    public static void requireValid(List<ThresholdRule> thresholds, List<MetricDefinition> metrics) {
        List<String> problems = new ArrayList<>(new ThresholdRules(thresholds).validate());
        problems.addAll(MetricExtractor.validate(metrics));
        if (!problems.isEmpty()) {
            throw new ConfigurationException(
                    "Invalid locust-maven-plugin configuration:\n  - " + String.join("\n  - ", problems));
        }
    }
}
