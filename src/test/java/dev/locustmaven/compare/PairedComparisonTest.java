package dev.locustmaven.compare;

import static dev.locustmaven.compare.PairedStatisticsTest.measurement;
import static dev.locustmaven.compare.PairedStatisticsTest.pairs;
import static org.assertj.core.api.Assertions.assertThat;

import dev.locustmaven.model.Measurement;
import dev.locustmaven.model.Measurements;
import dev.locustmaven.model.MetricKey;
import dev.locustmaven.model.MetricValue;
import dev.locustmaven.model.Sample;
import dev.locustmaven.model.Status;
import dev.locustmaven.thresholds.ThresholdRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The status rules on small hand-made pairs; exact values, so that only the spread between pairs bounds a change. */
class PairedComparisonTest {

    private static final MetricKey P95 = new MetricKey("orders", "GET /orders", "p95_latency_ms");
    private static final MetricKey RPS = MetricKey.of("orders", "rps");
    private static final MetricKey ERRORS = MetricKey.of("orders", "error_rate_pct");
    private static final PairedComparison COMPARISON = new PairedComparison(0.95, true);

    @Test
    void anUnchangedSystemPasses() {
        PairedCheck check = judge(P95, new double[] {100, 104, 98}, new double[] {101, 103, 99}, rule("+10%", "+20%"));

        assertThat(check.status()).isEqualTo(Status.PASS);
        assertThat(check.message())
                .isEqualTo("orders \"GET /orders\" p95_latency_ms: 100.987 ms vs base 100.636 ms (+0.3%, interval"
                        + " -1.6% to +2.3%, 3 pairs), within warning +10% / fail +20%.");
        assertThat(check.paired().includesNoChange()).isTrue();
        assertThat(check.pairs()).isEqualTo(3);
        assertThat(check.failsBuild()).isFalse();
    }

    @Test
    void aChangeWhoseWholeIntervalLiesBeyondTheFailLevelFails() {
        PairedCheck check =
                judge(P95, new double[] {100, 100, 100}, new double[] {130, 131, 129}, rule("+10%", "+20%"));

        assertThat(check.status()).isEqualTo(Status.FAIL);
        assertThat(check.inconclusive()).isFalse();
        assertThat(check.message())
                .isEqualTo("orders \"GET /orders\" p95_latency_ms: 129.997 ms vs base 100 ms (+30.0%, interval +28.3%"
                        + " to +31.7%, 3 pairs), beyond the fail level +20%: at least +28.3% at 95% confidence.");
        assertThat(check.failsBuild()).isTrue();
    }

    @Test
    void aChangeAboveTheFailLevelWhoseIntervalHoldsNoChangePassesAndSaysSo() {
        PairedCheck check =
                judge(P95, new double[] {100, 100, 100}, new double[] {150, 100, 125}, rule("+10%", "+20%"));

        assertThat(check.status()).isEqualTo(Status.PASS);
        assertThat(check.inconclusive()).isFalse();
        assertThat(check.message())
                .isEqualTo("orders \"GET /orders\" p95_latency_ms: 123.311 ms vs base 100 ms (+23.3%, interval -12.4%"
                        + " to +73.7%, 3 pairs), at or beyond the fail level +20% by its value, but not told apart from"
                        + " no change: at 95% confidence the change may be only -12.4%; the 3 pairs disagree too much to"
                        + " tell; more pairs would narrow it.");
        assertThat(check.failsBuild()).isFalse();
    }

    @Test
    void aChangeAboveTheFailLevelWhoseIntervalLiesAboveNoChangeIsAnInconclusiveWarning() {
        PairedCheck check =
                judge(P95, new double[] {100, 100, 100}, new double[] {135, 112, 124}, rule("+10%", "+20%"));

        assertThat(check.status()).isEqualTo(Status.WARN);
        assertThat(check.inconclusive()).isTrue();
        assertThat(check.message())
                .contains("at or beyond the fail level +20% by its value, but that is inconclusive: at 95% confidence"
                        + " the change may be only +");
        assertThat(check.failsBuild()).isFalse();
    }

