package dev.locustmaven.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.locustmaven.history.BuildEnvironment;
import dev.locustmaven.history.HistoryRecord;
import dev.locustmaven.history.HistoryStore;
import dev.locustmaven.locust.output.ResultsDirectoryReader;
import dev.locustmaven.locust.run.RunStatus;
import dev.locustmaven.locust.run.ScenarioOutcome;
import dev.locustmaven.locust.run.ScenarioRunner;
import dev.locustmaven.model.Check;
import dev.locustmaven.model.EndpointStats;
import dev.locustmaven.model.FailureStat;
import dev.locustmaven.model.LocustRun;
import dev.locustmaven.model.MetricKey;
import dev.locustmaven.model.RunInfo;
import dev.locustmaven.model.ServiceResult;
import dev.locustmaven.model.Status;
import dev.locustmaven.promotion.BaselineUpdate;
import dev.locustmaven.promotion.BaselineUpdateRequest;
import dev.locustmaven.promotion.NoMeasurementException;
import dev.locustmaven.report.ReportContext;
import dev.locustmaven.statistical.StatisticalGateSettings;
import dev.locustmaven.thresholds.ThresholdRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs that are no measurement: what counts as one, and what check and locust:baseline do with it. */
class NoMeasurementTest {

    private static final Path RESULTS = Path.of("src/it-fixtures/results").toAbsolutePath();
    private static final LocustRun REAL = new ResultsDirectoryReader().read(RESULTS);
    private static final FailureStat REFUSED = new FailureStat(
            "GET",
            "/",
            "ConnectionRefusedError(111, 'Connection refused')",
            "ConnectionRefusedError(111, 'Connection refused')",
            57);
    private static final String STOPPED =
            "the run goal stopped it after 10s of nothing but failures" + " (failureOnlyTimeout)";

    @TempDir
    Path dir;

    /** A service with these counts; a refused connection fails in about a millisecond. */
    private static ServiceResult service(
            String name, long requests, long failures, String earlyStop, FailureStat... failureStats) {
        EndpointStats total = stats("", EndpointStats.AGGREGATED, requests, failures);
        return new ServiceResult(
                name,
                List.of(stats("GET", "/", requests, failures)),
                total,
                List.of(failureStats),
                List.of(),
                new RunInfo("2.47.0", 4, 10.0, null, earlyStop),
                List.of());
    }

    private static EndpointStats stats(String method, String name, long requests, long failures) {
        Double ms = requests == 0 ? null : 1.0;
        return new EndpointStats(
                method,
                name,
                requests,
                failures,
                ms,
                ms,
                ms,
                ms,
                0.0,
                requests / 10.0,
                failures / 10.0,
                requests == 0 ? new TreeMap<>() : new TreeMap<>(Map.of(0.95, 1.0)),
                new TreeMap<>());
    }

    private static ServiceResult down(String name) {
        return service(name, 57, 57, STOPPED, REFUSED);
    }

    @Test
    void aServiceWhoseRequestsAllFailedIsNoMeasurement() {
        NoMeasurement found =
                NoMeasurement.of(service("orders", 57, 57, null, REFUSED)).orElseThrow();

        assertThat(found.reason())
                .isEqualTo("all 57 requests failed, most often GET / with \"ConnectionRefusedError(111, 'Connection"
                        + " refused')\" (57 times)");
        assertThat(NoMeasurement.of(service("orders", 1, 1, null)).orElseThrow().reason())
                .isEqualTo("its only request failed");
    }

    @Test
    void fromNinetyNinePercentOfFailedRequestsOnARunIsNoMeasurement() {
        assertThat(NoMeasurement.of(service("orders", 100, 99, null)))
                .hasValueSatisfying(n -> assertThat(n.reason())
                        .isEqualTo("99 of 100 requests failed (99.00%; from 99% on, a run is no measurement)"));
        assertThat(NoMeasurement.of(service("orders", 100, 98, null))).isEmpty();
        assertThat(NoMeasurement.of(service("orders", 10_000, 9_899, null))).isEmpty();
        assertThat(NoMeasurement.of(REAL.service("api_gateway").orElseThrow())).isEmpty();
    }

    @Test
    void aServiceWithoutRequestsIsNoMeasurement() {
        assertThat(NoMeasurement.of(service("orders", 0, 0, null)))
                .hasValueSatisfying(n -> assertThat(n.reason()).isEqualTo("Locust recorded no requests"));
    }

