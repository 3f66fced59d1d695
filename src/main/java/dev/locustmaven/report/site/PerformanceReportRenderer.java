package dev.locustmaven.report.site;

import dev.locustmaven.history.Fingerprint;
import dev.locustmaven.history.SegmentBreak;
import dev.locustmaven.model.Check;
import dev.locustmaven.model.MetricFormat;
import dev.locustmaven.model.MetricKey;
import dev.locustmaven.model.MetricValue;
import dev.locustmaven.model.Status;
import dev.locustmaven.report.CheckText;
import dev.locustmaven.statistical.Trend;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.doxia.sink.SinkEventAttributes;
import org.apache.maven.doxia.sink.impl.SinkEventAttributeSet;

/**
 * Renders the "Performance" page into a Doxia sink: the latest verdict, the baseline, per service the checks, charts,
 * a trend table of the latest runs, the trend summary and the change points, and links to Locust's HTML reports. Every
 * missing input gets a sentence that says what to run next. The page's head (its title) and body are sink events, so
 * the same events make the site's page under {@code mvn site} and a plain page standalone.
 */
public class PerformanceReportRenderer {

    static final String NONE = "-";
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final int SHORT_COMMIT = 10;

    private final Sink sink;
    private final PerformanceReportData data;
    private final ReportAssets assets;
    private final ReportText text;

    /** The depth of the open section, 0 outside any. */
    private int section;

    public PerformanceReportRenderer(Sink sink, PerformanceReportData data, ReportAssets assets, ReportText text) {
        this.sink = sink;
        this.data = data;
        this.assets = assets;
        this.text = text;
    }

    public String getTitle() {
        return text.get("report.title");
    }

    /** Writes the whole page, head and body, into the sink, then flushes and closes it. */
    public void render() {
        sink.head();
        sink.title();
        text(getTitle());
        sink.title_();
        sink.head_();
        sink.body();
        renderBody();
        sink.body_();
        sink.flush();
        sink.close();
    }

    private void renderBody() {
        startSection(getTitle(), "performance");
        paragraph(text.get("report.intro"));
        renderSources();
        renderNotes();
        if (data.latestRun() == null && data.baseline() == null && data.historyRuns() == 0) {
            if (data.comparison() == null) {
                paragraph(text.get("empty.nothing"));
            } else {
                renderComparison(data.comparison());
            }
            endSection();
            return;
        }
        renderVerdict();
        if (data.comparison() != null) {
            renderComparison(data.comparison());
        }
        renderBaseline();
        for (ServiceReport service : data.services()) {
            renderService(service);
        }
        renderLocustReports();
        endSection();
    }

    private void renderSources() {
        PerformanceReportRequest request = data.request();
        paragraph(text.get(
                "report.sources",
                request.display(request.historyFile()),
                data.historyRuns(),
                request.display(request.baselineFile()),
                request.display(request.verdictFile()),
                time(request.now())));
    }

    private void renderNotes() {
        if (data.notes().isEmpty()) {
            return;
        }
        paragraph(text.get("report.notes"));
        sink.list();
        for (String note : data.notes()) {
            sink.listItem();
            text(note);
            sink.listItem_();
        }
        sink.list_();
    }

    private void renderVerdict() {
        startSection(text.get("verdict.title"), "verdict");
        LatestRun run = data.latestRun();
        if (run == null) {
            paragraph(text.get(
                    "empty.onlyBaseline", data.request().display(data.request().baselineFile())));
            endSection();
            return;
        }
        sink.paragraph();
        text(text.get("verdict.level") + " ");
        sink.bold();
        text(run.level().name());
        sink.bold_();
        if (run.verdict() != null) {
            text(" (" + counts(run.verdict().checks()) + ")");
        }
        sink.paragraph_();
        if (run.verdict() == null) {
            paragraph(text.get(
                    "empty.noVerdict", data.request().display(data.request().verdictFile())));
        } else {
            renderCounts(run.verdict().checks());
            renderWarnings(run.verdict().warnings());
        }
        renderRunDetails(run);
        renderFingerprints(run.fingerprints());
        endSection();
    }

