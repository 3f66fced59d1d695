package dev.locustmaven.export;

import dev.locustmaven.model.Check;
import dev.locustmaven.model.Measurement;
import dev.locustmaven.model.Measurements;
import dev.locustmaven.model.MetricKey;
import dev.locustmaven.model.MetricValue;
import dev.locustmaven.model.Status;
import dev.locustmaven.model.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Measurements and a verdict shaped like the plugin's: the numbers are those of the real Locust 2.47.0 run in
 * {@code src/it-fixtures/results} (Aggregated rows and endpoints of {@code run_stats.csv}).
 */
final class ExportFixtures {

    static final Instant RUN_TIME = Instant.parse("2026-11-28T12:00:00Z");
    static final String JOB = "locust";
    static final Map<String, String> GROUPING = Map.of("instance", "quickstart");

    private ExportFixtures() {}

    static Measurements measurements() {
        List<Measurement> all = new ArrayList<>();
        service(all, "api_gateway", null, 318, 0.0, 45.38530408786299, 13.01314794025125, 16, 62);
        service(all, "api_gateway", "GET /api/items", 271, 0.0, 38.67741323210966, 14.348293214021435, 16, 63);
        service(all, "api_gateway", "GET /health", 47, 0.0, 6.707890855753336, 5.314757106384846, 6, 8);
        service(all, "rag_service", null, 237, 0.0, 34.03582086363362, 43.693851945147976, 70, 92);
        service(all, "rag_service", "query", 167, 0.0, 23.983046768889512, 35.12290097604747, 39, 92);
        service(all, "mcp_server", null, 281, 0.0, 40.24319466792775, 24.838582007114177, 28, 74);
        all.add(new Measurement(MetricKey.of("rag_service", "query_p95_ms"), MetricValue.of(39), 167));
        all.add(new Measurement(MetricKey.of("mcp_server", "sandbox_violations"), MetricValue.of(0), 281));
        all.add(new Measurement(MetricKey.of("mcp_server", "concurrent_limit_respected"), MetricValue.of(true), 281));
        return Measurements.of(all);
    }

    private static void service(
            List<Measurement> all,
            String service,
            String endpoint,
            long requests,
            double errorRate,
            double rps,
            double avg,
            double p95,
            double p99) {
        add(all, service, endpoint, "request_count", requests, requests);
        add(all, service, endpoint, "error_rate_pct", errorRate, requests);
        add(all, service, endpoint, "rps", rps, requests);
        add(all, service, endpoint, "avg_latency_ms", avg, requests);
        add(all, service, endpoint, "p95_latency_ms", p95, requests);
        add(all, service, endpoint, "p99_latency_ms", p99, requests);
    }

    private static void add(
            List<Measurement> all, String service, String endpoint, String metric, double value, long requests) {
        all.add(new Measurement(new MetricKey(service, endpoint, metric), MetricValue.of(value), requests));
    }

    /** api_gateway's p95 warns, its p99 has two rules (PASS and FAIL), mcp_server lacks a checked metric. */
    static Verdict verdict(Status level) {
        return new Verdict(
                level,
                List.of(
                        check("api_gateway", null, "p95_latency_ms", 12.0, 16.0, Status.WARN),
                        check("api_gateway", null, "p99_latency_ms", 60.0, 62.0, Status.PASS),
                        check("api_gateway", null, "p99_latency_ms", 40.0, 62.0, Status.FAIL),
                        check("api_gateway", "GET /health", "p95_latency_ms", 6.0, 6.0, Status.PASS),
                        check("rag_service", null, "error_rate_pct", 0.0, 0.0, Status.PASS),
                        check("mcp_server", null, "tool_p99_ms", 70.0, null, Status.MISSING)),
                List.of());
    }

    private static Check check(
            String service, String endpoint, String metric, Double baseline, Double current, Status status) {
        MetricValue base = baseline == null ? null : MetricValue.of(baseline);
        MetricValue now = current == null ? null : MetricValue.of(current);
        Double delta = baseline == null || current == null ? null : current - baseline;
        return new Check(
                new MetricKey(service, endpoint, metric),
                base,
                now,
                delta,
                null,
                metric + " warning +20% fail +50%",
                status,
                metric + " is " + status);
    }
}
