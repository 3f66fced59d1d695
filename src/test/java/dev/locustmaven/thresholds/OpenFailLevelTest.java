package dev.locustmaven.thresholds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locustmaven.model.ChangeEvidence;
import dev.locustmaven.model.Check;
import dev.locustmaven.model.MetricKey;
import dev.locustmaven.model.MetricValue;
import dev.locustmaven.model.Status;
import org.junit.jupiter.api.Test;

class OpenFailLevelTest {

    private static final String RULE = "warning +30% / fail +60%";

    /** rag_service "index" p95 350 ms against 240 ms (+45.8%), as a build of a doubled endpoint measured it. */
    private static Check index(Status status, String rule, double lower, double upper, ChangeEvidence.Shift shift) {
        ChangeEvidence evidence = new ChangeEvidence(
                33,
                36,
                lower,
                upper,
                0.95,
                true,
                null,
                false,
                false,
                shift == null ? ChangeEvidence.Basis.VALUE : ChangeEvidence.Basis.RESPONSE_TIMES,
                shift);
        return new Check(
                new MetricKey("rag_service", "index", "p95_latency_ms"),
                MetricValue.of(240),
                MetricValue.of(350),
                110.0,
                45.8,
                rule,
                status,
                "rag_service index_p95_ms: 350 ms vs baseline 240 ms (+45.8%)",
                false,
                evidence);
    }

    @Test
    void aWarningShortOfTheFailLevelThatItsBoundsStillReachIsOpen() {
        ChangeEvidence.Shift shift = new ChangeEvidence.Shift(70, 38.5, 112);

        assertThat(OpenFailLevel.test(index(Status.WARN, RULE, 38.5, 112, shift)))
                .isTrue();
        // a p95 of 33 requests has no upper bound of its own
        assertThat(OpenFailLevel.test(index(Status.WARN, RULE, 31, Double.POSITIVE_INFINITY, null)))
                .isTrue();
    }

    @Test
    void boundsShortOfTheFailLevelSettleIt() {
        assertThat(OpenFailLevel.test(index(Status.WARN, RULE, 31, 55, null))).isFalse();
        // the response times as a whole rule the fail level out, though the value's own bounds do not
        ChangeEvidence.Shift shift = new ChangeEvidence.Shift(45, 35, 58);
        assertThat(OpenFailLevel.test(index(Status.WARN, RULE, 31, Double.POSITIVE_INFINITY, shift)))
                .isFalse();
    }

    @Test
    void onlyAConclusiveWarningShortOfTheFailLevelByItsValueCounts() {
        assertThat(OpenFailLevel.test(index(Status.FAIL, RULE, 38.5, 112, null)))
                .isFalse();
        assertThat(OpenFailLevel.test(index(Status.PASS, RULE, 38.5, 112, null)))
                .isFalse();
        // the value past the fail level: an inconclusive failure, or one the machine's slowdown explains
        assertThat(OpenFailLevel.test(index(Status.WARN, "warning +20% / fail +40%", 38.5, 112, null)))
                .isFalse();
        Check inconclusive = index(Status.WARN, RULE, 38.5, 112, null);
        Check open = inconclusive.rejudged(
                Status.WARN, inconclusive.message(), inconclusive.evidence().leftOpen());
        assertThat(OpenFailLevel.test(open)).isFalse();
    }

    @Test
    void aWarningTheHistoryDecidedIsOpenWhileItsBoundsReachTheFailLevelWhateverItsValueAgainstTheBaseline() {
        // a doubled build: 440 ms against a baseline of 220 ms (+100%, beyond the fail level by its value, but not
        // shown from 35 vs 36 requests), and against the usual 240 ms of 50 runs at least +47.8%
        Check decided = new Check(
                new MetricKey("rag_service", "index", "p95_latency_ms"),
                MetricValue.of(220),
                MetricValue.of(440),
                220.0,
                100.0,
                RULE,
                Status.WARN,
                "rag_service index_p95_ms: 440 ms vs baseline 220 ms (+100.0%)",
                false,
                usualValueEvidence(47.8, 119));

        assertThat(OpenFailLevel.test(decided)).isTrue();
        assertThat(OpenFailLevel.test(decided.rejudged(Status.WARN, decided.message(), usualValueEvidence(31, 55))))
                .as("bounds against the usual value short of the fail level settle it")
                .isFalse();
    }

    private static ChangeEvidence usualValueEvidence(double lower, double upper) {
        return new ChangeEvidence(
                35,
                2267,
                lower,
                upper,
                0.95,
                true,
                null,
                true,
                false,
                ChangeEvidence.Basis.VALUE,
                null,
                new ChangeEvidence.Reference(50, 240));
    }

    @Test
    void aRuleWhoseLevelsItCannotSetAgainstTheEvidenceIsNeverOpen() {
        assertThat(OpenFailLevel.test(index(Status.WARN, "statistical gate", 38.5, 112, null)))
                .isFalse();
        assertThat(OpenFailLevel.test(index(Status.WARN, "fail +60%", 38.5, 112, null)))
                .isFalse();
        // the evidence is in percent of the warning level; the fail level is in ms
        assertThat(OpenFailLevel.test(index(Status.WARN, "warning +30% / fail +200", 38.5, 112, null)))
                .isFalse();
    }

    @Test
    void whereAFallIsWorseTheLowerBoundDecides() {
        Check rps = new Check(
                MetricKey.of("api", "rps"),
                MetricValue.of(40),
                MetricValue.of(29),
                -11.0,
                -27.5,
                "warning -20% / fail -40%",
                Status.WARN,
                "api rps: 29 vs baseline 40",
                false,
                new ChangeEvidence(
                        300, 400, -45, -21, 0.95, true, null, false, false, ChangeEvidence.Basis.VALUE, null));

        assertThat(OpenFailLevel.test(rps)).isTrue();
        assertThat(OpenFailLevel.test(rps.rejudged(
                        Status.WARN,
                        rps.message(),
                        new ChangeEvidence(
                                300, 400, -35, -21, 0.95, true, null, false, false, ChangeEvidence.Basis.VALUE, null))))
                .isFalse();
    }
}
