package dev.locustmaven.thresholds;

/** Builds threshold rules the way Maven's configurator does: a no-arg constructor and setters. */
final class Rules {

    private Rules() {}

    static ThresholdRule rule(String service, String metric, String warning, String fail) {
        return new ThresholdRule(service, metric, null, warning, fail, null, null, false, null);
    }

    static ThresholdRule endpointRule(String service, String endpoint, String metric, String warning, String fail) {
        return new ThresholdRule(service, metric, endpoint, warning, fail, null, null, false, null);
    }

    /**
     * The seed document's alert thresholds as pom rules: its YAML per service, with its "0.5% increase" of an error
     * rate read as +0.5 points of {@code error_rate_pct} (the table's "+0.5%", the issue's {@code +0.5}), and the
     * boolean it baselines but did not check.
     */
    static ThresholdRules seedThresholds() {
        return ThresholdRules.of(
                rule("api_gateway", "p95_latency_ms", "+20%", "+50%"),
                rule("api_gateway", "p99_latency_ms", "+25%", "+60%"),
                rule(null, "error_rate_pct", "+0.5", "+1"),
                rule(null, "rps", "-20%", "-40%"),
                rule("rag_service", "query_p95_ms", "+25%", "+50%"),
                rule("rag_service", "index_p95_ms", "+30%", "+60%"),
                rule("rag_service", "qdrant_timeout_rate_pct", "+0.05", "+0.1"),
                rule("mcp_server", "tool_p95_ms", "+30%", "+50%"),
                rule("mcp_server", "sandbox_violations", "> 0", "> 1"),
                rule("mcp_server", "concurrent_limit_respected", null, "== false"));
    }
}
