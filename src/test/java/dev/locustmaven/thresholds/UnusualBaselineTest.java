package dev.locustmaven.thresholds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locustmaven.model.Check;
import dev.locustmaven.model.Measurement;
import dev.locustmaven.model.Measurements;
import dev.locustmaven.model.MetricKey;
import dev.locustmaven.model.MetricValue;
import dev.locustmaven.model.ResponseTimes;
import dev.locustmaven.model.Sample;
import dev.locustmaven.model.Status;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A baseline that one run drew outside what its endpoint measured over the history's last runs. */
class UnusualBaselineTest {

    private static final MetricKey INDEX = MetricKey.of("rag_service", "index_p95_ms");
    private static final MetricKey RPS = MetricKey.of("rag_service", "rps");
    private static final String SEED_RULE = "warning +30% / fail +60%";

    /** The usual value of 64 runs that ranged from {@code lowest} to {@code highest}. */
    private static UsualValue usual(double value, double lowest, double highest) {
        return new UsualValue(
                64, value, lowest, highest, new Sample.Quantile(0.95, ResponseTimes.of(Map.of(value, 2779L))));
    }

    private static Check check(MetricKey key, double baseline, double current, String rule) {
        return new Check(
                key,
                MetricValue.of(baseline),
                MetricValue.of(current),
                current - baseline,
                (current - baseline) / baseline * 100,
                rule,
                Status.PASS,
                "within the levels");
    }

    @Test
    void aBaselineThatCaughtSlowCallsIsSaidToHideARegressionUntilItPassesTheBaseline() {
        // the short quiet campaign's baseline: 530 ms, where 12 runs measured 190 to 370 ms
        assertThat(UnusualBaseline.of(check(INDEX, 530, 350, SEED_RULE), usual(235, 190, 370)))
                .contains("rag_service index_p95_ms: the baseline's 530 ms lies above every one of the last 64"
                        + " comparable runs (190 to 370 ms, usually 235 ms); the baseline is +125.5% from that usual"
                        + " value, beyond the warning level +30%, so a value breaks that level only at 689 ms or more"
                        + " (+193.2% from the usual value). If those runs are how it should perform, promote the"
                        + " baseline from several of them: mvn locust:baseline -Dlocust.baselineRuns=5");
    }

    @Test
    void aBaselineDrawnLowIsSaidToMakeUnchangedBuildsBreachIt() {
        assertThat(UnusualBaseline.of(check(INDEX, 150, 240, SEED_RULE), usual(235, 190, 370)))
                .hasValueSatisfying(warning -> assertThat(warning)
                        .startsWith("rag_service index_p95_ms: the baseline's 150 ms lies below every one of the last"
                                + " 64 comparable runs (190 to 370 ms, usually 235 ms); that usual value is +56.7%"
                                + " from the baseline, beyond the warning level +30%, so unchanged builds breach it."));
    }

    @Test
    void aBaselineWithinTheRunsOrCloserThanTheFirstLevelIsNoWarning() {
        assertThat(UnusualBaseline.of(check(INDEX, 360, 240, SEED_RULE), usual(235, 190, 370)))
                .isEmpty();
        // above every run, but only +13% from the usual value
        assertThat(UnusualBaseline.of(check(INDEX, 260, 240, SEED_RULE), usual(230, 200, 250)))
                .isEmpty();
        // +60% from the usual value, but 15 ms are under the rule's floor
        assertThat(UnusualBaseline.of(check(INDEX, 40, 25, SEED_RULE + ", minAbsoluteChange 50"), usual(25, 20, 30)))
                .isEmpty();
    }

    @Test
    void whereAFallIsWorseALowBaselineHidesARegressionAndTheFailLevelDecidesWithoutAWarningLevel() {
        assertThat(UnusualBaseline.of(check(RPS, 30, 50, "fail -20%"), usual(50, 45, 55)))
                .hasValueSatisfying(warning -> assertThat(warning)
                        .contains("the baseline's 30 req/s lies below every one of the last 64 comparable runs"
                                + " (45 to 55 req/s, usually 50 req/s); the baseline is -40.0% from that usual value,"
                                + " beyond the fail level -20%, so a value breaks that level only at 24 req/s or"
                                + " less (-52.0% from the usual value)."));
        // a throughput drawn high: the usual value is -28.6% from it
        assertThat(UnusualBaseline.of(check(RPS, 70, 50, "warning -20% / fail -40%"), usual(50, 45, 55)))
                .hasValueSatisfying(warning -> assertThat(warning).contains("so unchanged builds breach it"));
    }

    @Test
    void aFixedLimitOrAMissingBaselineValueIsNoWarning() {
        assertThat(UnusualBaseline.of(check(INDEX, 530, 240, "fail > 1000"), usual(235, 190, 370)))
                .isEmpty();
        Check noBaseline =
                new Check(INDEX, null, MetricValue.of(240), null, null, SEED_RULE, Status.PASS, "no baseline value");
        assertThat(UnusualBaseline.of(noBaseline, usual(235, 190, 370))).isEmpty();
    }

    @Test
    void aValueAboutToBePromotedGetsTheWarningItsRuleWouldGiveFromTheNextCheckOn() {
        ThresholdRules rules = ThresholdRules.of(
                new ThresholdRule("rag_service", "index_p95_ms", null, "+30%", "+60%", null, null, false, null),
                new ThresholdRule("*", "error_rate_pct", null, null, "> 1", null, null, false, null));
        Measurements promoted = Measurements.of(List.of(
                new Measurement(INDEX, MetricValue.of(530), new Sample.Exact(36)),
                new Measurement(RPS, MetricValue.of(2), new Sample.Exact(1)),
                new Measurement(
                        MetricKey.of("rag_service", "error_rate_pct"), MetricValue.of(40), new Sample.Exact(36))));

        assertThat(UnusualBaseline.of(rules, promoted, key -> Optional.of(usual(235, 190, 370))))
                .containsExactly(UnusualBaseline.of(check(INDEX, 530, 350, SEED_RULE), usual(235, 190, 370))
                        .orElseThrow());
        assertThat(UnusualBaseline.of(rules, promoted, key -> Optional.empty()))
                .as("without a usual value from the history")
                .isEmpty();
    }
}
