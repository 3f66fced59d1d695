package dev.locustmaven.report.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locustmaven.model.Check;
import dev.locustmaven.model.MetricKey;
import dev.locustmaven.model.Status;
import dev.locustmaven.model.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page rendered into an XHTML5 sink: its tables, its chart references, and a sentence for every empty state. */
class PerformanceReportRendererTest {

    private static final ReportText EN = ReportText.of(Locale.ENGLISH);

    @TempDir
    Path project;

    @Test
    void theVerdictShowsItsLevelCountsAndTheRunItCameFrom() throws Exception {
        Verdict verdict = SampleHistory.write(project);

        Html page = Html.parse(Pages.render(project, Locale.ENGLISH));

        int last = SampleHistory.RUNS - 1;
        assertThat(page.paragraphs("verdict").get(0))
                .startsWith("Verdict: " + verdict.level())
                .contains(verdict.withStatus(Status.PASS).size() + " passed");
        List<List<String>> counts = page.table("verdict", 0);
        assertThat(counts.get(0)).containsExactly("PASS", "WARN", "FAIL", "MISSING", "NO_BASELINE");
        assertThat(counts.get(1))
                .containsExactly(
                        Integer.toString(verdict.withStatus(Status.PASS).size()),
                        Integer.toString(verdict.withStatus(Status.WARN).size()),
                        Integer.toString(verdict.withStatus(Status.FAIL).size()),
                        "0",
                        "0");
        assertThat(page.table("verdict", 1))
                .contains(List.of("Checked at", "2026-11-24 06:00 UTC"))
                .contains(List.of("Run", SampleHistory.runId(last)))
                .contains(List.of("Commit", SampleHistory.commit(last)))
                .contains(List.of("Branch", "main"));
        assertThat(page.table("verdict", 2))
                .contains(List.of(
                        "api_gateway",
                        "10",
                        "2",
                        "60 s",
                        "-",
                        "ApiGatewayUser",
                        "-",
                        "2.47.0",
                        "-",
                        "-",
                        "-",
                        "Linux amd64 2 cores",
                        "ci"));
    }

    @Test
    void theLatestComparisonWithTheBaseIsShownWithItsIntervals() throws Exception {
        Path comparison = project.resolve(SampleHistory.VERDICT).resolveSibling("comparison.json");
        Files.createDirectories(comparison.getParent());
        Files.writeString(comparison, """
                {"verdict": "FAIL", "generated_at": "2026-11-28T11:00:00Z", "pairs": 3, "confidence": 0.95,
                 "warnings": [],
                 "checks": [
                  {"service": "shop", "endpoint": "GET /search", "metric": "avg_latency_ms", "base": 20.4,
                   "change": 61.2, "measure": "ratio", "ratio": 3.0, "difference": 40.8, "ci_low": 2.851,
                   "ci_high": null, "status": "FAIL"},
                  {"service": "shop", "endpoint": null, "metric": "error_rate_pct", "base": 0, "change": 0.5,
                   "measure": "difference", "ratio": null, "difference": 0.5, "ci_low": -0.25, "ci_high": 1.25,
                   "status": "PASS"},
                  {"service": "shop", "endpoint": null, "metric": "rps", "base": null, "change": 30,
                   "measure": "ratio", "ratio": null, "difference": null, "ci_low": null, "ci_high": null,
                   "status": "NO_BASELINE"}]}
                """);

        Html page = Html.parse(Pages.render(project, Locale.ENGLISH));

        assertThat(page.paragraphs("comparison").get(0))
                .isEqualTo("Verdict: FAIL (3 pairs of runs of the change and its base, bounds at 95% confidence,"
                        + " written 2026-11-28T11:00:00Z)");
        assertThat(page.table("comparison"))
                .containsExactly(
                        List.of("Service", "Metric", "Base", "Change", "Change vs base", "Interval", "Status"),
                        List.of(
                                "shop",
                                "GET /search/avg_latency_ms",
                                "20.4 ms",
                                "61.2 ms",
                                "+200.0%",
                                "+185.1% to unbounded",
                                "FAIL"),
                        List.of("shop", "error_rate_pct", "0%", "0.5%", "+0.5 pp", "-0.25 pp to +1.25 pp", "PASS"),
                        List.of("shop", "rps", "-", "30", "-", "-", "NO_BASELINE"));
    }

