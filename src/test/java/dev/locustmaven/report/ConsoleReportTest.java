package dev.locustmaven.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.locustmaven.model.Check;
import dev.locustmaven.model.MetricKey;
import dev.locustmaven.model.MetricValue;
import dev.locustmaven.model.Status;
import dev.locustmaven.model.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleReportTest {

    @Test
    void warningsThenFailuresThenOneTablePerServiceThenTheVerdict() {
        List<String> lines = ConsoleReport.lines(SampleVerdict.build());

        assertThat(lines)
                .containsExactly(
                        "WARN " + SampleVerdict.STALE,
                        "WARN api_gateway p95_latency_ms: 812 ms is 24.9% above the baseline 650 ms; warning at +20%",
                        "NO_BASELINE rag_service index_p95_ms: the baseline has no index_p95_ms\u0001",
                        "FAIL api_gateway GET /items p95_latency_ms: 30 ms is 150.0% above the baseline 12 ms; fail"
                                + " at +50%",
                        "FAIL api_gateway error_rate_pct: 1.5% is 1.5 above the baseline 0%; fail at +1",
                        "MISSING rag_service query_p95_ms: the run has no metric query_p95_ms for <rag_service>"
                                + " \"query\"",
                        "",
                        "api_gateway",
                        "  metric                       baseline  current   change  rule                              "
                                + "     status",
                        "  p95_latency_ms                 650 ms   812 ms   +24.9%  p95_latency_ms warning +20% fail "
                                + "+50%  WARN",
                        "  GET /items · p95_latency_ms     12 ms    30 ms  +150.0%  p95_latency_ms warning +20% fail "
                                + "+50%  FAIL",
                        "  error_rate_pct                     0%     1.5%  +1.5 pp  error_rate_pct warning +0.5 fail +1"
                                + "    FAIL",
                        "  rps                               2.5      2.4    -4.0%  rps warning -20% fail -40%         "
                                + "    PASS",
                        "",
                        "mcp_server",
                        "  metric                      baseline  current  change  rule                              "
                                + "       status",
                        "  sandbox_violations                 -        0       -  sandbox_violations warning > 0 fail"
                                + " > 1  PASS",
                        "  concurrent_limit_respected      true     true       -  concurrent_limit_respected fail =="
                                + " true  PASS",
                        "",
                        "rag_service",
                        "  metric        baseline  current  change  rule                                 status",
                        "  query_p95_ms   1200 ms        -       -  query_p95_ms warning +25% fail +50%  MISSING",
                        "  index_p95_ms         -  2400 ms       -  index_p95_ms warning +30% fail +60%  NO_BASELINE",
                        "",
                        "Locust verdict: FAIL (2 failed, 2 warnings, 3 passed, 1 missing, 1 without baseline)");
    }

    @Test
    void aPassingRunIsItsTableAndOneVerdictLine() {
        Verdict verdict = new Verdict(
                Status.PASS,
                List.of(new Check(
                        MetricKey.of("api_gateway", "avg_latency_ms"),
                        MetricValue.of(450),
                        MetricValue.of(449.5),
                        -0.5,
                        -0.111,
                        "avg_latency_ms fail +50%",
                        Status.PASS,
                        null)),
                List.of());

        assertThat(ConsoleReport.lines(verdict))
                .containsExactly(
                        "api_gateway",
                        "  metric          baseline   current  change  rule                      status",
                        "  avg_latency_ms    450 ms  449.5 ms   -0.1%  avg_latency_ms fail +50%  PASS",
                        "",
                        "Locust verdict: PASS (0 failed, 0 warnings, 1 passed)");
    }

    @Test
    void aWarnVerdictWithOneWarningIsSingular() {
        Verdict verdict =
                new Verdict(Status.WARN, List.of(), List.of("not comparable: 10 users now, 1 in the baseline"));

        assertThat(ConsoleReport.lines(verdict))
                .containsExactly(
                        "WARN not comparable: 10 users now, 1 in the baseline",
                        "",
                        "Locust verdict: WARN (0 failed, 1 warning, 0 passed)");
    }

    @Test
    void eachLineCarriesTheStatusItReportsAndAHeadingNone() {
        Verdict verdict = new Verdict(
                Status.FAIL,
                List.of(new Check(
                        MetricKey.of("FAILOVER", "rps"),
                        MetricValue.of(10),
                        MetricValue.of(2),
                        -8.0,
                        -0.8,
                        "rps fail -40%",
                        Status.FAIL,
                        "2 is 80.0% below the baseline 10; fail at -40%")),
                List.of("WARNING: stale baseline"));

        assertThat(ConsoleReport.statusLines(verdict))
                .extracting(ConsoleReport.Line::status)
                .containsExactly(Status.WARN, Status.FAIL, null, null, null, null, null, null);
        assertThat(ConsoleReport.statusLines(verdict).get(3).text()).isEqualTo("FAILOVER");
        assertThat(ConsoleReport.statusLines(verdict))
                .extracting(ConsoleReport.Line::text)
                .containsExactlyElementsOf(ConsoleReport.lines(verdict));
    }

    /**
     * A missing value its rule allows passes the build and is no warning of the verdict (it counts it as missing), so
     * the goal logs it as information; one its rule does not allow is an error.
     */
    @Test
    void aMissingLineSaysWhetherItFailsTheBuild() {
        Check allowed = new Check(
                MetricKey.of("api", "failures_503_count"),
                null,
                null,
                null,
                null,
                "failures_503_count warning +0",
                Status.MISSING,
                "the run has no value",
                true);
        Check required = new Check(
                MetricKey.of("api", "p95_latency_ms"),
                null,
                null,
                null,
                null,
                "p95_latency_ms fail +50%",
                Status.MISSING,
                "the run has no value",
                false);
        Verdict verdict = new Verdict(Status.FAIL, List.of(allowed, required), List.of());

        assertThat(ConsoleReport.statusLines(verdict).subList(0, 2))
                .extracting(ConsoleReport.Line::status, ConsoleReport.Line::level)
                .containsExactly(
                        tuple(Status.MISSING, ConsoleReport.Level.INFO),
                        tuple(Status.MISSING, ConsoleReport.Level.ERROR));
    }

    @Test
    void aRootEndpointIsNotJoinedToItsMetricByASecondSlash() {
        Check root = new Check(
                new MetricKey("api", "GET /", "p95_latency_ms"),
                MetricValue.of(10),
                MetricValue.of(11),
                1.0,
                0.1,
                "p95_latency_ms warning +20%",
                Status.PASS,
                null);
        Verdict verdict = new Verdict(Status.PASS, List.of(root), List.of());

        assertThat(ConsoleReport.lines(verdict))
                .anySatisfy(line -> assertThat(line).startsWith("  GET / · p95_latency_ms"))
                .noneSatisfy(line -> assertThat(line).contains("//"));
        assertThat(MarkdownReport.render(verdict, ReportContext.none()))
                .contains("| GET / · p95_latency_ms |")
                .doesNotContain("//");
        assertThat(CheckText.keyAndMessage(root)).isEqualTo("api/GET / · p95_latency_ms");
    }

    @Test
    void theWarningLinesAreExactlyTheWarningsTheVerdictCountsAndNoBaselineIsInformation() {
        Verdict verdict = SampleVerdict.build();

        List<ConsoleReport.Line> warnings = ConsoleReport.statusLines(verdict).stream()
                .filter(line -> line.level() == ConsoleReport.Level.WARNING)
                .toList();

        assertThat(ConsoleReport.verdictLine(verdict)).contains("2 warnings");
        assertThat(warnings)
                .hasSize(2)
                .allSatisfy(line -> assertThat(line.text()).startsWith("WARN "));
        assertThat(ConsoleReport.statusLines(verdict))
                .filteredOn(line -> line.status() == Status.NO_BASELINE)
                .singleElement()
                .satisfies(line -> assertThat(line.level()).isEqualTo(ConsoleReport.Level.INFO));
        assertThat(ConsoleReport.statusLines(verdict))
                .filteredOn(line -> line.level() == ConsoleReport.Level.ERROR)
                .extracting(ConsoleReport.Line::status)
                .containsExactly(Status.FAIL, Status.FAIL, Status.MISSING);
    }
}
