package dev.locustmaven.report.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.locustmaven.model.MetricKey;
import dev.locustmaven.model.Verdict;
import dev.locustmaven.report.VerdictJson;
import dev.locustmaven.statistical.TrendDirection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the page is built from: series, change points, trends, levels and the latest run, from files only. */
class PerformanceReportBuilderTest {

    @TempDir
    Path project;

    private SeriesTrend series(PerformanceReportData data, String service, String metric) {
        return data.services().stream()
                .filter(s -> s.service().equals(service))
                .flatMap(s -> s.series().stream())
                .filter(s -> s.key().equals(MetricKey.of(service, metric)))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void theStepIsFoundAtTheRunWhereItBegan() throws Exception {
        SampleHistory.write(project);

        PerformanceReportData data = new PerformanceReportBuilder().build(Pages.request(project));

        SeriesTrend p95 = series(data, "api_gateway", "p95_latency_ms");
        assertThat(p95.points()).hasSize(SampleHistory.RUNS);
        assertThat(p95.changes()).hasSize(1);
        DetectedChange change = p95.changes().get(0);
        assertThat(change.index()).isEqualTo(SampleHistory.STEP);
        assertThat(change.first().runId()).isEqualTo(SampleHistory.runId(SampleHistory.STEP));
        assertThat(change.first().commit()).isEqualTo(SampleHistory.commit(SampleHistory.STEP));
        assertThat(change.before()).isCloseTo(650, within(30.0));
        assertThat(change.after()).isCloseTo(1000, within(40.0));
        assertThat(change.changePct()).isCloseTo(53.8, within(8.0));
    }

    @Test
    void levelsComeFromTheRulesTheLatestCheckApplied() throws Exception {
        SampleHistory.write(project);

        PerformanceReportData data = new PerformanceReportBuilder().build(Pages.request(project));

        SeriesTrend p95 = series(data, "api_gateway", "p95_latency_ms");
        assertThat(p95.baseline()).isEqualTo(650.0);
        assertThat(p95.warningLevel()).isCloseTo(780.0, within(1e-9));
        assertThat(p95.failLevel()).isCloseTo(975.0, within(1e-9));
        SeriesTrend rps = series(data, "api_gateway", "rps");
        assertThat(rps.warningLevel()).isCloseTo(2.0, within(1e-9));
        assertThat(rps.failLevel()).isCloseTo(1.5, within(1e-9));
        SeriesTrend errors = series(data, "rag_service", "error_rate_pct");
        assertThat(errors.warningLevel()).isCloseTo(0.6, within(1e-9));
        assertThat(errors.failLevel()).isCloseTo(1.1, within(1e-9));
    }

    @Test
    void trendsAreDirectionAware() throws Exception {
        SampleHistory.write(project);

        PerformanceReportData data = new PerformanceReportBuilder().build(Pages.request(project, 36));

        assertThat(series(data, "api_gateway", "p95_latency_ms").trend().direction())
                .isEqualTo(TrendDirection.DEGRADING);
        assertThat(series(data, "api_gateway", "rps").trend().direction()).isEqualTo(TrendDirection.DEGRADING);
        assertThat(series(data, "rag_service", "p95_latency_ms").trend().direction())
                .isEqualTo(TrendDirection.DEGRADING);
        assertThat(series(data, "rag_service", "rps").trend().direction()).isEqualTo(TrendDirection.STABLE);
        assertThat(series(data, "rag_service", "rps").trend().runs()).isEqualTo(36);
    }

    @Test
    void recentRunsCarryTheValueOfTheRunBefore() throws Exception {
        SampleHistory.write(project);

        PerformanceReportData data = new PerformanceReportBuilder().build(Pages.request(project, 3));

        ServiceReport api = data.services().get(0);
        List<RecentRun> runs = api.recentRuns();
        assertThat(runs).hasSize(3);
        List<RunPoint> points = api.series().get(0).points();
        int last = points.size() - 1;
        assertThat(runs.get(0).values().get(0)).isEqualTo(points.get(last).value());
        assertThat(runs.get(0).previous().get(0)).isEqualTo(points.get(last - 1).value());
        assertThat(runs.get(2).previous().get(0)).isEqualTo(points.get(last - 3).value());
    }

    @Test
    void theLatestRunJoinsTheVerdictWithTheHistoryRecordOfTheSameCheck() throws Exception {
        Verdict verdict = SampleHistory.write(project);

        LatestRun latest =
                new PerformanceReportBuilder().build(Pages.request(project)).latestRun();

        assertThat(latest.level()).isEqualTo(verdict.level());
        assertThat(latest.verdict()).isEqualTo(VerdictJson.read(project.resolve(SampleHistory.VERDICT)));
        assertThat(latest.runId()).isEqualTo(SampleHistory.runId(SampleHistory.RUNS - 1));
        assertThat(latest.fingerprints()).containsOnlyKeys("api_gateway", "rag_service");
    }

    @Test
    void aVerdictFromAnotherTimeIsNotGivenTheHistorysCommit() throws Exception {
        Verdict verdict = SampleHistory.write(project);
        Instant later = Instant.parse("2026-11-27T10:00:00Z");
        VerdictJson.write(project.resolve(SampleHistory.VERDICT), verdict, later);

        LatestRun latest =
                new PerformanceReportBuilder().build(Pages.request(project)).latestRun();

        assertThat(latest.time()).isEqualTo(later);
        assertThat(latest.runId()).isNull();
        assertThat(latest.commit()).isNull();
        assertThat(latest.level()).isEqualTo(verdict.level());
    }

    @Test
    void servicesComeFromTheVerdictTheHistoryAndTheBaseline() throws Exception {
        SampleHistory.write(project, 0);

        PerformanceReportData data = new PerformanceReportBuilder().build(Pages.request(project));

        assertThat(data.latestRun()).isNull();
        assertThat(data.historyRuns()).isZero();
        assertThat(data.services()).extracting(ServiceReport::service).containsExactly("api_gateway", "rag_service");
        assertThat(series(data, "api_gateway", "p95_latency_ms").points()).isEmpty();
        assertThat(series(data, "api_gateway", "p95_latency_ms").baseline()).isEqualTo(650.0);
    }

    @Test
    void missingFilesGiveAnEmptyPageAndNoNotes() {
        PerformanceReportData data = new PerformanceReportBuilder().build(Pages.request(project));

        assertThat(data.services()).isEmpty();
        assertThat(data.notes()).isEmpty();
        assertThat(data.baseline()).isNull();
        assertThat(data.latestRun()).isNull();
    }

    @Test
    void brokenFilesBecomeNotes() throws Exception {
        SampleHistory.write(project);
        Files.writeString(project.resolve(SampleHistory.VERDICT), "{\"verdict\": \"MAYBE\", \"checks\": []}");

        PerformanceReportData data = new PerformanceReportBuilder().build(Pages.request(project));

        assertThat(data.notes())
                .singleElement()
                .asString()
                .contains("verdict.json")
                .contains("MAYBE");
        assertThat(data.latestRun().verdict()).isNull();
        assertThat(data.latestRun().level()).isNotNull();
    }

    @Test
    void theRequestRejectsUselessSettings() {
        assertThatThrownBy(() -> new PerformanceReportRequest(
                        project, project, project, project, project, 0, List.of("rps"), Instant.EPOCH))
                .hasMessageContaining("locust.trendRuns must be at least 1");
        assertThatThrownBy(() -> new PerformanceReportRequest(
                        project, project, project, project, project, 5, List.of(), Instant.EPOCH))
                .hasMessageContaining("locust.reportMetrics names no metric");
        assertThat(PerformanceReportRequest.metricList(" p95_latency_ms, ,rps,rps "))
                .containsExactly("p95_latency_ms", "rps");
    }
}
