package dev.locustmaven.thresholds;

import static dev.locustmaven.thresholds.SeedBaseline.healthyRunWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.locustmaven.model.Check;
import dev.locustmaven.model.Measurements;
import dev.locustmaven.model.MetricKey;
import dev.locustmaven.model.MetricValue;
import dev.locustmaven.model.Status;
import dev.locustmaven.model.Verdict;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The seed document's baseline and its full threshold table, evaluated by the gate. */
class SeedThresholdsTest {

    private final Gate gate = new Gate();

    private Verdict evaluate(Measurements run) {
        return gate.evaluate(
                run, SeedBaseline.baseline(), Rules.seedThresholds(), GateOptions.at(SeedBaseline.BEFORE_EXPIRY));
    }

    private static Check check(Verdict verdict, String service, String metric) {
        return verdict.checks().stream()
                .filter(c -> c.key().equals(MetricKey.of(service, metric)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no check of " + service + "/" + metric));
    }

    @Test
    void aHealthyRunPassesEveryRule() {
        Verdict verdict = evaluate(healthyRunWith());

        assertThat(verdict.level()).isEqualTo(Status.PASS);
        assertThat(verdict.warnings()).isEmpty();
        assertThat(verdict.checks())
                .extracting(c -> c.key().toString(), Check::status)
                .containsExactly(
                        tuple("api_gateway/error_rate_pct", Status.PASS),
                        tuple("api_gateway/p95_latency_ms", Status.PASS),
                        tuple("api_gateway/p99_latency_ms", Status.PASS),
                        tuple("api_gateway/rps", Status.PASS),
                        tuple("mcp_server/concurrent_limit_respected", Status.PASS),
                        tuple("mcp_server/error_rate_pct", Status.PASS),
                        tuple("mcp_server/sandbox_violations", Status.PASS),
                        tuple("mcp_server/tool_p95_ms", Status.PASS),
                        tuple("rag_service/error_rate_pct", Status.PASS),
                        tuple("rag_service/index_p95_ms", Status.PASS),
                        tuple("rag_service/qdrant_timeout_rate_pct", Status.PASS),
                        tuple("rag_service/query_p95_ms", Status.PASS),
                        tuple("rag_service/rps", Status.PASS));
        Check p95 = check(verdict, "api_gateway", "p95_latency_ms");
        assertThat(p95.message())
                .isEqualTo("api_gateway p95_latency_ms: 700 ms vs baseline 650 ms (+7.7%), within warning +20% / fail"
                        + " +50%.");
        assertThat(p95.rule()).isEqualTo("warning +20% / fail +50%");
        assertThat(p95.baseline()).isEqualTo(MetricValue.of(650.0));
        assertThat(p95.current()).isEqualTo(MetricValue.of(700.0));
        assertThat(p95.delta()).isEqualTo(50.0);
        assertThat(p95.changePct()).isCloseTo(7.6923, org.assertj.core.data.Offset.offset(1e-4));
    }

    @Test
    void warnings() {
        Verdict verdict = evaluate(healthyRunWith(
                "api_gateway",
                "p95_latency_ms",
                812,
                "api_gateway",
                "rps",
                1.9,
                "api_gateway",
                "error_rate_pct",
                0.6,
                "rag_service",
                "query_p95_ms",
                1500,
                "mcp_server",
                "sandbox_violations",
                1));

        assertThat(verdict.level()).isEqualTo(Status.WARN);
        assertThat(verdict.withStatus(Status.WARN))
                .extracting(Check::message)
                .containsExactly(
                        "api_gateway error_rate_pct: 0.6% vs baseline 0% (+0.6 points from zero), above the warning"
                                + " level +0.5.",
                        "api_gateway p95_latency_ms: 812 ms vs baseline 650 ms (+24.9%), above the warning level +20%.",
                        "api_gateway rps: 1.9 req/s vs baseline 2.5 req/s (-24.0%), below the warning level -20%.",
                        "mcp_server sandbox_violations: 1 vs baseline 0 (+1 from zero), breaking the warning limit"
                                + " > 0.",
                        "rag_service query_p95_ms: 1500 ms vs baseline 1200 ms (+25.0%), at the warning level +25%.");
        assertThat(verdict.withStatus(Status.FAIL)).isEmpty();
    }

    @Test
    void failures() {
        Verdict verdict = evaluate(healthyRunWith(
                "api_gateway",
                "p95_latency_ms",
                1000,
                "api_gateway",
                "rps",
                1.4,
                "rag_service",
                "index_p95_ms",
                4000,
                "rag_service",
                "qdrant_timeout_rate_pct",
                0.2,
                "mcp_server",
                "error_rate_pct",
                1.5,
                "mcp_server",
                "sandbox_violations",
                2,
                "mcp_server",
                "concurrent_limit_respected",
                false));

        assertThat(verdict.level()).isEqualTo(Status.FAIL);
        assertThat(verdict.withStatus(Status.FAIL))
                .extracting(Check::message)
                .containsExactly(
                        "api_gateway p95_latency_ms: 1000 ms vs baseline 650 ms (+53.8%), above the fail level +50%.",
                        "api_gateway rps: 1.4 req/s vs baseline 2.5 req/s (-44.0%), below the fail level -40%.",
                        "mcp_server concurrent_limit_respected: false vs baseline true, breaking the fail limit =="
                                + " false.",
                        "mcp_server error_rate_pct: 1.5% vs baseline 0% (+1.5 points from zero), above the fail level"
                                + " +1.",
                        "mcp_server sandbox_violations: 2 vs baseline 0 (+2 from zero), breaking the fail limit > 1.",
                        "rag_service index_p95_ms: 4000 ms vs baseline 2500 ms (+60.0%), at the fail level +60%.",
                        "rag_service qdrant_timeout_rate_pct: 0.2% vs baseline 0% (+0.2 points from zero), above the"
                                + " fail level +0.1.");
        Check qdrant = check(verdict, "rag_service", "qdrant_timeout_rate_pct");
        assertThat(qdrant.changePct())
                .as("no relative change from a zero baseline")
                .isNull();
        assertThat(qdrant.delta()).isEqualTo(0.2);
    }

    @Test
    void aRiseInThroughputIsNeverARegression() {
        // The seed's rule "('rps', -0.30)" flagged every run whose rps did not drop by more than 30%.
        Verdict verdict = evaluate(healthyRunWith("api_gateway", "rps", 5.0, "rag_service", "rps", 0.81));

        assertThat(verdict.level()).isEqualTo(Status.PASS);
        assertThat(check(verdict, "api_gateway", "rps").message())
                .isEqualTo(
                        "api_gateway rps: 5 req/s vs baseline 2.5 req/s (+100.0%), within warning -20% / fail -40%.");
        assertThat(check(verdict, "rag_service", "rps").status()).isEqualTo(Status.PASS);
    }

    @Test
    void aRiseFromAZeroBaselineIsJudgedByItsSizeNotAsInfinity() {
        // The seed made any rise from 0 an infinite change, so 0 -> 0.3% error rate failed at once.
        Verdict verdict = evaluate(
                healthyRunWith("api_gateway", "error_rate_pct", 0.3, "rag_service", "qdrant_timeout_rate_pct", 0.03));

        assertThat(verdict.level()).isEqualTo(Status.PASS);
        Check errors = check(verdict, "api_gateway", "error_rate_pct");
        assertThat(errors.message())
                .isEqualTo("api_gateway error_rate_pct: 0.3% vs baseline 0% (+0.3 points from zero), within warning"
                        + " +0.5 / fail +1.");
        assertThat(errors.changePct()).isNull();
        assertThat(check(verdict, "rag_service", "qdrant_timeout_rate_pct").status())
                .isEqualTo(Status.PASS);
    }

    @Test
    void exactlyTheLevelReachesIt() {
        Verdict verdict = evaluate(healthyRunWith("api_gateway", "p95_latency_ms", 780));

        assertThat(check(verdict, "api_gateway", "p95_latency_ms").message())
                .isEqualTo(
                        "api_gateway p95_latency_ms: 780 ms vs baseline 650 ms (+20.0%), at the warning level +20%.");
        assertThat(verdict.level()).isEqualTo(Status.WARN);
    }

    @Test
    void anExpiredBaselineWarnsWithoutChangingTheLevel() {
        Verdict verdict = gate.evaluate(
                healthyRunWith(),
                SeedBaseline.baseline(),
                Rules.seedThresholds(),
                GateOptions.at(Instant.parse("2025-12-01T00:00:00Z")));

        assertThat(verdict.level()).isEqualTo(Status.PASS);
        assertThat(verdict.warnings())
                .containsExactly("The baseline expired on 2025-11-17 (valid_until 2025-11-17T12:00:00Z); re-baseline"
                        + " with mvn locust:baseline once the current numbers are accepted.");
    }
}
