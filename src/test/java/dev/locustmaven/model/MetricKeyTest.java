package dev.locustmaven.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MetricKeyTest {

    @Test
    void aRootEndpointReadsAsItsNameThenTheMetric() {
        MetricKey root = new MetricKey("api", "GET /", "p95_latency_ms");

        assertThat(root.label()).isEqualTo("GET / · p95_latency_ms");
        assertThat(root.displayName()).isEqualTo("api/GET / · p95_latency_ms");
        assertThat(root.label()).doesNotContain("//");
    }

    @Test
    void aServiceMetricIsItsNameAlone() {
        assertThat(MetricKey.of("api", "rps").label()).isEqualTo("rps");
        assertThat(MetricKey.of("api", "rps").displayName()).isEqualTo("api/rps");
    }

    @Test
    void theIdentityStaysTheSlashJoinedKeySoIssueSignaturesDoNotChange() {
        assertThat(new MetricKey("api", "GET /", "p95_latency_ms")).hasToString("api/GET //p95_latency_ms");
    }
}