    @Test
    void anInconclusiveFailLevelThatIsBeyondTheWarningLevelWarnsAndSaysSo() {
        PairedCheck check =
                judge(P95, new double[] {100, 100, 100}, new double[] {118, 124, 121}, rule("+10%", "+20%"));

        assertThat(check.status()).isEqualTo(Status.WARN);
        assertThat(check.inconclusive()).isTrue();
        assertThat(check.message()).endsWith("; it is beyond the warning level +10%.");
    }

    @Test
    void aBreachOfTheWarningLevelAloneWarns() {
        PairedCheck check =
                judge(P95, new double[] {100, 100, 100}, new double[] {115, 116, 114}, rule("+10%", "+20%"));

        assertThat(check.status()).isEqualTo(Status.WARN);
        assertThat(check.inconclusive()).isFalse();
        assertThat(check.message()).contains("beyond the warning level +10%: at least +");
    }

    @Test
    void withSignificanceOffTheEstimateAloneDecides() {
        Rule rule = rule("+10%", "+20%");
        rule.setSignificance("off");

        PairedCheck check = judge(P95, new double[] {100, 100, 100}, new double[] {150, 100, 125}, rule);

        assertThat(check.status()).isEqualTo(Status.FAIL);
        assertThat(check.message()).endsWith(", at or beyond the fail level +20%.");
    }

    @Test
    void aThroughputFallIsJudgedByTheUpperBound() {
        Rule rule = rule(null, "-20%");
        rule.setMetric("rps");

        PairedCheck fall = judge(RPS, new double[] {100, 100, 100}, new double[] {70, 72, 71}, rule);
        PairedCheck rise = judge(RPS, new double[] {100, 100, 100}, new double[] {150, 152, 151}, rule);

        assertThat(fall.status()).isEqualTo(Status.FAIL);
        assertThat(fall.message()).contains("beyond the fail level -20%: at most -2");
        assertThat(rise.status()).isEqualTo(Status.PASS);
    }

    @Test
    void aRateIsADifferenceInPoints() {
        Rule rule = rule("+0.5", "+1");
        rule.setMetric("error_rate_pct");

        PairedCheck check = judge(ERRORS, new double[] {0.5, 0.6, 0.4}, new double[] {2.0, 2.2, 2.1}, rule);

        assertThat(check.status()).isEqualTo(Status.FAIL);
        assertThat(check.measure()).isEqualTo(Measure.DIFFERENCE);
        assertThat(check.message())
                .isEqualTo("orders error_rate_pct: 2.1% vs base 0.5% (+1.6 pp, interval +1.431 pp to +1.769 pp, 3"
                        + " pairs), beyond the fail level +1: at least +1.431 pp at 95% confidence.");
    }

    @Test
    void aFixedLimitStaysAPointComparisonOfTheChange() {
        Rule rule = rule(null, "> 500");

        PairedCheck breached = judge(P95, new double[] {600, 600, 600}, new double[] {480, 560, 520}, rule);
        PairedCheck within = judge(P95, new double[] {100, 100, 100}, new double[] {480, 490, 500}, rule);

        assertThat(breached.status()).isEqualTo(Status.FAIL);
        assertThat(breached.message()).endsWith(", breaking the fail limit > 500.");
        assertThat(within.status()).isEqualTo(Status.PASS);
    }

    @Test
    void aSmallAbsoluteChangeDoesNotCountUnderMinAbsoluteChange() {
        Rule rule = rule(null, "+20%");
        rule.setMinAbsoluteChange(5.0);

        PairedCheck check = judge(P95, new double[] {2, 2, 2}, new double[] {3, 3, 3}, rule);

        assertThat(check.status()).isEqualTo(Status.PASS);
        assertThat(check.message())
                .endsWith("; the change of +1 ms is under minAbsoluteChange 5, so it does not count.");
    }

