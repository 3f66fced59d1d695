package dev.locustmaven.thresholds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.locustmaven.model.Baseline;
import dev.locustmaven.model.ChangeEvidence;
import dev.locustmaven.model.Check;
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

/** The rules' verdict under sampling error: thin samples warn, thick ones fail, plain numbers stay exact. */
class SamplingErrorGateTest {

    private static final MetricKey INDEX = MetricKey.of("rag_service", "index_p95_ms");
    private static final MetricKey ERRORS = MetricKey.of("rag_service", "error_rate_pct");
    private static final GateOptions OPTIONS = GateOptions.at(Instant.parse("2026-12-01T00:00:00Z"));

    /** {@code n} response times: most at 100-119 ms, {@code slow} of them at {@code slowMs}, scaled by {@code factor}. */
    private static ResponseTimes times(int n, int slow, double slowMs, double factor) {
        Map<Double, Long> histogram = new TreeMap<>();
        for (int i = 0; i < n - slow; i++) {
            histogram.merge(bucket((100 + i % 20) * factor), 1L, Long::sum);
        }
        for (int i = 0; i < slow; i++) {
            histogram.merge(bucket(slowMs * factor), 1L, Long::sum);
        }
        return ResponseTimes.of(histogram);
    }

    /** Locust's buckets: 1 ms below 100, 10 ms below 1000. */
    private static double bucket(double ms) {
        return ms < 100 ? Math.round(ms) : Math.round(ms / 10) * 10.0;
    }

    private static Measurement p95(ResponseTimes times) {
        Sample.Quantile sample = new Sample.Quantile(0.95, times);
        double value = dev.locustmaven.model.LocustPercentiles.percentile(times.buckets(), times.size(), 0.95);
        return new Measurement(INDEX, MetricValue.of(value), sample);
    }

    private static Baseline baseline(Measurement... measurements) {
        Map<MetricKey, MetricValue> values = new TreeMap<>();
        Map<MetricKey, Sample> samples = new TreeMap<>();
        for (Measurement m : measurements) {
            values.put(m.key(), m.value());
            samples.put(m.key(), m.sample());
        }
        return new Baseline(null, null, null, null, Map.of(), values, Map.of(), samples);
    }

    private static ThresholdRules seedIndexRule(String significance) {
        ThresholdRule rule =
                new ThresholdRule("rag_service", "index_p95_ms", null, "+30%", "+60%", null, null, false, significance);
        return new ThresholdRules(List.of(rule));
    }

    /**
     * The index rule on a baseline whose p95 of 36 requests is one of its two slow calls (380 ms), against a run of 33
     * requests without slow calls, every one {@code factor} times as long as the baseline's fast ones.
     */
    private static Check againstTwoSlowCallsAt380Ms(double factor) {
        Measurement base = p95(times(36, 2, 380, 1));
        Measurement run = p95(times(33, 0, 0, factor));
        return only(Measurements.of(List.of(run)), baseline(base), seedIndexRule(null), OPTIONS);
    }

    private static Check only(Measurements current, Baseline baseline, ThresholdRules rules, GateOptions options) {
        return new Gate().evaluate(current, baseline, rules, options).checks().get(0);
    }

    @Test
    void twoSlowCallsOfThirtyFiveAreInconclusiveNotAFailure() {
        // the baseline run had no slow call; this one has two of 35 at 300 ms, so its p95 is 300 ms
        Measurement base = p95(times(35, 0, 0, 1));
        Measurement run = p95(times(35, 2, 300, 1));

        Check check = only(Measurements.of(List.of(run)), baseline(base), seedIndexRule(null), OPTIONS);

        assertThat(run.value().asDouble()).isEqualTo(300);
        assertThat(check.status()).isEqualTo(Status.WARN);
        assertThat(check.inconclusive()).isTrue();
        assertThat(check.message())
                .isEqualTo("rag_service index_p95_ms: 300 ms vs baseline 120 ms (+150.0%), above the fail level +60%"
                        + " by its value, but from 35 requests vs 35 in the baseline that is inconclusive: at 95%"
                        + " confidence the requests cannot bound the change, and the response times as a whole moved"
                        + " by +0.5% (-1.9% to +3.1% at 95% confidence); about "
                        + check.evidence().requestsToDecide()
                        + " requests in both the run and the baseline would tell +60% apart (the baseline's value comes"
                        + " from 35).");
        // 2 slow calls in 35 are 5.7%, barely above the 5% a p95 lets through: it takes thousands to tell
        assertThat(check.evidence().requestsToDecide()).isEqualTo(3_100L);
    }

    @Test
    void aThinEndpointTwiceAsSlowFailsOnItsResponseTimesAsAWhole() {
        // a p95 of 36 requests has no upper bound, so the percentiles alone cannot tell; all 33 requests moved twofold
        Measurement base = p95(times(36, 1, 360, 1));
        Measurement run = p95(times(33, 1, 360, 2));

        Check check = only(Measurements.of(List.of(run)), baseline(base), seedIndexRule(null), OPTIONS);

        assertThat(check.status()).isEqualTo(Status.FAIL);
        assertThat(check.evidence().basis()).isEqualTo(ChangeEvidence.Basis.RESPONSE_TIMES);
        assertThat(check.message())
                .isEqualTo("rag_service index_p95_ms: 240 ms vs baseline 120 ms (+100.0%), above the fail level +60%,"
                        + " beyond sampling error: the response times as a whole moved by at least +93.2% at 95%"
                        + " confidence from 33 requests vs 36 in the baseline (the value's own bounds do not reach"
                        + " the level).");
    }