    @Test
    void theBaselineShowsItsVersionAndAge() throws Exception {
        SampleHistory.write(project);

        Html page = Html.parse(Pages.render(project, Locale.ENGLISH));

        assertThat(page.table("baseline"))
                .contains(List.of("File", "docs/performance-baselines.json"))
                .contains(List.of("Version", "2026-10-19"))
                .contains(List.of("Valid until", "2027-01-19 12:00 UTC"))
                .contains(List.of("Age", "40 days"))
                .contains(List.of("State", "current"));
    }

    @Test
    void aStaleBaselineIsFlagged() throws Exception {
        SampleHistory.write(project);
        Path baseline = project.resolve(SampleHistory.BASELINE);
        Files.writeString(baseline, Files.readString(baseline).replace("2027-01-19", "2026-11-01"));

        Html page = Html.parse(Pages.render(project, Locale.ENGLISH));

        assertThat(page.table("baseline")).contains(List.of("State", "stale"));
        assertThat(page.paragraphs("baseline").get(0))
                .startsWith("The baseline is stale: it was valid until 2026-11-01 12:00 UTC")
                .contains("mvn locust:baseline");
    }

    @Test
    void eachServiceHasATableOfTheLatestChecks() throws Exception {
        Verdict verdict = SampleHistory.write(project);
        Check p95 = verdict.checks().stream()
                .filter(c -> c.key().equals(MetricKey.of("api_gateway", "p95_latency_ms")))
                .findFirst()
                .orElseThrow();

        Html page = Html.parse(Pages.render(project, Locale.ENGLISH));

        List<List<String>> checks = page.table("checks-api_gateway");
        assertThat(checks.get(0)).containsExactly("Metric", "Baseline", "Current", "Change", "Rule", "Status");
        assertThat(checks)
                .hasSize(4)
                .contains(List.of(
                        "p95_latency_ms",
                        "650 ms",
                        p95.current() + " ms",
                        String.format(Locale.ROOT, "%+.1f%%", p95.changePct()),
                        "warning +20% / fail +50%",
                        p95.status().name()));
        assertThat(page.sections())
                .containsSubsequence(
                        "verdict",
                        "baseline",
                        "service-api_gateway",
                        "checks-api_gateway",
                        "charts-api_gateway",
                        "recent-api_gateway",
                        "trend-api_gateway",
                        "changes-api_gateway",
                        "service-rag_service",
                        "locust-reports");
    }

    @Test
    void eachKeyMetricHasAChartWrittenNextToThePage() throws Exception {
        SampleHistory.write(project);

        Html page = Html.parse(Pages.render(project, Locale.ENGLISH));

        List<String> charts = page.images("charts-api_gateway");
        assertThat(charts)
                .containsExactly(
                        "locust-report/api_gateway-p95_latency_ms.svg",
                        "locust-report/api_gateway-error_rate_pct.svg",
                        "locust-report/api_gateway-rps.svg");
        for (String chart : charts) {
            assertThat(project.resolve("site").resolve(chart)).isRegularFile();
        }
        assertThat(page.images("charts-rag_service")).hasSize(3);
    }

    @Test
    void theTrendTableShowsTheLatestRunsNewestFirstWithTheirChange() throws Exception {
        SampleHistory.write(project);

        Html page = Html.parse(Pages.render(project, Locale.ENGLISH));

        List<List<String>> runs = page.table("recent-api_gateway");
        assertThat(runs.get(0))
                .containsExactly(
                        "Date",
                        "Commit",
                        "p95_latency_ms",
                        "Change",
                        "error_rate_pct",
                        "Change",
                        "rps",
                        "Change",
                        "Verdict");
        assertThat(runs).hasSize(1 + 20);
        assertThat(runs.get(1).subList(0, 2))
                .containsExactly(
                        "2026-11-24 06:00 UTC",
                        SampleHistory.commit(SampleHistory.RUNS - 1).substring(0, 10));
        assertThat(runs.get(20).get(1))
                .isEqualTo(SampleHistory.commit(SampleHistory.RUNS - 20).substring(0, 10));
        List<String> step = runs.stream()
                .filter(r ->
                        r.get(1).equals(SampleHistory.commit(SampleHistory.STEP).substring(0, 10)))
                .findFirst()
                .orElseThrow();
        assertThat(step.get(0)).isEqualTo("2026-11-13 06:00 UTC");
        assertThat(step.get(3)).matches("\\+3\\d\\d ms \\(\\+[4-6]\\d\\.\\d%\\)");
        assertThat(step.get(8)).isEqualTo("FAIL");
    }

