package dev.locustmaven.check;

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
import dev.locustmaven.statistical.SeriesPoint;
import dev.locustmaven.thresholds.UsualValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunHistoryTest {

    private static final MetricKey P95 = MetricKey.of("api", "p95_latency_ms");
    private static final MetricKey RPS = MetricKey.of("api", "rps");
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final Fingerprint FINGERPRINT = Fingerprint.onThisMachine(1, null, null, null, "2.43.3", null);

    private static List<SeriesPoint> rising(double first, double step, int runs) {
        List<SeriesPoint> points = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            points.add(new SeriesPoint("run-" + i, START.plusSeconds(3600L * i), null, first + step * i));
        }
        return points;
    }

    @Test
    void aRisingLatencyIsReportedAndARisingThroughputIsNot() {
        Measurements current = Measurements.of(
                List.of(new Measurement(P95, MetricValue.of(130), 100), new Measurement(RPS, MetricValue.of(60), 100)));

        List<String> lines = RunHistory.degradingTrends(
                Map.of(P95, rising(100, 3, 10), RPS, rising(50, 1, 10)), current, START.plusSeconds(86_400), null);

        assertThat(lines).singleElement().asString().startsWith("Trend api/p95_latency_ms: degrading by +");
        assertThat(lines.get(0)).contains("over the last 11 comparable runs").contains("now 130");
    }

    @Test
    void twoRunsHaveNoTrend() {
        Measurements current = Measurements.of(List.of(new Measurement(P95, MetricValue.of(200), 100)));

        assertThat(RunHistory.degradingTrends(Map.of(P95, rising(100, 50, 1)), current, START, null))
                .isEmpty();
    }

    /** A run of {@code P95} at {@code value} ms from {@code requests} requests of that time, or without a sample. */
    private static HistoryRecord run(int index, double value, long requests, String segment, boolean withSample) {
        Map<MetricKey, Sample> samples = withSample
                ? Map.of(P95, new Sample.Quantile(0.95, ResponseTimes.of(Map.of(value, requests))))
                : Map.of();
        return HistoryRecord.of(
                START.plusSeconds(3600L * index),
                "run-" + index,
                new BuildEnvironment(null, null, null, null),
                segment,
                Status.PASS,
                1,
                Map.of("api", FINGERPRINT),
                Map.of(P95, MetricValue.of(value)),
                samples);
    }

    @Test
    void theUsualValueIsTheMedianOfTheLastRunsOfTheSegmentWithTheirRequestsPooled() {
        List<HistoryRecord> records = new ArrayList<>();
        records.add(run(0, 900, 10, "baseline 1", true)); // an earlier segment
        for (int i = 1; i <= 12; i++) {
            records.add(run(i, 100 + i, 30, "baseline 2", true));
        }

        UsualValue usual = RunHistory.usualValue(records, P95, FINGERPRINT, "baseline 2", 10, 10)
                .orElseThrow();

        // the last 10 of the segment: 103 to 112 ms
        assertThat(usual.runs()).isEqualTo(10);
        assertThat(usual.value()).isEqualTo(107.5);
        assertThat(usual.lowest()).isEqualTo(103);
        assertThat(usual.highest()).isEqualTo(112);
        assertThat(usual.sample().size()).isEqualTo(300);
        assertThat(RunHistory.usualValue(records, P95, FINGERPRINT, "baseline 2", 64, 13))
                .isEmpty();
        assertThat(RunHistory.usualValue(records, RPS, FINGERPRINT, "baseline 2", 64, 10))
                .isEmpty();
        records.add(run(13, 110, 30, "baseline 2", false));
        assertThat(RunHistory.usualValue(records, P95, FINGERPRINT, "baseline 2", 10, 10))
                .isEmpty();
    }
}
