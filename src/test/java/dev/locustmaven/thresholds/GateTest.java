package dev.locustmaven.thresholds;

import static dev.locustmaven.thresholds.Rules.endpointRule;
import static dev.locustmaven.thresholds.Rules.rule;
import static dev.locustmaven.thresholds.SeedBaseline.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.locustmaven.metrics.Extraction;
import dev.locustmaven.metrics.LocustStatsFixture;
import dev.locustmaven.metrics.MetricDefinition;
import dev.locustmaven.metrics.MetricExtractor;
import dev.locustmaven.model.Baseline;
import dev.locustmaven.model.Check;
import dev.locustmaven.model.Measurement;
import dev.locustmaven.model.Measurements;
import dev.locustmaven.model.MetricKey;
import dev.locustmaven.model.MetricValue;
import dev.locustmaven.model.Status;
import dev.locustmaven.model.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GateTest {

    private static final GateOptions NOW = GateOptions.at(Instant.parse("2025-10-20T00:00:00Z"));

    private final Gate gate = new Gate();

    private static Baseline baseline(Map<MetricKey, MetricValue> values) {
        return new Baseline("1", null, null, "test", Map.of(), values, Map.of());
    }

    private static Map<MetricKey, MetricValue> values(Object... serviceMetricValue) {
        return run(serviceMetricValue).byKey().entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(
                        Map.Entry::getKey, e -> e.getValue().value()));
    }

    private Check only(Verdict verdict) {
        assertThat(verdict.checks()).hasSize(1);
        return verdict.checks().get(0);
    }

    @Test
    void aStringWhereAChangeLevelComparesANumberIsAnErrorNotAMissingValue() {
        Baseline fast = new Baseline(
                "1", null, null, "t", Map.of(), Map.of(), Map.of(MetricKey.of("api", "p95_latency_ms"), "fast"));

        assertThatThrownBy(() -> gate.evaluate(
                        run("api", "p95_latency_ms", 16),
                        fast,
                        ThresholdRules.of(rule("api", "p95_latency_ms", "+20%", "+50%")),
                        NOW))
                .isInstanceOfSatisfying(
                        BaselineValueException.class,
                        e -> assertThat(e.key()).isEqualTo(MetricKey.of("api", "p95_latency_ms")))
                .hasMessage("is \"fast\", a string, but threshold #1 (warning +20% / fail +50%) compares it as a"
                        + " number with the run's 16 ms; write the accepted number there, or remove the key");
    }

    @Test
    void aBooleanWhereAChangeLevelComparesANumberIsAnError() {
        assertThatThrownBy(() -> gate.evaluate(
                        run("api", "rps", 40),
                        baseline(Map.of(MetricKey.of("api", "rps"), MetricValue.of(true))),
                        ThresholdRules.of(rule(null, "rps", "-20%", null)),
                        NOW))
                .isInstanceOf(BaselineValueException.class)
                .hasMessage("is true, a boolean, but threshold #1 (warning -20%) compares it as a number with the"
                        + " run's 40 req/s; write the accepted number there, or remove the key");
    }

    @Test
    void aStringIsNoProblemForALimitOrAMetricTheRunLacks() {
        Baseline texts = new Baseline(
                "1",
                null,
                null,
                "t",
                Map.of(),
                Map.of(),
                Map.of(MetricKey.of("api", "p95_latency_ms"), "fast", MetricKey.of("api", "rps"), "high"));

        Verdict verdict = gate.evaluate(
                run("api", "p95_latency_ms", 16),
                texts,
                ThresholdRules.of(rule("api", "p95_latency_ms", null, "> 2000"), rule("api", "rps", "-20%", null)),
                NOW);

        assertThat(verdict.checks())
                .extracting(c -> c.key().metric(), Check::status)
                .containsExactly(tuple("p95_latency_ms", Status.PASS), tuple("rps", Status.MISSING));
    }

    @Test
    void aRelativeRuleOnAZeroBaselineFailsOnlyAboveMinAbsoluteAndSaysSo() {
        ThresholdRule rule = new ThresholdRule(
                "rag_service", "qdrant_timeout_rate_pct", null, "+20%", "+50%", 0.1, null, false, null);
        Baseline zero = baseline(values("rag_service", "qdrant_timeout_rate_pct", 0.0));

        Check above = only(
                gate.evaluate(run("rag_service", "qdrant_timeout_rate_pct", 0.3), zero, ThresholdRules.of(rule), NOW));
        Check below = only(
                gate.evaluate(run("rag_service", "qdrant_timeout_rate_pct", 0.05), zero, ThresholdRules.of(rule), NOW));

        assertThat(above.status()).isEqualTo(Status.FAIL);
        assertThat(above.changePct()).isNull();
        assertThat(above.message())
                .isEqualTo("rag_service qdrant_timeout_rate_pct: 0.3% vs baseline 0% (+0.3 points from zero), above"
                        + " minAbsolute 0.1 from a zero baseline, which breaks the fail level +50%.");
        assertThat(above.rule()).isEqualTo("warning +20% / fail +50%, minAbsolute 0.1");
        assertThat(below.status()).isEqualTo(Status.PASS);
        assertThat(below.message())
                .isEqualTo("rag_service qdrant_timeout_rate_pct: 0.05% vs baseline 0% (+0.05 points from zero), within"
                        + " warning +20% / fail +50%, minAbsolute 0.1; a zero baseline has no relative change and the"
                        + " value is not above minAbsolute 0.1.");
    }

    @Test
    void aRelativeRuleOnAZeroBaselineWithoutFloorNeverBreachesAndSaysHowToMakeItCount() {
        Check check = only(gate.evaluate(
                run("mcp_server", "sandbox_violations", 7),
                baseline(values("mcp_server", "sandbox_violations", 0)),
                ThresholdRules.of(rule("mcp_server", "sandbox_violations", "+10%", null)),
                NOW));

        assertThat(check.status()).isEqualTo(Status.PASS);
        assertThat(check.message())
                .isEqualTo("mcp_server sandbox_violations: 7 vs baseline 0 (+7 from zero), within warning +10%; a zero"
                        + " baseline has no relative change, so +10% cannot apply (set minAbsolute to fail above a"
                        + " floor).");
    }

    @Test
    void aMissingMetricFailsUnlessAllowed() {
        ThresholdRule required = rule("rag_service", "query_p95_ms", "+25%", "+50%");
        ThresholdRule optional =
                new ThresholdRule("rag_service", "index_p95_ms", null, "+30%", "+60%", null, null, true, null);
        Baseline baseline = baseline(values("rag_service", "query_p95_ms", 1200, "rag_service", "index_p95_ms", 2500));
        GateOptions options = NOW.withUnavailable(Map.of(
                MetricKey.of("rag_service", "query_p95_ms"),
                "no request in service rag_service matching requests 'query'"));

        Verdict verdict =
                gate.evaluate(run("rag_service", "rps", 1), baseline, ThresholdRules.of(required, optional), options);

        assertThat(verdict.level()).isEqualTo(Status.FAIL);
        assertThat(verdict.checks())
                .extracting(Check::status, Check::missingAllowed, Check::failsBuild, Check::message)
                .containsExactly(
                        tuple(
                                Status.MISSING,
                                true,
                                false,
                                "rag_service index_p95_ms: the run has no value, baseline 2500, checked by warning +30% /"
                                        + " fail +60%, missing allowed; the rule allows that (allowMissing), so it"
                                        + " does not fail the build."),
                        tuple(
                                Status.MISSING,
                                false,
                                true,
                                "rag_service query_p95_ms: the run has no value (no request in service rag_service"
                                        + " matching requests 'query'), baseline 1200, checked by warning +25% / fail"
                                        + " +50%; this fails the build unless the rule sets allowMissing."));
        assertThat(verdict.checks().get(1).current()).isNull();

        Verdict allowedOnly =
                gate.evaluate(run("rag_service", "rps", 1), baseline, ThresholdRules.of(optional), options);
        assertThat(allowedOnly.level()).isEqualTo(Status.PASS);
    }

    @Test
    void aServiceThatDisappearedIsMissingForRulesNamingTheMetric() {
        Baseline baseline = baseline(values("api_gateway", "rps", 2.5, "rag_service", "rps", 0.8));

        Verdict verdict = gate.evaluate(
                run("api_gateway", "rps", 2.4), baseline, ThresholdRules.of(rule("*", "rps", "-20%", "-40%")), NOW);

        assertThat(verdict.checks())
                .extracting(c -> c.key().toString(), Check::status)
                .containsExactly(tuple("api_gateway/rps", Status.PASS), tuple("rag_service/rps", Status.MISSING));
        assertThat(verdict.level()).isEqualTo(Status.FAIL);
    }

    @Test
    void aRuleThatMatchesNothingIsReportedUnderItsPattern() {
        Verdict verdict = gate.evaluate(
                run("api_gateway", "p95_latency_ms", 700),
                null,
                ThresholdRules.of(
                        rule("rag_*", "*_p95_ms", "+20%", null), rule("ghost", "p95_latency_ms", null, "> 1000")),
                NOW);

        assertThat(verdict.checks())
                .extracting(Check::key, Check::status, Check::message)
                .containsExactly(
                        tuple(
                                MetricKey.of("ghost", "p95_latency_ms"),
                                Status.MISSING,
                                "ghost p95_latency_ms: the run has no value, checked by fail > 1000; this fails the"
                                        + " build unless the rule sets allowMissing."),
                        tuple(
                                MetricKey.of("rag_*", "*_p95_ms"),
                                Status.MISSING,
                                "No metric of the run matches service 'rag_*', metric '*_p95_ms' (threshold #1,"
                                        + " warning +20%); this fails the build unless the rule sets allowMissing."));
        assertThat(verdict.level()).isEqualTo(Status.FAIL);
    }

    @Test
    void globsSelectServicesAndMetrics() {
        Measurements current = run(
                "rag_service",
                "query_p95_ms",
                1300,
                "rag_service",
                "index_p95_ms",
                3300,
                "rag_service",
                "query_p99_ms",
                5000,
                "mcp_server",
                "tool_p95_ms",
                1500,
                "mcp_server",
                "concurrent_limit_respected",
                true);
        Baseline baseline = SeedBaseline.baseline();

        Verdict verdict =
                gate.evaluate(current, baseline, ThresholdRules.of(rule(null, "*_p95_ms", "+25%", "+50%")), NOW);

        assertThat(verdict.checks())
                .extracting(c -> c.key().toString(), Check::status)
                .containsExactly(
                        tuple("mcp_server/tool_p95_ms", Status.PASS),
                        tuple("rag_service/index_p95_ms", Status.WARN),
                        tuple("rag_service/query_p95_ms", Status.PASS));

        Verdict services =
                gate.evaluate(current, baseline, ThresholdRules.of(rule("r?g_*", "query_p9?_ms", "+25%", null)), NOW);
        assertThat(services.checks())
                .extracting(c -> c.key().toString(), Check::status)
                .containsExactly(
                        tuple("rag_service/query_p95_ms", Status.PASS), tuple("rag_service/query_p99_ms", Status.WARN));
    }

    @Test
    void aMetricPatternSkipsValuesOfTheOtherKindButANamedMetricReportsTheMismatch() {
        Measurements current =
                run("mcp_server", "concurrent_limit_respected", true, "mcp_server", "sandbox_violations", 0);

        Verdict pattern = gate.evaluate(current, null, ThresholdRules.of(rule("mcp_server", "*", null, "> 0")), NOW);
        assertThat(pattern.checks()).extracting(c -> c.key().metric()).containsExactly("sandbox_violations");

        Check named = only(gate.evaluate(
                current, null, ThresholdRules.of(rule("mcp_server", "concurrent_limit_respected", null, "> 0")), NOW));
        assertThat(named.status()).isEqualTo(Status.FAIL);
        assertThat(named.message())
                .isEqualTo("mcp_server concurrent_limit_respected: true, a boolean, which the numeric rule fail > 0"
                        + " cannot judge; use == true or == false (threshold #1).");

        Check booleanOnNumber = only(gate.evaluate(
                current, null, ThresholdRules.of(rule("mcp_server", "sandbox_violations", null, "== true")), NOW));
        assertThat(booleanOnNumber.status()).isEqualTo(Status.FAIL);
        assertThat(booleanOnNumber.message()).contains("a number, which the boolean rule fail == true cannot judge");
    }

    @Test
    void endpointRulesCheckEndpointMetricsOnly() {
        Measurements current = Measurements.of(List.of(
                new Measurement(new MetricKey("api_gateway", "GET /users", "p95_latency_ms"), MetricValue.of(300), 50),
                new Measurement(new MetricKey("api_gateway", "POST /users", "p95_latency_ms"), MetricValue.of(900), 50),
                new Measurement(new MetricKey("api_gateway", "/health", "p95_latency_ms"), MetricValue.of(5), 50),
                new Measurement(MetricKey.of("api_gateway", "p95_latency_ms"), MetricValue.of(5000), 150)));
        Baseline baseline = baseline(Map.of(
                new MetricKey("api_gateway", "GET /users", "p95_latency_ms"), MetricValue.of(250),
                new MetricKey("api_gateway", "POST /users", "p95_latency_ms"), MetricValue.of(500)));

        Verdict users = gate.evaluate(
                current,
                baseline,
                ThresholdRules.of(endpointRule("api_gateway", "* /users", "p95_latency_ms", "+20%", "+50%")),
                NOW);

        assertThat(users.checks())
                .extracting(Check::status, Check::message)
                .containsExactly(
                        tuple(
                                Status.WARN,
                                "api_gateway \"GET /users\" p95_latency_ms: 300 ms vs baseline 250 ms (+20.0%), at the"
                                        + " warning level +20%."),
                        tuple(
                                Status.FAIL,
                                "api_gateway \"POST /users\" p95_latency_ms: 900 ms vs baseline 500 ms (+80.0%), above"
                                        + " the fail level +50%."));

        Verdict every = gate.evaluate(
                current, baseline, ThresholdRules.of(endpointRule(null, "*", "p95_latency_ms", null, ">= 1000")), NOW);
        assertThat(every.checks())
                .extracting(c -> c.key().endpoint(), Check::status)
                .containsExactly(
                        tuple("/health", Status.PASS),
                        tuple("GET /users", Status.PASS),
                        tuple("POST /users", Status.PASS));
    }

    @Test
    void withoutABaselineValueAChangeRuleIsNotCheckedButALimitStillIs() {
        ThresholdRule mixed = rule("api_gateway", "p95_latency_ms", "+20%", "> 2000");
        Measurements slow = run("api_gateway", "p95_latency_ms", 2500);
        Measurements fine = run("api_gateway", "p95_latency_ms", 900);
        Baseline other = baseline(values("api_gateway", "rps", 2.5));

        Check noValue = only(gate.evaluate(fine, other, ThresholdRules.of(mixed), NOW));
        assertThat(noValue.status()).isEqualTo(Status.NO_BASELINE);
        assertThat(noValue.failsBuild()).isFalse();
        assertThat(noValue.message())
                .isEqualTo(
                        "api_gateway p95_latency_ms: 900 ms, and the baseline has no value to compare with for"
                                + " warning +20% / fail > 2000, so this is not checked; run mvn locust:baseline to record one.");

        Check noFile = only(gate.evaluate(fine, null, ThresholdRules.of(mixed), NOW));
        assertThat(noFile.status()).isEqualTo(Status.NO_BASELINE);
        assertThat(noFile.message()).contains("and there is no baseline to compare with");

        Check limitBreached = only(gate.evaluate(slow, null, ThresholdRules.of(mixed), NOW));
        assertThat(limitBreached.status()).isEqualTo(Status.FAIL);
        assertThat(limitBreached.message())
                .isEqualTo("api_gateway p95_latency_ms: 2500 ms, breaking the fail limit > 2000.");

        Verdict verdict = gate.evaluate(fine, null, ThresholdRules.of(mixed), NOW);
        assertThat(verdict.level()).isEqualTo(Status.PASS);
    }

    @Test
    void minAbsoluteChangeKeepsTinyChangesFromBreachingRelativeRules() {
        ThresholdRule rule =
                new ThresholdRule("api_gateway", "p50_latency_ms", null, "+20%", "+50%", null, 10.0, false, null);
        Baseline baseline = baseline(values("api_gateway", "p50_latency_ms", 4));

        Check tiny =
                only(gate.evaluate(run("api_gateway", "p50_latency_ms", 6), baseline, ThresholdRules.of(rule), NOW));
        Check large =
                only(gate.evaluate(run("api_gateway", "p50_latency_ms", 40), baseline, ThresholdRules.of(rule), NOW));

        assertThat(tiny.status()).isEqualTo(Status.PASS);
        assertThat(tiny.message())
                .isEqualTo(
                        "api_gateway p50_latency_ms: 6 ms vs baseline 4 ms (+50.0%), within warning +20% / fail +50%,"
                                + " minAbsoluteChange 10; the change of +2 ms is under minAbsoluteChange 10, so it does not"
                                + " count.");
        assertThat(large.status()).isEqualTo(Status.FAIL);
    }

    @Test
    void absoluteChangeRulesCompareTheDeltaInBothDirections() {
        Baseline baseline = baseline(values("svc", "success_rate_pct", 99.5, "svc", "avg_latency_ms", 100));
        ThresholdRules rules = ThresholdRules.of(
                rule("svc", "success_rate_pct", "-0.5", "-2"), rule("svc", "avg_latency_ms", "+30", "+100"));

        Verdict verdict =
                gate.evaluate(run("svc", "success_rate_pct", 99.0, "svc", "avg_latency_ms", 129), baseline, rules, NOW);

        assertThat(verdict.checks())
                .extracting(Check::status, Check::message)
                .containsExactly(
                        tuple(
                                Status.PASS,
                                "svc avg_latency_ms: 129 ms vs baseline 100 ms (+29 ms, +29.0%), within warning +30 / fail"
                                        + " +100."),
                        tuple(
                                Status.WARN,
                                "svc success_rate_pct: 99% vs baseline 99.5% (-0.5 points, -0.5%), at the warning level"
                                        + " -0.5."));
    }

    @Test
    void oneCheckPerMetricAndRuleInKeyThenRuleOrder() {
        ThresholdRules rules = ThresholdRules.of(
                rule(null, "p95_latency_ms", "+20%", null),
                rule("api_gateway", "p95_latency_ms", null, "> 1000"),
                rule("api_gateway", "rps", null, "< 1"));
        Measurements current =
                run("api_gateway", "p95_latency_ms", 700, "api_gateway", "rps", 2, "web", "p95_latency_ms", 10);
        Baseline baseline = baseline(values("api_gateway", "p95_latency_ms", 650, "web", "p95_latency_ms", 10));

        Verdict verdict = gate.evaluate(current, baseline, rules, NOW);

        assertThat(verdict.checks())
                .extracting(c -> c.key().toString(), Check::rule)
                .containsExactly(
                        tuple("api_gateway/p95_latency_ms", "warning +20%"),
                        tuple("api_gateway/p95_latency_ms", "fail > 1000"),
                        tuple("api_gateway/rps", "fail < 1"),
                        tuple("web/p95_latency_ms", "warning +20%"));
        assertThat(verdict.checks().get(3).message())
                .isEqualTo("web p95_latency_ms: 10 ms vs baseline 10 ms (no change), within warning +20%.");
    }

    @Test
    void notesFromElsewhereComeFirstInTheWarnings() {
        Verdict verdict = gate.evaluate(
                run("svc", "rps", 1),
                new Baseline(
                        "1",
                        null,
                        Instant.parse("2025-01-01T00:00:00Z"),
                        "t",
                        Map.of(),
                        values("svc", "rps", 1),
                        Map.of()),
                ThresholdRules.of(rule("svc", "rps", "-20%", null)),
                NOW.withNotes(List.of("svc ran with 10 users, but its baseline was measured with 1")));

        assertThat(verdict.warnings())
                .containsExactly(
                        "svc ran with 10 users, but its baseline was measured with 1",
                        "The baseline expired on 2025-01-01 (valid_until 2025-01-01T00:00:00Z); re-baseline with mvn"
                                + " locust:baseline once the current numbers are accepted.");
    }

    @Test
    void customMetricsFromRealLookingResultsFlowThroughTheGate() {
        List<MetricDefinition> custom = List.of(
                metric("query_p95_ms", "rag_service", "query", null, "p95"),
                metric("qdrant_timeout_rate_pct", "rag_service", null, "(?i)qdrant.*timeout", "rate_pct"),
                metric("sandbox_violations", "mcp_server", null, "(?i)sandbox violation", "count"),
                metric("concurrent_limit_respected", "mcp_server", null, "429", "none"),
                metric("index_query_p95_ms", "rag_service", "query|index", null, "p95"));
        Extraction extraction =
                new MetricExtractor().extractWithReasons(LocustStatsFixture.runWithoutHistograms(), custom);
        ThresholdRules rules = ThresholdRules.of(
                rule("rag_service", "query_p95_ms", "+25%", "+50%"),
                rule("rag_service", "qdrant_timeout_rate_pct", "+0.05", "+0.1"),
                rule("mcp_server", "sandbox_violations", "> 0", "> 1"),
                rule("mcp_server", "concurrent_limit_respected", null, "== false"),
                rule("rag_service", "index_query_p95_ms", null, "> 5000"));

        Verdict verdict = gate.evaluate(
                extraction.measurements(),
                SeedBaseline.baseline(),
                rules,
                NOW.withUnavailable(extraction.unavailable()));

        assertThat(verdict.checks())
                .extracting(c -> c.key().toString(), Check::status)
                .containsExactly(
                        tuple("mcp_server/concurrent_limit_respected", Status.FAIL),
                        tuple("mcp_server/sandbox_violations", Status.FAIL),
                        tuple("rag_service/index_query_p95_ms", Status.MISSING),
                        tuple("rag_service/qdrant_timeout_rate_pct", Status.FAIL),
                        tuple("rag_service/query_p95_ms", Status.WARN));
        assertThat(verdict.checks().get(2).message()).contains("no response-time histograms to merge");
        assertThat(verdict.checks().get(4).message())
                .isEqualTo(
                        "rag_service query_p95_ms: 1600 ms vs baseline 1200 ms (+33.3%), above the warning level +25% by its"
                                + " value, but from 606 requests that is inconclusive: at 95% confidence the change"
                                + " may be only +12.5% (approximate: rebuilt from Locust's percentile columns); the"
                                + " baseline records no sample, so it counts as exact; no number of requests in reach"
                                + " would tell it apart from +25% (Locust's percentile columns are too coarse; its JSON"
                                + " output has the whole histogram).");
    }

    private static MetricDefinition metric(
            String name, String service, String requests, String failures, String statistic) {
        return new MetricDefinition(name, service, requests, null, failures, statistic);
    }
}