    @Test
    void trendRunsLimitsTheTrendTable() throws Exception {
        SampleHistory.write(project);
        PerformanceReportData data = new PerformanceReportBuilder().build(Pages.request(project, 5));

        Html page = Html.parse(Pages.render(data, ReportAssets.none(), EN));

        assertThat(page.table("recent-api_gateway")).hasSize(1 + 5);
        assertThat(page.table("trend-api_gateway").get(1).subList(0, 2)).containsExactly("p95_latency_ms", "5");
    }

    @Test
    void theChangePointIsShownAtTheRunAndCommitWhereTheStepBegan() throws Exception {
        SampleHistory.write(project);

        Html page = Html.parse(Pages.render(project, Locale.ENGLISH));

        List<List<String>> changes = page.table("changes-api_gateway");
        assertThat(changes.get(0))
                .containsExactly(
                        "Metric",
                        "Date",
                        "First run at the new level",
                        "Commit",
                        "Before",
                        "After",
                        "Change",
                        "p-value");
        List<String> p95 = changes.stream()
                .filter(r -> r.get(0).equals("p95_latency_ms"))
                .findFirst()
                .orElseThrow();
        assertThat(p95.subList(1, 4))
                .containsExactly(
                        "2026-11-13 06:00 UTC",
                        SampleHistory.runId(SampleHistory.STEP),
                        SampleHistory.commit(SampleHistory.STEP));
        assertThat(p95.get(6)).matches("\\+[4-5]\\d\\.\\d%");
        assertThat(p95.get(7)).isEqualTo("< 0.0001");
    }

    @Test
    void theTrendSummaryCallsTheSteppedLatencyDegrading() throws Exception {
        SampleHistory.write(project);

        Html page = Html.parse(Pages.render(project, Locale.ENGLISH));

        List<List<String>> trend = page.table("trend-api_gateway");
        assertThat(trend.get(0))
                .containsExactly(
                        "Metric",
                        "Runs",
                        "Latest",
                        "Median",
                        "Slope per run",
                        "Slope per day",
                        "Direction",
                        "Volatility (CV)",
                        "Mann-Kendall p");
        assertThat(trend.get(1).get(0)).isEqualTo("p95_latency_ms");
        assertThat(trend.get(1).get(1)).isEqualTo("20");
        assertThat(trend.get(1).get(4)).startsWith("+").endsWith(" ms");
        assertThat(trend.get(1).get(6)).isEqualTo("degrading");
        assertThat(trend.get(1).get(7)).matches("\\d+\\.\\d%");
    }

    @Test
    void locustHtmlReportsOfTheLatestRunAreCopiedAndLinked() throws Exception {
        SampleHistory.write(project);
        // The copy does not read the report; a small stand-in keeps the test fast.
        Path report = project.resolve("target/locust/api_gateway/report.html");
        Files.createDirectories(report.getParent());
        Files.writeString(report, "<html><body>Locust</body></html>");

        Html page = Html.parse(Pages.render(project, Locale.ENGLISH));

        assertThat(page.links("locust-reports")).containsExactly("locust-report/locust/api_gateway/report.html");
        assertThat(project.resolve("site/locust-report/locust/api_gateway/report.html"))
                .hasSameTextualContentAs(report);
        assertThat(page.table("locust-reports")).contains(List.of("api_gateway", "report.html"));
    }

    @Test
    void withoutLocustReportsThePageSaysWhereTheyWouldComeFrom() throws Exception {
        SampleHistory.write(project);

        Html page = Html.parse(Pages.render(project, Locale.ENGLISH));

        assertThat(page.paragraphs("locust-reports")).containsExactly(EN.get("empty.noLocustReports", "target/locust"));
    }

    @Test
    void aProjectWithNothingYetSaysWhatToRunFirst() {
        Html page = Html.parse(Pages.render(project, Locale.ENGLISH));

        assertThat(page.paragraphs("performance")).contains(EN.get("empty.nothing"));
        assertThat(EN.get("empty.nothing")).contains("mvn verify").contains("mvn locust:baseline");
        assertThat(page.hasSection("verdict")).isFalse();
        assertThat(page.images("performance")).isEmpty();
    }

    @Test
    void onlyABaselineSaysToMeasureARunAgainstIt() throws Exception {
        SampleHistory.write(project, 0);

        Html page = Html.parse(Pages.render(project, Locale.ENGLISH));

        assertThat(page.paragraphs("verdict"))
                .containsExactly(EN.get("empty.onlyBaseline", "docs/performance-baselines.json"));
        assertThat(page.table("baseline")).contains(List.of("Version", "2026-10-19"));
        assertThat(page.paragraphs("charts-api_gateway"))
                .containsExactly(EN.get("empty.noHistory", "docs/performance-trends.jsonl"));
        assertThat(page.paragraphs("recent-api_gateway"))
                .containsExactly(EN.get("empty.noHistory", "docs/performance-trends.jsonl"));
        assertThat(page.images("performance")).isEmpty();
    }