    /** The latest comparison of the change with its base, one row per check. */
    private void renderComparison(LatestComparison comparison) {
        startSection(text.get("comparison.title"), "comparison");
        sink.paragraph();
        text(text.get("verdict.level") + " ");
        sink.bold();
        text(comparison.verdict());
        sink.bold_();
        text(" "
                + text.get(
                        "comparison.details",
                        comparison.pairs(),
                        MetricFormat.number(comparison.confidence() * 100),
                        comparison.generatedAt() == null ? NONE : comparison.generatedAt()));
        sink.paragraph_();
        startTable();
        headerRow(
                text.get("comparison.service"),
                text.get("comparison.metric"),
                text.get("comparison.base"),
                text.get("comparison.change"),
                text.get("comparison.changeVsBase"),
                text.get("comparison.interval"),
                text.get("comparison.status"));
        for (LatestComparison.Row row : comparison.rows()) {
            row(
                    row.service(),
                    row.endpoint() == null ? row.metric() : row.endpoint() + "/" + row.metric(),
                    row.base(),
                    row.change(),
                    row.changeVsBase(),
                    row.interval(),
                    row.status());
        }
        endTable();
        endSection();
    }

    /** One row: the number of checks of each status, under the status names. */
    private void renderCounts(List<Check> checks) {
        startTable();
        headerRow(Arrays.stream(Status.values()).map(Status::name).toArray(String[]::new));
        row(Arrays.stream(Status.values())
                .map(status -> Long.toString(
                        checks.stream().filter(c -> c.status() == status).count()))
                .toArray(String[]::new));
        endTable();
    }

    private void renderWarnings(List<String> warnings) {
        if (warnings.isEmpty()) {
            return;
        }
        paragraph(text.get("verdict.warnings"));
        sink.list();
        for (String warning : warnings) {
            sink.listItem();
            text(warning);
            sink.listItem_();
        }
        sink.list_();
    }

    private void renderRunDetails(LatestRun run) {
        startTable();
        row(text.get("run.time"), time(run.time()));
        row(text.get("run.id"), orNone(run.runId()));
        row(text.get("run.commit"), orNone(run.commit()));
        row(text.get("run.branch"), orNone(run.branch()));
        sink.tableRow();
        cell(text.get("run.build"));
        sink.tableCell();
        if (run.buildUrl() == null) {
            text(NONE);
        } else {
            link(run.buildUrl(), run.buildUrl());
        }
        sink.tableCell_();
        sink.tableRow_();
        endTable();
    }

    private void renderFingerprints(Map<String, Fingerprint> fingerprints) {
        if (fingerprints.isEmpty()) {
            return;
        }
        paragraph(text.get("fingerprint.intro"));
        startTable();
        headerRow(
                text.get("fingerprint.service"),
                text.get("fingerprint.users"),
                text.get("fingerprint.spawnRate"),
                text.get("fingerprint.runTime"),
                text.get("fingerprint.warmUp"),
                text.get("fingerprint.userClasses"),
                text.get("fingerprint.tags"),
                text.get("fingerprint.locust"),
                text.get("fingerprint.python"),
                text.get("fingerprint.locustfile"),
                text.get("fingerprint.host"),
                text.get("fingerprint.machine"),
                text.get("fingerprint.environment"));
        fingerprints.forEach((service, f) -> row(
                service,
                f.users() == null ? NONE : f.users().toString(),
                number(f.spawnRate()),
                seconds(f.runTimeSeconds()),
                seconds(f.warmUpSeconds()),
                f.userClasses() == null ? NONE : String.join(", ", f.userClasses()),
                f.tags() == null || f.tags().isEmpty() ? NONE : String.join(", ", f.tags()),
                orNone(f.locustVersion()),
                orNone(f.pythonVersion()),
                f.locustfileSha256() == null ? NONE : f.locustfileSha256().substring(0, 12),
                orNone(f.host()),
                machine(f),
                orNone(f.environment())));
        endTable();
    }

    private void renderBaseline() {
        startSection(text.get("baseline.title"), "baseline");
        String file = data.request().display(data.request().baselineFile());
        if (data.baseline() == null) {
            paragraph(text.get("empty.noBaseline", file));
            endSection();
            return;
        }
        var baseline = data.baseline();
        if (data.baselineStale()) {
            sink.paragraph();
            sink.bold();
            text(text.get("baseline.stale", time(baseline.validUntil())));
            sink.bold_();
            sink.paragraph_();
        }
        startTable();
        row(text.get("baseline.file"), file);
        row(text.get("baseline.version"), orNone(baseline.version()));
        row(text.get("baseline.effectiveFrom"), time(baseline.effectiveFrom()));
        row(text.get("baseline.validUntil"), time(baseline.validUntil()));
        Long age = data.baselineAgeDays();
        row(text.get("baseline.age"), age == null ? NONE : text.get("baseline.ageDays", age));
        row(
                text.get("baseline.state"),
                data.baselineStale() ? text.get("baseline.stateStale") : text.get("baseline.stateCurrent"));
        row(text.get("baseline.updatedBy"), orNone(baseline.updatedBy()));
        row(text.get("baseline.commit"), orNone(baseline.metadata().get("git_commit")));
        endTable();
        endSection();
    }

