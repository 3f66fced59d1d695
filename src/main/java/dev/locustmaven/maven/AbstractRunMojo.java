package dev.locustmaven.maven;

import dev.locustmaven.failure.ConfigurationException;
import dev.locustmaven.locust.LocustDuration;
import dev.locustmaven.locust.RunLog;
import dev.locustmaven.locust.install.LocustInstallation;
import dev.locustmaven.locust.install.LocustLocator;
import dev.locustmaven.locust.process.SystemUnderTest;
import dev.locustmaven.locust.run.LocustRunner;
import dev.locustmaven.locust.run.LocustScenario;
import java.io.File;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The parameters of the goals that run Locust ({@code run} and {@code compare}): the scenarios, the Locust to run, and
 * the system under test, and how they become the run machinery's settings.
 */
public abstract class AbstractRunMojo extends AbstractLocustMojo {

    /** The scenarios, one per service. Without any, one scenario named {@code service} runs with the defaults. */
    @Parameter
    protected List<Scenario> scenarios;

    /** The service name of the single scenario used when no {@code <scenarios>} are configured. */
    @Parameter(property = "locust.service", defaultValue = "${project.artifactId}")
    protected String service;

    /** The locustfile (several separated by commas), relative to the project folder. */
    @Parameter(property = "locust.locustfile", defaultValue = "locustfile.py")
    protected String locustfile;

    /** Peak number of concurrent users. */
    @Parameter(property = "locust.users", defaultValue = "1")
    protected int users;

    /** Users started per second. */
    @Parameter(property = "locust.spawnRate", defaultValue = "1")
    protected String spawnRate;

    /** How long the load runs, as Locust writes it: {@code 30s}, {@code 5m}, {@code 1h30m}. */
    @Parameter(property = "locust.runTime", defaultValue = "1m")
    protected String runTime;

    /**
     * How long the load runs before it is measured, written like {@code runTime}; Locust's statistics are reset when
     * it ends, so the results cover the full {@code runTime} after it. {@code 0s} for none. Not with workers.
     */
    @Parameter(property = "locust.warmUp", defaultValue = "0s")
    protected String warmUp;

    /** The base URL of the service under test; without it the User classes' {@code host} attributes apply. */
    @Parameter(property = "locust.host")
    protected String host;

    /** Run only these User classes (comma-separated on the command line). */
    @Parameter(property = "locust.userClasses")
    protected List<String> userClasses;

    /** Run only tasks with one of these tags. */
    @Parameter(property = "locust.tags")
    protected List<String> tags;

    /** Leave out tasks with one of these tags. */
    @Parameter(property = "locust.excludeTags")
    protected List<String> excludeTags;

    /** Environment variables for Locust. Inherited {@code LOCUST_*} variables are removed; these may set any. */
    @Parameter
    protected Map<String, String> environment;

    /** Further Locust options, one per element (comma-separated on the command line). */
    @Parameter(property = "locust.arguments")
    protected List<String> arguments;

    /** Local worker processes; 0 runs one standalone Locust process. */
    @Parameter(property = "locust.workers", defaultValue = "0")
    protected int workers;

    /** Makes the build a master that waits for this many workers started elsewhere (for example Kubernetes). */
    @Parameter(property = "locust.expectWorkers", defaultValue = "0")
    protected int expectWorkers;

    /** The interface the master listens on for workers started elsewhere; {@code *} is every interface. */
    @Parameter(property = "locust.masterBindHost", defaultValue = "*")
    protected String masterBindHost;

    /** The port the master listens on for workers started elsewhere. */
    @Parameter(property = "locust.masterBindPort", defaultValue = "5557")
    protected int masterBindPort;

    /** How long a master waits for its workers to connect before it gives up. */
    @Parameter(property = "locust.workerTimeout", defaultValue = "60s")
    protected String workerTimeout;

