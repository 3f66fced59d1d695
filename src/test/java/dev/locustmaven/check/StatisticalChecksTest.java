package dev.locustmaven.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.locustmaven.failure.ConfigurationException;
import dev.locustmaven.history.BuildEnvironment;
import dev.locustmaven.history.Fingerprint;
import dev.locustmaven.history.HistoryRecord;
import dev.locustmaven.history.HistoryStore;
import dev.locustmaven.locust.output.ResultsDirectoryReader;
import dev.locustmaven.model.ChangeEvidence;
import dev.locustmaven.model.Check;
import dev.locustmaven.model.LocustRun;
import dev.locustmaven.model.Measurement;
import dev.locustmaven.model.Measurements;
import dev.locustmaven.model.MetricKey;
import dev.locustmaven.model.MetricValue;
import dev.locustmaven.model.ResponseTimes;
import dev.locustmaven.model.Sample;
import dev.locustmaven.model.Status;
import dev.locustmaven.model.Verdict;
import dev.locustmaven.report.ReportContext;
import dev.locustmaven.statistical.GateMode;
import dev.locustmaven.statistical.SeriesPoint;
import dev.locustmaven.statistical.StatisticalGateSettings;
import dev.locustmaven.thresholds.OpenFailLevel;
import dev.locustmaven.thresholds.ThresholdRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The statistical gate inside {@code check}: a synthetic history of a stable p95 around 10 ms, then the real run's
 * 16 ms (a +60% step; the run comes from a real Locust run in {@code src/it-fixtures/results}).
 */
class StatisticalChecksTest {

    private static final Path RESULTS = Path.of("src/it-fixtures/results").toAbsolutePath();
    private static final MetricKey P95 = MetricKey.of("api_gateway", "p95_latency_ms");
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final BuildEnvironment BUILD = new BuildEnvironment("abc", "main", null, null);

    @TempDir
    Path dir;

    private CheckResult check(String mode, int earlierRuns) {
        return check(mode, earlierRuns, "ci");
    }

