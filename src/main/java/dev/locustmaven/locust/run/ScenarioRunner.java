package dev.locustmaven.locust.run;

import dev.locustmaven.locust.LocustRunException;
import dev.locustmaven.locust.RunLog;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/**
 * Runs a configured scenario (again) in the same build. The {@code run} goal hands one to {@code check}, which uses it
 * to confirm a breach before it fails the build. {@link #run} brings up the system under test (background processes,
 * {@code waitFor}) as the {@code run} goal did, runs Locust once, and stops everything again; {@link #session} and
 * {@link #runs} run one service repeatedly on one running system.
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

    /**
     * Opens repeated runs of one service on one running system under test: started by the first run, stopped when the
     * session closes (restarted before every run with {@code restartBetweenRuns}). {@code plannedRuns} only numbers the
     * progress lines ("Confirmation run 2 of 3 of …"); 0 when unknown.
     *
     * <p>The default, for runners without a system under test of their own, makes every run a {@link #run}.
     *
     * @throws LocustRunException when the scenario is unknown
     */
    default ServiceSession session(String service, int plannedRuns) {
        return new ServiceSession() {
            private int started;

            @Override
            public String service() {
                return service;
            }

            @Override
            public int runsStarted() {
                return started;
            }

            @Override
            public ScenarioOutcome next(Path outputDirectory) {
                started++;
                return run(service, outputDirectory);
            }

            @Override
            public void close() {}
        };
    }

    /**
     * Runs one service up to once per output folder, in one {@link #session}, and stops early when {@code settled}
     * says so: it is asked after every run, with the runs so far (their outcomes, and their usable results pooled as
     * one longer run). A run that could not start is recorded with its error and the series goes on. The system under
     * test is stopped before this returns, also when a run or the predicate throws.
     *
     * @param outputDirectories one per run, at most, in order; their number is the most runs made
     * @throws LocustRunException when the scenario is unknown
     */
    default RerunSeries runs(String service, List<Path> outputDirectories, Predicate<? super RerunSeries> settled) {
        try (ServiceSession session = session(service, outputDirectories.size())) {
            return RerunSeries.collect(session, outputDirectories, settled, RunLog.silent());
        }
    }
}
