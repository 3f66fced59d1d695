package dev.locustmaven.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locustmaven.model.Measurement;
import dev.locustmaven.model.Measurements;
import dev.locustmaven.model.MetricKey;
import dev.locustmaven.model.MetricValue;
import dev.locustmaven.statistical.SeriesPoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunHistoryTest {

    private static final MetricKey P95 = MetricKey.of("api", "p95_latency_ms");
    private static final MetricKey RPS = MetricKey.of("api", "rps");
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

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
}
