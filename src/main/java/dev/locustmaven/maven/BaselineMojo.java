package dev.locustmaven.maven;

import dev.locustmaven.check.StatisticalChecks;
import dev.locustmaven.history.BuildEnvironment;
import dev.locustmaven.promotion.BaselineUpdate;
import dev.locustmaven.promotion.BaselineUpdateRequest;
import dev.locustmaven.promotion.BaselineUpdateResult;
import dev.locustmaven.statistical.StatisticalGateSettings;
import java.time.Instant;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Promotes the results in the results directory to the committed baseline, after a person decided that the
 * measured performance is accepted. Keys you added to the file are kept; what changed is printed.
 */
@Mojo(name = "baseline", threadSafe = true)
public class BaselineMojo extends AbstractThresholdMojo {

    /** {@code valid_until} is set this many days after now; after it, every check warns that the baseline is stale. */
    @Parameter(property = "locust.baselineValidityDays", defaultValue = "30")
    private int baselineValidityDays;

    /** Written to {@code updated_by}. */
    @Parameter(property = "locust.updatedBy", defaultValue = "locust:baseline")
    private String updatedBy;

    /**
     * 0 (default) promotes the results directory. N promotes the robust centre of the history instead: per service,
     * the median of each metric over the last N runs comparable with its newest run.
     */
    @Parameter(property = "locust.baselineRuns", defaultValue = "0")
    private int baselineRuns;

    /**
     * Comparable runs the history needs before a promoted value is compared with them: a value beyond every one of its
     * service's last runs (the statistical gate's window) is warned of, as {@code check} would from then on; 10.
     */
    @Parameter(property = "locust.minHistory")
    private Integer minHistory;

    /** Skips this goal only; {@code locust.skip} skips every goal but the site's page. */
    @Parameter(property = "locust.baseline.skip", defaultValue = "false")
    private boolean skipBaseline;

    @Override
    protected String goal() {
        return "baseline";
    }

    @Override
    protected boolean skipsGoal() {
        return skipBaseline;
    }

    @Override
    protected void run() {
        // only the window and minHistory of these settings apply to a promotion; the gate's mode does not
        StatisticalGateSettings history = StatisticalChecks.settings("warn", minHistory);
        BaselineUpdateResult result = new BaselineUpdate()
                .run(new BaselineUpdateRequest(
                        resultsDirectory.toPath(),
                        baselineFile.toPath(),
                        metrics(),
                        baselineValidityDays,
                        updatedBy,
                        BuildEnvironment.detect(project.getBasedir().toPath()).gitCommit(),
                        testEnvironment,
                        Instant.now(),
                        historyFile == null ? null : historyFile.toPath(),
                        baselineRuns,
                        thresholdRules(),
                        significanceOn(),
                        confidence(),
                        history.window(),
                        history.minHistory()));
        getLog().info("Baseline written to " + baselineFile
                + (baselineRuns > 0
                        ? " from the median of the last " + baselineRuns + " comparable runs of " + historyFile
                        : ""));
        result.promotion().lines().forEach(getLog()::info);
        result.reach().lines().forEach(getLog()::info);
        result.reach().advice().forEach(getLog()::warn);
        result.unusual().forEach(getLog()::warn);
    }
}
