package dev.locustmaven.report.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.locustmaven.baseline.BaselineFile;
import dev.locustmaven.baseline.BaselineFileException;
import dev.locustmaven.compare.ChangeText;
import dev.locustmaven.history.ComparableRuns;
import dev.locustmaven.history.CorruptLine;
import dev.locustmaven.history.HistoryContents;
import dev.locustmaven.history.HistoryException;
import dev.locustmaven.history.HistoryRecord;
import dev.locustmaven.history.HistoryStore;
import dev.locustmaven.model.Baseline;
import dev.locustmaven.model.Check;
import dev.locustmaven.model.MetricFormat;
import dev.locustmaven.model.MetricKey;
import dev.locustmaven.model.MetricValue;
import dev.locustmaven.model.Verdict;
import dev.locustmaven.report.ReportFileException;
import dev.locustmaven.report.VerdictFile;
import dev.locustmaven.report.VerdictJson;
import dev.locustmaven.statistical.ChangePoint;
import dev.locustmaven.statistical.ChangePointDetector;
import dev.locustmaven.statistical.MetricDirection;
import dev.locustmaven.statistical.SeriesPoint;
import dev.locustmaven.statistical.Trend;
import dev.locustmaven.statistical.TrendAnalysis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Reads the history, the baseline and the latest verdict, and computes what the performance page shows: per service
 * the checks, and per key metric the series over the history with its change points and trend. A missing or unreadable
 * file is never an error here: it leaves its part of the page empty and, when it exists but cannot be read, a note.
 */
public final class PerformanceReportBuilder {

    /** What {@code check} writes after {@code compare}, beside {@code verdict.json}. */
    static final String COMPARISON_JSON = "comparison.json";

    /** Runs a series needs before change points are looked for: the detector's minimum segment on both sides. */
    public static final int MIN_CHANGE_POINT_RUNS = 6;

    /** A verdict written this close to the latest history record belongs to the same run. */
    private static final Duration SAME_RUN = Duration.ofMinutes(2);

    private final ChangePointDetector detector;

    public PerformanceReportBuilder() {
        this(ChangePointDetector.defaults());
    }

    public PerformanceReportBuilder(ChangePointDetector detector) {
        this.detector = detector;
    }

    public PerformanceReportData build(PerformanceReportRequest request) {
        List<String> notes = new ArrayList<>();
        List<HistoryRecord> history = readHistory(request, notes);
        Baseline baseline = readBaseline(request, notes);
        VerdictFile verdictFile = readVerdict(request, notes);
        Verdict verdict = verdictFile == null ? null : verdictFile.verdict();
        LatestRun latest = latestRun(verdictFile, history);
        List<ServiceReport> services = new ArrayList<>();
        for (String service : services(verdict, history, baseline)) {
            services.add(service(request, service, verdict, history, baseline, latest));
        }
        LatestComparison comparison = readComparison(request, notes);
        return new PerformanceReportData(request, latest, baseline, history.size(), services, comparison, notes);
    }

    private static List<HistoryRecord> readHistory(PerformanceReportRequest request, List<String> notes) {
        if (!Files.exists(request.historyFile())) {
            return List.of();
        }
        HistoryContents contents;
        try {
            contents = new HistoryStore(request.historyFile()).read();
        } catch (HistoryException e) {
            notes.add(e.getMessage());
            return List.of();
        }
        Path shown = Path.of(request.display(request.historyFile()));
        for (CorruptLine line : contents.corruptLines()) {
            notes.add(line.message(shown));
        }
        return contents.records();
    }

    private static Baseline readBaseline(PerformanceReportRequest request, List<String> notes) {
        if (!Files.exists(request.baselineFile())) {
            return null;
        }
        try {
            return BaselineFile.read(request.baselineFile());
        } catch (BaselineFileException e) {
            notes.add(e.getMessage());
            return null;
        }
    }

    private static VerdictFile readVerdict(PerformanceReportRequest request, List<String> notes) {
        if (!Files.exists(request.verdictFile())) {
            return null;
        }
        try {
            return VerdictJson.readFile(request.verdictFile());
        } catch (ReportFileException e) {
            notes.add(e.getMessage());
            return null;
        }
    }

