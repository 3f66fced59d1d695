package dev.locustmaven.locust;

import java.nio.file.Path;
import java.util.List;

/**
 * Runs a configured scenario (again) in the same build. The {@code run} goal hands one to {@code check}, which uses it
 * to confirm a breach before it fails the build. Each call brings up the system under test (background processes,
 * {@code waitFor}) as the {@code run} goal did, runs Locust, and stops everything again.
 */
public interface ScenarioRunner {

    /** The scenarios it can run, by service name, in configuration order. */
    List<String> services();

    /**
     * Runs one scenario with its configured settings, writing Locust's output into {@code outputDirectory} (created;
     * earlier output of the plugin there is removed first).
     *
     * @throws LocustRunException when the scenario is unknown or the run could not start
     */
    ScenarioOutcome run(String service, Path outputDirectory);
}
