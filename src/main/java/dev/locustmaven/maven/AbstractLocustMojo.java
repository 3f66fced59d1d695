package dev.locustmaven.maven;

import java.io.File;
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
}
