package dev.locustmaven.locust.run;

import dev.locustmaven.locust.LocustDuration;
import dev.locustmaven.locust.LocustRunException;
import dev.locustmaven.locust.RunLog;
import dev.locustmaven.locust.process.SystemUnderTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The scenarios of one build, with the Locust and the system under test they run against. */
public final class LocustSession implements ScenarioRunner {

    /** Starts a scenario's Locust run; the {@link LocustRunner} in a build, a stand-in in tests. */
    @FunctionalInterface
    public interface Launcher {
        ScenarioOutcome run(LocustScenario scenario, Path outputDirectory);
    }

    private final Launcher runner;
    private final List<LocustScenario> scenarios;
    private final SystemUnderTest system;
    private final RunLog log;
    private final boolean restartBetweenRuns;

    public LocustSession(LocustRunner runner, List<LocustScenario> scenarios, SystemUnderTest system, RunLog log) {
        this(runner::run, scenarios, system, log, false);
    }

    /**
     * @param restartBetweenRuns restart the system under test before every run of a {@link #session}, instead of
     *     keeping it up between them
     */
    public LocustSession(
            Launcher runner,
            List<LocustScenario> scenarios,
            SystemUnderTest system,
            RunLog log,
            boolean restartBetweenRuns) {
        this.runner = runner;
        this.scenarios = List.copyOf(scenarios);
        this.system = system;
        this.log = log;
        this.restartBetweenRuns = restartBetweenRuns;
        long distinct = scenarios.stream().map(LocustScenario::name).distinct().count();
        if (distinct != scenarios.size()) {
            throw new LocustRunException("Two scenarios have the same name; each service needs its own name,"
                    + " since it names the service's folder in the results directory.");
        }
    }

    /**
     * Brings up the system under test, runs every scenario into {@code resultsDirectory/<name>/}, and stops the
     * background processes again, also when a run fails.
     */
    public List<ScenarioOutcome> runAll(Path resultsDirectory) {
        List<ScenarioOutcome> outcomes = new ArrayList<>();
        try (SystemUnderTest.Running running = system.start(log)) {
            for (LocustScenario scenario : scenarios) {
                outcomes.add(runner.run(scenario, resultsDirectory.resolve(scenario.name())));
            }
        }
        return outcomes;
    }

    @Override
    public List<String> services() {
        return scenarios.stream().map(LocustScenario::name).toList();
    }

    @Override
    public ScenarioOutcome run(String service, Path outputDirectory) {
        LocustScenario scenario = scenario(service);
        try (SystemUnderTest.Running running = system.start(log)) {
            return runner.run(scenario, outputDirectory);
        }
    }

    @Override
    public ServiceSession session(String service, int plannedRuns) {
        return new Shared(scenario(service), plannedRuns);
    }

    @Override
    public RerunSeries runs(String service, List<Path> outputDirectories, Predicate<? super RerunSeries> settled) {
        try (ServiceSession session = session(service, outputDirectories.size())) {
            return RerunSeries.collect(session, outputDirectories, settled, log);
        }
    }

    private LocustScenario scenario(String service) {
        return scenarios.stream()
                .filter(s -> s.name().equals(service))
                .findFirst()
                .orElseThrow(() -> new LocustRunException(
                        "No scenario named '" + service + "'; the configured ones are " + services() + "."));
    }

    /** The runs of one service on one running system under test. */
    private final class Shared implements ServiceSession {
        private final LocustScenario scenario;
        /** The scenario of a run that follows a start of the system under test: warmed up, where it can be. */
        private final LocustScenario afterStart;

        private final int planned;
        private SystemUnderTest.Running running;
        private int started;

        Shared(LocustScenario scenario, int planned) {
            this.scenario = scenario;
            this.afterStart = scenario.afterFreshStart();
            this.planned = planned;
        }

        @Override
        public String service() {
            return scenario.name();
        }

        @Override
        public int runsStarted() {
            return started;
        }

        @Override
        public ScenarioOutcome next(Path outputDirectory) {
            started++;
            String run =
                    "Confirmation run " + started + (planned > 0 ? " of " + planned : "") + " of " + scenario.name();
            if (system.startsNothing()) {
                // nothing to keep up: wait for waitFor, if any, before every run, as a single run does
                log.info(run);
                try (SystemUnderTest.Running ready = system.start(log)) {
                    return runner.run(scenario, outputDirectory);
                }
            }
            if (running != null) {
                String exited = running.exited();
                if (restartBetweenRuns) {
                    log.info(run + ": restarting the system under test (restartBetweenRuns)");
                    stop();
                } else if (exited != null) {
                    log.warn(run + ": " + exited + System.lineSeparator() + "Starting the system under test again.");
                    stop();
                } else {
                    log.info(run + " (system under test kept up)");
                }
            } else {
                log.info(run + ": starting the system under test"
                        + (restartBetweenRuns
                                ? ", restarted before every run (restartBetweenRuns)"
                                : started == 1 ? ", kept up until the last run of " + scenario.name() : " again")
                        + (started == 1 ? warmUpNote() : ""));
            }
            if (running != null) {
                return runner.run(scenario, outputDirectory);
            }
            running = system.start(log);
            return runner.run(afterStart, outputDirectory);
        }

        private String warmUpNote() {
            return afterStart == scenario
                    ? ""
                    : "; warmed up for " + LocustDuration.toLocust(afterStart.warmUp())
                            + " after each start (not measured)";
        }

        @Override
        public void close() {
            if (running != null) {
                log.info("Stopping the system under test after " + started + " confirmation run"
                        + (started == 1 ? "" : "s") + " of " + scenario.name() + ".");
                stop();
            }
        }

        private void stop() {
            try {
                running.close();
            } finally {
                running = null;
            }
        }
    }
}
