package dev.locustmaven.report;

import dev.locustmaven.model.Check;
import dev.locustmaven.model.MetricKey;
import dev.locustmaven.model.MetricValue;
import dev.locustmaven.model.Status;
import dev.locustmaven.model.Verdict;
import java.util.List;

/** A verdict with every status, a zero baseline, a flag, an endpoint metric and text that needs escaping. */
final class SampleVerdict {

    static final String STALE = "The baseline docs/performance-baselines.json expired on 2025-11-17T12:00:00Z";

    private SampleVerdict() {}

    static Verdict build() {
        return build(false);
    }

    static Verdict build(boolean missingAllowed) {
        return new Verdict(
                Status.FAIL,
                List.of(
                        new Check(
                                MetricKey.of("api_gateway", "p95_latency_ms"),
                                MetricValue.of(650),
                                MetricValue.of(812),
                                162.0,
                                24.923,
                                "p95_latency_ms warning +20% fail +50%",
                                Status.WARN,
                                "api_gateway p95_latency_ms: 812 ms is 24.9% above the baseline 650 ms; warning at +20%"),
                        new Check(
                                new MetricKey("api_gateway", "GET /items", "p95_latency_ms"),
                                MetricValue.of(12),
                                MetricValue.of(30),
                                18.0,
                                150.0,
                                "p95_latency_ms warning +20% fail +50%",
                                Status.FAIL,
                                "api_gateway GET /items p95_latency_ms: 30 ms is 150.0% above the baseline 12 ms; fail at +50%"),
                        new Check(
                                MetricKey.of("api_gateway", "error_rate_pct"),
                                MetricValue.of(0.0),
                                MetricValue.of(1.5),
                                1.5,
                                null,
                                "error_rate_pct warning +0.5 fail +1",
                                Status.FAIL,
                                "api_gateway error_rate_pct: 1.5% is 1.5 above the baseline 0%; fail at +1"),
                        new Check(
                                MetricKey.of("api_gateway", "rps"),
                                MetricValue.of(2.5),
                                MetricValue.of(2.4),
                                -0.1,
                                -4.0,
                                "rps warning -20% fail -40%",
                                Status.PASS,
                                "2.4 is 4.0% below the baseline 2.5"),
                        new Check(
                                MetricKey.of("mcp_server", "sandbox_violations"),
                                null,
                                MetricValue.of(0),
                                null,
                                null,
                                "sandbox_violations warning > 0 fail > 1",
                                Status.PASS,
                                "0 is within the limit > 0 & > 1"),
                        new Check(
                                MetricKey.of("mcp_server", "concurrent_limit_respected"),
                                MetricValue.of(true),
                                MetricValue.of(true),
                                0.0,
                                0.0,
                                "concurrent_limit_respected fail == true",
                                Status.PASS,
                                "true as required"),
                        new Check(
                                MetricKey.of("rag_service", "query_p95_ms"),
                                MetricValue.of(1200),
                                null,
                                null,
                                null,
                                "query_p95_ms warning +25% fail +50%",
                                Status.MISSING,
                                "rag_service query_p95_ms: the run has no metric query_p95_ms for <rag_service> \"query\"",
                                missingAllowed),
                        new Check(
                                MetricKey.of("rag_service", "index_p95_ms"),
                                null,
                                MetricValue.of(2400),
                                null,
                                null,
                                "index_p95_ms warning +30% fail +60%",
                                Status.NO_BASELINE,
                                "rag_service index_p95_ms: the baseline has no index_p95_ms\u0001")),
                List.of(STALE));
    }
}
