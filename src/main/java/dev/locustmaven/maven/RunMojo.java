package dev.locustmaven.maven;

import dev.locustmaven.failure.ConfigurationException;
import dev.locustmaven.locust.LocustDuration;
import dev.locustmaven.locust.RunLog;
import dev.locustmaven.locust.install.LocustInstallation;
import dev.locustmaven.locust.install.LocustLocator;
import dev.locustmaven.locust.process.SystemUnderTest;
import dev.locustmaven.locust.run.LocustRunner;
import dev.locustmaven.locust.run.LocustScenario;
import dev.locustmaven.locust.run.LocustSession;
import dev.locustmaven.locust.run.ScenarioOutcome;
import dev.locustmaven.locust.run.ScenarioRunner;
import dev.locustmaven.machine.CalibrationSteps;
import dev.locustmaven.machine.Calibrator;
import dev.locustmaven.machine.MachineMode;
import java.io.File;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
public class RunMojo extends AbstractLocustMojo {

    /** Under this key the project's context holds the {@link ScenarioRunner} that lets {@code check} rerun. */
    public static final String SCENARIO_RUNNER_KEY = ScenarioRunner.class.getName();

    /** The scenarios, one per service. Without any, one scenario named {@code service} runs with the defaults. */
    @Parameter
    private List<Scenario> scenarios;

    /** The service name of the single scenario used when no {@code <scenarios>} are configured. */
    @Parameter(property = "locust.service", defaultValue = "${project.artifactId}")
    private String service;

    /** The locustfile (several separated by commas), relative to the project folder. */
    @Parameter(property = "locust.locustfile", defaultValue = "locustfile.py")
    private String locustfile;

    /** Peak number of concurrent users. */
    @Parameter(property = "locust.users", defaultValue = "1")
    private int users;

    /** Users started per second. */
    @Parameter(property = "locust.spawnRate", defaultValue = "1")
    private String spawnRate;

    /** How long the load runs, as Locust writes it: {@code 30s}, {@code 5m}, {@code 1h30m}. */
    @Parameter(property = "locust.runTime", defaultValue = "1m")
    private String runTime;

    /**
     * How long the load runs before it is measured, written like {@code runTime}; Locust's statistics are reset when
     * it ends, so the results cover the full {@code runTime} after it. {@code 0s} for none. Not with workers.
     */
    @Parameter(property = "locust.warmUp", defaultValue = "0s")
    private String warmUp;

    /** The base URL of the service under test; without it the User classes' {@code host} attributes apply. */
    @Parameter(property = "locust.host")
    private String host;

    /** Run only these User classes (comma-separated on the command line). */
    @Parameter(property = "locust.userClasses")
    private List<String> userClasses;

    /** Run only tasks with one of these tags. */
    @Parameter(property = "locust.tags")
    private List<String> tags;

    /** Leave out tasks with one of these tags. */
    @Parameter(property = "locust.excludeTags")
    private List<String> excludeTags;

    /** Environment variables for Locust. Inherited {@code LOCUST_*} variables are removed; these may set any. */
    @Parameter
    private Map<String, String> environment;

    /** Further Locust options, one per element (comma-separated on the command line). */
    @Parameter(property = "locust.arguments")
    private List<String> arguments;

    /** Local worker processes; 0 runs one standalone Locust process. */
    @Parameter(property = "locust.workers", defaultValue = "0")
    private int workers;

    /** Makes the build a master that waits for this many workers started elsewhere (for example Kubernetes). */
    @Parameter(property = "locust.expectWorkers", defaultValue = "0")
    private int expectWorkers;

    /** The interface the master listens on for workers started elsewhere; {@code *} is every interface. */
    @Parameter(property = "locust.masterBindHost", defaultValue = "*")
    private String masterBindHost;

    /** The port the master listens on for workers started elsewhere. */
    @Parameter(property = "locust.masterBindPort", defaultValue = "5557")
    private int masterBindPort;

    /** How long a master waits for its workers to connect before it gives up. */
    @Parameter(property = "locust.workerTimeout", defaultValue = "60s")
    private String workerTimeout;

    /** Install exactly this Locust into a cached virtual environment and use it (unless locustExecutable is set). */
    @Parameter(property = "locust.locustVersion")
    private String locustVersion;

    /** The Locust to run. Without it and without locustVersion, {@code locust} is taken from the PATH. */
    @Parameter(property = "locust.locustExecutable")
    private File locustExecutable;

    /** The Python 3 used to create the virtual environment for locustVersion; default python3 from the PATH. */
    @Parameter(property = "locust.pythonExecutable")
    private String pythonExecutable;

    /**
     * The plugin's cache, shared by every build and project: the virtual environments for locustVersion, the uv that
     * installs them, download caches, and what each Locust executable said of its version and options.
     */
    @Parameter(property = "locust.cacheDirectory", defaultValue = "${user.home}/.cache/locust-maven-plugin")
    private File cacheDirectory;