    @Test
    void aZeroBaseBreachesARelativeLevelOnlyAboveMinAbsolute() {
        Rule rule = rule(null, "+50%");
        rule.setMetric("error_rate_pct");
        PairedCheck withoutFloor = judge(ERRORS, new double[] {0, 0, 0}, new double[] {1, 2, 1}, rule);
        rule.setMinAbsolute(1.0);
        PairedCheck aboveFloor = judge(ERRORS, new double[] {0, 0, 0}, new double[] {1, 2, 1}, rule);

        assertThat(withoutFloor.status()).isEqualTo(Status.PASS);
        assertThat(withoutFloor.message()).contains("a zero base has no relative change, so +50% cannot apply");
        assertThat(aboveFloor.status()).isEqualTo(Status.FAIL);
        assertThat(aboveFloor.message()).contains("above minAbsolute 1 from a zero base, which breaks the fail level");
    }

    @Test
    void aMetricTheChangeLacksIsMissingAndFailsUnlessAllowed() {
        PairedMetric metric = runs(List.of(m(P95, 100)), List.of(m(MetricKey.of("orders", "rps"), 5)))
                .metric(P95);
        Rule rule = rule(null, "+20%");

        PairedCheck missing = COMPARISON.judge(metric, rule.build(), 1);
        rule.setAllowMissing(true);
        PairedCheck allowed = COMPARISON.judge(metric, rule.build(), 1);

        assertThat(missing.status()).isEqualTo(Status.MISSING);
        assertThat(missing.message())
                .isEqualTo("orders \"GET /orders\" p95_latency_ms: the change has no value (the base has one),"
                        + " checked by fail +20%; this fails the build unless the rule sets allowMissing.");
        assertThat(missing.failsBuild()).isTrue();
        assertThat(allowed.failsBuild()).isFalse();
    }

    @Test
    void aMetricOnlyTheChangeHasHasNoBaseForAChangeLevelButMeetsItsLimits() {
        PairedMetric metric = runs(List.of(m(RPS, 5)), List.of(m(P95, 900))).metric(P95);
        Rule rule = rule("+20%", "> 800");

        PairedCheck check = COMPARISON.judge(metric, rule.build(), 1);

        assertThat(check.status()).isEqualTo(Status.FAIL);
        assertThat(check.base()).isNull();
        assertThat(check.message())
                .isEqualTo("orders \"GET /orders\" p95_latency_ms: 900 ms, breaking the fail limit > 800.");

        PairedCheck noBase = COMPARISON.judge(metric, rule(null, "+20%").build(), 1);
        assertThat(noBase.status()).isEqualTo(Status.NO_BASELINE);
        assertThat(noBase.failsBuild()).isFalse();
    }

    @Test
    void aConditionBreachesItsLimitWhenAnyRunOfTheChangeDoes() {
        MetricKey healthy = MetricKey.of("orders", "healthy");
        PairedRuns runs = new PairedRuns(
                List.of(Measurements.of(List.of(flag(healthy, true))), Measurements.of(List.of(flag(healthy, true)))),
                List.of(Measurements.of(List.of(flag(healthy, true))), Measurements.of(List.of(flag(healthy, false)))));
        Rule rule = rule(null, "== false");
        rule.setMetric("healthy");

        PairedCheck check = COMPARISON.judge(runs.metric(healthy), rule.build(), 1);

        assertThat(check.status()).isEqualTo(Status.FAIL);
        assertThat(check.message())
                .isEqualTo("orders healthy: false in 1 of 2 runs of the change, breaking the fail limit == false.");
    }

    @Test
    void aThinSampleLeavesTheBreachOpenAndAsksForLongerRuns() {
        List<Pair> pairs = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            pairs.add(
                    new Pair(measurement(RPS, 1.0, new Sample.Count(20)), measurement(RPS, 0.7, new Sample.Count(14))));
        }
        Rule rule = rule(null, "-20%");
        rule.setMetric("rps");

        PairedCheck check = COMPARISON.judge(metric(pairs), rule.build(), 1);

