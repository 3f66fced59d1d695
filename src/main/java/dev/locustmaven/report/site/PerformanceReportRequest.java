package dev.locustmaven.report.site;

import dev.locustmaven.failure.ConfigurationException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What the performance page is made from: files only, never a Locust run.
 *
 * @param projectDirectory paths under it are shown relative to it on the page
 * @param historyFile the JSON-lines history ({@code docs/performance-trends.jsonl})
 * @param baselineFile the committed baseline
 * @param verdictFile the latest {@code verdict.json} of {@code locust:check}
 * @param resultsDirectory the latest run's Locust output, one folder per service, where Locust's HTML reports are
 * @param trendRuns how many of the latest runs the trend tables and the trend summary show
 * @param keyMetrics the service metrics that get trend tables and charts, e.g. {@code p95_latency_ms}
 */
public record PerformanceReportRequest(
        Path projectDirectory,
        Path historyFile,
        Path baselineFile,
        Path verdictFile,
        Path resultsDirectory,
        int trendRuns,
        List<String> keyMetrics,
        Instant now) {

    public PerformanceReportRequest {
        Objects.requireNonNull(historyFile, "historyFile");
        Objects.requireNonNull(baselineFile, "baselineFile");
        Objects.requireNonNull(verdictFile, "verdictFile");
        Objects.requireNonNull(now, "now");
        if (trendRuns < 1) {
            throw new ConfigurationException("locust.trendRuns must be at least 1, not " + trendRuns);
        }
        keyMetrics = List.copyOf(keyMetrics);
        if (keyMetrics.isEmpty()) {
            throw new ConfigurationException("locust.reportMetrics names no metric; give at least one, e.g. "
                    + "p95_latency_ms,error_rate_pct,rps");
        }
    }

    /** The metric names of a comma-separated list such as {@code p95_latency_ms, rps}, blanks left out. */
    public static List<String> metricList(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .distinct()
                .toList();
    }

    /** The path as the page shows it: relative to the project when it lies inside it. */
    public String display(Path file) {
        if (file == null) {
            return "";
        }
        Path absolute = file.toAbsolutePath().normalize();
        if (projectDirectory != null) {
            Path project = projectDirectory.toAbsolutePath().normalize();
            if (absolute.startsWith(project) && !absolute.equals(project)) {
                return project.relativize(absolute).toString().replace('\\', '/');
            }
        }
        return absolute.toString();
    }
}
