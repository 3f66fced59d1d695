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

/**
 * Parameters every goal of the plugin shares, and the one way a goal starts: skipped with {@code locust.skip}, and
 * the plugin's own failures ({@link PluginException}, whose messages are written for users) reported as their message
 * alone. Any other exception is a bug and propagates with its stack trace.
 */
public abstract class AbstractLocustMojo extends AbstractMojo {

    /** Skips the goal. */
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
    protected List<MetricDefinition> metrics = new ArrayList<>();

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info(skipMessage(goal()));
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

    /** The goal's work, once it is not skipped. */
    protected abstract void run() throws MojoExecutionException, MojoFailureException;

    /** What a skipped goal logs; {@code report}, which is no {@code AbstractLocustMojo}, logs the same. */
    static String skipMessage(String goal) {
        return "Skipping locust:" + goal + " (locust.skip).";
    }

    protected List<MetricDefinition> metrics() {
        return metrics == null ? List.of() : metrics;
    }
}
