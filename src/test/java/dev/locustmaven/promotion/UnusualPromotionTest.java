package dev.locustmaven.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locustmaven.history.BuildEnvironment;
import dev.locustmaven.history.Fingerprint;
import dev.locustmaven.history.HistoryRecord;
import dev.locustmaven.model.Measurement;
import dev.locustmaven.model.Measurements;
import dev.locustmaven.model.MetricKey;
import dev.locustmaven.model.MetricValue;
import dev.locustmaven.model.ResponseTimes;
import dev.locustmaven.model.Sample;
import dev.locustmaven.model.Status;
import dev.locustmaven.thresholds.ThresholdRule;
import dev.locustmaven.thresholds.ThresholdRules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A value promoted from one run that drew slow calls, set against the history's other runs. */
class UnusualPromotionTest {

    private static final MetricKey INDEX = MetricKey.of("rag_service", "index_p95_ms");
    private static final MetricKey RPS = MetricKey.of("rag_service", "rps");
    private static final ThresholdRules SEED_RULES = ThresholdRules.of(
            new ThresholdRule("rag_service", "index_p95_ms", null, "+30%", "+60%", null, null, false, null));
    private static final double[] USUAL_P95 = {190, 230, 240, 260, 370, 200, 240, 220, 250, 230, 210, 240};

    private static HistoryRecord run(int i, int users, double p95, double rps) {
        return HistoryRecord.of(
                Instant.parse("2026-12-01T00:00:00Z").plusSeconds(60L * i),
                "run-" + i,
                new BuildEnvironment("abc", "main", null, null),
                "baseline 1 2026-12-01T00:00:00Z",
                Status.PASS,
                1,
                Map.of("rag_service", new Fingerprint(users, null, null, null, "2.47.0", "Linux", "amd64", 2, "ci")),
                Map.of(INDEX, MetricValue.of(p95), RPS, MetricValue.of(rps)),
                Map.of(INDEX, new Sample.Quantile(0.95, ResponseTimes.of(Map.of(p95, 36L)))));
    }

    /** A run of 10 users that measured 900 ms, then 12 usual runs of 1 user, then the run of 530 ms. */
    private static List<HistoryRecord> history() {
        List<HistoryRecord> runs = new ArrayList<>();
        runs.add(run(0, 10, 900, 50));
        for (int i = 0; i < USUAL_P95.length; i++) {
            runs.add(run(i + 1, 1, USUAL_P95[i], 56));
        }
        runs.add(run(13, 1, 530, 55.5));
        return runs;
    }

    private static Measurements promoted(double p95, double rps) {
        return Measurements.of(List.of(
                new Measurement(INDEX, MetricValue.of(p95), new Sample.Exact(36)),
                new Measurement(RPS, MetricValue.of(rps), new Sample.Exact(1))));
    }

    @Test
    void theResultsDirectorysRunIsSetAgainstTheOtherComparableRuns() {
        Measurements promoted = promoted(530, 55.5);

        assertThat(UnusualPromotion.warnings(
                        history(), promoted, UnusualPromotion.holdsTheValuesOf(promoted), SEED_RULES, 64, 10))
                .containsExactly("rag_service index_p95_ms: the baseline's 530 ms lies above every one of the last 12"
                        + " comparable runs (190 to 370 ms, usually 235 ms); the baseline is +125.5% from that usual"
                        + " value, beyond the warning level +30%, so a value breaks that level only at 689 ms or more"
                        + " (+193.2% from the usual value). If those runs are how it should perform, promote the"
                        + " baseline from several of them: mvn locust:baseline -Dlocust.baselineRuns=5");
    }

    @Test
    void aPromotedRunLiesWithinARangeThatIncludesItselfAndTooShortAHistoryIsNotCompared() {
        Measurements promoted = promoted(530, 55.5);

        assertThat(UnusualPromotion.warnings(history(), promoted, (service, run) -> false, SEED_RULES, 64, 10))
                .isEmpty();
        assertThat(UnusualPromotion.warnings(
                        history(), promoted, UnusualPromotion.holdsTheValuesOf(promoted), SEED_RULES, 64, 13))
                .as("12 other comparable runs, 13 needed")
                .isEmpty();
    }

    @Test
    void aRecordHoldsTheResultsDirectorysRunOnlyWhenEveryNumberOfTheServiceIsTheSame() {
        HistoryRecord recorded = run(13, 1, 530, 55.5);

        assertThat(UnusualPromotion.holdsTheValuesOf(promoted(530, 55.5)).test("rag_service", recorded))
                .isTrue();
        assertThat(UnusualPromotion.holdsTheValuesOf(promoted(530, 55.6)).test("rag_service", recorded))
                .isFalse();
        assertThat(UnusualPromotion.holdsTheValuesOf(promoted(530, 55.5)).test("api_gateway", recorded))
                .as("nothing of that service was promoted")
                .isFalse();
    }
}