    /** {@code comparison.json}, beside {@code verdict.json} in the report directory; null when there is none. */
    private static LatestComparison readComparison(PerformanceReportRequest request, List<String> notes) {
        Path file = request.verdictFile().resolveSibling(COMPARISON_JSON);
        if (!Files.exists(file)) {
            return null;
        }
        try {
            JsonNode root = new ObjectMapper().readTree(file.toFile());
            List<LatestComparison.Row> rows = new ArrayList<>();
            for (JsonNode check : root.path("checks")) {
                String metric = check.path("metric").asText();
                boolean ratio = "ratio".equals(check.path("measure").asText());
                JsonNode estimate = check.path(ratio ? "ratio" : "difference");
                String change = estimate.isNumber() ? changeText(ratio, metric, estimate) : null;
                String low = changeText(ratio, metric, check.path("ci_low"));
                String high = changeText(ratio, metric, check.path("ci_high"));
                // both bounds null: a flag, a side without the metric, or nothing bounds the change
                boolean bounded =
                        check.path("ci_low").isNumber() || check.path("ci_high").isNumber();
                rows.add(new LatestComparison.Row(
                        check.path("service").asText(),
                        check.path("endpoint").isNull()
                                ? null
                                : check.path("endpoint").asText(),
                        metric,
                        valueText(metric, check.path("base")),
                        valueText(metric, check.path("change")),
                        change,
                        bounded ? low + " to " + high : null,
                        check.path("status").asText()));
            }
            return new LatestComparison(
                    root.path("verdict").asText(),
                    root.path("generated_at").isTextual()
                            ? root.path("generated_at").asText()
                            : null,
                    root.path("pairs").asInt(),
                    root.path("confidence").asDouble(),
                    rows);
        } catch (IOException e) {
            notes.add(file + ": cannot be read as a comparison (" + e.getMessage() + ")");
            return null;
        }
    }

    private static String valueText(String metric, JsonNode value) {
        if (value.isBoolean()) {
            return Boolean.toString(value.asBoolean());
        }
        return value.isNumber() ? MetricFormat.withUnit(metric, MetricValue.of(value.asDouble())) : null;
    }

    /** A ratio as a signed percentage, a difference in the metric's unit; a bound without a number is unbounded. */
    private static String changeText(boolean ratio, String metric, JsonNode value) {
        if (!value.isNumber()) {
            return ChangeText.UNBOUNDED;
        }
        return ratio
                ? MetricFormat.signedPercent((value.asDouble() - 1) * 100)
                : MetricFormat.signedWithUnit(metric, value.asDouble());
    }

    /**
     * The latest run: the verdict file's when there is one (with the details of the history record the same check
     * wrote), otherwise the newest history record's.
     */
    private static LatestRun latestRun(VerdictFile verdictFile, List<HistoryRecord> history) {
        HistoryRecord newest = history.isEmpty() ? null : history.get(history.size() - 1);
        if (verdictFile == null) {
            return newest == null ? null : fromRecord(newest, null, newest.time());
        }
        Verdict verdict = verdictFile.verdict();
        Instant checkedAt = verdictFile.generatedAt();
        boolean sameRun = newest != null
                && (checkedAt == null
                        || Duration.between(newest.time(), checkedAt).abs().compareTo(SAME_RUN) <= 0);
        if (sameRun) {
            return fromRecord(newest, verdict, checkedAt == null ? newest.time() : checkedAt);
        }
        return new LatestRun(verdict.level(), verdict, checkedAt, null, null, null, null, Map.of());
    }

    private static LatestRun fromRecord(HistoryRecord record, Verdict verdict, Instant time) {
        return new LatestRun(
                verdict == null ? record.verdict() : verdict.level(),
                verdict,
                time,
                record.runId(),
                record.gitCommit(),
                record.gitBranch(),
                record.buildUrl(),
                record.fingerprints());
    }

    private static SortedSet<String> services(Verdict verdict, List<HistoryRecord> history, Baseline baseline) {
        SortedSet<String> services = new TreeSet<>();
        if (verdict != null) {
            verdict.checks().forEach(c -> services.add(c.key().service()));
        }
        for (HistoryRecord record : history) {
            record.metrics().keySet().forEach(k -> services.add(k.service()));
        }
        if (baseline != null) {
            baseline.values().keySet().forEach(k -> services.add(k.service()));
        }
        return services;
    }

