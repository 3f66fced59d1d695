package dev.locustmaven.maven;

import dev.locustmaven.failure.PluginException;
import dev.locustmaven.metrics.MetricDefinition;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Parameters every goal of the plugin shares, and the one way a goal starts: skipped with {@code locust.skip} or the
 * goal's own {@code locust.<goal>.skip}, and
 * the plugin's own failures ({@link PluginException}, whose messages are written for users) reported as their message
 * alone. Any other exception is a bug and propagates with its stack trace.
 */
public abstract class AbstractLocustMojo extends AbstractMojo {

    /**
     * Skips every goal of the plugin that builds and judges ({@code run}, {@code compare}, {@code check},
     * {@code baseline}, {@code dashboard}); the site's Performance page has its own {@code locust.report.skip}. Each goal also has a
     * skip of its own, e.g. {@code locust.check.skip}.
     */
    @Parameter(property = "locust.skip", defaultValue = "false")
    protected boolean skip;

    /**
     * The folder with one sub-folder per service, each holding that service's Locust output (CSV files with any one
     * prefix, and/or a JSON file). The sub-folder's name is the service name.
     */
    @Parameter(property = "locust.resultsDirectory", defaultValue = "${project.build.directory}/locust")
    protected File resultsDirectory;

    /** The committed baseline: services at the top level, each a flat object of named metrics. */
    @Parameter(property = "locust.baselineFile", defaultValue = "${project.basedir}/docs/performance-baselines.json")
    protected File baselineFile;

    /**
     * Metrics of your own, besides the default ones: a name, an optional service, and either a statistic of the
     * requests whose name matches {@code requests} or a count, rate or absence of the failures whose message matches
     * {@code failures}. Set them at plugin level so that {@code check} and {@code baseline} name the same metrics.
     */
    @Parameter
    protected List<MetricConfiguration> metrics = new ArrayList<>();

    /**
     * The history of runs: one JSON line per run, which {@code check} appends to and {@code baseline} reads with
     * {@code baselineRuns}. Commit it, or keep it as a CI cache, so that later runs can see it.
     */
    @Parameter(property = "locust.historyFile", defaultValue = "${project.basedir}/docs/performance-trends.jsonl")
    protected File historyFile;

    /**
     * A label for where the runs are made, e.g. {@code github-ubuntu-latest}: part of every service's fingerprint in
     * the history, so runs of different environments are never compared, and written by {@code baseline} to the
     * baseline's {@code metadata.test_environment}. Named {@code testEnvironment} in the pom: {@code environment} is
     * {@code run}'s map of variables for Locust's process, and one plugin-level configuration serves every goal.
     */
    @Parameter(property = "locust.environment")
    protected String testEnvironment;

    /** The Pushgateway job, the {@code job} label, that {@code check} pushes under and the dashboard selects. */
    @Parameter(property = "locust.pushgatewayJob", defaultValue = "locust")
    protected String pushgatewayJob;

    /**
     * The {@code instance} grouping label of the push, which the dashboard's queries select; empty for none (the
     * dashboard then shows any instance).
     */
    @Parameter(property = "locust.pushgatewayInstance", defaultValue = "${project.artifactId}")
    protected String pushgatewayInstance;

    /**
     * The machine's calibration: {@code reclassify} (default) has {@code run} measure how fast the machine is (a fixed
     * CPU loop and loopback round trips, a few hundred milliseconds) before it starts the system under test and Locust
     * into {@code <resultsDirectory>/calibration.json}, and {@code check} read it (or measure the machine when {@code run}
     * left none), record it in the history and the reports, warn when the machine was far slower or faster than in
     * its earlier builds, and on a slower machine report a latency failure that every endpoint of a service shares as
     * a warning instead of a regression, unless it goes beyond what the service's other endpoints share by more than
     * its fail level; {@code warn} does all but the last; {@code off} measures nothing.
     */
    @Parameter(property = "locust.machineCalibration", defaultValue = "reclassify")
    protected String machineCalibration;

    @Parameter(defaultValue = "${project}", readonly = true)
    protected MavenProject project;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        String skippedBy = skip ? "locust.skip" : skipsGoal() ? "locust." + goal() + ".skip" : null;
        if (skippedBy != null) {
            getLog().info(skipMessage(goal(), skippedBy));
            return;
        }
        try {
            run();
        } catch (PluginException e) {
            throw Failures.asExecutionException(e);
        }
    }

    /** The goal's name, e.g. {@code check}. */
    protected abstract String goal();

    /** The goal's own skip, {@code locust.<goal>.skip}. */
    protected abstract boolean skipsGoal();

    /** The goal's work, once it is not skipped. */
    protected abstract void run() throws MojoExecutionException, MojoFailureException;

    /** What a skipped goal logs; {@code report}, which is no {@code AbstractLocustMojo}, logs the same. */
    static String skipMessage(String goal, String property) {
        return "Skipping locust:" + goal + " (" + property + ").";
    }

    /** The pom's metrics, mapped onto the core's definitions. */
    protected List<MetricDefinition> metrics() {
        return metrics == null
                ? List.of()
                : metrics.stream().map(MetricConfiguration::toDefinition).toList();
    }
}