    private void renderService(ServiceReport service) {
        startSection(text.get("service.title", service.service()), "service-" + ReportAssets.safe(service.service()));
        renderChecks(service);
        renderCharts(service);
        renderRecentRuns(service);
        renderSegments(service);
        renderTrends(service);
        renderChangePoints(service);
        endSection();
    }

    private void renderChecks(ServiceReport service) {
        startSection(text.get("checks.title"), "checks-" + ReportAssets.safe(service.service()));
        if (service.checks().isEmpty()) {
            paragraph(
                    data.latestRun() != null && data.latestRun().verdict() != null
                            ? text.get("empty.noChecksForService")
                            : text.get(
                                    "empty.noChecks",
                                    data.request().display(data.request().verdictFile())));
        } else {
            startTable();
            headerRow(
                    text.get("checks.metric"),
                    text.get("checks.baseline"),
                    text.get("checks.current"),
                    text.get("checks.change"),
                    text.get("checks.rule"),
                    text.get("checks.status"));
            for (Check check : service.checks()) {
                sink.tableRow();
                cell(metricName(check.key()));
                cell(value(check.key().metric(), check.baseline()));
                cell(value(check.key().metric(), check.current()));
                cell(change(check));
                cell(check.rule() == null ? NONE : check.rule());
                statusCell(check.status());
                sink.tableRow_();
            }
            endTable();
        }
        endSection();
    }

    private void renderCharts(ServiceReport service) {
        startSection(text.get("charts.title"), "charts-" + ReportAssets.safe(service.service()));
        boolean any = false;
        for (SeriesTrend series : service.series()) {
            String chart = assets.charts().get(series.key());
            if (chart == null) {
                continue;
            }
            any = true;
            String alt = text.get("chart.alt", service.service(), series.key().metric());
            SinkEventAttributeSet attributes = new SinkEventAttributeSet();
            attributes.addAttribute(SinkEventAttributes.ALT, alt);
            attributes.addAttribute(SinkEventAttributes.WIDTH, Integer.toString(TrendChart.WIDTH));
            sink.figure();
            sink.figureGraphics(chart, attributes);
            sink.figureCaption();
            text(caption(series));
            sink.figureCaption_();
            sink.figure_();
        }
        if (!any) {
            paragraph(fewRuns());
        }
        endSection();
    }

    private String caption(SeriesTrend series) {
        List<String> parts = new ArrayList<>();
        parts.add(text.get(
                "chart.captionRuns", series.key().metric(), series.points().size()));
        if (!series.changes().isEmpty()) {
            parts.add(text.get("chart.captionChanges", series.changes().size()));
        }
        long failed = series.points().stream()
                .filter(p -> p.run().verdict() == Status.FAIL)
                .count();
        if (failed > 0) {
            parts.add(text.get("chart.captionFailed", failed));
        }
        return String.join("; ", parts) + ".";
    }

    /** The sentence for a service whose history is too short for a chart or a trend. */
    private String fewRuns() {
        String history = data.request().display(data.request().historyFile());
        return data.historyRuns() == 0
                ? text.get("empty.noHistory", history)
                : text.get("empty.singleRun", history, data.historyRuns());
    }

    private void renderRecentRuns(ServiceReport service) {
        startSection(
                text.get("recent.title", data.request().trendRuns()), "recent-" + ReportAssets.safe(service.service()));
        if (service.recentRuns().isEmpty()) {
            paragraph(fewRuns());
            endSection();
            return;
        }
        List<String> header = new ArrayList<>(List.of(text.get("recent.date"), text.get("recent.commit")));
        for (SeriesTrend series : service.series()) {
            header.add(series.key().metric());
            header.add(text.get("recent.change"));
        }
        header.add(text.get("recent.verdict"));
        startTable();
        headerRow(header.toArray(String[]::new));
        for (RecentRun run : service.recentRuns()) {
            sink.tableRow();
            cell(time(run.run().time()));
            cell(shortCommit(run.run().commit()));
            for (int i = 0; i < service.series().size(); i++) {
                String metric = service.series().get(i).key().metric();
                Double value = run.values().get(i);
                Double previous = run.previous().get(i);
                cell(value == null ? NONE : MetricFormat.withUnit(metric, MetricValue.of(value)));
                cell(changeFromPrevious(metric, value, previous));
            }
            statusCell(run.run().verdict());
            sink.tableRow_();
        }
        endTable();
        endSection();
    }