    @Test
    void anInconclusiveValueSaysHowFarTheResponseTimesAsAWholeMoved() {
        // every request 1.65 times as long: the p95 of 33 requests is above +60% but has no bounds of its own, and the
        // shift's bound falls just short of +60%; the message gives the shift, the figure behind the warning level
        Measurement base = p95(times(36, 1, 360, 1));
        Measurement run = p95(times(33, 1, 360, 1.65));

        Check check = only(Measurements.of(List.of(run)), baseline(base), seedIndexRule(null), OPTIONS);

        assertThat(check.status()).isEqualTo(Status.WARN);
        assertThat(check.inconclusive()).isTrue();
        assertThat(check.message())
                .isEqualTo("rag_service index_p95_ms: 200 ms vs baseline 120 ms (+66.7%), above the fail level +60%"
                        + " by its value, but from 33 requests vs 36 in the baseline that is inconclusive: at 95%"
                        + " confidence the requests cannot bound the change, and the response times as a whole moved"
                        + " by +63.3% (+59.5% to +67.1% at 95% confidence); about 81 requests would tell +60% apart;"
                        + " it is beyond the warning level +30%.");
        assertThat(check.evidence().basis()).isEqualTo(ChangeEvidence.Basis.VALUE);
        assertThat(check.evidence().responseTimes().change()).isCloseTo(63.3, within(0.05));
        assertThat(check.evidence().responseTimes().lower()).isCloseTo(59.5, within(0.05));
        assertThat(check.evidence().responseTimes().upper()).isCloseTo(67.1, within(0.05));
    }

    @Test
    void aBaselineP95OnTwoSlowCallsDoesNotHideASlowdownOfEveryRequest() {
        // the baseline's p95 is one of its two slow calls; the run has none, but every request takes twice as long
        Check check = againstTwoSlowCallsAt380Ms(2);

        assertThat(check.status()).isEqualTo(Status.FAIL);
        assertThat(check.message())
                .isEqualTo("rag_service index_p95_ms: 240 ms vs baseline 380 ms (-36.8%), within the fail level +60% by"
                        + " its value, but beyond it by the response times as a whole: they moved by at least +92.1% at"
                        + " 95% confidence from 33 requests vs 36 in the baseline.");
        assertThat(check.evidence().responseTimes().lower()).isCloseTo(92.1, within(0.05));
    }

    @Test
    void aShiftWhoseEstimateReachesTheFailLevelButNotItsBoundsIsInconclusive() {
        // the baseline's p95 is one of its two slow calls; every run request takes 1.65 times as long: the value stays
        // within the fail level, the response times' estimate reaches it, their bounds only the warning level
        Check check = againstTwoSlowCallsAt380Ms(1.65);

        assertThat(check.status()).isEqualTo(Status.WARN);
        assertThat(check.inconclusive()).isTrue();
        assertThat(check.evidence().basis()).isEqualTo(ChangeEvidence.Basis.RESPONSE_TIMES);
        assertThat(check.message())
                .isEqualTo(
                        "rag_service index_p95_ms: 190 ms vs baseline 380 ms (-50.0%), within the fail level +60% by its value, but the response times as a whole moved by +62.5%, beyond it, from 33 requests vs 36 in the baseline, which is inconclusive: at 95% confidence the change may be only +58.6%; about 88 requests in both the run and the baseline would tell +60% apart (the baseline's value comes from 36); it is beyond the warning level +30%.");
    }

    @Test
    void aShiftWhoseEstimateReachesTheWarningLevelButNotItsBoundsIsAnInconclusiveWarning() {
        Check check = againstTwoSlowCallsAt380Ms(1.33);

        assertThat(check.status()).isEqualTo(Status.WARN);
        assertThat(check.inconclusive()).isTrue();
        assertThat(check.message())
                .isEqualTo(
                        "rag_service index_p95_ms: 160 ms vs baseline 380 ms (-57.9%), within the warning level +30% by its value, but the response times as a whole moved by +30.9%, beyond it, from 33 requests vs 36 in the baseline, which is inconclusive: at 95% confidence the change may be only +27.4%; about 530 requests in both the run and the baseline would tell +30% apart (the baseline's value comes from 36).");
    }

    @Test
    void aShiftWithinTheLevelsLeavesAValueWithinThemAlone() {
        Check check = againstTwoSlowCallsAt380Ms(1.2);

        assertThat(check.status()).isEqualTo(Status.PASS);
    }

