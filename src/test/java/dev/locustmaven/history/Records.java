package dev.locustmaven.history;

import dev.locustmaven.model.MetricKey;
import dev.locustmaven.model.MetricValue;
import dev.locustmaven.model.Status;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Records for the history tests. */
final class Records {

    static final Fingerprint FINGERPRINT =
            new Fingerprint(10, 2.0, 60.0, List.of("WebsiteUser"), "2.47.0", "Linux", "amd64", 2, "ci");

    private Records() {}

    static HistoryRecord record(String runId, Instant time, double p95) {
        Map<MetricKey, MetricValue> metrics = new TreeMap<>();
        metrics.put(MetricKey.of("api", "p95_latency_ms"), MetricValue.of(p95));
        metrics.put(MetricKey.of("api", "rps"), MetricValue.of(12.5));
        metrics.put(new MetricKey("api", "GET /users/{id}", "p95_latency_ms"), MetricValue.of(p95 + 1));
        metrics.put(MetricKey.of("mcp", "concurrent_limit_respected"), MetricValue.of(true));
        return HistoryRecord.of(
                time,
                runId,
                new BuildEnvironment("abc123", "main", "https://ci.example/1", "1"),
                "baseline 2026-01-01 2026-01-01T00:00:00Z",
                Status.PASS,
                1,
                Map.of("api", FINGERPRINT),
                metrics,
                Map.of());
    }
}
