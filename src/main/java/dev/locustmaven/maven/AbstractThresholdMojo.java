package dev.locustmaven.maven;

import dev.locustmaven.thresholds.Significance;
import dev.locustmaven.thresholds.ThresholdRule;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The goals that read the threshold rules: {@code check} judges a run by them, {@code baseline} says what the promoted
 * baseline lets them tell apart.
 */
public abstract class AbstractThresholdMojo extends AbstractLocustMojo {

    /**
     * The threshold rules. Each names a {@code service} (absent or {@code *}: every service), a {@code metric} (a name
     * or a glob such as {@code *_p95_ms}), optionally an {@code endpoint}, and a {@code warning} and/or {@code fail}
     * level: {@code +20%} (relative change, the sign says which way is worse), {@code +0.5} (absolute change), or a
     * fixed limit such as {@code > 1}, {@code >= 800}, {@code == false}.
     */
    @Parameter
    private List<ThresholdConfiguration> thresholds = new ArrayList<>();

    /**
     * {@code on}: a change level fails the build only when the change lies beyond sampling error (from the requests
     * behind the run's and the baseline's values); a value that breaks the fail level within sampling error is an
     * inconclusive WARN that says how many requests would decide it. {@code off}: plain comparison of the numbers.
     * A threshold's own {@code <significance>} overrides this.
     */
    @Parameter(property = "locust.significance", defaultValue = "on")
    private String significance;

    /** The one-sided confidence of the sampling-error judgement, from 0.5 up to (not including) 1. */
    @Parameter(property = "locust.confidence", defaultValue = "0.95")
    private double confidence;

    /** The pom's threshold rules, mapped onto the core's rules. */
    protected List<ThresholdRule> thresholdRules() {
        return thresholds == null
                ? List.of()
                : thresholds.stream().map(ThresholdConfiguration::toRule).toList();
    }

    /** The one-sided confidence of the sampling-error judgement. */
    protected double confidence() {
        return confidence;
    }

    /** The plugin-wide {@code significance}. */
    protected boolean significanceOn() {
        return Significance.parse(significance);
    }
}
