package dev.locustmaven.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.locustmaven.model.EndpointStats;
import dev.locustmaven.model.Measurement;
import dev.locustmaven.model.Measurements;
import dev.locustmaven.model.MetricKey;
import dev.locustmaven.model.ServiceResult;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class DefaultMetricsTest {

    @Test
    void serviceMetricsComeFromTheAggregatedRow() {
        Measurements m = Measurements.of(DefaultMetrics.measure(LocustStatsFixture.service("rag_service", true)));

        assertThat(value(m, "rag_service", null, "request_count")).isEqualTo(1657);
        assertThat(value(m, "rag_service", null, "failure_count")).isEqualTo(7);
        assertThat(value(m, "rag_service", null, "error_rate_pct")).isCloseTo(100.0 * 7 / 1657, within(1e-12));
        assertThat(value(m, "rag_service", null, "rps")).isCloseTo(1657 / 120.0, within(1e-12));
        assertThat(value(m, "rag_service", null, "avg_latency_ms")).isCloseTo(514.286, within(1e-3));
        assertThat(value(m, "rag_service", null, "min_latency_ms")).isCloseTo(0.8946, within(1e-4));
        assertThat(value(m, "rag_service", null, "max_latency_ms")).isCloseTo(3570.655, within(1e-3));
        // Locust's own values for the Aggregated entry.
        assertThat(value(m, "rag_service", null, "p50_latency_ms")).isEqualTo(9);
        assertThat(value(m, "rag_service", null, "p90_latency_ms")).isEqualTo(1400);
        assertThat(value(m, "rag_service", null, "p95_latency_ms")).isEqualTo(1800);
        assertThat(value(m, "rag_service", null, "p99_latency_ms")).isEqualTo(2400);
        assertThat(value(m, "rag_service", null, "p999_latency_ms")).isEqualTo(3300);
        assertThat(m.get(MetricKey.of("rag_service", "p95_latency_ms"))
                        .orElseThrow()
                        .sampleSize())
                .isEqualTo(1657);
    }

    @Test
    void everyEndpointGetsTheWholeSet() {
        Measurements m = Measurements.of(DefaultMetrics.measure(LocustStatsFixture.service("rag_service", true)));

        for (String endpoint : List.of("query", "index", "/health")) {
            for (String metric : DefaultMetrics.NAMES) {
                assertThat(m.get(new MetricKey("rag_service", endpoint, metric)))
                        .as("%s %s", endpoint, metric)
                        .isPresent();
            }
        }
        assertThat(value(m, "rag_service", "query", "p95_latency_ms")).isEqualTo(1600);
        assertThat(value(m, "rag_service", "query", "request_count")).isEqualTo(606);
        assertThat(value(m, "rag_service", "query", "error_rate_pct")).isCloseTo(100.0 * 6 / 606, within(1e-12));
        assertThat(m.all()).hasSize(4 * DefaultMetrics.NAMES.size());
    }

    @Test
    void aNameWithSeveralMethodsIsKeyedByMethodAndName() {
        ServiceResult mcp = LocustStatsFixture.service("mcp_server", true);

        assertThat(DefaultMetrics.endpointKeys(mcp).values())
                .containsExactlyInAnyOrder("GET /items", "POST /items", "run_tool");
        Measurements m = Measurements.of(DefaultMetrics.measure(mcp));
        assertThat(value(m, "mcp_server", "GET /items", "request_count")).isEqualTo(300);
        assertThat(value(m, "mcp_server", "POST /items", "request_count")).isEqualTo(83);
        assertThat(value(m, "mcp_server", "POST /items", "p99_latency_ms")).isEqualTo(260);
        assertThat(m.get(new MetricKey("mcp_server", "/items", "request_count")))
                .isEmpty();
    }

    @Test
    void withoutHistogramsThePercentilesComeFromLocustsColumns() {
        Measurements fromCsv = Measurements.of(DefaultMetrics.measure(LocustStatsFixture.service("mcp_server", false)));
        Measurements fromHistograms =
                Measurements.of(DefaultMetrics.measure(LocustStatsFixture.service("mcp_server", true)));

        assertThat(fromCsv.byKey().keySet()).isEqualTo(fromHistograms.byKey().keySet());
        fromCsv.all()
                .forEach(m -> assertThat(m.value())
                        .as(m.key().toString())
                        .isEqualTo(fromHistograms.get(m.key()).orElseThrow().value()));
        // the sampling error of a CSV-only latency is told from a stand-in rebuilt from the columns, and says so
        assertThat(fromCsv.get(new MetricKey("mcp_server", "GET /items", "p95_latency_ms"))
                        .orElseThrow()
                        .sample()
                        .approximate())
                .isTrue();
        assertThat(fromHistograms
                        .get(new MetricKey("mcp_server", "GET /items", "p95_latency_ms"))
                        .orElseThrow()
                        .sample()
                        .approximate())
                .isFalse();
    }

    @Test
    void valuesLocustDidNotReportAreLeftOut() {
        EndpointStats none = new EndpointStats(
                "GET", "/never", 0, 0, null, null, null, null, null, 0.0, 0.0, new TreeMap<>(Map.of(0.5, 0.0)), null);
        EndpointStats naRow =
                new EndpointStats("GET", "/na", 0, 0, null, null, null, null, null, null, null, null, null);
        ServiceResult service = new ServiceResult(
                "empty", List.of(none, naRow), aggregatedOf(0), List.of(), List.of(), null, List.of());

        Measurements m = Measurements.of(DefaultMetrics.measure(service));

        assertThat(m.get(new MetricKey("empty", "/na", "request_count"))).isPresent();
        assertThat(value(m, "empty", "/na", "error_rate_pct")).isZero();
        assertThat(m.get(new MetricKey("empty", "/na", "rps"))).isEmpty();
        assertThat(m.get(new MetricKey("empty", "/na", "avg_latency_ms"))).isEmpty();
        assertThat(m.get(new MetricKey("empty", "/na", "p95_latency_ms"))).isEmpty();
        assertThat(value(m, "empty", "/never", "p50_latency_ms")).isZero();
        assertThat(m.get(new MetricKey("empty", "/never", "p90_latency_ms"))).isEmpty();
    }

    @Test
    void failuresWithoutAnyLoggedRequestHaveNoErrorRate() {
        EndpointStats failuresOnly =
                new EndpointStats("GET", "/broken", 0, 3, null, null, null, null, null, 0.0, 0.1, null, null);
        ServiceResult service =
                new ServiceResult("svc", List.of(failuresOnly), aggregatedOf(0), List.of(), List.of(), null, List.of());

        Measurements m = Measurements.of(DefaultMetrics.measure(service));

        assertThat(value(m, "svc", "/broken", "failure_count")).isEqualTo(3);
        assertThat(m.get(new MetricKey("svc", "/broken", "error_rate_pct"))).isEmpty();
    }

    private static EndpointStats aggregatedOf(long requests) {
        return new EndpointStats(
                "", EndpointStats.AGGREGATED, requests, 0, null, null, null, null, null, null, null, null, null);
    }

    private static double value(Measurements m, String service, String endpoint, String metric) {
        Measurement measurement = m.get(new MetricKey(service, endpoint, metric))
                .orElseThrow(() -> new AssertionError("no " + service + "/" + endpoint + "/" + metric));
        return measurement.value().asDouble();
    }
}
