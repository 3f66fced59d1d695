package dev.locustmaven.thresholds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.locustmaven.model.Baseline;
import dev.locustmaven.model.LocustPercentiles;
import dev.locustmaven.model.Measurement;
import dev.locustmaven.model.Measurements;
import dev.locustmaven.model.MetricKey;
import dev.locustmaven.model.MetricValue;
import dev.locustmaven.model.ResponseTimes;
import dev.locustmaven.model.Sample;
import dev.locustmaven.model.Status;
import dev.locustmaven.thresholds.FailLevelReach.Reach;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class FailLevelReachTest {

    private static final MetricKey INDEX = MetricKey.of("rag_service", "index_p95_ms");
    private static final GateOptions OPTIONS = GateOptions.at(Instant.parse("2026-12-01T00:00:00Z"));
    private static final ThresholdRules SEED_INDEX_RULE = new ThresholdRules(
            List.of(new ThresholdRule("rag_service", "index_p95_ms", null, "+30%", "+60%", null, null, false, null)));

    /** One run of a thin endpoint: 35 requests from 80 to 216 ms and one slow call of 400 ms, {@code runs} times over. */
    private static ResponseTimes thinEndpoint(int runs, double factor) {
        Map<Double, Long> histogram = new TreeMap<>();
        for (int i = 0; i < 35; i++) {
            histogram.merge(LocustPercentiles.bucket((80 + 4 * i) * factor), (long) runs, Long::sum);
        }
        histogram.merge(LocustPercentiles.bucket(400 * factor), (long) runs, Long::sum);
        return ResponseTimes.of(histogram);
    }

    private static Measurement p95(ResponseTimes times) {
        double value = LocustPercentiles.percentile(times.buckets(), times.size(), 0.95);
        return new Measurement(INDEX, MetricValue.of(value), new Sample.Quantile(0.95, times));
    }

    private static Reach only(Measurement baseline, int baselineRuns) {
        List<Reach> reaches =
                FailLevelReach.of(SEED_INDEX_RULE, Measurements.of(List.of(baseline)), baselineRuns, true, 0.95);
        assertThat(reaches).hasSize(1);
        return reaches.get(0);
    }

    private static Status gateStatus(Measurement baseline, Measurement run) {
        Baseline file = new Baseline(
                null,
                null,
                null,
                null,
                Map.of(),
                Map.of(INDEX, baseline.value()),
                Map.of(),
                Map.of(INDEX, baseline.sample()));
        return new Gate()
                .evaluate(Measurements.of(List.of(run)), file, SEED_INDEX_RULE, OPTIONS)
                .checks()
                .get(0)
                .status();
    }

    @Test
    void theSlowdownItReportsForOneRunIsTheOneCheckStartsToFailOn() {
        Measurement baseline = p95(thinEndpoint(1, 1));

        Reach reach = only(baseline, 1);

        assertThat(reach.baselineRequests()).isEqualTo(36);
        assertThat(reach.runRequests()).isEqualTo(36);
        double oneRun = reach.oneRun().orElseThrow();
        // 36 requests on each side: a slowdown must go well beyond +60% before sampling error rules out +60%
        assertThat(oneRun).isGreaterThan(1.7).isLessThan(2.2);
        // the figure slows the baseline's buckets down; a run slowed from its unrounded times lands in Locust's buckets
        // a little differently, so the two agree to about 1%
        assertThat(gateStatus(baseline, p95(thinEndpoint(1, oneRun * 1.01)))).isEqualTo(Status.FAIL);
        assertThat(gateStatus(baseline, p95(thinEndpoint(1, oneRun / 1.02)))).isNotEqualTo(Status.FAIL);
    }

    @Test
    void aLongRunFailsOnLessButTheBaselinesOwnRequestsKeepItAboveTheLevel() {
        Reach reach = only(p95(thinEndpoint(1, 1)), 1);

        double longRun = reach.longRun().orElseThrow();
        assertThat(longRun).isLessThan(reach.oneRun().orElseThrow()).isGreaterThan(1.6 * 1.05);
        assertThat(reach.margin()).isCloseTo(reach.oneRun().orElseThrow() / 1.6, within(1e-12));
    }

    @Test
    void aBaselineFromFiveRunsOfTheSameShapeReachesCloserToTheLevel() {
        Reach single = only(p95(thinEndpoint(1, 1)), 1);
        Reach pooled = only(p95(thinEndpoint(5, 1)), 5);

        assertThat(pooled.baselineRequests()).isEqualTo(180);
        assertThat(pooled.runRequests()).isEqualTo(36);
        assertThat(pooled.longRun().orElseThrow()).isLessThan(single.longRun().orElseThrow() / 1.03);
        assertThat(pooled.oneRun().orElseThrow()).isLessThan(single.oneRun().orElseThrow());
    }

    @Test
    void onlyRelativeFailLevelsOnLatenciesWithAHistogramUnderSamplingErrorAreReported() {
        Measurement p95 = p95(thinEndpoint(1, 1));
        Measurement exact = new Measurement(INDEX, MetricValue.of(120), new Sample.Exact(0));
        Measurements both = Measurements.of(List.of(p95));

        assertThat(FailLevelReach.of(SEED_INDEX_RULE, both, 1, false, 0.95))
                .as("significance off")
                .isEmpty();
        assertThat(FailLevelReach.of(rule("+60%", "off"), both, 1, true, 0.95))
                .as("the rule's own significance off")
                .isEmpty();
        assertThat(FailLevelReach.of(rule("+100", null), both, 1, true, 0.95))
                .as("an absolute change")
                .isEmpty();
        assertThat(FailLevelReach.of(rule("-40%", null), both, 1, true, 0.95))
                .as("a fall is worse")
                .isEmpty();
        assertThat(FailLevelReach.of(rule("> 500", null), both, 1, true, 0.95))
                .as("a fixed limit")
                .isEmpty();
        assertThat(FailLevelReach.of(SEED_INDEX_RULE, Measurements.of(List.of(exact)), 1, true, 0.95))
                .as("no histogram")
                .isEmpty();
    }

    @Test
    void aSlowdownBeyondTenTimesIsOutOfReach() {
        // five requests: no bound from so few, however slow
        Map<Double, Long> histogram = new TreeMap<>(Map.of(100.0, 4L, 300.0, 1L));

        Reach reach = only(p95(ResponseTimes.of(histogram)), 1);

        assertThat(reach.oneRun()).isEmpty();
        assertThat(reach.margin()).isInfinite();
    }

    @Test
    void aRulesOwnSignificanceOnIsReportedUnderAPluginWideOff() {
        Measurements p95 = Measurements.of(List.of(p95(thinEndpoint(1, 1))));

        assertThat(FailLevelReach.of(rule("+60%", "on"), p95, 1, false, 0.95)).hasSize(1);
    }

    @Test
    void anAverageOfAnEndpointIsReportedAndEachRuleMatchingAKeyHasItsOwnReach() {
        ResponseTimes times = thinEndpoint(1, 1);
        MetricKey query = new MetricKey("rag_service", "query", "avg_latency_ms");
        Measurement average = new Measurement(query, MetricValue.of(times.mean()), new Sample.Mean(times));
        ThresholdRules rules = new ThresholdRules(List.of(
                new ThresholdRule("rag_service", "avg_latency_ms", "*", null, "+30%", null, null, false, null),
                new ThresholdRule("*", "*_latency_ms", "query", null, "+60%", null, null, false, null)));

        List<Reach> reaches = FailLevelReach.of(rules, Measurements.of(List.of(average)), 1, true, 0.95);

        assertThat(reaches).extracting(Reach::key).containsOnly(query);
        assertThat(reaches).extracting(r -> r.fail().percent()).containsExactlyInAnyOrder(30.0, 60.0);
        // an average moves with every request, so it reaches closer to its level than a p95 of the same requests
        Reach sixty = reaches.stream()
                .filter(r -> r.fail().percent() == 60)
                .findFirst()
                .orElseThrow();
        assertThat(sixty.oneRun().orElseThrow())
                .isLessThanOrEqualTo(only(p95(times), 1).oneRun().orElseThrow());
    }

    @Test
    void aBaselineOfMillionsOfRequestsReachesTheLevelWithoutFailingThePromotion() {
        Reach reach = only(p95(thinEndpoint(1_000_000, 1)), 1);

        assertThat(reach.baselineRequests()).isEqualTo(36_000_000L);
        assertThat(reach.longRun().orElseThrow()).isLessThan(1.6 * 1.05);
    }

    @Test
    void aFailLevelOfTenTimesOrMoreIsNotReported() {
        Measurements p95 = Measurements.of(List.of(p95(thinEndpoint(1, 1))));

        assertThat(FailLevelReach.of(rule("+900%", null), p95, 1, true, 0.95)).isEmpty();
        assertThat(FailLevelReach.of(rule("+800%", null), p95, 1, true, 0.95)).hasSize(1);
    }

    private static ThresholdRules rule(String fail, String significance) {
        return new ThresholdRules(List.of(
                new ThresholdRule("rag_service", "index_p95_ms", null, null, fail, null, null, false, significance)));
    }
}
