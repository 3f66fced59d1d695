package dev.locustmaven.export;

import static dev.locustmaven.export.ExportFixtures.RUN_TIME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.locustmaven.export.Exposition.Sample;
import dev.locustmaven.model.Measurements;
import dev.locustmaven.model.Status;
import dev.locustmaven.model.Verdict;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pushes to a real Pushgateway (Debian's {@code prometheus-pushgateway}, which {@code .ci/run} installs), started on
 * 127.0.0.1 for this class, and reads the series back from its {@code /metrics}.
 */
class PushgatewayExporterTest {

    private static final Path BINARY = Path.of("/usr/bin/prometheus-pushgateway");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static Process pushgateway;
    private static Path log;
    private static String baseUrl;

    @BeforeAll
    static void startPushgateway() throws Exception {
        if (!Files.isExecutable(BINARY)) {
            // .ci/run installs it and fails the run on this message
            String reason = "Missing system tool: " + BINARY + " (apt-get install prometheus-pushgateway)";
            System.out.println("[SKIPPED] " + PushgatewayExporterTest.class.getSimpleName() + ": " + reason);
            Assumptions.abort(reason);
        }
        int port = freePort();
        baseUrl = "http://127.0.0.1:" + port;
        log = Files.createTempFile("pushgateway", ".log");
        // An empty persistence file keeps Debian's default state file out of the test.
        pushgateway = new ProcessBuilder(
                        BINARY.toString(), "--web.listen-address=127.0.0.1:" + port, "--persistence.file=")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        awaitReady();
    }

    @AfterAll
    static void stopPushgateway() throws Exception {
        if (pushgateway != null) {
            pushgateway.destroy();
            if (!pushgateway.waitFor(10, TimeUnit.SECONDS)) {
                pushgateway.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        if (log != null) {
            Files.deleteIfExists(log);
        }
    }

    @Test
    void pushedSeriesCanBeReadBackWithTheirNamesLabelsAndValues() throws Exception {
        MetricsExport export = export("readback", "quickstart", ExportFixtures.measurements(), Status.FAIL);

        assertThat(PushgatewayExporter.forUrl(baseUrl).push(export)).isEmpty();

        Exposition metrics = scrape();
        Map<String, String> group = Map.of("job", "readback", "instance", "quickstart");
        assertThat(value(metrics, "locust_p95_latency_ms", group, "service", "api_gateway", "endpoint", ""))
                .isEqualTo(16.0);
        assertThat(value(metrics, "locust_p95_latency_ms", group, "service", "api_gateway", "endpoint", "GET /health"))
                .isEqualTo(6.0);
        assertThat(value(metrics, "locust_rps", group, "service", "rag_service", "endpoint", ""))
                .isEqualTo(34.03582086363362);
        assertThat(value(metrics, "locust_error_rate_pct", group, "service", "mcp_server", "endpoint", ""))
                .isEqualTo(0.0);
        assertThat(value(metrics, "locust_concurrent_limit_respected", group, "service", "mcp_server", "endpoint", ""))
                .isEqualTo(1.0);
        assertThat(value(metrics, "locust_verdict", group, "level", "FAIL")).isEqualTo(1.0);
        assertThat(value(metrics, "locust_verdict", group, "level", "PASS")).isEqualTo(0.0);
        assertThat(value(
                        metrics,
                        "locust_check_status",
                        group,
                        "service",
                        "api_gateway",
                        "endpoint",
                        "",
                        "metric",
                        "p99_latency_ms",
                        "status",
                        "FAIL"))
                .isEqualTo(1.0);
        assertThat(value(metrics, "locust_run_timestamp_seconds", group)).isEqualTo(1_795_867_200.0);
        assertThat(metrics.types).containsEntry("locust_p95_latency_ms", "gauge");
        assertThat(metrics.helps.get("locust_verdict")).contains("PASS, WARN or FAIL");

        // Every locust_ series the Pushgateway serves for this group is one the export made, with the same labels.
        List<Sample> pushed = metrics.samples.stream()
                .filter(s -> s.name().startsWith("locust_"))
                .filter(s -> "readback".equals(s.labels().get("job")))
                .toList();
        assertThat(pushed)
                .hasSize(export.snapshots().stream()
                        .mapToInt(s -> s.getDataPoints().size())
                        .sum());
        assertThat(pushed.stream().map(Sample::name).distinct())
                .containsExactlyInAnyOrderElementsOf(export.metricNames());
    }

    @Test
    void aSecondPushReplacesTheGroupSoSeriesTheRunNoLongerHasVanish() throws Exception {
        PushgatewayExporter exporter = PushgatewayExporter.forUrl(baseUrl + "/");
        Measurements withoutRag = Measurements.of(ExportFixtures.measurements().all().stream()
                .filter(m -> !m.key().service().equals("rag_service"))
                .toList());
        assertThat(exporter.push(export("replace", "a", ExportFixtures.measurements(), Status.FAIL)))
                .isEmpty();
        assertThat(exporter.push(export("replace", "b", ExportFixtures.measurements(), Status.WARN)))
                .isEmpty();

        assertThat(exporter.push(export("replace", "a", withoutRag, Status.PASS)))
                .isEmpty();

        Exposition metrics = scrape();
        Map<String, String> a = Map.of("job", "replace", "instance", "a");
        assertThat(metrics.find("locust_rps", with(a, "service", "rag_service")))
                .isEmpty();
        assertThat(value(metrics, "locust_rps", a, "service", "api_gateway", "endpoint", ""))
                .isEqualTo(45.38530408786299);
        assertThat(value(metrics, "locust_verdict", a, "level", "PASS")).isEqualTo(1.0);
        assertThat(value(metrics, "locust_verdict", a, "level", "FAIL")).isEqualTo(0.0);
        // Another group of the same job is left alone.
        Map<String, String> b = Map.of("job", "replace", "instance", "b");
        assertThat(value(metrics, "locust_rps", b, "service", "rag_service", "endpoint", ""))
                .isEqualTo(34.03582086363362);
        assertThat(value(metrics, "locust_verdict", b, "level", "WARN")).isEqualTo(1.0);
    }

    @Test
    void aRefusedConnectionIsAWarningThatNamesTheGatewayAndLeavesTheVerdictAlone() throws Exception {
        String unused = "http://127.0.0.1:" + freePort();
        Verdict verdict = ExportFixtures.verdict(Status.WARN);
        MetricsExport export = MetricsExport.of(
                ExportFixtures.measurements(), verdict, RUN_TIME, "refused", Map.of("instance", "quickstart"));

        Optional<String> warning = PushgatewayExporter.forUrl(unused)
                .withTimeout(Duration.ofSeconds(2))
                .push(export);

        assertThat(warning)
                .get()
                .asString()
                .contains(unused, "job \"refused\"", "instance \"quickstart\"", "Connection refused")
                .endsWith("The verdict is not affected.");
        assertThat(verdict.level()).isEqualTo(Status.WARN);
    }

    @Test
    void anHttpErrorIsAWarningWithTheGatewaysAnswer() {
        MetricsExport export = export("wrongpath", "quickstart", ExportFixtures.measurements(), Status.PASS);

        Optional<String> warning =
                PushgatewayExporter.forUrl(baseUrl + "/not-the-api").push(export);

        assertThat(warning).get().asString().contains(baseUrl + "/not-the-api", "404");
    }

    @Test
    void credentialsInTheUrlAreSentButNeverShown() {
        PushgatewayExporter exporter = PushgatewayExporter.forUrl("http://ci:s3cret@127.0.0.1:" + freePortUnchecked());
        assertThat(exporter.url()).doesNotContain("s3cret").doesNotContain("ci:");
        Optional<String> warning = exporter.withTimeout(Duration.ofSeconds(2))
                .push(export("secret", "x", ExportFixtures.measurements(), Status.PASS));
        assertThat(warning).get().asString().doesNotContain("s3cret");
    }

    @Test
    void aUrlThatIsNotHttpIsAConfigurationError() {
        assertThatThrownBy(() -> PushgatewayExporter.forUrl("localhost:9091"))
                .isInstanceOf(ExportException.class)
                .hasMessageContaining("'localhost:9091' needs http:// or https://");
        assertThatThrownBy(() -> PushgatewayExporter.forUrl(""))
                .isInstanceOf(ExportException.class)
                .hasMessageContaining("locust.pushgatewayUrl");
        assertThatThrownBy(() -> PushgatewayExporter.forUrl("http://host:9091/?x=1"))
                .isInstanceOf(ExportException.class)
                .hasMessageContaining("query");
        assertThatThrownBy(() -> PushgatewayExporter.forUrl("ftp://user:pw@host"))
                .isInstanceOf(ExportException.class)
                .hasMessageNotContaining("pw");
        assertThatThrownBy(() -> PushgatewayExporter.forUrl("http://user:pw@host:90 91"))
                .isInstanceOf(ExportException.class)
                .hasMessageContaining("'http://host:90 91' is not a URL")
                .hasMessageNotContaining("pw");
        assertThat(PushgatewayExporter.forUrl("HTTPS://gw.example:443/push/").url())
                .isEqualTo("https://gw.example:443/push");
    }

    private static MetricsExport export(String job, String instance, Measurements measurements, Status level) {
        return MetricsExport.of(
                measurements, ExportFixtures.verdict(level), Instant.from(RUN_TIME), job, Map.of("instance", instance));
    }

    /**
     * The sample of {@code name} in {@code group} with exactly the given labels besides the group; an empty label
     * value stands for an absent label, as in Prometheus.
     */
    private static double value(Exposition metrics, String name, Map<String, String> group, String... labels) {
        Map<String, String> wanted = with(group, labels);
        List<Sample> found = metrics.named(name).stream()
                .filter(s -> withoutEmpty(s.labels()).equals(withoutEmpty(wanted)))
                .toList();
        assertThat(found).as("%s%s in %s", name, wanted, metrics.named(name)).hasSize(1);
        return found.get(0).value();
    }

    private static Map<String, String> with(Map<String, String> base, String... labels) {
        Map<String, String> map = new HashMap<>(base);
        for (int i = 0; i < labels.length; i += 2) {
            map.put(labels[i], labels[i + 1]);
        }
        return map;
    }

    private static Map<String, String> withoutEmpty(Map<String, String> labels) {
        Map<String, String> map = new HashMap<>(labels);
        map.values().removeIf(String::isEmpty);
        return map;
    }

    private static Exposition scrape() throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return Exposition.parse(response.body());
    }

    private static void awaitReady() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!pushgateway.isAlive()) {
                throw new IllegalStateException("The Pushgateway exited: " + Files.readString(log));
            }
            try {
                HttpResponse<Void> response = HTTP.send(
                        HttpRequest.newBuilder(URI.create(baseUrl + "/-/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("The Pushgateway did not become ready in 20 s: " + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static int freePortUnchecked() {
        try {
            return freePort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
