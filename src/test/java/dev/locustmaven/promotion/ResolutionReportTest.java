package dev.locustmaven.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locustmaven.model.Baseline;
import dev.locustmaven.model.LocustPercentiles;
import dev.locustmaven.model.MetricKey;
import dev.locustmaven.model.MetricValue;
import dev.locustmaven.model.ResponseTimes;
import dev.locustmaven.model.Sample;
import dev.locustmaven.thresholds.ThresholdRule;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ResolutionReportTest {

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
            double ms = 80 + stepMs * i;
            double width = LocustPercentiles.bucketWidth(ms);
            histogram.merge(Math.round(ms / width) * width, (long) runs, Long::sum);
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
        ResolutionReport report = ResolutionReport.of(baseline(1), RULES, 1, true, 0.95);

        assertThat(report.lines())
                .containsExactly(
                        HEADER,
                        "  rag_service index_p95_ms, fail +60%: +85% from one run of 36 requests, +79% at best (36"
                                + " requests in the baseline)",
                        "  rag_service \"query\" p95_latency_ms, fail +50%: +59% from one run of 400 requests, +58% at"
                                + " best (400 requests in the baseline)");
        assertThat(report.advice())
                .containsExactly("rag_service index_p95_ms: from one run of 36 requests only a slowdown of +85% or more"
                        + " fails its fail level +60% (+79% however long the run, with the baseline's 36 requests);"
                        + " narrow it with more requests per run (a longer runTime or more users; confirmation reruns"
                        + " pool theirs), or with a baseline from several runs (mvn locust:baseline"
                        + " -Dlocust.baselineRuns=5 once the history has 5 comparable runs).");
    }

    @Test
    void aBaselineFromFiveRunsOfTheSameShapeReachesFurtherButOneRunOf36RequestsStaysThin() {
        ResolutionReport report = ResolutionReport.of(baseline(5), RULES, 5, true, 0.95);

        assertThat(report.lines())
                .containsExactly(
                        HEADER,
                        "  rag_service index_p95_ms, fail +60%: +81% from one run of 36 requests, +71% at best (180"
                                + " requests in the baseline)",
                        "  rag_service \"query\" p95_latency_ms, fail +50%: +55% from one run of 400 requests, +55% at"
                                + " best (2000 requests in the baseline)");
        assertThat(report.advice())
                .containsExactly("rag_service index_p95_ms: from one run of 36 requests only a slowdown of +81% or more"
                        + " fails its fail level +60% (+71% however long the run, with the baseline's 180 requests);"
                        + " narrow it with more requests per run (a longer runTime or more users; confirmation reruns"
                        + " pool theirs).");
    }

    @Test
    void withoutSamplingErrorOrRulesThereIsNothingToSay() {
        assertThat(ResolutionReport.of(baseline(1), RULES, 1, false, 0.95).lines())
                .isEmpty();
        assertThat(ResolutionReport.of(baseline(1), List.of(), 1, true, 0.95).lines())
                .isEmpty();
    }

    @Test
    void moreThanTenLevelsAreCounted() {
        List<ThresholdRule> twelve = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            twelve.add(new ThresholdRule(
                    "rag_service", "index_p95_ms", null, null, "+" + (60 + i) + "%", null, null, false, null));
        }

        List<String> lines =
                ResolutionReport.of(baseline(5), twelve, 5, true, 0.95).lines();

        assertThat(lines).hasSize(1 + 10 + 1);
        assertThat(lines.get(11)).isEqualTo("  and 2 more");
    }
}
