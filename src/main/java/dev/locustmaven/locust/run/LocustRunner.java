package dev.locustmaven.locust.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.locustmaven.locust.LocustDuration;
import dev.locustmaven.locust.LocustRunException;
import dev.locustmaven.locust.RunLog;
import dev.locustmaven.locust.install.LocustInstallation;
import dev.locustmaven.locust.output.FinalStatsReader;
import dev.locustmaven.locust.output.RunManifestFile;
import dev.locustmaven.locust.process.LogTail;
import dev.locustmaven.locust.process.ProcessTree;
import dev.locustmaven.locust.process.ShortCommand;
import dev.locustmaven.locust.process.ShutdownSequence;
import dev.locustmaven.model.EndpointStats;
import dev.locustmaven.model.ServiceResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs one scenario with one installed Locust: prepares the output folder, starts the Locust process(es) with their
 * output in log files, reports progress, enforces the hard time limit (run time plus grace period), stops Locust and
 * every process it started when the limit passes, when the test has had nothing but failures for the failure-only
 * timeout, or when the build is interrupted, and interprets the end.
 */
public final class LocustRunner {

    /** How long Locust gets after SIGTERM to print its summary and let the helper write the final statistics. */
    static final Duration STOP_GRACE = Duration.ofSeconds(10);

    /** How long an interrupted build waits for the run to report its partial results before it stops the rest. */
    static final Duration REPORT_GRACE = Duration.ofSeconds(15);
    /** How long separately started workers get to quit on their own after their master ended. */
    private static final Duration WORKER_QUIT_GRACE = Duration.ofSeconds(10);

    private static final Duration EXIT_STATUS_GRACE = Duration.ofSeconds(5);

    private static final Duration POLL = Duration.ofMillis(200);

    /**
     * Settings shared by every scenario.
     *
     * @param workingDirectory where Locust runs; relative paths inside locustfiles resolve against it
     * @param progressInterval how often a progress line is written; zero for none
     * @param gracePeriod how long past its run time Locust may take to end before the plugin stops it
     * @param startTimeout how long Locust may take to start its test (Python imports on a busy machine, workers
     *     connecting); with {@code expectWorkers} the worker timeout is added
     * @param failureOnlyTimeout how long a test may have nothing but failures (see {@link FailureOnlyWatch}) before
     *     it is stopped instead of waiting out its run time; zero never stops it
     */
    public record Settings(
            Path workingDirectory,
            Duration progressInterval,
            Duration gracePeriod,
            Duration startTimeout,
            Duration failureOnlyTimeout) {

        public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(60);
        public static final Duration DEFAULT_FAILURE_ONLY_TIMEOUT = Duration.ofSeconds(10);

        public Settings {
            startTimeout = startTimeout == null ? DEFAULT_START_TIMEOUT : startTimeout;
            failureOnlyTimeout = failureOnlyTimeout == null ? DEFAULT_FAILURE_ONLY_TIMEOUT : failureOnlyTimeout;
        }

        public Settings(Path workingDirectory, Duration progressInterval, Duration gracePeriod) {
            this(workingDirectory, progressInterval, gracePeriod, DEFAULT_START_TIMEOUT, DEFAULT_FAILURE_ONLY_TIMEOUT);
        }
    }

    private final LocustInstallation locust;
    private final Settings settings;
    private final RunLog log;

    public LocustRunner(LocustInstallation locust, Settings settings, RunLog log) {
        this.locust = locust;
        this.settings = settings;
        this.log = log;
    }

    /**
     * Runs the scenario, writing everything into {@code outputDirectory}. Never leaves a process running.
     *
     * @throws LocustRunException when the run cannot start (missing locustfile, unusable options, I/O errors) or the
     *     thread was interrupted (after Locust was stopped and its partial results were reported)
     */
    public ScenarioOutcome run(LocustScenario scenario, Path outputDirectory) {
        for (Path file : scenario.locustfiles()) {
            if (!Files.isRegularFile(file)) {
                throw new LocustRunException("Scenario '" + scenario.name() + "': the locustfile " + file
                        + " does not exist. Set locustfile (-Dlocust.locustfile) to your Locust test file.");
            }
        }
        OutputLayout layout = new OutputLayout(outputDirectory);
        try {
            layout.prepare();
        } catch (IOException e) {
            throw new LocustRunException("Cannot prepare the output folder " + outputDirectory + ": " + e, e);
        }
        LocustLaunch launch =
                LocustLaunch.plan(locust, scenario, layout, settings.workingDirectory(), LocustRunner::freePort);
        log.info("Scenario '" + scenario.name() + "': " + locust.describe() + ", " + scenario.users() + " users,"
                + " spawn rate " + scenario.spawnRateText() + "/s, " + warmUpText(scenario) + "run time "
                + LocustDuration.toLocust(scenario.runTime()) + hostText(scenario) + distributionText(scenario, launch)
                + "; output in " + outputDirectory);
        log.info("Command: " + launch.main().display());
        return new Execution(scenario, layout, launch).run();
    }

