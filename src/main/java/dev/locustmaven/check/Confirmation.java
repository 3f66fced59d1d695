package dev.locustmaven.check;

import dev.locustmaven.locust.ScenarioRunner;

/**
 * Noise control for the rules (DESIGN §6 layer 2): when a rule fails for a service, rerun its scenario {@code runs}
 * more times and decide on the per-metric median of all its runs, so that one run on a noisy neighbour does not fail
 * the build while a real regression, present in every run, still does.
 *
 * @param runner runs a scenario again; null when no {@code run} goal ran in this build
 * @param runs extra runs per breached service; 0 for none
 */
public record Confirmation(ScenarioRunner runner, int runs) {

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