    /** Where the fingerprint changed: the statistical layer compares no run with one before its segment's start. */
    private void renderSegments(ServiceReport service) {
        if (service.segmentBreaks().isEmpty()) {
            return;
        }
        startSection(text.get("segments.title"), "segments-" + ReportAssets.safe(service.service()));
        paragraph(text.get("segments.intro"));
        startTable();
        headerRow(text.get("segments.from"), text.get("segments.run"), text.get("segments.changed"));
        for (SegmentBreak segmentBreak : service.segmentBreaks()) {
            row(time(segmentBreak.time()), orNone(segmentBreak.runId()), String.join("; ", segmentBreak.changes()));
        }
        endTable();
        endSection();
    }

    private void renderTrends(ServiceReport service) {
        startSection(text.get("trend.title"), "trend-" + ReportAssets.safe(service.service()));
        List<SeriesTrend> withTrend =
                service.series().stream().filter(s -> s.trend() != null).toList();
        if (withTrend.isEmpty()) {
            paragraph(
                    data.historyRuns() == 0
                            ? fewRuns()
                            : text.get("empty.noTrend", SeriesTrend.MIN_TREND_RUNS, data.historyRuns()));
            endSection();
            return;
        }
        startTable();
        headerRow(
                text.get("trend.metric"),
                text.get("trend.runs"),
                text.get("trend.latest"),
                text.get("trend.median"),
                text.get("trend.slopePerRun"),
                text.get("trend.slopePerDay"),
                text.get("trend.direction"),
                text.get("trend.volatility"),
                text.get("trend.pValue"));
        for (SeriesTrend series : withTrend) {
            Trend trend = series.trend();
            String metric = series.key().metric();
            row(
                    metric,
                    Integer.toString(trend.runs()),
                    MetricFormat.withUnit(metric, MetricValue.of(trend.current())),
                    MetricFormat.withUnit(metric, MetricValue.of(trend.median())),
                    MetricFormat.signedWithUnit(metric, trend.slopePerRun()),
                    trend.slopePerDay() == null
                            ? text.get("trend.spanTooShort")
                            : MetricFormat.signedWithUnit(metric, trend.slopePerDay()),
                    text.get("trend.direction." + trend.direction().name()),
                    Double.isFinite(trend.coefficientOfVariation())
                            ? String.format(Locale.ROOT, "%.1f%%", trend.coefficientOfVariation() * 100)
                            : NONE,
                    MetricFormat.probabilityColumn(trend.mannKendallP()));
        }
        endTable();
        paragraph(text.get("trend.explain"));
        endSection();
    }

    private void renderChangePoints(ServiceReport service) {
        startSection(text.get("changes.title"), "changes-" + ReportAssets.safe(service.service()));
        List<String[]> rows = new ArrayList<>();
        for (SeriesTrend series : service.series()) {
            String metric = series.key().metric();
            for (DetectedChange change : series.changes()) {
                RunRef first = change.first();
                rows.add(new String[] {
                    metric,
                    time(first.time()),
                    first.runId(),
                    orNone(first.commit()),
                    MetricFormat.withUnit(metric, MetricValue.of(change.before())),
                    MetricFormat.withUnit(metric, MetricValue.of(change.after())),
                    change.changePct() == null
                            ? MetricFormat.signedWithUnit(metric, change.after() - change.before())
                            : MetricFormat.signedPercent(change.changePct()),
                    MetricFormat.probabilityColumn(change.pValue())
                });
            }
        }
        if (rows.isEmpty()) {
            int longest = service.series().stream()
                    .mapToInt(s -> s.points().size())
                    .max()
                    .orElse(0);
            paragraph(
                    longest < PerformanceReportBuilder.MIN_CHANGE_POINT_RUNS
                            ? text.get("empty.fewForChangePoints", PerformanceReportBuilder.MIN_CHANGE_POINT_RUNS)
                            : text.get("changes.none", longest));
        } else {
            paragraph(text.get("changes.intro"));
            startTable();
            headerRow(
                    text.get("changes.metric"),
                    text.get("changes.date"),
                    text.get("changes.run"),
                    text.get("changes.commit"),
                    text.get("changes.before"),
                    text.get("changes.after"),
                    text.get("changes.change"),
                    text.get("changes.pValue"));
            rows.forEach(this::row);
            endTable();
        }
        endSection();
    }