    /** How often a progress line is logged while Locust runs; 0 for none. */
    @Parameter(property = "locust.progressInterval", defaultValue = "10s")
    private String progressInterval;

    /** How long past its run time (plus the wait for workers) Locust may take before the plugin stops it. */
    @Parameter(property = "locust.gracePeriod", defaultValue = "30s")
    private String gracePeriod;

    /**
     * How long Locust may take to start its test (starting Python, workers connecting); with expectWorkers the
     * workerTimeout is added. The run-time clock starts when the test starts.
     */
    @Parameter(property = "locust.startTimeout", defaultValue = "60s")
    private String startTimeout;

    /**
     * How long a test may have nothing but failures (every request so far failed, as when the host is down) before
     * the plugin stops it instead of waiting out its run time; {@code check} then reports it as no measurement. 0 never
     * stops it.
     */
    @Parameter(property = "locust.failureOnlyTimeout", defaultValue = "10s")
    private String failureOnlyTimeout;

    /** Where Locust runs; relative paths inside locustfiles resolve against it. */
    @Parameter(property = "locust.workingDirectory", defaultValue = "${project.basedir}")
    private File workingDirectory;

    /** A URL polled until it answers (status below 500) before the load starts. */
    @Parameter(property = "locust.waitFor")
    private String waitFor;

    /** How long to poll {@code waitFor}. */
    @Parameter(property = "locust.waitForTimeout", defaultValue = "2m")
    private String waitForTimeout;

    /** Processes started before Locust and stopped after it, such as the service under test. */
    @Parameter
    private List<BackgroundProcessConfig> processes;

    /**
     * Restart the system under test (the {@code processes}, then {@code waitFor}) before every confirmation run that
     * {@code check} makes of a service. By default it is started for a service's first confirmation run and kept up
     * until its last one.
     */
    @Parameter(property = "locust.restartBetweenRuns", defaultValue = "false")
    private boolean restartBetweenRuns;

    /** Where the background processes' output goes, one {@code <name>.log} each. */
    @Parameter(property = "locust.processLogDirectory", defaultValue = "${project.build.directory}/locust-processes")
    private File processLogDirectory;

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
        List<LocustScenario> resolved = new ScenarioResolver(new ScenarioResolver.Defaults(
                        defaults(),
                        service,
                        project.getBasedir().toPath(),
                        masterBindHost,
                        masterBindPort,
                        LocustDuration.parse(workerTimeout, "workerTimeout")))
                .resolve(scenarios);
        SystemUnderTest system = new SystemUnderTest(
                ScenarioResolver.processes(processes, project.getBasedir().toPath(), processLogDirectory.toPath()),
                waitFor == null || waitFor.isBlank() ? null : waitForUrl(),
                LocustDuration.parse(waitForTimeout, "waitForTimeout"));
        LocustRunner.Settings settings = new LocustRunner.Settings(
                workingDirectory.toPath(),
                LocustDuration.parse(progressInterval, "progressInterval"),
                LocustDuration.parse(gracePeriod, "gracePeriod"),
                LocustDuration.parse(startTimeout, "startTimeout"),
                LocustDuration.parse(failureOnlyTimeout, "failureOnlyTimeout"));
        LocustInstallation locust = LocustLocator.locate(
                new LocustLocator.Source(
                        ScenarioResolver.path(locustExecutable),
                        blankToNull(locustVersion),
                        blankToNull(pythonExecutable),
                        cacheDirectory.toPath(),
                        System.getenv("PATH")),
                log);
        LocustSession session = new LocustSession(
                new LocustRunner(locust, settings, log)::run, resolved, system, log, restartBetweenRuns);
        project.setContextValue(SCENARIO_RUNNER_KEY, session);
        List<ScenarioOutcome> outcomes = session.runAll(
                resultsDirectory.toPath(),
                () -> CalibrationSteps.beforeRun(machine, resultsDirectory.toPath(), new Calibrator(), log));
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

    private Scenario defaults() {
        Scenario d = new Scenario();
        d.setLocustfile(locustfile);
        d.setUsers(users);
        d.setSpawnRate(spawnRate);
        d.setRunTime(runTime);
        d.setWarmUp(warmUp);
        d.setHost(host);
        d.setUserClasses(userClasses);
        d.setTags(tags);
        d.setExcludeTags(excludeTags);
        d.setEnvironment(environment);
        d.setArguments(arguments);
        d.setWorkers(workers);
        d.setExpectWorkers(expectWorkers);
        return d;
    }

    /** URI.create's own message names the character and its index; today's message, as a configuration problem. */
    private URI waitForUrl() {
        try {
            return URI.create(waitFor.trim());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(e.getMessage());
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
