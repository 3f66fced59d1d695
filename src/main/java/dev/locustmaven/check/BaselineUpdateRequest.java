package dev.locustmaven.check;

import dev.locustmaven.metrics.MetricDefinition;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * What {@code locust:baseline} needs: the results to promote, the file to write and the metadata to record.
 *
 * @param gitCommit {@code null} keeps the file's value
 * @param environment a label for where the runs were made; {@code null} keeps the file's value
 */
public record BaselineUpdateRequest(
        Path resultsDirectory,
        Path baselineFile,
        List<MetricDefinition> metrics,
        int validityDays,
        String updatedBy,
        String gitCommit,
        String environment,
        Instant now) {

    public BaselineUpdateRequest {
        metrics = List.copyOf(metrics);
    }
}