    private void renderLocustReports() {
        startSection(text.get("locust.title"), "locust-reports");
        if (assets.locustReports().isEmpty()) {
            paragraph(text.get(
                    "empty.noLocustReports",
                    data.request().display(data.request().resultsDirectory())));
        } else {
            startTable();
            headerRow(text.get("locust.service"), text.get("locust.reports"));
            assets.locustReports().forEach((service, links) -> {
                sink.tableRow();
                cell(service);
                sink.tableCell();
                for (int i = 0; i < links.size(); i++) {
                    if (i > 0) {
                        text(", ");
                    }
                    String href = links.get(i);
                    link(href, href.substring(href.lastIndexOf('/') + 1));
                }
                sink.tableCell_();
                sink.tableRow_();
            });
            endTable();
        }
        endSection();
    }

    // The page's building blocks, written on the sink directly. Cells never read "{text, url}" as a link (as Maven's
    // report renderer would): an endpoint name such as "/items/{id}" must stay text.

    /** Opens a section one level below the current one, with an anchor and a title. */
    private void startSection(String name, String anchor) {
        section++;
        sink.section(section, null);
        sink.anchor(anchor);
        sink.anchor_();
        sink.sectionTitle(section, null);
        text(name);
        sink.sectionTitle_(section);
    }

    private void endSection() {
        if (section == 0) {
            throw new IllegalStateException("no section is open");
        }
        sink.section_(section);
        section--;
    }

    private void startTable() {
        sink.table();
        sink.tableRows(null, false);
    }

    private void endTable() {
        sink.tableRows_();
        sink.table_();
    }

    private void paragraph(String content) {
        sink.paragraph();
        text(content);
        sink.paragraph_();
    }

    private void link(String href, String name) {
        sink.link(href);
        text(name);
        sink.link_();
    }

    /** The text, or {@code -} for none (an empty cell would collapse). */
    private void text(String content) {
        sink.text(content == null || content.isEmpty() ? NONE : content);
    }

    private void headerRow(String... cells) {
        sink.tableRow();
        for (String cell : cells) {
            sink.tableHeaderCell();
            text(cell);
            sink.tableHeaderCell_();
        }
        sink.tableRow_();
    }

    private void row(String... cells) {
        sink.tableRow();
        for (String cell : cells) {
            cell(cell);
        }
        sink.tableRow_();
    }

    private void cell(String content) {
        sink.tableCell();
        text(content);
        sink.tableCell_();
    }

    private void statusCell(Status status) {
        sink.tableCell();
        boolean bad = status != Status.PASS;
        if (bad) {
            sink.bold();
        }
        text(status.name());
        if (bad) {
            sink.bold_();
        }
        sink.tableCell_();
    }

    private String counts(List<Check> checks) {
        List<String> parts = new ArrayList<>();
        for (Status status : Status.values()) {
            long count = checks.stream().filter(c -> c.status() == status).count();
            if (count > 0) {
                parts.add(text.get("verdict.count." + status.name(), count));
            }
        }
        return parts.isEmpty() ? text.get("verdict.noChecks") : String.join(", ", parts);
    }

    private static String metricName(MetricKey key) {
        return key.label();
    }

    private static String value(String metric, MetricValue value) {
        return value == null ? NONE : MetricFormat.withUnit(metric, value);
    }

    private String change(Check check) {
        return CheckText.change(check, text.get("checks.changed"));
    }

    /** {@code +12 ms (+2.1%)}; the difference alone when the previous value is 0; {@code -} for the first run. */
    static String changeFromPrevious(String metric, Double value, Double previous) {
        if (value == null || previous == null) {
            return NONE;
        }
        String delta = MetricFormat.signedWithUnit(metric, value - previous);
        return previous == 0 ? delta : delta + " (" + MetricFormat.signedPercent((value / previous - 1) * 100) + ")";
    }

    private static String seconds(Double value) {
        return value == null ? NONE : MetricFormat.number(value) + " s";
    }

    private String machine(Fingerprint f) {
        List<String> parts = new ArrayList<>();
        if (f.os() != null) {
            parts.add(f.os());
        }
        if (f.arch() != null) {
            parts.add(f.arch());
        }
        if (f.cores() != null) {
            parts.add(text.get("fingerprint.cores", f.cores()));
        }
        return parts.isEmpty() ? NONE : String.join(" ", parts);
    }

    private static String number(Double value) {
        return value == null ? NONE : MetricFormat.number(value);
    }

    private static String time(Instant time) {
        return time == null ? NONE : TIME.format(time);
    }

    private static String orNone(String text) {
        return text == null || text.isBlank() ? NONE : text;
    }

    private static String shortCommit(String commit) {
        if (commit == null || commit.isBlank()) {
            return NONE;
        }
        return commit.length() > SHORT_COMMIT ? commit.substring(0, SHORT_COMMIT) : commit;
    }
}