    @Test
    void aRangeReachingBelowNoChangeSaysTheRequestsCannotRuleOutNoChange() {
        // 9 slow calls in 200 keep the baseline's p95 in the fast group; 11 put the run's p95 among the slow ones
        Measurement base = p95(times(200, 9, 200, 1));
        Measurement run = p95(times(200, 11, 200, 1));

        Check check = only(Measurements.of(List.of(run)), baseline(base), seedIndexRule(null), OPTIONS);

        assertThat(check.inconclusive()).isTrue();
        assertThat(check.evidence().lower()).isLessThan(0);
        assertThat(check.message())
                .contains("that is inconclusive: at 95% confidence the requests cannot rule out no change (the change"
                        + " may be as low as " + Gate.percent(check.evidence().lower()) + "), and the response times"
                        + " as a whole moved by +0.1% (-1.0% to +1.3% at 95% confidence);")
                .doesNotContain("may be only");
    }

    @Test
    void theSameDataFailsWithSignificanceOff() {
        Measurement base = p95(times(35, 0, 0, 1));
        Measurement run = p95(times(35, 2, 300, 1));

        Check check = only(Measurements.of(List.of(run)), baseline(base), seedIndexRule("off"), OPTIONS);

        assertThat(check.status()).isEqualTo(Status.FAIL);
        assertThat(check.evidence()).isNull();
        assertThat(check.message())
                .isEqualTo("rag_service index_p95_ms: 300 ms vs baseline 120 ms (+150.0%), above the fail level +60%.");
    }

    @Test
    void aDoublingSeenInEnoughRequestsFails() {
        Measurement base = p95(times(400, 8, 300, 1));
        Measurement run = p95(times(400, 8, 300, 2));

        Check check = only(Measurements.of(List.of(run)), baseline(base), seedIndexRule(null), OPTIONS);

        assertThat(check.status()).isEqualTo(Status.FAIL);
        assertThat(check.inconclusive()).isFalse();
        assertThat(check.evidence().lower()).isGreaterThanOrEqualTo(60);
        assertThat(check.message())
                .contains("beyond sampling error: at least +")
                .contains("from 400 requests vs 400");
    }

    @Test
    void aRunAtTheSameLevelAsItsBaselinePassesWhateverItsSize() {
        Measurement base = p95(times(35, 1, 300, 1));
        Measurement run = p95(times(35, 1, 300, 1));

        Check check = only(Measurements.of(List.of(run)), baseline(base), seedIndexRule(null), OPTIONS);

        assertThat(check.status()).isEqualTo(Status.PASS);
    }

    @Test
    void anErrorRateRiseOfOneFailedRequestInThirtyFiveIsInconclusive() {
        ThresholdRule rule = new ThresholdRule(null, "error_rate_pct", null, "+0.5", "+1", null, null, false, null);
        Measurement base = new Measurement(ERRORS, MetricValue.of(0), new Sample.Proportion(0, 35));
        Measurement run = new Measurement(ERRORS, MetricValue.of(100.0 / 35), new Sample.Proportion(1, 35));

        Check check = only(Measurements.of(List.of(run)), baseline(base), new ThresholdRules(List.of(rule)), OPTIONS);

        assertThat(check.status()).isEqualTo(Status.WARN);
        assertThat(check.inconclusive()).isTrue();
        assertThat(check.message()).contains("above the fail level +1 by its value, but from 35 requests vs 35");
    }

    @Test
    void anErrorRateOfTwentyInFourHundredAgainstNoneInFourHundredFails() {
        ThresholdRule rule = new ThresholdRule(null, "error_rate_pct", null, null, "+1", null, null, false, null);
        Measurement base = new Measurement(ERRORS, MetricValue.of(0), new Sample.Proportion(0, 400));
        Measurement run = new Measurement(ERRORS, MetricValue.of(5), new Sample.Proportion(20, 400));

        Check check = only(Measurements.of(List.of(run)), baseline(base), new ThresholdRules(List.of(rule)), OPTIONS);

        assertThat(check.status()).isEqualTo(Status.FAIL);
    }

    @Test
    void aPluginWideSwitchOffRestoresPointComparison() {
        Measurement base = p95(times(35, 0, 0, 1));
        Measurement run = p95(times(35, 2, 300, 1));

        Check check = only(
                Measurements.of(List.of(run)),
                baseline(base),
                seedIndexRule(null),
                OPTIONS.withSignificance(false, GateOptions.DEFAULT_CONFIDENCE));

        assertThat(check.status()).isEqualTo(Status.FAIL);
    }

    @Test
    void aRuleCanKeepSignificanceOnWhenThePluginTurnsItOff() {
        Measurement base = p95(times(35, 0, 0, 1));
        Measurement run = p95(times(35, 2, 300, 1));

        Check check = only(
                Measurements.of(List.of(run)),
                baseline(base),
                seedIndexRule("on"),
                OPTIONS.withSignificance(false, GateOptions.DEFAULT_CONFIDENCE));

        assertThat(check.status()).isEqualTo(Status.WARN);
    }

    @Test
    void aBadSignificanceIsAValidationError() {
        ThresholdRule rule = new ThresholdRule(null, "p95_latency_ms", null, null, "+50%", null, null, false, "maybe");

        assertThat(rule.validate())
                .containsExactly("threshold (service *, metric p95_latency_ms): significance must be on or off, not"
                        + " 'maybe'");
    }
}
