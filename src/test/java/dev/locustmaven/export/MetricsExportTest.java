package dev.locustmaven.export;

import static dev.locustmaven.export.ExportFixtures.GROUPING;
import static dev.locustmaven.export.ExportFixtures.JOB;
import static dev.locustmaven.export.ExportFixtures.RUN_TIME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.locustmaven.model.Measurement;
import dev.locustmaven.model.Measurements;
import dev.locustmaven.model.MetricKey;
import dev.locustmaven.model.MetricValue;
import dev.locustmaven.model.Status;
import dev.locustmaven.model.Verdict;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MetricsExportTest {

    private final MetricsExport export = MetricsExport.of(
            ExportFixtures.measurements(), ExportFixtures.verdict(Status.FAIL), RUN_TIME, JOB, GROUPING);

    @Test
    void namesEachMeasuredMetricWithThePrefix() {
        assertThat(export.metricNames())
                .containsExactlyInAnyOrder(
                        "locust_request_count",
                        "locust_error_rate_pct",
                        "locust_rps",
                        "locust_avg_latency_ms",
                        "locust_p95_latency_ms",
                        "locust_p99_latency_ms",
                        "locust_query_p95_ms",
                        "locust_sandbox_violations",
                        "locust_concurrent_limit_respected",
                        "locust_verdict",
                        "locust_check_status",
                        "locust_run_timestamp_seconds");
        assertThat(export.warnings()).isEmpty();
    }

    @Test
    void labelsServiceAndEndpointWithAnEmptyEndpointForTheWholeService() {
        assertThat(value("locust_p95_latency_ms", "service", "api_gateway", "endpoint", ""))
                .contains(16.0);
        assertThat(value("locust_p95_latency_ms", "service", "api_gateway", "endpoint", "GET /health"))
                .contains(6.0);
        assertThat(value("locust_rps", "service", "rag_service", "endpoint", ""))
                .contains(34.03582086363362);
        assertThat(value("locust_concurrent_limit_respected", "service", "mcp_server", "endpoint", ""))
                .contains(1.0);
        assertThat(points("locust_p95_latency_ms")).hasSize(6);
    }

    @Test
    void verdictIsOneForItsLevelAndZeroForTheOthers() {
        assertThat(value("locust_verdict", "level", "FAIL")).contains(1.0);
        assertThat(value("locust_verdict", "level", "WARN")).contains(0.0);
        assertThat(value("locust_verdict", "level", "PASS")).contains(0.0);

        MetricsExport passed = MetricsExport.of(
                ExportFixtures.measurements(), ExportFixtures.verdict(Status.PASS), RUN_TIME, JOB, GROUPING);
        assertThat(value(passed.snapshots(), "locust_verdict", "level", "PASS")).contains(1.0);
        assertThat(value(passed.snapshots(), "locust_verdict", "level", "FAIL")).contains(0.0);
    }

    @Test
    void checkStatusIsOneForTheWorstStatusOfTheMetricsRules() {
        // p99 of api_gateway has a PASS and a FAIL rule: FAIL is exported.
        assertThat(checkStatus("api_gateway", "", "p99_latency_ms", "FAIL")).contains(1.0);
        assertThat(checkStatus("api_gateway", "", "p99_latency_ms", "PASS")).contains(0.0);
        assertThat(checkStatus("api_gateway", "", "p95_latency_ms", "WARN")).contains(1.0);
        assertThat(checkStatus("api_gateway", "GET /health", "p95_latency_ms", "PASS"))
                .contains(1.0);
        assertThat(checkStatus("mcp_server", "", "tool_p99_ms", "MISSING")).contains(1.0);
        // Five checked series, one point per possible status each.
        assertThat(points("locust_check_status")).hasSize(5 * Status.values().length);
    }

    @Test
    void runTimestampIsInSeconds() {
        assertThat(value("locust_run_timestamp_seconds")).contains(1_795_867_200.0);
    }

    @Test
    void onlyTheFileVariantCarriesJobAndGroupingLabels() {
        assertThat(points("locust_rps").get(0).getLabels().contains("job")).isFalse();
        GaugeDataPointSnapshot point = gauge(export.snapshotsWithGroupLabels(), "locust_rps")
                .getDataPoints()
                .get(0);
        assertThat(point.getLabels().get("job")).isEqualTo("locust");
        assertThat(point.getLabels().get("instance")).isEqualTo("quickstart");
    }

    @Test
    void sanitisesNamesAndAvoidsReservedOnes() {
        assertThat(MetricsExport.metricName("p95_latency_ms")).isEqualTo("locust_p95_latency_ms");
        assertThat(MetricsExport.metricName("query p95 (ms)")).isEqualTo("locust_query_p95__ms_");
        assertThat(MetricsExport.metricName("checkout.latency-p99")).isEqualTo("locust_checkout_latency_p99");
        assertThat(MetricsExport.metricName("requests_total")).isEqualTo("locust_requests_total_value");
        assertThat(MetricsExport.metricName("build_info")).isEqualTo("locust_build_info_value");
        assertThat(MetricsExport.metricName("verdict")).isEqualTo("locust_verdict_value");
        assertThat(MetricsExport.metricName("run_timestamp_seconds")).isEqualTo("locust_run_timestamp_seconds_value");
        assertThat(MetricsExport.metricName("9ers")).matches("[a-zA-Z_:][a-zA-Z0-9_:]*");
    }

    @Test
    void twoMetricsWithTheSameExportedNameKeepTheFirstAndWarn() {
        Measurements clash = Measurements.of(List.of(
                new Measurement(MetricKey.of("svc", "p95-ms"), MetricValue.of(1), 10),
                new Measurement(MetricKey.of("svc", "p95_ms"), MetricValue.of(2), 10)));
        MetricsExport exported = MetricsExport.of(clash, ExportFixtures.verdict(Status.PASS), RUN_TIME, JOB, Map.of());

        assertThat(value(exported.snapshots(), "locust_p95_ms", "service", "svc", "endpoint", ""))
                .contains(1.0);
        assertThat(exported.warnings()).singleElement().asString().contains("svc/p95_ms", "locust_p95_ms");
    }

    @Test
    void rejectsABlankJobAndGroupingLabelsThatAreNotFreeLabelNames() {
        Measurements measurements = ExportFixtures.measurements();
        Verdict verdict = ExportFixtures.verdict(Status.PASS);
        assertThatThrownBy(() -> MetricsExport.of(measurements, verdict, RUN_TIME, " ", Map.of()))
                .isInstanceOf(ExportException.class)
                .hasMessageContaining("locust.pushgatewayJob");
        assertThatThrownBy(() -> MetricsExport.of(measurements, verdict, RUN_TIME, JOB, Map.of("my-label", "x")))
                .isInstanceOf(ExportException.class)
                .hasMessageContaining("'my-label' is not a Prometheus label name");
        assertThatThrownBy(() -> MetricsExport.of(measurements, verdict, RUN_TIME, JOB, Map.of("service", "x")))
                .isInstanceOf(ExportException.class)
                .hasMessageContaining("'service' is taken");
        assertThatThrownBy(() -> MetricsExport.of(measurements, verdict, RUN_TIME, JOB, Map.of("instance", "")))
                .isInstanceOf(ExportException.class)
                .hasMessageContaining("'instance' has no value");
    }

    private Optional<Double> checkStatus(String service, String endpoint, String metric, String status) {
        return value(
                "locust_check_status", "service", service, "endpoint", endpoint, "metric", metric, "status", status);
    }

    private List<GaugeDataPointSnapshot> points(String name) {
        return gauge(export.snapshots(), name).getDataPoints();
    }

    private Optional<Double> value(String name, String... labels) {
        return value(export.snapshots(), name, labels);
    }

    private static Optional<Double> value(MetricSnapshots snapshots, String name, String... labels) {
        return gauge(snapshots, name).getDataPoints().stream()
                .filter(p -> {
                    for (int i = 0; i < labels.length; i += 2) {
                        if (!labels[i + 1].equals(p.getLabels().get(labels[i]))) {
                            return false;
                        }
                    }
                    return true;
                })
                .map(GaugeDataPointSnapshot::getValue)
                .reduce((a, b) -> {
                    throw new AssertionError("several points of " + name + " match");
                });
    }

    private static GaugeSnapshot gauge(MetricSnapshots snapshots, String name) {
        for (MetricSnapshot snapshot : snapshots) {
            if (snapshot.getMetadata().getName().equals(name)) {
                return (GaugeSnapshot) snapshot;
            }
        }
        throw new AssertionError("no gauge " + name);
    }
}