    /** The check of the real run in the environment {@code ci}, after earlier runs recorded in {@code recordedIn}. */
    private CheckResult check(String mode, int earlierRuns, String recordedIn) {
        Path baseline = dir.resolve("baseline.json");
        try {
            Files.writeString(baseline, "{\"api_gateway\": {\"p95_latency_ms\": 15}}");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        LocustRun run = new ResultsDirectoryReader().read(RESULTS);
        String segment = HistoryRecord.segmentOf(dev.locustmaven.baseline.BaselineFile.read(baseline));
        Map<String, Fingerprint> fingerprints = RunHistory.fingerprints(run, recordedIn);
        List<HistoryRecord> records = new ArrayList<>();
        for (int i = 0; i < earlierRuns; i++) {
            Map<MetricKey, MetricValue> metrics = new TreeMap<>();
            metrics.put(P95, MetricValue.of(10 * (1 + 0.02 * Math.sin(i))));
            Instant time = NOW.minus(Duration.ofHours(earlierRuns - i));
            records.add(HistoryRecord.of(
                    time, "run-" + i, BUILD, segment, Status.PASS, 1, fingerprints, metrics, Map.of()));
        }
        Path history = dir.resolve("history.jsonl");
        new HistoryStore(history).appendAll(records);
        HistoryOptions options =
                new HistoryOptions(history, true, "ci", 0, 0, BUILD, StatisticalChecks.settings(mode, null));
        return new PerformanceCheck()
                .check(new CheckRequest(
                        RESULTS,
                        baseline,
                        dir.resolve("out"),
                        List.of(failAbove100Percent()),
                        List.of(),
                        NOW,
                        ReportContext.none(),
                        options));
    }

    /** A loose rule, so that only the statistical gate can object to the +60% step. */
    private static ThresholdRule failAbove100Percent() {
        return new ThresholdRule(null, "p95_latency_ms", null, null, "+100%", null, null, false, null);
    }

    private static List<Check> statistical(CheckResult result) {
        return result.verdict().checks().stream()
                .filter(c -> c.rule().equals(StatisticalChecks.RULE))
                .toList();
    }

    @Test
    void aStepAfterAStableHistoryWarnsByDefaultAndSaysWhatItCompared() throws Exception {
        CheckResult result = check("warn", 15);

        assertThat(statistical(result)).singleElement().satisfies(c -> {
            assertThat(c.key()).isEqualTo(P95);
            assertThat(c.status()).isEqualTo(Status.WARN);
            assertThat(c.message()).startsWith("api_gateway p95_latency_ms: ").contains("15 runs");
        });
        assertThat(result.verdict().level()).isEqualTo(Status.WARN);
        assertThat(Files.readString(dir.resolve("out/verdict.json"))).contains("statistical gate");
        assertThat(result.notes()).anyMatch(n -> n.startsWith("Statistical gate (warn): "));
    }

    @Test
    void aRunThatStartsANewSegmentSaysSoInTheVerdictAndIsNotJudgedByTheGate() throws Exception {
        CheckResult result = check("warn", 15, "staging");

        String warning = "api_gateway: environment staging -> ci; history before this run not compared";
        assertThat(result.verdict().warnings())
                .containsExactly(
                        warning,
                        "mcp_server: environment staging -> ci; history before this run not compared",
                        "rag_service: environment staging -> ci; history before this run not compared");
        assertThat(statistical(result)).isEmpty();
        assertThat(result.notes()).noneMatch(n -> n.contains("not compared"));
        assertThat(Files.readString(dir.resolve("out/verdict.json"))).contains(warning);
        assertThat(Files.readString(dir.resolve("out/report.md")))
                .contains("- api_gateway: environment staging -&gt; ci; history before this run not compared");
    }

    @Test
    void theStepFailsTheBuildOnlyInFailMode() {
        CheckResult result = check("fail", 15);

        assertThat(statistical(result))
                .singleElement()
                .extracting(Check::status)
                .isEqualTo(Status.FAIL);
        assertThat(result.verdict().level()).isEqualTo(Status.FAIL);
    }

    @Test
    void offAddsNothing() {
        assertThat(statistical(check("off", 15))).isEmpty();
    }

    @Test
    void tooLittleHistoryIsNotJudged() {
        CheckResult result = check("fail", 5);

        assertThat(statistical(result)).isEmpty();
        assertThat(result.verdict().level()).isEqualTo(Status.PASS);
        assertThat(result.notes()).anyMatch(n -> n.contains("needs 10 comparable runs"));
    }

    @Test
    void aWrongModeIsAConfigurationError() {
        assertThatThrownBy(() -> StatisticalChecks.settings("loud", null))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("locust.statisticalGate")
                .hasMessageContaining("'loud'");
        assertThat(StatisticalChecks.settings("FAIL", 20).minHistory()).isEqualTo(20);
        assertThat(StatisticalChecks.settings("warn", null)).isEqualTo(StatisticalGateSettings.DEFAULTS);
        assertThat(StatisticalChecks.settings("off", null).mode()).isEqualTo(GateMode.OFF);
    }

    @Test
    void oneRequestsExtremesAreLeftToTheThresholds() {
        MetricKey max = MetricKey.of("api_gateway", "max_latency_ms");
        List<SeriesPoint> steady = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            steady.add(new SeriesPoint(
                    "run-" + i, NOW.minus(Duration.ofHours(15 - i)), "c", 100 * (1 + 0.02 * Math.sin(i))));
        }
        Measurements current = Measurements.of(List.of(
                new Measurement(max, MetricValue.of(400), 300),
                new Measurement(
                        P95, MetricValue.of(400), new Sample.Quantile(0.95, ResponseTimes.of(Map.of(400.0, 300L))))));

        StatisticalChecks.Outcome outcome = StatisticalChecks.evaluate(
                Map.of(max, steady, P95, steady), current, StatisticalChecks.settings("fail", null));

        assertThat(outcome.checks()).extracting(Check::key).containsExactly(P95);
        assertThat(outcome.summary()).startsWith("Statistical gate (fail): 1 of 1 series tested");
    }

