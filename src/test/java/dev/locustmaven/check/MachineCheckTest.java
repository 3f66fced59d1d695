package dev.locustmaven.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.locustmaven.history.BuildEnvironment;
import dev.locustmaven.history.Fingerprint;
import dev.locustmaven.history.HistoryRecord;
import dev.locustmaven.history.HistoryStore;
import dev.locustmaven.locust.output.ResultsDirectoryReader;
import dev.locustmaven.locust.run.RunStatus;
import dev.locustmaven.locust.run.ScenarioOutcome;
import dev.locustmaven.locust.run.ScenarioRunner;
import dev.locustmaven.machine.Calibration;
import dev.locustmaven.machine.MachineMode;
import dev.locustmaven.machine.MachineOptions;
import dev.locustmaven.machine.MeasuredCalibration;
import dev.locustmaven.model.Check;
import dev.locustmaven.model.LocustRun;
import dev.locustmaven.model.MetricKey;
import dev.locustmaven.model.MetricValue;
import dev.locustmaven.model.ServiceResult;
import dev.locustmaven.model.Status;
import dev.locustmaven.report.ReportContext;
import dev.locustmaven.statistical.StatisticalGateSettings;
import dev.locustmaven.thresholds.GateOptions;
import dev.locustmaven.thresholds.ThresholdRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The calibration through a whole check, on the real results of {@code src/it-fixtures/results}: api_gateway's p95 is
 * twice its baseline on the service and both endpoints; rag_service's "index" endpoint is slower while "query" passes.
 */
class MachineCheckTest {

    private static final Path RESULTS = Path.of("src/it-fixtures/results").toAbsolutePath();
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final MeasuredCalibration SLOW =
            new MeasuredCalibration(new Calibration(1, 20, 0.02), NOW.minusSeconds(90), "run", 230);

    @TempDir
    Path dir;

    private Path history;

    @BeforeEach
    void thirteenFastBuildsOnThisMachineAndThreeSlowOnesElsewhere() {
        history = dir.resolve("history.jsonl");
        HistoryStore store = new HistoryStore(history);
        Fingerprint here = Fingerprint.onThisMachine(4, null, null, null, "2.47.0", "ci");
        Fingerprint elsewhere = new Fingerprint(4, null, null, null, "2.47.0", "Linux", "amd64", 999, "ci");
        for (int i = 0; i < 16; i++) {
            boolean local = i % 3 != 2 || i > 9;
            HistoryRecord record = HistoryRecord.of(
                            NOW.minusSeconds(3600 - i * 60L),
                            "run-" + i,
                            new BuildEnvironment(null, null, null, null),
                            "other segment: the machine's speed does not depend on the baseline",
                            Status.PASS,
                            1,
                            Map.of("api_gateway", local ? here : elsewhere),
                            Map.of(MetricKey.of("api_gateway", "rps"), MetricValue.of(40)),
                            Map.of())
                    .withCalibration(local ? new Calibration(1, 0.5 + i * 0.001, 0.001) : new Calibration(1, 30, 0.03));
            store.append(record);
        }
    }

    private static ThresholdRule p95(String endpoint) {
        return new ThresholdRule(null, "p95_latency_ms", endpoint, "+20%", "+50%", null, null, false, null);
    }

    private CheckResult check(MachineOptions machine) throws IOException {
        return new PerformanceCheck().check(request(RESULTS, """
                {"version": "1", "effective_from": "2026-01-01T00:00:00Z",
                 "api_gateway": {"p95_latency_ms": 8, "endpoints": {"GET /api/items": {"p95_latency_ms": 8},
                                                                    "GET /health": {"p95_latency_ms": 3}}},
                 "mcp_server": {"p95_latency_ms": 28, "endpoints": {"tool": {"p95_latency_ms": 28}}},
                 "rag_service": {"p95_latency_ms": 70, "endpoints": {"index": {"p95_latency_ms": 40},
                                                                     "query": {"p95_latency_ms": 39}}}}
                """, machine));
    }

    /** A check of {@code results} with the rules p95 per service and per endpoint, this history and {@code machine}. */
    private CheckRequest request(Path results, String baselineJson, MachineOptions machine) throws IOException {
        Path baseline = dir.resolve("baseline.json");
        Files.writeString(baseline, baselineJson);
        HistoryOptions options = new HistoryOptions(
                history,
                true,
                "ci",
                0,
                0,
                new BuildEnvironment(null, null, null, null),
                StatisticalGateSettings.DEFAULTS);
        return new CheckRequest(
                results,
                baseline,
                dir.resolve("out"),
                List.of(p95(null), p95("*")),
                List.of(),
                NOW,
                ReportContext.none(),
                options,
                true,
                GateOptions.DEFAULT_CONFIDENCE,
                machine);
    }

