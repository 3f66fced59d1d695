package dev.locustmaven.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locustmaven.metrics.MetricDefinition;
import dev.locustmaven.thresholds.ThresholdRule;
import org.junit.jupiter.api.Test;

/** The pom's beans map every element onto the core's immutable rules, tidied the way the core tidies them. */
class PomConfigurationMappingTest {

    @Test
    void aThresholdMapsEveryElementOntoTheRule() {
        ThresholdConfiguration pom = new ThresholdConfiguration();
        pom.setService(" api_gateway ");
        pom.setMetric("p95_latency_ms");
        pom.setEndpoint("GET /items");
        pom.setWarning("+20%");
        pom.setFail(" ");
        pom.setMinAbsolute(1.5);
        pom.setMinAbsoluteChange(10.0);
        pom.setAllowMissing(true);
        pom.setSignificance("off");

        assertThat(pom.toRule())
                .isEqualTo(new ThresholdRule(
                        "api_gateway", "p95_latency_ms", "GET /items", "+20%", null, 1.5, 10.0, true, "off"));
    }

    @Test
    void aMetricMapsEveryElementOntoTheDefinition() {
        MetricConfiguration pom = new MetricConfiguration();
        pom.setName(" query_errors ");
        pom.setService("rag_service");
        pom.setRequests("query ");
        pom.setMethod("POST");
        pom.setFailures("timeout");
        pom.setStatistic("count");

        assertThat(pom.toDefinition())
                .isEqualTo(new MetricDefinition("query_errors", "rag_service", "query ", "POST", "timeout", "count"));
    }
}