    private static List<SeriesPoint> steadyAround(double centre) {
        List<SeriesPoint> steady = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            steady.add(new SeriesPoint(
                    "run-" + i, NOW.minus(Duration.ofHours(15 - i)), "c", centre * (1 + 0.1 * Math.sin(i))));
        }
        return steady;
    }

    @Test
    void theSeriesTheGateTestedAndFoundUsualAreNamedWithTheirRuns() {
        MetricKey avg = MetricKey.of("api_gateway", "avg_latency_ms");
        Measurements current = Measurements.of(List.of(
                new Measurement(avg, MetricValue.of(10.2), 300), new Measurement(P95, MetricValue.of(40), 300)));

        StatisticalChecks.Outcome outcome = StatisticalChecks.evaluate(
                Map.of(avg, steadyAround(10), P95, steadyAround(20)),
                current,
                StatisticalChecks.settings("warn", null));

        assertThat(outcome.usual()).containsExactly(Map.entry(avg, 15));
        assertThat(outcome.checks()).extracting(Check::key).contains(P95);
    }

    private static Check indexP95(Status status, ChangeEvidence evidence, String rule) {
        return new Check(
                MetricKey.of("rag_service", "index_p95_ms"),
                MetricValue.of(250),
                MetricValue.of(450),
                200.0,
                80.0,
                rule,
                status,
                "rag_service index_p95_ms: 450 ms vs baseline 250 ms (+80.0%), above the fail level +60% by its value,"
                        + " but from 36 requests vs 180 in the baseline that is inconclusive",
                false,
                evidence);
    }

    @Test
    void anInconclusiveWarningOfASeriesTheGateFoundUsualPasses() {
        ChangeEvidence inconclusive = new ChangeEvidence(
                36, 180, -0.1, 2.5, 0.95, false, 300L, false, false, ChangeEvidence.Basis.VALUE, null);
        ChangeEvidence conclusive = new ChangeEvidence(
                36, 180, 0.35, 2.5, 0.95, true, null, false, false, ChangeEvidence.Basis.VALUE, null);
        MetricKey key = MetricKey.of("rag_service", "index_p95_ms");
        Verdict warned =
                Verdict.of(List.of(indexP95(Status.WARN, inconclusive, "warning +30% / fail +60%")), List.of());

        Verdict settled = StatisticalChecks.settleInconclusive(warned, Map.of(key, 48));

        assertThat(settled.level()).isEqualTo(Status.PASS);
        Check check = settled.checks().get(0);
        assertThat(check.status()).isEqualTo(Status.PASS);
        assertThat(check.message())
                .endsWith("that is inconclusive; the statistical gate finds the value within the usual variation of"
                        + " its last 48 runs, so it is no warning.");
        assertThat(check.evidence()).isEqualTo(inconclusive);
        // not usual, a conclusive warning, the gate's own check: as they were
        assertThat(StatisticalChecks.settleInconclusive(
                        warned, Map.of(MetricKey.of("rag_service", "query_p95_ms"), 48)))
                .isEqualTo(warned);
        Verdict beyondWarning =
                Verdict.of(List.of(indexP95(Status.WARN, conclusive, "warning +30% / fail +60%")), List.of());
        assertThat(StatisticalChecks.settleInconclusive(beyondWarning, Map.of(key, 48)))
                .isEqualTo(beyondWarning);
        Verdict gate = Verdict.of(List.of(indexP95(Status.WARN, inconclusive, StatisticalChecks.RULE)), List.of());
        assertThat(StatisticalChecks.settleInconclusive(gate, Map.of(key, 48))).isEqualTo(gate);
    }

    /** {@code n} response times at 150-247 ms and {@code slow} at 700 ms, all scaled by {@code factor}. */
    private static ResponseTimes times(int n, int slow, double factor) {
        Map<Double, Long> histogram = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            double ms = (i < slow ? 700 : 150 + i % 40 * 2.5) * factor;
            histogram.merge(Math.round(ms / 10) * 10.0, 1L, Long::sum);
        }
        return ResponseTimes.of(histogram);
    }

    @Test
    void aBaselineAboveEveryRunOfTheHistoryIsAWarningOfTheVerdictThatSaysHowToPromoteABetterOne() throws Exception {
        Path baseline = dir.resolve("baseline.json");
        Files.writeString(baseline, "{\"api_gateway\": {\"p95_latency_ms\": 40}}");
        LocustRun run = new ResultsDirectoryReader().read(RESULTS);
        String segment = HistoryRecord.segmentOf(dev.locustmaven.baseline.BaselineFile.read(baseline));
        List<HistoryRecord> records = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            double value = 9.5 + 0.1 * i;
            records.add(HistoryRecord.of(
                    NOW.minus(Duration.ofHours(12 - i)),
                    "run-" + i,
                    BUILD,
                    segment,
                    Status.PASS,
                    1,
                    RunHistory.fingerprints(run, "ci"),
                    Map.of(P95, MetricValue.of(value)),
                    Map.of(P95, new Sample.Quantile(0.95, ResponseTimes.of(Map.of(value, 30L))))));
        }
        Path history = dir.resolve("history.jsonl");
        new HistoryStore(history).appendAll(records);
        ThresholdRule seedRule =
                new ThresholdRule(null, "p95_latency_ms", null, "+30%", "+60%", null, null, false, null);

        CheckResult result = new PerformanceCheck()
                .check(new CheckRequest(
                        RESULTS,
                        baseline,
                        dir.resolve("out"),
                        List.of(seedRule),
                        List.of(),
                        NOW,
                        ReportContext.none(),
                        new HistoryOptions(
                                history, true, "ci", 0, 0, BUILD, StatisticalChecks.settings("warn", null))));

        assertThat(result.verdict().warnings())
                .contains("api_gateway p95_latency_ms: the baseline's 40 ms lies above every one of the last 12"
                        + " comparable runs (9.5 to 10.6 ms, usually 10.05 ms); the baseline is +298.0% from that"
                        + " usual value, beyond the warning level +30%, so a value breaks that level only at 52 ms or"
                        + " more (+417.4% from the usual value). If those runs are how it should perform, promote the"
                        + " baseline from several of them: mvn locust:baseline -Dlocust.baselineRuns=5");
    }

    @Test
    void aWarningTheBaselineLeavesOpenIsDecidedAgainstTheHistoryWhenTheGateFlagsItsRequests() {
        MetricKey p95 = MetricKey.of("rag_service", "index_p95_ms");
        MetricKey avg = MetricKey.of("rag_service", "index_avg_ms");
        MetricKey otherAvg = MetricKey.of("rag_service", "query_avg_ms");
        ResponseTimes run = times(144, 4, 1.7);
        Measurements measured = Measurements.of(List.of(
                new Measurement(p95, MetricValue.of(420), new Sample.Quantile(0.95, run)),
                new Measurement(avg, MetricValue.of(run.mean()), new Sample.Mean(run)),
                new Measurement(otherAvg, MetricValue.of(200), new Sample.Mean(times(144, 4, 1)))));
        ChangeEvidence open = new ChangeEvidence(
                144,
                36,
                -20,
                Double.POSITIVE_INFINITY,
                0.95,
                false,
                690L,
                true,
                false,
                ChangeEvidence.Basis.VALUE,
                null);
        Check warned = new Check(
                p95,
                MetricValue.of(250),
                MetricValue.of(420),
                170.0,
                68.0,
                "warning +30% / fail +60%",
                Status.WARN,
                "rag_service index_p95_ms: 420 ms vs baseline 250 ms (+68.0%), above the fail level +60% by its value,"
                        + " but from 144 requests vs 36 in the baseline that is inconclusive.",
                false,
                open);
        Verdict verdict = Verdict.of(List.of(warned), List.of());
        var usual = new dev.locustmaven.thresholds.UsualValue(
                40, 240, 190, 370, new Sample.Quantile(0.95, times(1440, 40, 1)));

        Verdict decided = StatisticalChecks.decideAgainstHistory(
                verdict, List.of(gateWarning(avg)), measured, key -> Optional.of(usual), 0.95);

        assertThat(decided.level()).isEqualTo(Status.FAIL);
        assertThat(decided.checks().get(0).message())
                .startsWith(warned.message().substring(0, warned.message().length() - 1)
                        + "; against the usual value of its last 40 comparable runs, 240 ms from 1440 requests (the"
                        + " statistical gate finds rag_service index_avg_ms beyond their usual variation), it is"
                        + " beyond the fail level +60%: at least +");
        // the metric's own series is named first
        assertThat(StatisticalChecks.decideAgainstHistory(
                                verdict,
                                List.of(gateWarning(avg), gateWarning(p95)),
                                measured,
                                key -> Optional.of(usual),
                                0.95)
                        .checks()
                        .get(0)
                        .message())
                .contains("the statistical gate finds rag_service index_p95_ms beyond");
        // another endpoint's requests, a gate that found nothing, or a history too short: as it was
        assertThat(StatisticalChecks.decideAgainstHistory(
                        verdict, List.of(gateWarning(otherAvg)), measured, key -> Optional.of(usual), 0.95))
                .isEqualTo(verdict);
        assertThat(StatisticalChecks.decideAgainstHistory(
                        verdict, List.of(), measured, key -> Optional.of(usual), 0.95))
                .isEqualTo(verdict);
        assertThat(StatisticalChecks.decideAgainstHistory(
                        verdict, List.of(gateWarning(avg)), measured, key -> Optional.empty(), 0.95))
                .isEqualTo(verdict);
    }

    @Test
    void aWarningTheHistoryDecidesOnlyAtTheWarningLevelLeavesTheFailLevelOpenForTheConfirmationRuns() {
        // a first run of 35 requests 1.5 times as slow: past the fail level against a baseline that drew low (+66.7%)
        // by its value but not shown by 35 requests against 36; against the usual value the warning level is shown
        MetricKey p95 = MetricKey.of("rag_service", "index_p95_ms");
        MetricKey avg = MetricKey.of("rag_service", "index_avg_ms");
        ResponseTimes run = times(35, 1, 1.5);
        Measurements measured = Measurements.of(List.of(
                new Measurement(p95, MetricValue.of(350), new Sample.Quantile(0.95, run)),
                new Measurement(avg, MetricValue.of(run.mean()), new Sample.Mean(run))));
        Check warned = new Check(
                p95,
                MetricValue.of(210),
                MetricValue.of(350),
                140.0,
                66.7,
                "warning +30% / fail +60%",
                Status.WARN,
                "rag_service index_p95_ms: 350 ms vs baseline 210 ms (+66.7%), above the fail level +60% by its value,"
                        + " but from 35 requests vs 36 in the baseline that is inconclusive.",
                false,
                new ChangeEvidence(
                        35,
                        36,
                        -20,
                        Double.POSITIVE_INFINITY,
                        0.95,
                        false,
                        140L,
                        true,
                        false,
                        ChangeEvidence.Basis.VALUE,
                        null));
        var usual = new dev.locustmaven.thresholds.UsualValue(
                40, 240, 190, 370, new Sample.Quantile(0.95, times(1440, 40, 1)));

        Check decided = StatisticalChecks.decideAgainstHistory(
                        Verdict.of(List.of(warned), List.of()),
                        List.of(gateWarning(avg)),
                        measured,
                        key -> Optional.of(usual),
                        0.95)
                .checks()
                .get(0);

        assertThat(decided.status()).isEqualTo(Status.WARN);
        assertThat(decided.message()).contains("it is beyond the warning level +30%: at least +");
        assertThat(decided.inconclusive()).isFalse();
        assertThat(OpenFailLevel.test(decided))
                .as("rerun until the fail level is decided, though the value is past it against the baseline")
                .isTrue();
    }

    private static Check gateWarning(MetricKey key) {
        return new Check(
                key, null, MetricValue.of(1), null, null, StatisticalChecks.RULE, Status.WARN, "beyond its history");
    }
}
