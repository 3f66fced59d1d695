package dev.locustmaven.locust.process;

import dev.locustmaven.locust.LocustDuration;
import dev.locustmaven.locust.LocustRunException;
import dev.locustmaven.locust.RunLog;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What has to be up before Locust starts: background processes (started in order, each ready before the next) and a
 * URL to wait for.
 *
 * @param waitFor polled until it answers, after the processes are ready; {@code null} for none
 */
public record SystemUnderTest(List<BackgroundProcessSpec> processes, URI waitFor, Duration waitForTimeout) {

    public static final Duration DEFAULT_WAIT_FOR_TIMEOUT = Duration.ofSeconds(120);

    public SystemUnderTest {
        processes = List.copyOf(processes == null ? List.of() : processes);
        waitForTimeout = waitForTimeout == null ? DEFAULT_WAIT_FOR_TIMEOUT : waitForTimeout;
    }

    public static SystemUnderTest none() {
        return new SystemUnderTest(List.of(), null, null);
    }

    /** True when it starts no process (at most it waits for {@code waitFor}), so there is nothing to keep up. */
    public boolean startsNothing() {
        return processes.isEmpty();
    }

    /**
     * Starts the processes and waits until everything is ready. Stops what it started when that fails.
     *
     * @throws LocustRunException when a process cannot start, exits, or is not ready in time
     */
    public Running start(RunLog log) {
        Running running = new Running(log);
        // on Ctrl-C the system under test is stopped after Locust, so that no request meets a stopped service
        running.registration =
                ShutdownSequence.jvm().register(ShutdownSequence.Stage.SYSTEM_UNDER_TEST, running::close);
        try {
            for (BackgroundProcessSpec spec : processes) {
                BackgroundProcess process = BackgroundProcess.start(spec, log);
                running.started.add(process);
                process.awaitReady(log);
            }
            if (waitFor != null) {
                log.info("Waiting up to " + LocustDuration.toLocust(waitForTimeout) + " for " + waitFor);
                UrlProbe.await(waitFor, waitForTimeout, "waitFor", () -> null);
            }
            return running;
        } catch (RuntimeException e) {
            running.close();
            throw e;
        }
    }

    /** The started processes; closing stops them in reverse order, each with every process it started. */
    public static final class Running implements AutoCloseable {
        private final RunLog log;
        private final List<BackgroundProcess> started = new ArrayList<>();
        private ShutdownSequence.Registration registration;

        private Running(RunLog log) {
            this.log = log;
        }

        /**
         * Why a started process is no longer running ({@code Process 'demo' exited with code 1; see …}), or {@code
         * null} while all of them run.
         */
        public synchronized String exited() {
            for (BackgroundProcess process : started) {
                String exited = process.exited();
                if (exited != null) {
                    return "Process '" + process.name() + "' " + exited.replaceFirst("^it ", "");
                }
            }
            return null;
        }

        @Override
        public synchronized void close() {
            for (int i = started.size() - 1; i >= 0; i--) {
                started.get(i).stop(log);
            }
            started.clear();
            if (registration != null) {
                registration.close();
            }
        }
    }
}
