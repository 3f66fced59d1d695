package dev.locustmaven.statistical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MetricDirectionTest {

    @Test
    void throughputIsBetterHigherEverythingElseLower() {
        assertThat(MetricDirection.of("rps")).isEqualTo(MetricDirection.HIGHER_IS_BETTER);
        assertThat(MetricDirection.of("query_rps")).isEqualTo(MetricDirection.HIGHER_IS_BETTER);
        assertThat(MetricDirection.of("request_count")).isEqualTo(MetricDirection.HIGHER_IS_BETTER);
        assertThat(MetricDirection.of("p95_latency_ms")).isEqualTo(MetricDirection.LOWER_IS_BETTER);
        assertThat(MetricDirection.of("error_rate_pct")).isEqualTo(MetricDirection.LOWER_IS_BETTER);
        assertThat(MetricDirection.of("failure_count")).isEqualTo(MetricDirection.LOWER_IS_BETTER);
        assertThat(MetricDirection.of("sandbox_violations")).isEqualTo(MetricDirection.LOWER_IS_BETTER);
    }

    @Test
    void runnerShiftGroups() {
        assertThat(RunnerShift.groupOf("api", "p95_latency_ms")).isEqualTo("api latency");
        assertThat(RunnerShift.groupOf("api", "query_p95_ms")).isEqualTo("api latency");
        assertThat(RunnerShift.groupOf("api", "rps")).isEqualTo("api throughput");
        assertThat(RunnerShift.groupOf("api", "error_rate_pct")).isNull();
    }

    @Test
    void gateModeParsesAndRejectsWithTheText() {
        assertThat(GateMode.parse(" Fail ")).isEqualTo(GateMode.FAIL);
        assertThat(GateMode.parse("off")).isEqualTo(GateMode.OFF);
        assertThatThrownBy(() -> GateMode.parse("strict"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the statistical gate mode must be off, warn or fail, not 'strict'");
    }
}