    @Test
    void noBaselineSaysHowToCreateOneAndStillShowsTheHistory() throws Exception {
        SampleHistory.write(project);
        Files.delete(project.resolve(SampleHistory.BASELINE));

        Html page = Html.parse(Pages.render(project, Locale.ENGLISH));

        assertThat(page.paragraphs("baseline"))
                .containsExactly(EN.get("empty.noBaseline", "docs/performance-baselines.json"));
        assertThat(EN.get("empty.noBaseline", "x")).contains("mvn locust:baseline");
        assertThat(page.images("charts-api_gateway")).hasSize(3);
        assertThat(page.table("changes-api_gateway")).hasSizeGreaterThan(1);
    }

    @Test
    void aSingleRunSaysThatTrendsNeedMoreRuns() throws Exception {
        SampleHistory.write(project, 1);

        Html page = Html.parse(Pages.render(project, Locale.ENGLISH));

        String single = EN.get("empty.singleRun", "docs/performance-trends.jsonl", 1);
        assertThat(single).contains("1 run so far").contains("mvn verify");
        assertThat(page.paragraphs("charts-api_gateway")).containsExactly(single);
        assertThat(page.images("performance")).isEmpty();
        List<List<String>> runs = page.table("recent-api_gateway");
        assertThat(runs).hasSize(2);
        assertThat(runs.get(1).get(3)).isEqualTo("-");
        assertThat(page.paragraphs("trend-api_gateway")).containsExactly(EN.get("empty.noTrend", 3, 1));
        assertThat(page.paragraphs("changes-api_gateway")).containsExactly(EN.get("empty.fewForChangePoints", 6));
        assertThat(page.table("checks-api_gateway")).hasSize(4);
    }

    @Test
    void withoutAVerdictFileTheHistorysVerdictIsShownAndTheChecksAreExplained() throws Exception {
        Verdict verdict = SampleHistory.write(project);
        Files.delete(project.resolve(SampleHistory.VERDICT));

        Html page = Html.parse(Pages.render(project, Locale.ENGLISH));

        assertThat(page.paragraphs("verdict"))
                .startsWith("Verdict: " + verdict.level(), EN.get("empty.noVerdict", "perf/verdict.json"));
        assertThat(page.table("verdict", 0)).contains(List.of("Run", SampleHistory.runId(SampleHistory.RUNS - 1)));
        assertThat(page.paragraphs("checks-api_gateway"))
                .containsExactly(EN.get("empty.noChecks", "perf/verdict.json"));
        assertThat(page.table("recent-api_gateway")).hasSize(21);
    }

    @Test
    void unreadableInputsBecomeNotesOnThePage() throws Exception {
        SampleHistory.write(project);
        Files.writeString(project.resolve(SampleHistory.BASELINE), "{\"api_gateway\": ");
        Files.writeString(project.resolve(SampleHistory.HISTORY), "{not json\n", StandardOpenOption.APPEND);

        Html page = Html.parse(Pages.render(project, Locale.ENGLISH));

        assertThat(page.paragraphs("performance")).contains(EN.get("report.notes"));
        String text = String.join("\n", page.paragraphs("baseline"));
        assertThat(text).isEqualTo(EN.get("empty.noBaseline", "docs/performance-baselines.json"));
        assertThat(Pages.render(project, Locale.ENGLISH))
                .contains("docs/performance-trends.jsonl line 37: not valid JSON")
                .contains("performance-baselines.json:1:");
    }

    @Test
    void theGermanPageComesFromTheGermanBundle() throws Exception {
        SampleHistory.write(project);

        Html page = Html.parse(Pages.render(project, Locale.GERMAN));
        String html = Pages.render(project, Locale.GERMAN);

        assertThat(html).contains("<h2>Letztes Urteil</h2>").contains("<h2>Dienst api_gateway</h2>");
        assertThat(page.table("checks-api_gateway").get(0))
                .containsExactly("Kennzahl", "Baseline", "Aktuell", "Änderung", "Regel", "Status");
        assertThat(page.table("baseline")).contains(List.of("Alter", "40 Tage"));
    }
}