        assertThat(check.status()).isEqualTo(Status.WARN);
        assertThat(check.message()).endsWith("the runs' requests are too few to tell; longer runs would narrow it.");
        assertThat(check.changeRequests()).isEqualTo(42);
        assertThat(check.baseRequests()).isEqualTo(60);
    }

    @Test
    void theComparisonFailsWhenAnyCheckFailsTheBuild() {
        PairedCheck pass = judge(P95, new double[] {100, 100}, new double[] {100, 101}, rule(null, "+20%"));
        PairedCheck warn = judge(P95, new double[] {100, 100}, new double[] {115, 116}, rule("+10%", "+20%"));
        PairedCheck fail = judge(P95, new double[] {100, 100}, new double[] {150, 151}, rule(null, "+20%"));

        assertThat(Comparison.of(List.of(pass), 2, 0.95, List.of()).level()).isEqualTo(Status.PASS);
        assertThat(Comparison.of(List.of(pass, warn), 2, 0.95, List.of()).level())
                .isEqualTo(Status.WARN);
        assertThat(Comparison.of(List.of(pass, warn, fail), 2, 0.95, List.of()).level())
                .isEqualTo(Status.FAIL);
    }

    private static PairedCheck judge(MetricKey key, double[] base, double[] change, Rule rule) {
        return COMPARISON.judge(metric(pairs(key, base, change, v -> new Sample.Exact(0))), rule.build(), 1);
    }

    @Test
    void aRuleOfTheOtherKindFailsAndSaysWhy() {
        PairedCheck check = judge(P95, new double[] {100}, new double[] {100}, rule(null, "== true"));

        assertThat(check.status()).isEqualTo(Status.FAIL);
        assertThat(check.message())
                .isEqualTo("orders \"GET /orders\" p95_latency_ms: a number, which the rule fail == true (threshold #1)"
                        + " cannot judge.");
    }

    @Test
    void theRunsPairUpByPositionAndKeepTheChangeRunsWhoseBaseLacksTheMetric() {
        PairedRuns runs = new PairedRuns(
                List.of(Measurements.of(List.of(m(P95, 100))), Measurements.of(List.of(m(RPS, 5)))),
                List.of(
                        Measurements.of(List.of(m(P95, 110), m(RPS, 6))),
                        Measurements.of(List.of(m(P95, 120), m(RPS, 7)))));

        PairedMetric p95 = runs.metric(P95);

        assertThat(runs.pairs()).isEqualTo(2);
        assertThat(runs.keys()).containsExactly(RPS, P95);
        assertThat(p95.pairs()).hasSize(1);
        assertThat(p95.pairs().get(0).change().value()).isEqualTo(MetricValue.of(110));
        assertThat(p95.changeRuns()).hasSize(2);
        assertThat(p95.inBase()).isTrue();
        assertThat(runs.metric(RPS).pairs()).hasSize(1);
    }

    private static PairedMetric metric(List<Pair> pairs) {
        return new PairedMetric(
                pairs.get(0).base().key(),
                pairs,
                pairs.stream().map(Pair::change).toList(),
                true);
    }

    private static Rule rule(String warning, String fail) {
        Rule rule = new Rule();
        rule.metric = "p95_latency_ms";
        rule.warning = warning;
        rule.fail = fail;
        return rule;
    }

    /** A rule that a test changes step by step, built into the immutable rule where it is judged. */
    private static final class Rule {
        String metric;
        String warning;
        String fail;
        Double minAbsolute;
        Double minAbsoluteChange;
        boolean allowMissing;
        String significance;

        void setMetric(String metric) {
            this.metric = metric;
        }

        void setSignificance(String significance) {
            this.significance = significance;
        }

        void setMinAbsolute(Double minAbsolute) {
            this.minAbsolute = minAbsolute;
        }

        void setMinAbsoluteChange(Double minAbsoluteChange) {
            this.minAbsoluteChange = minAbsoluteChange;
        }

        void setAllowMissing(boolean allowMissing) {
            this.allowMissing = allowMissing;
        }

        ThresholdRule build() {
            return new ThresholdRule(
                    null, metric, null, warning, fail, minAbsolute, minAbsoluteChange, allowMissing, significance);
        }
    }

    private static PairedRuns runs(List<Measurement> base, List<Measurement> change) {
        return new PairedRuns(List.of(Measurements.of(base)), List.of(Measurements.of(change)));
    }

    private static Measurement m(MetricKey key, double value) {
        return new Measurement(key, MetricValue.of(value), 0);
    }

    private static Measurement flag(MetricKey key, boolean value) {
        return new Measurement(key, MetricValue.of(value), 0);
    }
}
