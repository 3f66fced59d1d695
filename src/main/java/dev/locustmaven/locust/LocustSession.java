package dev.locustmaven.locust;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The scenarios of one build, with the Locust and the system under test they run against. */
public final class LocustSession implements ScenarioRunner {

    private final LocustRunner runner;
    private final List<LocustScenario> scenarios;
    private final SystemUnderTest system;
    private final RunLog log;

    public LocustSession(LocustRunner runner, List<LocustScenario> scenarios, SystemUnderTest system, RunLog log) {
        this.runner = runner;
        this.scenarios = List.copyOf(scenarios);
        this.system = system;
        this.log = log;
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
        return runAll(resultsDirectory, () -> {});
    }

    /** {@link #runAll(Path)}, running {@code beforeFirstRun} once the system under test is up, before any scenario. */
    public List<ScenarioOutcome> runAll(Path resultsDirectory, Runnable beforeFirstRun) {
        List<ScenarioOutcome> outcomes = new ArrayList<>();
        try (SystemUnderTest.Running running = system.start(log)) {
            beforeFirstRun.run();
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
        LocustScenario scenario = scenarios.stream()
                .filter(s -> s.name().equals(service))
                .findFirst()
                .orElseThrow(() -> new LocustRunException(
                        "No scenario named '" + service + "'; the configured ones are " + services() + "."));
        try (SystemUnderTest.Running running = system.start(log)) {
            return runner.run(scenario, outputDirectory);
        }
    }
}