    @Test
    void aRunTheRunGoalStoppedEarlyIsNoMeasurementWhateverItsLastRequestsDid() {
        NoMeasurement found =
                NoMeasurement.of(service("orders", 120, 110, STOPPED, REFUSED)).orElseThrow();

        assertThat(found.reason())
                .isEqualTo("110 of 120 requests failed (91.67%; from 99% on, a run is no measurement), most often"
                        + " GET / with \"ConnectionRefusedError(111, 'Connection refused')\" (57 times); "
                        + STOPPED);
    }

    @Test
    void theExampleIsTheMostFrequentFailureCutToTwoHundredCharacters() {
        FailureStat rare = new FailureStat("POST", "/orders", "HTTPError('500 Server Error')", "…", 3);
        FailureStat often = new FailureStat("", "connect", "x".repeat(300), "…", 54);

        String reason = NoMeasurement.of(service("orders", 57, 57, null, rare, often))
                .orElseThrow()
                .reason();

        assertThat(reason)
                .isEqualTo("all 57 requests failed, most often connect with \"" + "x".repeat(199) + "…\" (54 times)");
    }

    private CheckRequest request(Path baseline, ThresholdRule... rules) {
        HistoryOptions history = new HistoryOptions(
                dir.resolve("history.jsonl"),
                true,
                null,
                0,
                0,
                new BuildEnvironment(null, null, null, null),
                StatisticalGateSettings.DEFAULTS);
        return new CheckRequest(
                dir.resolve("results"),
                baseline,
                dir.resolve("out"),
                List.of(rules),
                List.of(),
                Instant.parse("2026-03-01T12:00:00Z"),
                ReportContext.none(),
                history);
    }

    private static ThresholdRule rule(String metric, String warning, String fail) {
        return new ThresholdRule(null, metric, null, warning, fail, null, null, false, null);
    }

    @Test
    void checkFailsAServiceThatMeasuredNothingWithoutABaselineAndJudgesNoneOfItsRules() {
        LocustRun run = new LocustRun(List.of(REAL.service("api_gateway").orElseThrow(), down("orders")));

        CheckResult result = new PerformanceCheck(results -> run)
                .check(request(
                        dir.resolve("none.json"), rule("p95_latency_ms", "+20%", null), rule("rps", null, "< 1")));

        assertThat(result.verdict().level()).isEqualTo(Status.FAIL);
        assertThat(result.verdict().checks())
                .extracting(c -> c.key().service(), c -> c.key().metric(), Check::status)
                .containsExactly(
                        tuple("api_gateway", "p95_latency_ms", Status.NO_BASELINE),
                        tuple("api_gateway", "rps", Status.PASS),
                        tuple("orders", "error_rate_pct", Status.FAIL));
        Check orders = result.verdict().checks().get(2);
        assertThat(orders.rule()).isEqualTo(NoMeasurement.RULE);
        assertThat(orders.message())
                .isEqualTo("orders: no measurement: all 57 requests failed, most often GET / with"
                        + " \"ConnectionRefusedError(111, 'Connection refused')\" (57 times); " + STOPPED + "."
                        + " Failed requests measure the failure, not the service, so no rule judges it.");
        // neither the history nor the exports get the failures' numbers
        assertThat(result.measurements().all()).noneMatch(m -> m.key().service().equals("orders"));
        HistoryRecord record =
                new HistoryStore(dir.resolve("history.jsonl")).read().records().get(0);
        assertThat(record.fingerprints()).containsOnlyKeys("api_gateway");
        assertThat(record.metrics().keySet()).noneMatch(k -> k.service().equals("orders"));
        assertThat(record.verdict()).isEqualTo(Status.FAIL);
    }

    @Test
    void aRunThatMeasuredNothingIsNotRecorded() {
        LocustRun run = new LocustRun(List.of(service("orders", 0, 0, null)));
        CheckResult result = new PerformanceCheck(results -> run).check(request(dir.resolve("none.json")));

        assertThat(result.verdict().checks())
                .singleElement()
                .satisfies(c -> assertThat(c.message())
                        .isEqualTo("orders: no measurement: Locust recorded no requests. Without requests there is"
                                + " nothing to judge, so no rule judges it."))
                .satisfies(c -> assertThat(c.key()).isEqualTo(MetricKey.of("orders", "request_count")));
        assertThat(result.notes())
                .contains("This run is not recorded in " + dir.resolve("history.jsonl")
                        + ": no service of it is a measurement");
        assertThat(dir.resolve("history.jsonl")).doesNotExist();
    }

