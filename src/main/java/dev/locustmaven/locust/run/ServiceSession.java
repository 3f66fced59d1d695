package dev.locustmaven.locust.run;

import dev.locustmaven.locust.LocustRunException;
import java.nio.file.Path;

/**
 * Repeated runs of one service's scenario that share one running system under test: the first {@link #next} starts
 * the background processes (and waits for {@code waitFor}), later ones reuse them, and {@link #close} stops them. With
 * {@code restartBetweenRuns} the system is restarted before every run instead. A process that died since the last run
 * is restarted, with a warning. Get one from {@link ScenarioRunner#session}; close it in a try-with-resources, so that
 * the system is stopped also when a run or the caller fails.
 */
public interface ServiceSession extends AutoCloseable {

    /** The service whose scenario it runs. */
    String service();

    /** How many runs it has started so far, counting those that threw. */
    int runsStarted();

    /**
     * Runs the scenario once more, with its configured settings, into {@code outputDirectory} (created; earlier output
     * of the plugin there is removed first).
     *
     * @throws LocustRunException when the system under test does not come up or the run cannot start; the session
     *     stays usable, and the next run tries to bring the system up again if it is down
     */
    ScenarioOutcome next(Path outputDirectory);

    /** Stops the system under test, if this session started it. Does nothing the second time. */
    @Override
    void close();
}