    private static Check check(CheckResult result, String service, String endpoint) {
        return result.verdict().checks().stream()
                .filter(c -> c.key().equals(new MetricKey(service, endpoint, "p95_latency_ms")))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void onASlowMachineTheSharedFailureWarnsAndTheSingleEndpointsFails() throws IOException {
        CheckResult result = check(new MachineOptions(MachineMode.RECLASSIFY, SLOW, Double.POSITIVE_INFINITY));

        assertThat(result.verdict().level()).isEqualTo(Status.FAIL);
        assertThat(check(result, "api_gateway", null).status()).isEqualTo(Status.WARN);
        assertThat(check(result, "api_gateway", "GET /health").status()).isEqualTo(Status.WARN);
        assertThat(check(result, "api_gateway", "GET /api/items").message())
                .isEqualTo(
                        "Machine slower than usual, not counted as a regression: api_gateway \"GET /api/items\""
                                + " p95_latency_ms: 16 ms vs baseline 8 ms (+100.0%), above the fail level +50%, beyond sampling"
                                + " error: at least +93.8% at 95% confidence from 290 requests; the baseline records no sample,"
                                + " so it counts as exact. All 3 latency"
                                + " checks of api_gateway (2 endpoints) failed, on a machine slower than usual: CPU loop 20 ms"
                                + " vs 0.503 ms quiet (the 3rd fastest of 13 builds), loopback round trip 0.02 ms vs 0.001 ms.");
        assertThat(check(result, "rag_service", "index").status()).isEqualTo(Status.FAIL);
        assertThat(check(result, "rag_service", "query").status()).isEqualTo(Status.PASS);
        assertThat(result.verdict().warnings())
                .contains("This machine was slower than usual: CPU loop 20 ms vs 0.503 ms quiet (the 3rd fastest"
                        + " of 13 builds), loopback round trip 0.02 ms vs 0.001 ms. The latency failures that every endpoint"
                        + " of api_gateway (3 checks) shares are reported as warnings, not as regressions"
                        + " (locust.machineCalibration=warn keeps them failures).");

        JsonNode verdict =
                new ObjectMapper().readTree(dir.resolve("out/verdict.json").toFile());
        assertThat(verdict.get("calibration").toString())
                .isEqualTo("{\"method\":1,\"cpu_loop_ms\":20,\"loopback_round_trip_ms\":0.02,"
                        + "\"measured_at\":\"2026-03-01T11:58:30Z\",\"measured_by\":\"run\",\"took_ms\":230,"
                        + "\"quiet\":{\"cpu_loop_ms\":0.503,\"loopback_round_trip_ms\":0.001,\"builds\":13},"
                        + "\"speed\":\"slower\"}");
        assertThat(Files.readString(dir.resolve("out/report.md")))
                .contains("- Machine: CPU loop 20 ms, loopback round trip 0.02 ms (quiet: 0.503 ms and 0.001 ms,"
                        + " the 3rd fastest of 13 builds; measured by the run goal)\n")
                .contains("- This machine was slower than usual: ");
        List<String> lines = Files.readAllLines(history);
        assertThat(lines).hasSize(17);
        assertThat(lines.get(16))
                .contains("\"verdict\":\"FAIL\",\"runs\":1,"
                        + "\"calibration\":{\"method\":1,\"cpu_loop_ms\":20,\"loopback_round_trip_ms\":0.02}");
    }

    @Test
    void onAnOverloadedMachineALatencyFailureWarnsUnlessItGoesBeyondItsServicesOtherEndpoints() throws IOException {
        CheckResult result = check(new MachineOptions(MachineMode.RECLASSIFY, SLOW));

        assertThat(check(result, "api_gateway", "GET /health").message())
                .startsWith(
                        "Machine overloaded, not counted as a regression: api_gateway \"GET /health\" p95_latency_ms: ")
                .endsWith(" The machine was 39.8 times as slow as when quiet: CPU loop 20 ms vs 0.503 ms quiet (the"
                        + " 3rd fastest of 13 builds), loopback round trip 0.02 ms vs 0.001 ms.");
        assertThat(result.verdict().level()).isEqualTo(Status.FAIL);
        assertThat(check(result, "rag_service", "index").message())
                .startsWith("rag_service \"index\" p95_latency_ms: ")
                .endsWith(" at least +78.7% at 95% confidence from 75 requests; the baseline records no sample, so it"
                        + " counts as exact. The other endpoints of rag_service rose x1.03 (their median) on this machine,"
                        + " overloaded; beyond that this one still rose at least +74.3%, past the fail level +50%, so it"
                        + " stays a failure.");
        JsonNode verdict =
                new ObjectMapper().readTree(dir.resolve("out/verdict.json").toFile());
        assertThat(verdict.at("/calibration/speed").asText()).isEqualTo("overloaded");
    }

    @Test
    void warnModeKeepsTheFailures() throws IOException {
        CheckResult result = check(new MachineOptions(MachineMode.WARN, SLOW, Double.POSITIVE_INFINITY));

        assertThat(check(result, "api_gateway", "GET /health").status()).isEqualTo(Status.FAIL);
        assertThat(result.verdict().warnings())
                .contains("This machine was slower than usual: CPU loop 20 ms vs 0.503 ms quiet (the 3rd fastest"
                        + " of 13 builds), loopback round trip 0.02 ms vs 0.001 ms.");
    }

    @Test
    void onAMachineOfUsualSpeedNothingChangesButTheCalibrationIsShownAndRecorded() throws IOException {
        MeasuredCalibration usual = new MeasuredCalibration(new Calibration(1, 0.51, 0.0011), NOW, "check", 210);

        CheckResult result = check(new MachineOptions(MachineMode.RECLASSIFY, usual));
        CheckResult without = check(MachineOptions.none());

        assertThat(result.verdict().checks()).isEqualTo(without.verdict().checks());
        assertThat(result.verdict().warnings()).isEqualTo(without.verdict().warnings());
        assertThat(check(result, "api_gateway", "GET /health").status()).isEqualTo(Status.FAIL);
        List<String> lines = Files.readAllLines(history);
        assertThat(lines.get(16)).contains("\"calibration\":{\"method\":1,\"cpu_loop_ms\":0.51,");
        assertThat(lines.get(17)).doesNotContain("calibration");
        JsonNode verdict =
                new ObjectMapper().readTree(dir.resolve("out/verdict.json").toFile());
        assertThat(verdict.has("calibration")).as("the last check had none").isFalse();
        assertThat(Files.readString(dir.resolve("out/report.md"))).doesNotContain("- Machine:");
    }

    @Test
    void onlyRecordsOfAComparableMachineCount() {
        Fingerprint here = Fingerprint.onThisMachine(1, null, null, null, null, "ci");
        Fingerprint otherCores =
                new Fingerprint(1, null, null, null, null, here.os(), here.arch(), here.cores() + 1, "ci");
        Fingerprint otherEnvironment = new Fingerprint(1, null, null, null, null, null, null, null, "laptop");
        Fingerprint unknown = new Fingerprint(1, null, null, null, "2.12.1", null, null, null, null);
        List<HistoryRecord> records = List.of(
                record(here, new Calibration(1, 1, 1)),
                record(otherCores, new Calibration(1, 2, 2)),
                record(otherEnvironment, new Calibration(1, 3, 3)),
                record(unknown, new Calibration(1, 4, 4)),
                record(here, null));

        assertThat(MachineCheck.comparableCalibrations(records, "ci"))
                .containsExactly(new Calibration(1, 1, 1), new Calibration(1, 4, 4));
        assertThat(MachineCheck.comparableCalibrations(records, null))
                .containsExactly(new Calibration(1, 1, 1), new Calibration(1, 3, 3), new Calibration(1, 4, 4));
    }

    private static HistoryRecord record(Fingerprint fingerprint, Calibration calibration) {
        return HistoryRecord.of(
                        NOW,
                        "r",
                        new BuildEnvironment(null, null, null, null),
                        null,
                        Status.PASS,
                        1,
                        Map.of("api", fingerprint),
                        Map.of(),
                        Map.of())
                .withCalibration(calibration);
    }

    /** Reruns api_gateway with its own fixture result each time and counts the reruns. */
    private static final class SameResultRunner implements ScenarioRunner {
        final ServiceResult result = new ResultsDirectoryReader()
                .read(RESULTS)
                .service("api_gateway")
                .orElseThrow();
        int runs;

        @Override
        public List<String> services() {
            return List.of("api_gateway");
        }

        @Override
        public ScenarioOutcome run(String service, Path outputDirectory) {
            runs++;
            return new ScenarioOutcome(
                    service, null, RunStatus.PASSED, 0, result, Duration.ZERO, null, List.of(), List.of());
        }
    }

    @Test
    void confirmationRunsGoOnWhileTheMachinesReclassificationLeavesAFailureOpen() throws IOException {
        // overloaded; "GET /api/items" x2 (at least x1.94 by its 290 requests), "GET /health" x1.33: beyond it by
        // +50%, the fail level, by its value but not by its bounds, however many requests the reruns add
        SameResultRunner runner = new SameResultRunner();
        CheckRequest request = request(dir.resolve("results"), """
                {"api_gateway": {"p95_latency_ms": 16, "endpoints": {"GET /api/items": {"p95_latency_ms": 8},
                                                                     "GET /health": {"p95_latency_ms": 4.5}}}}
                """, new MachineOptions(MachineMode.RECLASSIFY, SLOW))
                .withConfirmation(new Confirmation(runner, 3));
        LocustRun first = new ResultsDirectoryReader().read(RESULTS);

        CheckResult result = new PerformanceCheck(results -> first).check(request);

        // the rules alone settle on the first rerun (a conclusive FAIL); the open reclassification asks for all three
        assertThat(runner.runs).isEqualTo(3);
        Check items = check(result, "api_gateway", "GET /api/items");
        assertThat(items.status()).isEqualTo(Status.WARN);
        assertThat(items.inconclusive()).isTrue();
        assertThat(items.message())
                .startsWith("Machine overloaded, not counted as a regression: api_gateway \"GET /api/items\"")
                .contains(" The other endpoints of api_gateway rose x1.33 (their median) on this machine, overloaded;"
                        + " beyond that this one rose +50.0%, past the fail level +50% by its value, but at 95%"
                        + " confidence perhaps only +4")
                .endsWith(": sampling error leaves open whether that is the code's.");
    }
}
