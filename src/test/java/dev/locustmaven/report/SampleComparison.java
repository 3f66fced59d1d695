package dev.locustmaven.report;

import dev.locustmaven.compare.Comparison;
import dev.locustmaven.compare.PairedComparison;
import dev.locustmaven.compare.PairedRuns;
import dev.locustmaven.model.Measurement;
import dev.locustmaven.model.Measurements;
import dev.locustmaven.model.MetricKey;
import dev.locustmaven.model.MetricValue;
import dev.locustmaven.model.Sample;
import dev.locustmaven.thresholds.ThresholdRule;
import java.util.ArrayList;
import java.util.List;

/**
 * A comparison of three pairs judged by the real {@link PairedComparison}: a conclusive FAIL, an inconclusive WARN (its interval above no change), a
 * rate compared as a difference, a metric the change lacks, one only the change has, and an endpoint name that needs
 * escaping. Exact values, so that the intervals are the t intervals of the pairs. Public for the tests that publish
 * a comparison's report.
 */
public final class SampleComparison {

    static final MetricKey SLOW = new MetricKey("orders", "GET /orders|slow", "p95_latency_ms");
    static final MetricKey NOISY = new MetricKey("orders", "GET /search", "p95_latency_ms");
    static final MetricKey ERRORS = MetricKey.of("orders", "error_rate_pct");
    static final MetricKey RPS = MetricKey.of("orders", "rps");
    static final MetricKey GONE = new MetricKey("orders", "GET /legacy", "p95_latency_ms");
    static final MetricKey NEW = new MetricKey("orders", "GET /new", "p95_latency_ms");
    public static final String NOTE = "The base ran 2 s longer than the change in pair 2.";

    private SampleComparison() {}

    public static Comparison build() {
        List<Measurements> base = new ArrayList<>();
        List<Measurements> change = new ArrayList<>();
        double[][] slow = {{100, 130}, {102, 133}, {98, 127}};
        double[][] noisy = {{200, 270}, {200, 230}, {200, 250}};
        double[][] errors = {{0.5, 0.6}, {0.4, 0.5}, {0.6, 0.4}};
        double[][] rps = {{50, 50}, {49, 50}, {51, 50}};
        for (int i = 0; i < 3; i++) {
            base.add(Measurements.of(List.of(
                    m(SLOW, slow[i][0]),
                    m(NOISY, noisy[i][0]),
                    m(ERRORS, errors[i][0]),
                    m(RPS, rps[i][0]),
                    m(GONE, 5))));
            change.add(Measurements.of(List.of(
                    m(SLOW, slow[i][1]),
                    m(NOISY, noisy[i][1]),
                    m(ERRORS, errors[i][1]),
                    m(RPS, rps[i][1]),
                    m(NEW, 7))));
        }
        PairedRuns runs = new PairedRuns(base, change);
        PairedComparison comparison = new PairedComparison(0.95, true);
        ThresholdRule latency = rule("p95_latency_ms", "+10%", "+20%");
        ThresholdRule rate = rule("error_rate_pct", "+0.5", "+1");
        ThresholdRule throughput = rule("rps", null, "-20%");
        return Comparison.of(
                List.of(
                        comparison.judge(runs.metric(ERRORS), rate, 2),
                        comparison.judge(runs.metric(RPS), throughput, 3),
                        comparison.judge(runs.metric(GONE), latency, 1),
                        comparison.judge(runs.metric(NEW), latency, 1),
                        comparison.judge(runs.metric(SLOW), latency, 1),
                        comparison.judge(runs.metric(NOISY), latency, 1)),
                3,
                0.95,
                List.of(NOTE));
    }

    /**
     * One service with this many endpoints, each {@code GET /item/<i>} 30% slower in the change as {@link #SLOW} is:
     * a comparison whose report is as long as needed.
     */
    public static Comparison ofEndpoints(int endpoints) {
        List<MetricKey> keys = new ArrayList<>();
        for (int i = 0; i < endpoints; i++) {
            keys.add(new MetricKey("orders", "GET /item/" + i, "p95_latency_ms"));
        }
        double[][] slow = {{100, 130}, {102, 133}, {98, 127}};
        List<Measurements> base = new ArrayList<>();
        List<Measurements> change = new ArrayList<>();
        for (double[] pair : slow) {
            base.add(Measurements.of(keys.stream().map(k -> m(k, pair[0])).toList()));
            change.add(Measurements.of(keys.stream().map(k -> m(k, pair[1])).toList()));
        }
        PairedRuns runs = new PairedRuns(base, change);
        PairedComparison comparison = new PairedComparison(0.95, true);
        ThresholdRule latency = rule("p95_latency_ms", "+10%", "+20%");
        return Comparison.of(
                keys.stream()
                        .map(k -> comparison.judge(runs.metric(k), latency, 1))
                        .toList(),
                3,
                0.95,
                List.of());
    }

    private static ThresholdRule rule(String metric, String warning, String fail) {
        return new ThresholdRule(null, metric, null, warning, fail, null, null, false, null);
    }

    private static Measurement m(MetricKey key, double value) {
        Sample sample = key.metric().equals("rps") ? new Sample.Count(Math.round(value * 60)) : new Sample.Exact(100);
        return new Measurement(key, MetricValue.of(value), sample);
    }
}