    /** Install exactly this Locust into a cached virtual environment and use it (unless locustExecutable is set). */
    @Parameter(property = "locust.locustVersion")
    protected String locustVersion;

    /** The Locust to run. Without it and without locustVersion, {@code locust} is taken from the PATH. */
    @Parameter(property = "locust.locustExecutable")
    protected File locustExecutable;

    /** The Python 3 used to create the virtual environment for locustVersion; default python3 from the PATH. */
    @Parameter(property = "locust.pythonExecutable")
    protected String pythonExecutable;

    /**
     * The plugin's cache, shared by every build and project: the virtual environments for locustVersion, the uv that
     * installs them, download caches, and what each Locust executable said of its version and options.
     */
    @Parameter(property = "locust.cacheDirectory", defaultValue = "${user.home}/.cache/locust-maven-plugin")
    protected File cacheDirectory;

    /** How often a progress line is logged while Locust runs; 0 for none. */
    @Parameter(property = "locust.progressInterval", defaultValue = "10s")
    protected String progressInterval;

    /** How long past its run time (plus the wait for workers) Locust may take before the plugin stops it. */
    @Parameter(property = "locust.gracePeriod", defaultValue = "30s")
    protected String gracePeriod;

    /**
     * How long Locust may take to start its test (starting Python, workers connecting); with expectWorkers the
     * workerTimeout is added. The run-time clock starts when the test starts.
     */
    @Parameter(property = "locust.startTimeout", defaultValue = "60s")
    protected String startTimeout;

    /**
     * How long a test may have nothing but failures (every request so far failed, as when the host is down) before
     * the plugin stops it instead of waiting out its run time; {@code check} then reports it as no measurement. 0 never
     * stops it.
     */
    @Parameter(property = "locust.failureOnlyTimeout", defaultValue = "10s")
    protected String failureOnlyTimeout;

    /** Where Locust runs; relative paths inside locustfiles resolve against it. */
    @Parameter(property = "locust.workingDirectory", defaultValue = "${project.basedir}")
    protected File workingDirectory;

    /** A URL polled until it answers (status below 500) before the load starts. */
    @Parameter(property = "locust.waitFor")
    protected String waitFor;

    /** How long to poll {@code waitFor}. */
    @Parameter(property = "locust.waitForTimeout", defaultValue = "2m")
    protected String waitForTimeout;

    /** Processes started before Locust and stopped after it, such as the service under test. */
    @Parameter
    protected List<BackgroundProcessConfig> processes;

    /** Where the background processes' output goes, one {@code <name>.log} each. */
    @Parameter(property = "locust.processLogDirectory", defaultValue = "${project.build.directory}/locust-processes")
    protected File processLogDirectory;

    /** The configured scenarios, every value resolved. */
    protected List<LocustScenario> scenarios() {
        return new ScenarioResolver(new ScenarioResolver.Defaults(
                        defaults(),
                        service,
                        project.getBasedir().toPath(),
                        masterBindHost,
                        masterBindPort,
                        LocustDuration.parse(workerTimeout, "workerTimeout")))
                .resolve(scenarios);
    }

    /**
     * A system under test: its processes and the URL to wait for.
     *
     * @param prefix the parameters' prefix in messages, e.g. {@code base.}; empty for the top-level ones
     */
    protected SystemUnderTest system(
            List<BackgroundProcessConfig> processes, String waitFor, String waitForTimeout, String prefix) {
        return new SystemUnderTest(
                ScenarioResolver.processes(processes, project.getBasedir().toPath(), processLogDirectory.toPath()),
                waitFor == null || waitFor.isBlank() ? null : waitForUrl(waitFor),
                LocustDuration.parse(waitForTimeout, prefix + "waitForTimeout"));
    }

    /** Finds (or installs) the Locust to run and sets it up with the shared settings. */
    protected LocustRunner runner(RunLog log) {
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
        return new LocustRunner(locust, settings, log);
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
    private static URI waitForUrl(String waitFor) {
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
