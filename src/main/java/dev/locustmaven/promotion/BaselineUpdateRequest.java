package dev.locustmaven.promotion;

import dev.locustmaven.failure.ConfigurationException;
import dev.locustmaven.metrics.MetricDefinition;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * What {@code locust:baseline} needs: the results to promote, the file to write and the metadata to record.
 *
 * @param gitCommit {@code null} keeps the file's value
 * @param environment a label for where the runs were made; {@code null} keeps the file's value
 * @param historyFile the history of runs, read when {@code baselineRuns} is above 0
 * @param baselineRuns 0 promotes the results directory; N promotes the median of the last N comparable runs of the
 *     history instead
 */
public record BaselineUpdateRequest(
        Path resultsDirectory,
        Path baselineFile,
        List<MetricDefinition> metrics,
        int validityDays,
        String updatedBy,
        String gitCommit,
        String environment,
        Instant now,
        Path historyFile,
        int baselineRuns) {

    public BaselineUpdateRequest {
        metrics = List.copyOf(metrics);
        if (baselineRuns < 0) {
            throw new ConfigurationException(
                    "locust.baselineRuns must be 0 (promote the results directory) or more, not " + baselineRuns);
        }
        if (baselineRuns > 0 && historyFile == null) {
            throw new ConfigurationException("locust.baselineRuns needs the history file (locust.historyFile)");
        }
    }

    /** A promotion of the results directory. */
    public BaselineUpdateRequest(
            Path resultsDirectory,
            Path baselineFile,
            List<MetricDefinition> metrics,
            int validityDays,
            String updatedBy,
            String gitCommit,
            String environment,
            Instant now) {
        this(resultsDirectory, baselineFile, metrics, validityDays, updatedBy, gitCommit, environment, now, null, 0);
    }
}
