package dev.locustmaven.promotion;

import dev.locustmaven.failure.ConfigurationException;
import dev.locustmaven.metrics.MetricDefinition;
import dev.locustmaven.statistical.StatisticalGateSettings;
import dev.locustmaven.thresholds.GateOptions;
import dev.locustmaven.thresholds.ThresholdRule;
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
 * @param thresholds the rules {@code check} judges by, to say what the new baseline lets them catch
 * @param significance the plugin-wide {@code significance}: false leaves that report out, as plain numbers have no
 *     sampling error
 * @param confidence the one-sided confidence {@code check} judges at
 * @param historyWindow how many of the history's last comparable runs a promoted value is compared with
 * @param minHistory how many comparable runs the history needs before a promoted value is compared with them
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
        int baselineRuns,
        List<ThresholdRule> thresholds,
        boolean significance,
        double confidence,
        int historyWindow,
        int minHistory) {

    public BaselineUpdateRequest {
        metrics = List.copyOf(metrics);
        thresholds = List.copyOf(thresholds);
        if (!(confidence >= 0.5 && confidence < 1)) {
            throw new ConfigurationException(
                    "locust.confidence must lie from 0.5 up to (not including) 1, e.g. 0.95, not " + confidence);
        }
        if (baselineRuns < 0) {
            throw new ConfigurationException(
                    "locust.baselineRuns must be 0 (promote the results directory) or more, not " + baselineRuns);
        }
        if (baselineRuns > 0 && historyFile == null) {
            throw new ConfigurationException("locust.baselineRuns needs the history file (locust.historyFile)");
        }
    }

    /** A promotion of the results directory, without threshold rules. */
    public BaselineUpdateRequest(
            Path resultsDirectory,
            Path baselineFile,
            List<MetricDefinition> metrics,
            int validityDays,
            String updatedBy,
            String gitCommit,
            String environment,
            Instant now) {
        this(
                resultsDirectory,
                baselineFile,
                metrics,
                validityDays,
                updatedBy,
                gitCommit,
                environment,
                now,
                null,
                0,
                List.of(),
                true,
                GateOptions.DEFAULT_CONFIDENCE,
                StatisticalGateSettings.DEFAULTS.window(),
                StatisticalGateSettings.DEFAULTS.minHistory());
    }
}