    private ServiceReport service(
            PerformanceReportRequest request,
            String service,
            Verdict verdict,
            List<HistoryRecord> history,
            Baseline baseline,
            LatestRun latest) {
        List<Check> checks = verdict == null
                ? List.of()
                : verdict.checks().stream()
                        .filter(c -> c.key().service().equals(service))
                        .toList();
        List<SeriesTrend> series = new ArrayList<>();
        for (String metric : request.keyMetrics()) {
            MetricKey key = MetricKey.of(service, metric);
            List<RunPoint> points = points(history, key);
            Double baselineValue = baseline == null
                    ? null
                    : baseline.value(key)
                            .filter(v -> v instanceof MetricValue.Numeric)
                            .map(MetricValue::asDouble)
                            .orElse(null);
            List<Check> keyChecks =
                    checks.stream().filter(c -> c.key().equals(key)).toList();
            if (points.isEmpty() && baselineValue == null && keyChecks.isEmpty()) {
                continue;
            }
            series.add(new SeriesTrend(
                    key,
                    points,
                    baselineValue,
                    firstLevel(keyChecks, true),
                    firstLevel(keyChecks, false),
                    changes(points),
                    trend(request, points, metric)));
        }
        return new ServiceReport(
                service,
                checks,
                latest == null ? null : latest.fingerprints().get(service),
                series,
                recentRuns(request, history, series),
                ComparableRuns.breaks(history, service));
    }

    private static Double firstLevel(List<Check> checks, boolean warning) {
        for (Check check : checks) {
            Double level = warning ? ThresholdLines.warning(check) : ThresholdLines.fail(check);
            if (level != null) {
                return level;
            }
        }
        return null;
    }

    private static List<RunPoint> points(List<HistoryRecord> history, MetricKey key) {
        List<RunPoint> points = new ArrayList<>();
        for (HistoryRecord record : history) {
            OptionalDouble value = record.value(key);
            if (value.isPresent() && Double.isFinite(value.getAsDouble())) {
                points.add(new RunPoint(run(record), value.getAsDouble()));
            }
        }
        return points;
    }

    private static RunRef run(HistoryRecord record) {
        return new RunRef(record.time(), record.runId(), record.gitCommit(), record.verdict());
    }

    private List<DetectedChange> changes(List<RunPoint> points) {
        if (points.size() < MIN_CHANGE_POINT_RUNS) {
            return List.of();
        }
        double[] values = points.stream().mapToDouble(RunPoint::value).toArray();
        List<DetectedChange> changes = new ArrayList<>();
        for (ChangePoint change : detector.detect(values)) {
            changes.add(new DetectedChange(
                    points.get(change.index()).run(),
                    change.index(),
                    change.meanBefore(),
                    change.meanAfter(),
                    change.pValue()));
        }
        return changes;
    }

    private static Trend trend(PerformanceReportRequest request, List<RunPoint> points, String metric) {
        if (points.size() < SeriesTrend.MIN_TREND_RUNS) {
            return null;
        }
        List<SeriesPoint> series = points.stream()
                .map(p ->
                        new SeriesPoint(p.run().runId(), p.run().time(), p.run().commit(), p.value()))
                .toList();
        // The window is the page's trendRuns; significance and minimum movement are those of TrendAnalysis.defaults().
        TrendAnalysis analysis =
                new TrendAnalysis(Math.max(SeriesTrend.MIN_TREND_RUNS, request.trendRuns()), 0.05, 0.02);
        return analysis.analyse(series, MetricDirection.of(metric));
    }

    /**
     * The latest {@code trendRuns} records that have any of the service's key metrics, newest first, each with the
     * value of the record before it that has the same metric.
     */
    private static List<RecentRun> recentRuns(
            PerformanceReportRequest request, List<HistoryRecord> history, List<SeriesTrend> series) {
        List<RecentRun> rows = new ArrayList<>();
        Double[] previous = new Double[series.size()];
        for (HistoryRecord record : history) {
            Double[] values = new Double[series.size()];
            boolean any = false;
            for (int i = 0; i < series.size(); i++) {
                OptionalDouble value = record.value(series.get(i).key());
                if (value.isPresent()) {
                    values[i] = value.getAsDouble();
                    any = true;
                }
            }
            if (!any) {
                continue;
            }
            rows.add(new RecentRun(run(record), Arrays.asList(values), Arrays.asList(previous.clone())));
            for (int i = 0; i < values.length; i++) {
                if (values[i] != null) {
                    previous[i] = values[i];
                }
            }
        }
        List<RecentRun> newestFirst =
                new ArrayList<>(rows.subList(Math.max(0, rows.size() - request.trendRuns()), rows.size()));
        Collections.reverse(newestFirst);
        return newestFirst;
    }
}