    private static String warmUpText(LocustScenario scenario) {
        return scenario.warmUp().isZero()
                ? ""
                : "warm-up " + LocustDuration.toLocust(scenario.warmUp()) + " (not measured), ";
    }

    private static String hostText(LocustScenario scenario) {
        return scenario.host() == null ? ", host from the locustfile" : ", host " + scenario.host();
    }

    private String distributionText(LocustScenario scenario, LocustLaunch launch) {
        Distribution d = scenario.distribution();
        if (d.localWorkers() > 0) {
            return ", " + d.localWorkers() + " local workers"
                    + (launch.workers().isEmpty() ? " (--processes)" : " (separate processes)");
        }
        if (d.expectWorkers() > 0) {
            return ", master on " + d.masterBindHost() + ":" + d.masterBindPort() + " waiting up to "
                    + LocustDuration.toLocust(d.workerTimeout()) + " for " + d.expectWorkers() + " workers";
        }
        return "";
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on 127.0.0.1 for the Locust master", e);
        }
    }

    /** The state of one run while it is going on. */
    private final class Execution {
        private final LocustScenario scenario;
        private final OutputLayout layout;
        private final LocustLaunch launch;
        // also used by the shutdown hook's thread
        private final Set<ProcessHandle> seen = ConcurrentHashMap.newKeySet();
        private final List<Process> workers = new CopyOnWriteArrayList<>();
        private volatile Process main;

        Execution(LocustScenario scenario, OutputLayout layout, LocustLaunch launch) {
            this.scenario = scenario;
            this.layout = layout;
            this.launch = launch;
        }

        ScenarioOutcome run() {
            Distribution d = scenario.distribution();
            // the clock of the run starts when Locust starts the test, not when the process starts
            Duration startLimit = settings.startTimeout();
            if (d.expectWorkers() > 0) {
                startLimit = startLimit.plus(d.workerTimeout());
            }
            Duration runLimit = scenario.loadTime().plus(settings.gracePeriod());
            CountDownLatch reported = new CountDownLatch(1);
            long launched = System.nanoTime();
            Long testStarted = null;
            Long measureStarted = null;
            String timedOut = null;
            LiveStatus onlyFailures = null;
            FailureOnlyWatch watch = new FailureOnlyWatch(settings.failureOnlyTimeout());
            boolean interrupted = false;
            // On Ctrl-C: stop Locust, then give this thread the time to read and report what it wrote before the
            // system under test is stopped and the JVM ends.
            ShutdownSequence.Registration registration = ShutdownSequence.jvm()
                    .register(ShutdownSequence.Stage.LOAD, () -> {
                        stopEverything();
                        awaitReport(reported);
                    });
            try {
                main = start(launch.main(), layout.log());
                for (int i = 0; i < launch.workers().size(); i++) {
                    workers.add(start(launch.workers().get(i), layout.workerLog(i + 1)));
                }
                ProgressReporter progress = new ProgressReporter(
                        scenario.name(),
                        scenario.warmUp(),
                        scenario.runTime(),
                        settings.progressInterval(),
                        layout.status(),
                        log);
                long lastScan = 0;
                while (main.isAlive()) {
                    long now = System.nanoTime();
                    if (now - lastScan > TimeUnit.SECONDS.toNanos(1)) {
                        remember();
                        lastScan = now;
                    }
                    Optional<LiveStatus> status = lastStatus();
                    if (testStarted == null
                            && status.map(LiveStatus::testStarted).orElse(false)) {
                        testStarted = now;
                        progress.restart();
                    }
                    // the helper says when it reset the statistics; from then on the progress counts the run time
                    if (testStarted != null
                            && measureStarted == null
                            && !scenario.warmUp().isZero()
                            && status.map(s -> !s.warmingUp()).orElse(false)) {
                        measureStarted = now;
                        progress.restart();
                    }
                    if (testStarted == null && now - launched > startLimit.toNanos()) {
                        timedOut = "has not started its test within " + LocustDuration.toLocust(startLimit)
                                + " (startTimeout" + (d.expectWorkers() > 0 ? " + workerTimeout" : "") + ")";
                        break;
                    }
                    if (testStarted != null && now - testStarted > runLimit.toNanos()) {
                        timedOut = "is still running after its time limit of " + LocustDuration.toLocust(runLimit)
                                + (scenario.warmUp().isZero() ? " (run time" : " (warm-up + run time")
                                + " + gracePeriod)";
                        break;
                    }
                    if (testStarted != null
                            && status.isPresent()
                            && watch.onlyFailures(
                                    status.get().requests(), status.get().failures(), now)) {
                        onlyFailures = status.get();
                        break;
                    }
                    long origin =
                            measureStarted != null ? measureStarted : testStarted != null ? testStarted : launched;
                    progress.tick(Duration.ofNanos(now - origin));
                    try {
                        main.waitFor(POLL.toMillis(), TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        interrupted = true;
                        break;
                    }
                }
                interrupted |= ShutdownSequence.jvm().isRunning();
                if (timedOut != null) {
                    log.warn("Scenario '" + scenario.name() + "' " + timedOut + "; stopping Locust.");
                } else if (onlyFailures != null) {
                    String limit = LocustDuration.toLocust(settings.failureOnlyTimeout());
                    log.warn("Scenario '" + scenario.name() + "' has had nothing but failures for " + limit
                            + " (failureOnlyTimeout): all " + onlyFailures.requests() + " requests failed; stopping"
                            + " Locust instead of waiting out its run time of "
                            + LocustDuration.toLocust(scenario.runTime()) + ".");
                    markEarlyStop(
                            "the run goal stopped it after " + limit + " of nothing but failures (failureOnlyTimeout)");
                } else if (interrupted) {
                    log.warn("The build was interrupted; stopping Locust of scenario '" + scenario.name() + "'.");
                }
                stopEverything();
            } catch (IOException e) {
                stopEverything();
                throw new LocustRunException(
                        "Cannot start " + launch.main().arguments().get(0) + ": " + e.getMessage(), e);
            } finally {
                registration.close();
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - launched);
            ScenarioOutcome outcome;
            try {
                outcome = interpret(
                        interrupted
                                ? RunEnding.Stop.INTERRUPTED
                                : timedOut != null
                                        ? RunEnding.Stop.TIME_LIMIT
                                        : onlyFailures != null ? RunEnding.Stop.FAILURES_ONLY : RunEnding.Stop.NONE,
                        elapsed);
            } finally {
                reported.countDown();
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
                throw new LocustRunException("The build was interrupted while scenario '" + scenario.name()
                        + "' ran; Locust was stopped and its output kept in " + layout.directory() + ".");
            }
            return outcome;
        }

        private Process start(LocustCommand command, Path logFile) throws IOException {
            ProcessBuilder builder = new ProcessBuilder(command.arguments())
                    .directory(command.workingDirectory().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(ShortCommand.nullDevice()));
            builder.environment().clear();
            builder.environment().putAll(command.environment());
            return builder.start();
        }

        /**
         * Tells the helper, before Locust is stopped, why: it copies the reason into the final statistics, so that
         * {@code check} can say so. Without the file the run still stops; only the reason is lost.
         */
        private void markEarlyStop(String reason) {
            try {
                Files.writeString(layout.earlyStop(), reason, StandardCharsets.UTF_8);
            } catch (IOException e) {
                log.warn("Cannot write " + layout.earlyStop() + ": " + e + "; check will not know why the run"
                        + " stopped early.");
            }
        }

        private void remember() {
            if (main != null && main.isAlive()) {
                seen.addAll(ProcessTree.descendants(main.toHandle()));
            }
            workers.stream().filter(Process::isAlive).forEach(w -> seen.addAll(ProcessTree.descendants(w.toHandle())));
        }

        /** Stops the main process first (it tells its workers to quit), then workers, then anything left. */
        private synchronized void stopEverything() {
            if (main != null) {
                remember();
                ProcessTree.stop(main.toHandle(), STOP_GRACE, seen);
            }
            long deadline = System.nanoTime() + WORKER_QUIT_GRACE.toNanos();
            for (Process worker : workers) {
                long left = deadline - System.nanoTime();
                try {
                    if (left > 0) {
                        worker.waitFor(left, TimeUnit.NANOSECONDS);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                ProcessTree.stop(worker.toHandle(), STOP_GRACE, seen);
            }
            seen.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        }

        /**
         * The main process's exit code, or null if it is still alive. The process tree was stopped already, but
         * {@link Process} learns of the exit from the JDK's reaper thread, which on a busy machine can lag behind
         * the operating system's view that {@link ProcessTree} waited for.
         */
        private static Integer exitCode(Process process) {
            try {
                return process.waitFor(EXIT_STATUS_GRACE.toMillis(), TimeUnit.MILLISECONDS)
                        ? process.exitValue()
                        : null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return process.isAlive() ? null : process.exitValue();
            }
        }

        /** Waits, bounded, for the run's thread to report the partial results of an interrupted run. */
        private static void awaitReport(CountDownLatch reported) {
            try {
                reported.await(REPORT_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private ScenarioOutcome interpret(RunEnding.Stop stop, Duration elapsed) {
            Integer exitCode = exitCode(main);
            Path finalStats = layout.finalStats();
            ServiceResult result =
                    Files.isRegularFile(finalStats) ? FinalStatsReader.read(finalStats, scenario.name()) : null;
            Integer finalCode = result == null ? null : FinalStatsReader.exitCode(finalStats);
            boolean noRequests = result != null && result.aggregated().requestCount() == 0;
            RunEnding.Interpretation end = RunEnding.interpret(new RunEnding.Facts(
                    scenario,
                    locust.versionText(),
                    layout.log(),
                    layout.directory(),
                    stop,
                    exitCode,
                    result,
                    finalCode,
                    result == null ? lastStatus().map(LiveStatus::requests).orElse(null) : null,
                    noRequests
                            && LogTail.readEnd(layout.log(), 1024 * 1024).contains("You must specify the base host")));
            List<String> notes = new ArrayList<>(end.notes());
            // what ran, beside the results, so that check compares this run only with runs made the same way
            RunManifestFile.write(layout.manifest(), RunManifests.of(scenario, locust, finalStats));
            if (result != null
                    && RunEnding.ranToItsEnd(end.status())
                    && scenario.distribution().localWorkers() > 0) {
                compareWorkerTotals(result).ifPresent(notes::add);
            }
            ScenarioOutcome outcome = new ScenarioOutcome(
                    scenario.name(),
                    layout,
                    end.status(),
                    exitCode,
                    result,
                    elapsed,
                    end.problem(),
                    notes,
                    LogTail.lines(layout.log()));
            report(outcome);
            return outcome;
        }

        private void report(ScenarioOutcome outcome) {
            if (outcome.result() != null) {
                log.info(scenario.name() + ": " + summary(outcome.result()) + measuredText() + "; " + exitText(outcome)
                        + "; "
                        + outcome.status().description() + ". Results in " + layout.directory());
            }
            outcome.notes().forEach(log::warn);
        }

        private String measuredText() {
            return scenario.warmUp().isZero()
                    ? ""
                    : " in the " + LocustDuration.toLocust(scenario.runTime()) + " after a "
                            + LocustDuration.toLocust(scenario.warmUp()) + " warm-up";
        }

        private String exitText(ScenarioOutcome outcome) {
            return outcome.exitCode() == null ? "no exit code (killed)" : "exit code " + outcome.exitCode();
        }

        private Optional<String> compareWorkerTotals(ServiceResult result) {
            long sent = 0;
            int count = 0;
            // Jackson only here, for distributed runs: starting it costs a tenth of a second before every Locust start
            ObjectMapper json = new ObjectMapper();
            try (DirectoryStream<Path> files = Files.newDirectoryStream(layout.workerCounts(), "worker-*.json")) {
                for (Path file : files) {
                    sent += json.readTree(file.toFile()).path("requests").asLong();
                    count++;
                }
            } catch (IOException e) {
                return Optional.of("Cannot read the workers' request counts in " + layout.workerCounts() + ": " + e);
            }
            long recorded = result.aggregated().requestCount();
            String text = count + " workers sent " + sent + " requests; the master recorded " + recorded;
            if (count == scenario.distribution().localWorkers() && sent == recorded) {
                log.info(scenario.name() + ": " + text + ".");
                return Optional.empty();
            }
            return Optional.of(scenario.name() + ": " + text + " (expected "
                    + scenario.distribution().localWorkers() + " workers and equal totals).");
        }

        private Optional<LiveStatus> lastStatus() {
            return LiveStatus.read(layout.status());
        }
    }

    /** One line with the numbers that matter most. */
    public static String summary(ServiceResult result) {
        EndpointStats a = result.aggregated();
        Double p95 = a.percentiles().get(0.95);
        return String.format(
                Locale.ROOT,
                "%d requests, %d failed (%.2f%%), %s req/s, avg %s ms, p95 %s ms",
                a.requestCount(),
                a.failureCount(),
                a.errorRatePct(),
                a.requestsPerSecond() == null ? "-" : String.format(Locale.ROOT, "%.1f", a.requestsPerSecond()),
                a.averageMs() == null ? "-" : String.format(Locale.ROOT, "%.1f", a.averageMs()),
                p95 == null ? "-" : String.format(Locale.ROOT, "%.0f", p95));
    }
}
