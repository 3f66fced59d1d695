package dev.locustmaven.maven;

import dev.locustmaven.locust.RunLog;
import dev.locustmaven.locust.process.SystemUnderTest;
import dev.locustmaven.locust.run.LocustScenario;
import dev.locustmaven.locust.run.LocustSession;
import dev.locustmaven.locust.run.ScenarioOutcome;
import dev.locustmaven.locust.run.ScenarioRunner;
import dev.locustmaven.machine.CalibrationSteps;
import dev.locustmaven.machine.Calibrator;
import dev.locustmaven.machine.MachineMode;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Runs Locust headless for each scenario (one per service) and writes each service's output to {@code
 * <resultsDirectory>/<service>/}: Locust's CSV files, its HTML report, the full log, and the complete final
 * statistics. Never fails for a regression (that is {@code check}'s job, after {@code post-integration-test}); fails
 * when Locust cannot run or recorded no requests. A test with nothing but failures is stopped early, and {@code check}
 * reports it as no measurement.
 */
@Mojo(name = "run", defaultPhase = LifecyclePhase.INTEGRATION_TEST, threadSafe = true)
public class RunMojo extends AbstractRunMojo {

    /** Under this key the project's context holds the {@link ScenarioRunner} that lets {@code check} rerun. */
    public static final String SCENARIO_RUNNER_KEY = ScenarioRunner.class.getName();

    /**
     * Restart the system under test (the {@code processes}, then {@code waitFor}) before every confirmation run that
     * {@code check} makes of a service. By default it is started for a service's first confirmation run and kept up
     * until its last one. A run that follows a start warms the system up first: for the scenario's {@code warmUp}, or
     * as long as its {@code runTime} (at most 30 s) when it sets none.
     */
    @Parameter(property = "locust.restartBetweenRuns", defaultValue = "false")
    private boolean restartBetweenRuns;

    /** Skips this goal only; {@code locust.skip} skips every goal but the site's page. */
    @Parameter(property = "locust.run.skip", defaultValue = "false")
    private boolean skipRun;

    @Override
    protected String goal() {
        return "run";
    }

    @Override
    protected boolean skipsGoal() {
        return skipRun;
    }

    @Override
    protected void run() throws MojoExecutionException {
        RunLog log = new MavenRunLog(getLog());
        MachineMode machine = MachineMode.parse(machineCalibration);
        List<LocustScenario> resolved = scenarios();
        SystemUnderTest system = system(processes, waitFor, waitForTimeout, "");
        LocustSession session = new LocustSession(runner(log)::run, resolved, system, log, restartBetweenRuns);
        project.setContextValue(SCENARIO_RUNNER_KEY, session);
        // before the system under test starts: a JVM compiling its code for seconds after it is ready would make the
        // machine's quiet figure that of a loaded machine, and a busy one would then look usual
        CalibrationSteps.beforeRun(machine, resultsDirectory.toPath(), new Calibrator(), log);
        List<ScenarioOutcome> outcomes = session.runAll(resultsDirectory.toPath());
        List<String> problems = new ArrayList<>();
        for (ScenarioOutcome outcome : outcomes) {
            if (!outcome.usable()) {
                getLog().error("The end of " + outcome.output().log() + ":");
                outcome.logTail().forEach(line -> getLog().error("  " + line));
                getLog().error(outcome.problem());
                problems.add(outcome.problem());
            }
        }
        if (!problems.isEmpty()) {
            throw new MojoExecutionException(String.join(System.lineSeparator(), problems));
        }
    }
}
