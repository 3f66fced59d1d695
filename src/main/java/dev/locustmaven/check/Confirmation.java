package dev.locustmaven.check;

import dev.locustmaven.failure.ConfigurationException;
import dev.locustmaven.locust.run.ScenarioRunner;

/**
 * Noise control for the rules: when a rule fails for a service, or its fail level is breached only within sampling
 * error, rerun its scenario up to {@code runs} more times and decide on all its runs pooled as one longer run, so that
 * a thin or unlucky run does not fail the build while a real regression, present in every run, still does.
 *
 * @param runner runs a scenario again; null when no {@code run} goal ran in this build
 * @param runs most extra runs per suspect service; 0 for none
 */
public record Confirmation(ScenarioRunner runner, int runs) {

    /**
     * Enough for an endpoint of about 35 requests per run to settle a doubled p95 against a +60% level in most builds;
     * reruns that cannot settle anything are not made, so only a question they can answer costs the time.
     */
    public static final int DEFAULT_RUNS = 4;

    public Confirmation {
        if (runs < 0) {
            throw new ConfigurationException("locust.confirmRuns must be 0 or more, not " + runs);
        }
        if (runs > 0 && runner == null) {
            throw new IllegalArgumentException("confirmation runs need a scenario runner");
        }
    }

    public static Confirmation none() {
        return new Confirmation(null, 0);
    }
}
