package dev.locustmaven.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locustmaven.model.Check;
import dev.locustmaven.model.MetricKey;
import dev.locustmaven.model.MetricValue;
import dev.locustmaven.model.Status;
import dev.locustmaven.model.Verdict;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class RegressionSignatureTest {

    @Test
    void containsTheMetricsAtTheIssueLevelInOrder() {
        Verdict verdict = new Verdict(
                Status.FAIL,
                List.of(
                        check(new MetricKey("rag", null, "query_p95_ms"), Status.FAIL),
                        check(new MetricKey("api", "GET /items", "p95_latency_ms"), Status.FAIL),
                        check(new MetricKey("api", null, "rps"), Status.WARN),
                        check(new MetricKey("mcp", null, "tool_p95_ms"), Status.MISSING),
                        check(new MetricKey("api", null, "error_rate_pct"), Status.PASS),
                        check(new MetricKey("api", null, "p99_latency_ms"), Status.NO_BASELINE)),
                List.of());

        assertThat(RegressionSignature.of(verdict, IssueLevel.FAIL).metrics())
                .containsExactly("api/GET /items/p95_latency_ms", "mcp/tool_p95_ms", "rag/query_p95_ms");
        assertThat(RegressionSignature.of(verdict, IssueLevel.WARN).metrics())
                .containsExactly("api/GET /items/p95_latency_ms", "api/rps", "mcp/tool_p95_ms", "rag/query_p95_ms");
    }

    @Test
    void anyEndpointNameSurvivesTheHiddenMarker() {
        RegressionSignature signature = new RegressionSignature(new TreeSet<>(List.of(
                "api/POST /search?q=a,b --> <b>/p95_latency_ms", "api/GET /ünïcode path/rps", "api/p95_latency_ms")));

        String marker = HiddenMarkers.signature(signature);

        assertThat(signature.encoded()).doesNotContain("--", " ", ">", "<");
        assertThat(marker)
                .startsWith("<!-- locust-maven-plugin:signature=api%2FGET+%2F%C3%BCn%C3%AFcode+path%2Frps,")
                .endsWith(" -->");
        assertThat(HiddenMarkers.signatureOf("report\n" + marker + "\n")).contains(signature);
        assertThat(HiddenMarkers.branchOf(HiddenMarkers.branch("release/2.x --> now")))
                .contains("release/2.x --> now");
        assertThat(HiddenMarkers.signatureOf("An issue a person wrote")).isEqualTo(Optional.empty());
    }

    private static Check check(MetricKey key, Status status) {
        return new Check(key, MetricValue.of(1), MetricValue.of(2), 1.0, 100.0, "rule", status, "message");
    }
}
