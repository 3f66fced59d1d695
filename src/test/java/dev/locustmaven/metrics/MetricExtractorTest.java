package dev.locustmaven.metrics;

import static dev.locustmaven.metrics.MetricDefinitionTest.metric;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.locustmaven.model.LocustRun;
import dev.locustmaven.model.Measurement;
import dev.locustmaven.model.Measurements;
import dev.locustmaven.model.MetricKey;
import dev.locustmaven.model.MetricValue;
import dev.locustmaven.model.ServiceResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricExtractorTest {

    private final MetricExtractor extractor = new MetricExtractor();

    @Test
    void theIssuesExamplesOverRealLookingResults() {
        Measurements m = extractor.extract(
                LocustStatsFixture.run(),
                List.of(
                        metric("query_p95_ms", "rag_service", "query", null, null, "p95"),
                        metric("qdrant_timeout_rate_pct", "rag_service", null, null, "(?i)qdrant.*timeout", "rate_pct"),
                        metric("sandbox_violations", "mcp_server", null, null, "(?i)sandbox violation", "count"),
                        metric("concurrent_limit_respected", "mcp_server", null, null, "429", "none")));

        Measurement queryP95 =
                m.get(MetricKey.of("rag_service", "query_p95_ms")).orElseThrow();
        assertThat(queryP95.value()).isEqualTo(MetricValue.of(1600.0));
        assertThat(queryP95.sampleSize()).isEqualTo(606);
        assertThat(queryP95.bucketed())
                .as("a percentile moves in Locust's buckets")
                .isTrue();
        assertThat(m.get(MetricKey.of("rag_service", "p95_latency_ms"))
                        .orElseThrow()
                        .bucketed())
                .isTrue();
        assertThat(m.get(MetricKey.of("rag_service", "avg_latency_ms"))
                        .orElseThrow()
                        .bucketed())
                .isFalse();
        assertThat(m.get(MetricKey.of("mcp_server", "sandbox_violations"))
                        .orElseThrow()
                        .bucketed())
                .isFalse();
        // "Qdrant timeout after 5000 ms" x4 and "qdrant write TIMEOUT" x1 among all 1657 requests.
        assertThat(value(m, "rag_service", "qdrant_timeout_rate_pct")).isCloseTo(100.0 * 5 / 1657, within(1e-12));
        assertThat(value(m, "mcp_server", "sandbox_violations")).isEqualTo(5);
        assertThat(m.get(MetricKey.of("mcp_server", "concurrent_limit_respected"))
                        .orElseThrow()
                        .value())
                .isEqualTo(MetricValue.of(false));
        // Custom metrics are service-level keys of the named service only, beside the default metrics.
        assertThat(m.get(MetricKey.of("mcp_server", "query_p95_ms"))).isEmpty();
        assertThat(m.get(MetricKey.of("rag_service", "p95_latency_ms"))).isPresent();
        assertThat(m.get(new MetricKey("mcp_server", "run_tool", "request_count")))
                .isPresent();
    }

    @Test
    void failuresWithoutTheirMessagesMakeAFailureMetricUnavailableNotZero() {
        LocustRun withMessages = LocustStatsFixture.run();
        LocustRun withoutMessages = new LocustRun(withMessages.services().stream()
                .map(s -> new ServiceResult(
                        s.service(), s.endpoints(), s.aggregated(), List.of(), s.exceptions(), s.info(), s.sources()))
                .toList());

        Extraction x = extractor.extractWithReasons(
                withoutMessages,
                List.of(metric("concurrent_limit_respected", "mcp_server", null, null, "429", "none")));

        assertThat(x.measurements().get(MetricKey.of("mcp_server", "concurrent_limit_respected")))
                .isEmpty();
        assertThat(x.unavailable().get(MetricKey.of("mcp_server", "concurrent_limit_respected")))
                .contains("failed requests")
                .endsWith("but no failure messages to match; keep Locust's *_failures.csv (--csv) beside its JSON");
    }

    @Test
    void aMetricWithoutServiceIsComputedForEveryService() {
        Measurements m = extractor.extract(
                LocustStatsFixture.run(),
                List.of(
                        metric("no_429", null, null, null, "429", "none"),
                        metric("sandbox_requests", "*", null, "SANDBOX", null, "count")));

        assertThat(m.get(MetricKey.of("rag_service", "no_429")).orElseThrow().value())
                .isEqualTo(MetricValue.of(true));
        assertThat(m.get(MetricKey.of("mcp_server", "no_429")).orElseThrow().value())
                .isEqualTo(MetricValue.of(false));
        // A count of requests of a custom type: 0 where none occurred, not missing.
        assertThat(value(m, "mcp_server", "sandbox_requests")).isEqualTo(10);
        assertThat(value(m, "rag_service", "sandbox_requests")).isZero();
    }

    @Test
    void failurePatternsAreFoundInTheMessagesOfTheSelectedRequestsOnly() {
        Measurements m = extractor.extract(
                LocustStatsFixture.run(),
                List.of(
                        metric("query_timeouts", "rag_service", "query", null, "(?i)timeout", "count"),
                        metric("query_timeout_pct", "rag_service", "query", null, "(?i)timeout", "rate_pct"),
                        metric("post_items_429", "mcp_server", "/items", "POST", "^429", "count")));

        assertThat(value(m, "rag_service", "query_timeouts")).isEqualTo(4);
        assertThat(value(m, "rag_service", "query_timeout_pct")).isCloseTo(100.0 * 4 / 606, within(1e-12));
        assertThat(value(m, "mcp_server", "post_items_429")).isEqualTo(3);
    }

    @Test
    void severalEndpointsCombineWithoutAveragingPercentiles() {
        Measurements m = extractor.extract(
                LocustStatsFixture.run(),
                statistics("query|index", "count", "failures", "error_rate_pct", "rps", "avg", "min", "max", "p95"));

        assertThat(value(m, "rag_service", "s_count")).isEqualTo(757);
        assertThat(value(m, "rag_service", "s_failures")).isEqualTo(7);
        assertThat(value(m, "rag_service", "s_error_rate_pct")).isCloseTo(100.0 * 7 / 757, within(1e-12));
        assertThat(value(m, "rag_service", "s_rps")).isCloseTo(757 / 120.0, within(1e-12));
        assertThat(value(m, "rag_service", "s_avg")).isCloseTo((948.6075 * 606 + 1808.7030 * 151) / 757, within(1e-2));
        assertThat(value(m, "rag_service", "s_min")).isCloseTo(315.25, within(1e-2));
        assertThat(value(m, "rag_service", "s_max")).isCloseTo(3570.655, within(1e-3));
        // Locust's p95 of the two entries merged; averaging their p95 values (1600, 2700) would give 2150.
        assertThat(value(m, "rag_service", "s_p95")).isEqualTo(2100);
    }

    @Test
    void withoutHistogramsAPercentileOverSeveralEndpointsIsUnavailableWithAReason() {
        Extraction extraction = extractor.extractWithReasons(
                LocustStatsFixture.runWithoutHistograms(),
                List.of(
                        metric("query_index_p95_ms", "rag_service", "query|index", null, null, "p95"),
                        metric("query_p95_ms", "rag_service", "query", null, null, "p95"),
                        metric("all_p95_ms", "rag_service", ".*", null, null, "p95"),
                        metric("query_index_avg_ms", "rag_service", "query|index", null, null, "avg")));
        Measurements m = extraction.measurements();

        MetricKey combined = MetricKey.of("rag_service", "query_index_p95_ms");
        assertThat(m.get(combined)).isEmpty();
        assertThat(extraction.unavailable().get(combined))
                .isEqualTo("p95 in service rag_service matching requests 'query|index' spans 2 endpoints and the"
                        + " results have no response-time histograms to merge (only Locust's per-endpoint"
                        + " percentiles, which cannot be combined exactly); select one endpoint, or read Locust's"
                        + " JSON or the plugin's helper output");
        assertThat(value(m, "rag_service", "query_p95_ms")).isEqualTo(1600);
        // Every endpoint selected: Locust's Aggregated row is exact.
        assertThat(value(m, "rag_service", "all_p95_ms")).isEqualTo(1800);
        assertThat(m.get(MetricKey.of("rag_service", "query_index_avg_ms"))).isPresent();
    }

    @Test
    void noRequestsSelectedGivesZeroCountsAndNoLatency() {
        Extraction extraction = extractor.extractWithReasons(
                LocustStatsFixture.run(),
                List.of(
                        metric("nope_count", "rag_service", "nope", null, null, "count"),
                        metric("nope_rps", "rag_service", "nope", null, null, "rps"),
                        metric("nope_p95", "rag_service", "nope", null, null, "p95"),
                        metric("nope_avg", "rag_service", "nope", "GET", null, "avg"),
                        metric("nope_timeouts", "rag_service", "nope", null, "timeout", "rate_pct")));

        assertThat(value(extraction.measurements(), "rag_service", "nope_count"))
                .isZero();
        assertThat(value(extraction.measurements(), "rag_service", "nope_rps")).isZero();
        assertThat(value(extraction.measurements(), "rag_service", "nope_timeouts"))
                .isZero();
        assertThat(extraction.unavailable())
                .containsEntry(
                        MetricKey.of("rag_service", "nope_p95"),
                        "no request in service rag_service matching requests 'nope'")
                .containsEntry(
                        MetricKey.of("rag_service", "nope_avg"),
                        "no timed request in service rag_service matching requests 'nope' and method 'GET'");
    }

    @Test
    void aNamedServiceTheRunLacksIsUnavailable() {
        Extraction extraction = extractor.extractWithReasons(
                LocustStatsFixture.run(), List.of(metric("ghost_p95", "ghost", null, null, null, "p95")));

        assertThat(extraction.unavailable())
                .containsExactly(
                        java.util.Map.entry(MetricKey.of("ghost", "ghost_p95"), "the run has no service 'ghost'"));
    }

    @Test
    void theWholeServiceSelectionUsesTheAggregatedRow() {
        LocustRun run = LocustStatsFixture.run();
        Measurements m = extractor.extract(run, statistics(null, "count", "p99", "avg"));

        assertThat(value(m, "mcp_server", "s_count")).isEqualTo(393);
        assertThat(value(m, "mcp_server", "s_p99")).isEqualTo(210);
        assertThat(value(m, "mcp_server", "s_avg"))
                .isEqualTo(run.service("mcp_server").orElseThrow().aggregated().averageMs());
    }

    /** One metric {@code s_<statistic>} per statistic over the requests matching {@code requests}. */
    private static List<MetricDefinition> statistics(String requests, String... statistics) {
        return java.util.Arrays.stream(statistics)
                .map(s -> metric("s_" + s, null, requests, null, null, s))
                .toList();
    }

    private static double value(Measurements m, String service, String metric) {
        return m.get(MetricKey.of(service, metric))
                .orElseThrow(() -> new AssertionError("no " + service + "/" + metric))
                .value()
                .asDouble();
    }
}
