package dev.locustmaven.thresholds;

import dev.locustmaven.model.Baseline;
import dev.locustmaven.model.Measurement;
import dev.locustmaven.model.Measurements;
import dev.locustmaven.model.MetricKey;
import dev.locustmaven.model.MetricValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The seed document's baseline (docs/performance-baselines.json with its versioning block), as a record. */
final class SeedBaseline {

    static final Instant VALID_UNTIL = Instant.parse("2025-11-17T12:00:00Z");
    static final Instant BEFORE_EXPIRY = Instant.parse("2025-10-20T08:00:00Z");

    private SeedBaseline() {}

    static Baseline baseline() {
        Map<MetricKey, MetricValue> values = new LinkedHashMap<>();
        put(values, "api_gateway", "baseline_users", 1);
        put(values, "api_gateway", "avg_latency_ms", 450);
        put(values, "api_gateway", "p50_latency_ms", 420);
        put(values, "api_gateway", "p95_latency_ms", 650);
        put(values, "api_gateway", "p99_latency_ms", 800);
        put(values, "api_gateway", "error_rate_pct", 0.0);
        put(values, "api_gateway", "rps", 2.5);
        put(values, "rag_service", "baseline_users", 1);
        put(values, "rag_service", "query_avg_ms", 900);
        put(values, "rag_service", "query_p95_ms", 1200);
        put(values, "rag_service", "query_p99_ms", 1500);
        put(values, "rag_service", "index_avg_ms", 1800);
        put(values, "rag_service", "index_p95_ms", 2500);
        put(values, "rag_service", "error_rate_pct", 0.0);
        put(values, "rag_service", "rps", 0.8);
        put(values, "rag_service", "qdrant_timeout_rate_pct", 0.0);
        put(values, "mcp_server", "baseline_users", 1);
        put(values, "mcp_server", "tool_avg_ms", 1200);
        put(values, "mcp_server", "tool_p95_ms", 1500);
        put(values, "mcp_server", "tool_p99_ms", 1800);
        put(values, "mcp_server", "error_rate_pct", 0.0);
        put(values, "mcp_server", "success_rate_pct", 100.0);
        put(values, "mcp_server", "sandbox_violations", 0);
        values.put(MetricKey.of("mcp_server", "concurrent_limit_respected"), MetricValue.of(true));
        return new Baseline(
                "2025-10-17",
                Instant.parse("2025-10-17T12:00:00Z"),
                VALID_UNTIL,
                "automation@issue-24",
                Map.of(
                        "test_environment", "GitHub Actions CPU profile",
                        "locust_version", "2.20.0",
                        "phase_3_run_id", "load-test-run-2025-10-17"),
                values,
                Map.of());
    }

    private static void put(Map<MetricKey, MetricValue> values, String service, String metric, double value) {
        values.put(MetricKey.of(service, metric), MetricValue.of(value));
    }

    /** A run's service-level values: {@code "service", "metric", value, …} with a number or boolean value. */
    static Measurements run(Object... serviceMetricValue) {
        List<Measurement> measurements = new ArrayList<>();
        for (int i = 0; i < serviceMetricValue.length; i += 3) {
            Object value = serviceMetricValue[i + 2];
            measurements.add(new Measurement(
                    MetricKey.of((String) serviceMetricValue[i], (String) serviceMetricValue[i + 1]),
                    value instanceof Boolean flag
                            ? MetricValue.of(flag)
                            : MetricValue.of(((Number) value).doubleValue()),
                    100));
        }
        return Measurements.of(measurements);
    }

    /** A run whose every value the seed rules check is healthy. */
    static Object[] healthyValues() {
        return new Object[] {
            "api_gateway",
            "p95_latency_ms",
            700,
            "api_gateway",
            "p99_latency_ms",
            850,
            "api_gateway",
            "error_rate_pct",
            0.2,
            "api_gateway",
            "rps",
            2.6,
            "rag_service",
            "query_p95_ms",
            1300,
            "rag_service",
            "index_p95_ms",
            2600,
            "rag_service",
            "error_rate_pct",
            0.0,
            "rag_service",
            "rps",
            0.85,
            "rag_service",
            "qdrant_timeout_rate_pct",
            0.0,
            "mcp_server",
            "tool_p95_ms",
            1600,
            "mcp_server",
            "error_rate_pct",
            0.0,
            "mcp_server",
            "sandbox_violations",
            0,
            "mcp_server",
            "concurrent_limit_respected",
            true
        };
    }

    /** The healthy run with some values replaced: {@code "service", "metric", value, …}. */
    static Measurements healthyRunWith(Object... replacements) {
        Map<MetricKey, Object> values = new LinkedHashMap<>();
        Object[] healthy = healthyValues();
        for (int i = 0; i < healthy.length; i += 3) {
            values.put(MetricKey.of((String) healthy[i], (String) healthy[i + 1]), healthy[i + 2]);
        }
        for (int i = 0; i < replacements.length; i += 3) {
            values.put(MetricKey.of((String) replacements[i], (String) replacements[i + 1]), replacements[i + 2]);
        }
        List<Object> flat = new ArrayList<>();
        values.forEach((key, value) -> {
            flat.add(key.service());
            flat.add(key.metric());
            flat.add(value);
        });
        return run(flat.toArray());
    }
}