    /** Reruns with the given result and remembers which services it ran. */
    private record Runner(List<String> services, ServiceResult result, List<String> ran) implements ScenarioRunner {

        Runner(List<String> services, ServiceResult result) {
            this(services, result, new ArrayList<>());
        }

        @Override
        public ScenarioOutcome run(String service, Path outputDirectory) {
            ran.add(service);
            return new ScenarioOutcome(
                    service, null, RunStatus.PASSED, 0, result, Duration.ZERO, null, List.of(), List.of());
        }
    }

    @Test
    void aServiceThatMeasuredNothingIsNotRerunAndARerunThatMeasuredNothingIsLeftOut() throws IOException {
        Path baseline = dir.resolve("baseline.json");
        Files.writeString(baseline, "{\"api_gateway\": {\"p95_latency_ms\": 5}}");
        Runner runner = new Runner(List.of("api_gateway", "orders"), down("api_gateway"));
        LocustRun run = new LocustRun(List.of(REAL.service("api_gateway").orElseThrow(), down("orders")));

        CheckResult result = new PerformanceCheck(results -> run)
                .check(request(baseline, rule("p95_latency_ms", null, "+50%"))
                        .withConfirmation(new Confirmation(runner, 2)));

        assertThat(runner.ran()).containsExactly("api_gateway", "api_gateway");
        assertThat(result.warnings())
                .contains("Confirmation run 1 of api_gateway is no measurement and left out: all 57 requests failed,"
                        + " most often GET / with \"ConnectionRefusedError(111, 'Connection refused')\" (57 times); "
                        + STOPPED);
        assertThat(result.notes())
                .anyMatch(n -> n.contains("no confirmation run was usable, so the first run decides"));
        assertThat(result.verdict().withStatus(Status.FAIL))
                .extracting(c -> c.key().service())
                .containsExactly("api_gateway", "orders");
    }

    @Test
    void baselineRefusesARunThatMeasuredNothingAndLeavesTheFileAlone() throws IOException {
        Path results = dir.resolve("results");
        Files.createDirectories(results.resolve("orders"));
        Files.writeString(results.resolve("orders/final-stats.json"), """
                {"format": 1, "complete": true, "exit_code": 42, "peak_users": 2,
                 "early_stop": "the run goal stopped it after 3s of nothing but failures (failureOnlyTimeout)",
                 "entries": [{"name": "/", "method": "GET", "num_requests": 57, "num_failures": 57}],
                 "aggregated": {"name": "Aggregated", "method": "", "num_requests": 57, "num_failures": 57},
                 "failures": [{"method": "GET", "name": "/", "error": "ConnectionRefusedError(111, 'Connection refused')",
                               "message": "ConnectionRefusedError(111, 'Connection refused')", "occurrences": 57}]}
                """);
        Files.createDirectories(results.resolve("api_gateway"));
        try (var files = Files.list(RESULTS.resolve("api_gateway"))) {
            for (Path file : files.toList()) {
                Files.copy(file, results.resolve("api_gateway").resolve(file.getFileName()));
            }
        }
        Path baseline = dir.resolve("baseline.json");
        Files.writeString(baseline, "{\"orders\": {\"p95_latency_ms\": 40}}");
        BaselineUpdateRequest request = new BaselineUpdateRequest(
                results, baseline, List.of(), 30, "me", null, null, Instant.parse("2026-03-01T12:00:00Z"));

        assertThatThrownBy(() -> new BaselineUpdate().run(request))
                .isInstanceOf(NoMeasurementException.class)
                .hasMessage("Not promoting the results in " + results + " to the baseline: orders is no measurement:"
                        + " all 57 requests failed, most often GET / with \"ConnectionRefusedError(111, 'Connection"
                        + " refused')\" (57 times); the run goal stopped it after 3s of nothing but failures"
                        + " (failureOnlyTimeout). locust:baseline promotes only a run that measured every service;"
                        + " fix the cause, run again, and promote that run. Nothing was written to " + baseline
                        + ".");
        assertThat(baseline).hasContent("{\"orders\": {\"p95_latency_ms\": 40}}");
    }
}
