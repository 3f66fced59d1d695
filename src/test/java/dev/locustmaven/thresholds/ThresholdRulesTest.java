package dev.locustmaven.thresholds;

import static dev.locustmaven.thresholds.Rules.endpointRule;
import static dev.locustmaven.thresholds.Rules.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ThresholdRulesTest {

    @Test
    void theSeedTableIsValid() {
        assertThat(Rules.seedThresholds().validate()).isEmpty();
        Rules.seedThresholds().requireValid();
    }

    @Test
    void namesTheRuleByIndexServiceAndMetricAndQuotesTheText() {
        ThresholdRules rules = ThresholdRules.of(
                rule("api_gateway", "p95_latency_ms", "+20%", "+50%"),
                rule(null, "rps", "20%", "-40%"),
                endpointRule("api_gateway", "/users", "p99_latency_ms", "> fast", null));

        assertThat(rules.validate())
                .containsExactly(
                        "threshold #2 (service *, metric rps): warning '20%' needs a sign: +20% when a rise is worse,"
                                + " -20% when a fall is worse",
                        "threshold #3 (service api_gateway, endpoint /users, metric p99_latency_ms): warning '> fast':"
                                + " expected a number, true or false after >, found 'fast'");
    }

    @Test
    void collectsEveryProblemOfEveryRule() {
        ThresholdRule noMetricNoLevels = rule("api_gateway", null, null, null);
        ThresholdRule bothBroken = rule(null, "x", "abc", "+0%");

        assertThat(ThresholdRules.of(noMetricNoLevels, bothBroken).validate())
                .containsExactly(
                        "threshold #1 (service api_gateway, metric (none)): metric is missing; name a metric"
                                + " (p95_latency_ms) or a pattern (*_p95_ms)",
                        "threshold #1 (service api_gateway, metric (none)): neither warning nor fail is set; give at"
                                + " least one level, e.g. <warning>+20%</warning>",
                        "threshold #2 (service *, metric x): warning 'abc' is not a threshold level; expected a relative"
                                + " change (+20%, -20%), an absolute change (+0.5, -3) or a limit (> 1, >= 800, < 100,"
                                + " <= 5, == 0, != 0, == true, == false)",
                        "threshold #2 (service *, metric x): fail '+0%' is a change of zero, which an unchanged run"
                                + " already reaches; use a non-zero change, or a limit such as > 0");
    }

    @Test
    void warningAndFailMustAgreeOnTheDirection() {
        assertThat(rule(null, "rps", "+20%", "-40%").problems())
                .containsExactly("warning '+20%' and fail '-40%' disagree on which way is worse (a rise for"
                        + " warning, a fall for fail); give both levels the same direction");
        assertThat(rule(null, "p95_latency_ms", "+20%", "< 100").problems())
                .containsExactly("warning '+20%' and fail '< 100' disagree on which way is worse (a rise for"
                        + " warning, a fall for fail); give both levels the same direction");
        // Different kinds in the same direction are fine, and == / != have no direction.
        assertThat(rule(null, "p95_latency_ms", "+20%", "> 2000").problems()).isEmpty();
        assertThat(rule(null, "rps", "-0.5", "-40%").problems()).isEmpty();
        assertThat(rule(null, "sandbox_violations", "!= 0", "> 1").problems()).isEmpty();
    }

    @Test
    void theFailLevelMustLieBeyondTheWarningLevel() {
        assertThat(rule(null, "p95_latency_ms", "+50%", "+20%").problems())
                .containsExactly("fail '+20%' is reached no later than warning '+50%', so the warning could never"
                        + " show; the fail level must lie beyond the warning level");
        assertThat(rule(null, "rps", "-40%", "-40%").problems()).hasSize(1);
        assertThat(rule(null, "error_rate_pct", "+1", "+0.5").problems()).hasSize(1);
        assertThat(rule(null, "sandbox_violations", "> 1", "> 0").problems()).hasSize(1);
        assertThat(rule(null, "sandbox_violations", "> 1", ">= 1").problems()).hasSize(1);
        assertThat(rule(null, "rps", "< 1", "< 2").problems()).hasSize(1);
        assertThat(rule(null, "sandbox_violations", ">= 1", "> 1").problems()).isEmpty();
        assertThat(rule(null, "rps", "<= 1", "< 1").problems()).isEmpty();
    }

    @Test
    void booleanAndNumericLevelsDoNotMix() {
        assertThat(rule(null, "concurrent_limit_respected", "+20%", "== false").problems())
                .containsExactly("warning '+20%' and fail '== false' mix a boolean level (== true/false) with a"
                        + " numeric one; a rule checks one kind of metric");
        assertThat(rule(null, "concurrent_limit_respected", "!= true", "== false")
                        .problems())
                .isEmpty();
    }

    @Test
    void floorsMustSuitTheLevels() {
        ThresholdRule minAbsoluteOnLimit =
                new ThresholdRule(null, "sandbox_violations", null, "> 0", null, 1.0, null, false, null);
        ThresholdRule negativeChange =
                new ThresholdRule(null, "p95_latency_ms", null, "+20%", null, null, -5.0, false, null);
        ThresholdRule changeOnLimit =
                new ThresholdRule(null, "p95_latency_ms", null, null, "> 2000", null, 50.0, false, null);

        assertThat(minAbsoluteOnLimit.problems())
                .containsExactly(
                        "minAbsolute 1 applies only to relative levels (such as +20%), and this rule has none");
        assertThat(negativeChange.problems()).containsExactly("minAbsoluteChange must not be negative, found -5");
        assertThat(changeOnLimit.problems())
                .containsExactly("minAbsoluteChange 50 applies only to change levels (such as +20% or +0.5), and this"
                        + " rule has none");
    }

    @Test
    void aRuleValidatesItselfWithItsDescription() {
        assertThat(rule("api_gateway", "rps", "-20", "+40%").validate())
                .containsExactly("threshold (service api_gateway, metric rps): warning '-20' and fail '+40%' disagree"
                        + " on which way is worse (a fall for warning, a rise for fail); give both levels the same"
                        + " direction");
    }

    @Test
    void requireValidThrowsWithEveryProblemListed() {
        ThresholdRules rules = new ThresholdRules(
                List.of(rule(null, "rps", "20%", "-40%"), rule("mcp_server", "sandbox_violations", "> yes", null)));

        assertThatThrownBy(rules::requireValid)
                .isInstanceOf(InvalidThresholdException.class)
                .hasMessage("Invalid thresholds (2 problems):\n"
                        + "  - threshold #1 (service *, metric rps): warning '20%' needs a sign: +20% when a rise is"
                        + " worse, -20% when a fall is worse\n"
                        + "  - threshold #2 (service mcp_server, metric sandbox_violations): warning '> yes':"
                        + " expected a number, true or false after >, found 'yes'")
                .satisfies(e ->
                        assertThat(((InvalidThresholdException) e).problems()).hasSize(2));
    }

    @Test
    void theGateRefusesInvalidRulesBeforeEvaluating() {
        ThresholdRules rules = ThresholdRules.of(rule(null, "rps", "fast", null));

        assertThatThrownBy(() -> new Gate()
                        .evaluate(
                                dev.locustmaven.model.Measurements.of(List.of()),
                                null,
                                rules,
                                GateOptions.at(java.time.Instant.EPOCH)))
                .isInstanceOf(InvalidThresholdException.class)
                .hasMessageContaining("threshold #1 (service *, metric rps): warning 'fast' is not a threshold level");
    }
}
