package dev.locustmaven.thresholds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locustmaven.model.Baseline;
import dev.locustmaven.model.ChangeEvidence;
import dev.locustmaven.model.Check;
import dev.locustmaven.model.LocustPercentiles;
import dev.locustmaven.model.Measurement;
import dev.locustmaven.model.Measurements;
import dev.locustmaven.model.MetricKey;
import dev.locustmaven.model.MetricValue;
import dev.locustmaven.model.ResponseTimes;
import dev.locustmaven.model.Sample;
import dev.locustmaven.model.Status;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A warning the baseline's 36 requests leave open, decided against what the history's runs usually measure. */
class HistoryWitnessTest {

    private static final MetricKey INDEX = MetricKey.of("rag_service", "index_p95_ms");
    private static final GateOptions OPTIONS = GateOptions.at(Instant.parse("2026-12-01T00:00:00Z"));
    private static final String FLAGGED = "rag_service index_avg_ms";

    /** {@code n} response times at 150-247 ms and {@code slow} at 700 ms, all scaled by {@code factor}. */
    private static ResponseTimes times(int n, int slow, double factor) {
        Map<Double, Long> histogram = new TreeMap<>();
        for (int i = 0; i < n - slow; i++) {
            histogram.merge(bucket((150 + i % 40 * 2.5) * factor), 1L, Long::sum);
        }
        for (int i = 0; i < slow; i++) {
            histogram.merge(bucket(700 * factor), 1L, Long::sum);
        }
        return ResponseTimes.of(histogram);
    }

    private static double bucket(double ms) {
        return ms < 100 ? Math.round(ms) : Math.round(ms / 10) * 10.0;
    }

    private static Measurement p95(ResponseTimes times) {
        double value = LocustPercentiles.percentile(times.buckets(), times.size(), 0.95);
        return new Measurement(INDEX, MetricValue.of(value), new Sample.Quantile(0.95, times));
    }

    /** The seed's index rule against a one-run baseline of 36 requests that drew 5% high. */
    private static Check judged(Measurement run, String minAbsoluteChange) {
        Measurement base = p95(times(36, 1, 1.05));
        ThresholdRule rule = new ThresholdRule(
                "rag_service",
                "index_p95_ms",
                null,
                "+30%",
                "+60%",
                null,
                minAbsoluteChange == null ? null : Double.valueOf(minAbsoluteChange),
                false,
                null);
        Baseline baseline = new Baseline(
                null, null, null, null, Map.of(), Map.of(INDEX, base.value()), Map.of(), Map.of(INDEX, base.sample()));
        return new Gate()
                .evaluate(Measurements.of(List.of(run)), baseline, new ThresholdRules(List.of(rule)), OPTIONS)
                .checks()
                .get(0);
    }

    /** 40 earlier runs of 36 requests, one slow call each: the p95 each measured is 240 ms. */
    private static UsualValue usual() {
        assertThat(p95(times(36, 1, 1)).value().asDouble()).isEqualTo(240);
        Sample pooled = new Sample.Quantile(0.95, times(36 * 40, 40, 1));
        return new UsualValue(40, 240, 190, 370, pooled);
    }

    @Test
    void aDoubledEndpointTheBaselineCannotShowPastTheFailLevelFailsAgainstTheHistory() {
        // x1.7 of the usual, as a doubled handler reached the client beside two CPU-bound processes
        Measurement run = p95(times(144, 4, 1.7));
        Check check = judged(run, null);
        assertThat(check.status()).isEqualTo(Status.WARN);
        assertThat(check.inconclusive()).isTrue();

        Check decided = HistoryWitness.decide(check, run.sample(), usual(), 0.95, FLAGGED)
                .orElseThrow();

        assertThat(decided.status()).isEqualTo(Status.FAIL);
        assertThat(decided.message())
                .isEqualTo(check.message().substring(0, check.message().length() - 1)
                        + "; against the usual value of its last 40 comparable runs, 240 ms from 1440 requests (the"
                        + " statistical gate finds rag_service index_avg_ms beyond their usual variation), it is"
                        + " beyond the fail level +60%: at least +67.9% at 95% confidence.");
        assertThat(check.message())
                .contains("from 144 requests vs 36 in the baseline that is inconclusive")
                .contains("the response times as a whole moved by +63.8% (+55.8% to +71.8% at 95% confidence)");
        ChangeEvidence evidence = decided.evidence();
        assertThat(evidence.reference()).isEqualTo(new ChangeEvidence.Reference(40, 240));
        assertThat(evidence.baselineRequests()).isEqualTo(1440);
        assertThat(evidence.runRequests()).isEqualTo(144);
        assertThat(evidence.conclusive()).isTrue();
        assertThat(evidence.lower()).isCloseTo(67.9, org.assertj.core.data.Offset.offset(0.05));
        // the numbers the rule compared stay the baseline's
        assertThat(decided.baseline()).isEqualTo(check.baseline());
        assertThat(decided.changePct()).isEqualTo(check.changePct());
    }

    @Test
    void aLevelTheValueDoesNotBreakAgainstTheBaselineIsNeverBrokenAgainstTheHistory() {
        // +56% against the baseline, a conclusive warning; against a usual value of 200 ms it would be +95%
        Measurement run = p95(times(144, 4, 1.6));
        Check check = judged(run, null);
        assertThat(check.status()).isEqualTo(Status.WARN);
        assertThat(check.changePct()).isLessThan(60);
        UsualValue lower = new UsualValue(40, 200, 160, 310, new Sample.Quantile(0.95, times(36 * 40, 40, 0.83)));

        assertThat(HistoryWitness.decide(check, run.sample(), lower, 0.95, FLAGGED))
                .isEmpty();
    }

    @Test
    void onlyAWarningUnderSamplingErrorIsJudgedAgain() {
        Measurement doubled = p95(times(144, 4, 2.2));
        Check failed = judged(doubled, null);
        assertThat(failed.status()).isEqualTo(Status.FAIL);
        Measurement usualRun = p95(times(36, 1, 1));
        Check passed = judged(usualRun, null);
        assertThat(passed.status()).isEqualTo(Status.PASS);
        Check plain = judged(p95(times(144, 4, 1.7)), null).rejudged(Status.WARN, "plain numbers.", null);

        assertThat(HistoryWitness.decide(failed, doubled.sample(), usual(), 0.95, FLAGGED))
                .isEmpty();
        assertThat(HistoryWitness.decide(passed, usualRun.sample(), usual(), 0.95, FLAGGED))
                .isEmpty();
        assertThat(HistoryWitness.decide(plain, doubled.sample(), usual(), 0.95, FLAGGED))
                .isEmpty();
    }

    @Test
    void aWarningLeftOpenAtTheWarningLevelIsDecidedThere() {
        // x1.4 of the usual: +36% against the baseline, whose 36 requests leave +30% open
        Measurement run = p95(times(144, 4, 1.4));
        Check check = judged(run, null);
        assertThat(check.status()).isEqualTo(Status.WARN);
        assertThat(check.inconclusive()).isTrue();

        Check decided = HistoryWitness.decide(check, run.sample(), usual(), 0.95, FLAGGED)
                .orElseThrow();

        assertThat(decided.status()).isEqualTo(Status.WARN);
        assertThat(decided.inconclusive()).isFalse();
        assertThat(decided.message())
                .endsWith("it is beyond the warning level +30%: at least +38.2% at 95% confidence.");
    }
}
