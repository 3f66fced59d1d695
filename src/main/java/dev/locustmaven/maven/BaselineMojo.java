package dev.locustmaven.maven;

import dev.locustmaven.baseline.Promotion;
import dev.locustmaven.check.BaselineUpdate;
import dev.locustmaven.check.BaselineUpdateRequest;
import dev.locustmaven.history.BuildEnvironment;
import java.time.Instant;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Promotes the results in the results directory to the committed baseline, after a person decided that the
 * measured performance is accepted. Keys you added to the file are kept; what changed is printed.
 */
@Mojo(name = "baseline", threadSafe = true)
public class BaselineMojo extends AbstractLocustMojo {

    /** {@code valid_until} is set this many days after now; after it, every check warns that the baseline is stale. */
    @Parameter(property = "locust.baselineValidityDays", defaultValue = "30")
    private int baselineValidityDays;

    /** Where the runs were made, e.g. {@code GitHub Actions 2-core}; written to {@code metadata.test_environment}. */
    @Parameter(property = "locust.environment")
    private String testEnvironment;

    /** Written to {@code updated_by}. */
    @Parameter(property = "locust.updatedBy", defaultValue = "locust:baseline")
    private String updatedBy;

    @Parameter(defaultValue = "${project}", readonly = true)
    private MavenProject project;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("Skipping the Locust baseline (locust.skip).");
            return;
        }
        Promotion promotion;
        try {
            promotion = new BaselineUpdate()
                    .run(new BaselineUpdateRequest(
                            resultsDirectory.toPath(),
                            baselineFile.toPath(),
                            metrics(),
                            baselineValidityDays,
                            updatedBy,
                            BuildEnvironment.detect(project.getBasedir().toPath())
                                    .gitCommit(),
                            testEnvironment,
                            Instant.now()));
        } catch (RuntimeException e) {
            throw Failures.asExecutionException(e);
        }
        getLog().info("Baseline written to " + baselineFile);
        promotion.lines().forEach(getLog()::info);
    }
}
