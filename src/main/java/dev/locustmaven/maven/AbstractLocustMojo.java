package dev.locustmaven.maven;

import dev.locustmaven.metrics.MetricDefinition;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Parameters every goal of the plugin shares. */
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

    protected List<MetricDefinition> metrics() {
        return metrics == null ? List.of() : metrics;
    }
}
