package dev.locustmaven.check;

import dev.locustmaven.failure.ConfigurationException;
import dev.locustmaven.history.BuildEnvironment;
import dev.locustmaven.statistical.StatisticalGateSettings;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How {@code check} keeps the history of runs.
 *
 * @param file the history file ({@code locust.historyFile}); read for trends and the statistical gate even when {@code
 *     record} is false
 * @param record append this run's record ({@code locust.recordHistory})
 * @param environment the user's label for where the runs are made, part of every service's fingerprint; may be null
 * @param maxRuns keep the newest this many records after the append; 0 keeps all
 * @param maxAgeDays drop records older than this many days after the append; 0 keeps all
 * @param build git commit, branch, CI build link and run id of this build
 * @param statisticalGate the statistical layer's settings ({@link StatisticalChecks#settings})
 */
public record HistoryOptions(
        Path file,
        boolean record,
        String environment,
        int maxRuns,
        int maxAgeDays,
        BuildEnvironment build,
        StatisticalGateSettings statisticalGate) {

    public HistoryOptions {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(build, "build");
        Objects.requireNonNull(statisticalGate, "statisticalGate");
        if (maxRuns < 0) {
            throw new ConfigurationException("locust.historyMaxRuns must be 0 (keep all) or more, not " + maxRuns);
        }
        if (maxAgeDays < 0) {
            throw new ConfigurationException(
                    "locust.historyMaxAgeDays must be 0 (keep all) or more, not " + maxAgeDays);
        }
    }
}
