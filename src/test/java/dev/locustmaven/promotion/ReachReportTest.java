package dev.locustmaven.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locustmaven.model.Baseline;
import dev.locustmaven.model.LocustPercentiles;
import dev.locustmaven.model.Measurement;
import dev.locustmaven.model.Measurements;
import dev.locustmaven.model.MetricKey;
import dev.locustmaven.model.MetricValue;
import dev.locustmaven.model.ResponseTimes;
import dev.locustmaven.model.Sample;
import dev.locustmaven.thresholds.ThresholdRule;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ReachReportTest {

    private static final MetricKey INDEX = MetricKey.of("rag_service", "index_p95_ms");
    private static final MetricKey QUERY = new MetricKey("rag_service", "query", "p95_latency_ms");
    private static final List<ThresholdRule> RULES = List.of(
            new ThresholdRule("rag_service", "index_p95_ms", null, "+30%", "+60%", null, null, false, null),
            new ThresholdRule("rag_service", "p95_latency_ms", "*", "+25%", "+50%", null, null, false, null));

    private static final String HEADER = "Fail levels against this baseline, beyond sampling error at 95% confidence:"
            + " the smallest slowdown of every request that fails each, from one run and from a run as long as you"
            + " like";

    /** {@code requests} per run from 80 ms up in steps of {@code stepMs}, and one slow call of 400 ms, per run. */
    private static Sample.Quantile times(int runs, int requests, double stepMs) {
        Map<Double, Long> histogram = new TreeMap<>();
        for (int i = 0; i < requests - 1; i++) {
            histogram.merge(LocustPercentiles.bucket(80 + stepMs * i), (long) runs, Long::sum);
        }
        histogram.merge(400.0, (long) runs, Long::sum);
        return new Sample.Quantile(0.95, ResponseTimes.of(histogram));
    }

    private static Baseline baseline(int runs) {
        Sample.Quantile index = times(runs, 36, 4);
        Sample.Quantile query = times(runs, 400, 0.3);
        return new Baseline(
                null,
                null,
                null,
                null,
                Map.of(),
                Map.of(INDEX, value(index), QUERY, value(query)),
                Map.of(),
                Map.of(INDEX, index, QUERY, query));
    }

    private static MetricValue value(Sample.Quantile sample) {
        return MetricValue.of(LocustPercentiles.percentile(
                sample.times().buckets(), sample.times().size(), sample.fraction()));
    }

    @Test
    void aSingleRunBaselineSaysWhatEachFailLevelCatchesAndHowToNarrowAThinOne() {
        ReachReport report = ReachReport.of(baseline(1).measurements(), RULES, 1, true, 0.95);

        assertThat(report.lines())
                .containsExactly(
                        HEADER,
                        "  rag_service index_p95_ms, fail +60%: +82% from one run of 36 requests, +75% at best (36"
                                + " requests in the baseline)",
                        "  rag_service \"query\" p95_latency_ms, fail +50%: +55% from one run of 400 requests, +54% at"
                                + " best (400 requests in the baseline)");
        assertThat(report.advice())
                .containsExactly("rag_service index_p95_ms: from one run of 36 requests only a slowdown of +82% or more"
                        + " fails its fail level +60% (+75% however long the run, with the baseline's 36 requests);"
                        + " narrow it with more requests per run (a longer runTime or more users; confirmation reruns"
                        + " pool theirs), or with a baseline from several runs (mvn locust:baseline"
                        + " -Dlocust.baselineRuns=5 once the history has 5 comparable runs).");
    }

    @Test
    void aBaselineFromFiveRunsOfTheSameShapeReachesFurtherAndNeedsNoAdvice() {
        ReachReport report = ReachReport.of(baseline(5).measurements(), RULES, 5, true, 0.95);

        assertThat(report.lines())
                .containsExactly(
                        HEADER,
                        "  rag_service index_p95_ms, fail +60%: +76% from one run of 36 requests, +66% at best (180"
                                + " requests in the baseline)",
                        "  rag_service \"query\" p95_latency_ms, fail +50%: +54% from one run of 400 requests, +52% at"
                                + " best (2000 requests in the baseline)");
        // one run fails from 1.76 times its baseline, within 10% of the level's 1.6: nothing to narrow
        assertThat(report.advice()).isEmpty();
    }

    @Test
    void withoutSamplingErrorOrRulesThereIsNothingToSay() {
        assertThat(ReachReport.of(baseline(1).measurements(), RULES, 1, false, 0.95)
                        .lines())
                .isEmpty();
        assertThat(ReachReport.of(baseline(1).measurements(), List.of(), 1, true, 0.95)
                        .lines())
                .isEmpty();
    }

    @Test
    void aLevelOutOfReachSaysSoAndOnlyAMoreRequestsBaselineCanHelp() {
        Sample.Quantile five = new Sample.Quantile(0.95, ResponseTimes.of(Map.of(100.0, 4L, 300.0, 1L)));
        Measurements baseline = Measurements.of(List.of(new Measurement(INDEX, MetricValue.of(300), five)));

        ReachReport report = ReachReport.of(baseline, RULES, 1, true, 0.95);

        assertThat(report.lines().get(1))
                .isEqualTo("  rag_service index_p95_ms, fail +60%: more than +900% from one run of 5 requests, more"
                        + " than +900% at best (5 requests in the baseline)");
        assertThat(report.advice())
                .containsExactly("rag_service index_p95_ms: from one run of 5 requests no slowdown up to +900% fails"
                        + " its fail level +60% (more than +900% however long the run, with the baseline's 5"
                        + " requests); narrow it with a baseline from several runs (mvn locust:baseline"
                        + " -Dlocust.baselineRuns=5 once the history has 5 comparable runs).");
    }

    @Test
    void aSlowdownIsRoundedUpSoThatItNeverNamesAChangeThatWouldNotFail() {
        assertThat(ReachReport.slowdown(OptionalDouble.of(1.6049))).isEqualTo("+61%");
        assertThat(ReachReport.slowdown(OptionalDouble.of(1.6))).isEqualTo("+60%");
        assertThat(ReachReport.slowdown(OptionalDouble.of(1.0631))).isEqualTo("+6.4%");
        assertThat(ReachReport.slowdown(OptionalDouble.empty())).isEqualTo("more than +900%");
    }

    @Test
    void moreThanTenLevelsAreCounted() {
        List<ThresholdRule> twelve = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            twelve.add(new ThresholdRule(
                    "rag_service", "index_p95_ms", null, null, "+" + (60 + i) + "%", null, null, false, null));
        }

        List<String> lines = ReachReport.of(baseline(5).measurements(), twelve, 5, true, 0.95)
                .lines();

        assertThat(lines).hasSize(1 + 10 + 1);
        assertThat(lines.get(11)).isEqualTo("  and 2 more");
    }
}
