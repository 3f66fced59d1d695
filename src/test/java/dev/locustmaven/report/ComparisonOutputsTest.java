package dev.locustmaven.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.locustmaven.compare.Comparison;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class ComparisonOutputsTest {

    private static final Comparison COMPARISON = SampleComparison.build();

    @Test
    void theSampleHasEveryStatus() {
        assertThat(COMPARISON.checks())
                .extracting(c -> c.key().endpoint() + " " + c.status())
                .containsExactly(
                        "null PASS",
                        "null PASS",
                        "GET /legacy MISSING",
                        "GET /new NO_BASELINE",
                        "GET /orders|slow FAIL",
                        "GET /search WARN");
    }

    @Test
    void theJsonHasOneObjectPerCheckWithTheRatioAndItsBounds() throws Exception {
        String text = ComparisonJson.render(COMPARISON, Instant.parse("2026-12-06T09:00:00Z"));
        JsonNode root = new ObjectMapper().readTree(text);

        assertThat(root.get("verdict").asText()).isEqualTo("FAIL");
        assertThat(root.get("generated_at").asText()).isEqualTo("2026-12-06T09:00:00Z");
        assertThat(root.get("pairs").asInt()).isEqualTo(3);
        assertThat(root.get("confidence").asDouble()).isEqualTo(0.95);
        assertThat(root.get("warnings").get(0).asText()).isEqualTo(SampleComparison.NOTE);
        JsonNode slow = root.get("checks").get(4);
        assertThat(slow.get("message").asText())
                .isEqualTo(COMPARISON.checks().get(4).message());
        ObjectNode withoutMessage = slow.deepCopy();
        withoutMessage.remove("message");
        assertThat(withoutMessage.toString())
                .isEqualTo(
                        "{\"service\":\"orders\",\"endpoint\":\"GET /orders|slow\",\"metric\":\"p95_latency_ms\","
                                + "\"base\":99.987,\"change\":129.977,\"measure\":\"ratio\",\"ratio\":1.3,\"difference\":29.99,"
                                + "\"ci_low\":1.293,\"ci_high\":1.307,\"status\":\"FAIL\",\"inconclusive\":false,"
                                + "\"rule\":\"warning +10% / fail +20%\",\"pairs\":3,\"requests\":{\"base\":300,\"change\":300}}");
        JsonNode errors = root.get("checks").get(0);
        assertThat(errors.get("measure").asText()).isEqualTo("difference");
        assertThat(errors.get("difference").asDouble()).isEqualTo(0.0);
        assertThat(errors.get("ratio").asDouble()).isEqualTo(1.0);
        JsonNode missing = root.get("checks").get(2);
        assertThat(missing.get("change").isNull()).isTrue();
        assertThat(missing.get("ratio").isNull()).isTrue();
        assertThat(missing.get("ci_low").isNull()).isTrue();
        assertThat(missing.get("pairs").asInt()).isZero();
        JsonNode noBase = root.get("checks").get(3);
        assertThat(noBase.get("base").isNull()).isTrue();
        assertThat(noBase.get("change").asDouble()).isEqualTo(7.0);
        assertThat(text).endsWith("}\n").contains("\n  \"checks\": [\n    {\n      \"service\": \"orders\",");
    }

    @Test
    void theMarkdownListsProblemsThenOneTablePerService() {
        String md = ComparisonMarkdown.render(COMPARISON, new ReportContext(null, "abc123", "feature/x", null));

        assertThat(md)
                .startsWith("## Locust comparison: FAIL\n\n1 failed, 2 warnings, 2 passed, 1 missing, 1 without base;"
                        + " the change against the base measured in the same build, 3 pairs of runs, bounds at 95%"
                        + " confidence.\n\n- Commit: abc123\n- Branch: feature/x\n\n### Failures\n\n"
                        + "| Service | Metric | Base | Change | Change vs base | Interval | Rule | Message |\n");
        assertThat(md)
                .contains(
                        "| orders | GET /orders\\|slow/p95_latency_ms | 99.987 ms | 129.977 ms | +30.0% |"
                                + " +29.3% to +30.7% | warning +10% / fail +20% | orders \"GET /orders\\|slow\" p95_latency_ms:");
        assertThat(md).contains("### Warnings\n\n- " + SampleComparison.NOTE + "\n\n| Service |");
        assertThat(md)
                .contains("#### orders\n\n| Metric | Base | Change | Change vs base | Interval | Rule | Status |\n"
                        + "|---|---:|---:|---:|---|---|---|\n"
                        + "| error_rate_pct | 0.5% | 0.5% | +0 pp | -0.292 pp to +0.292 pp | warning +0.5 / fail +1 |"
                        + " PASS |\n");
        assertThat(md).contains("| GET /legacy/p95_latency_ms | - | - | - | - | warning +10% / fail +20% | MISSING |");
        assertThat(md).endsWith("### Passed\n\n2 of 6 checks passed.\n");
    }

    @Test
    void theJUnitReportHasAFailureForEveryCheckThatFailsTheBuild() throws Exception {
        Document xml = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(
                        ComparisonJUnit.render(COMPARISON).getBytes(StandardCharsets.UTF_8)));
        Element suite = xml.getDocumentElement();

        assertThat(suite.getAttribute("name")).isEqualTo("locust-compare");
        assertThat(suite.getAttribute("tests")).isEqualTo("6");
        assertThat(suite.getAttribute("failures")).isEqualTo("2");
        assertThat(suite.getAttribute("skipped")).isEqualTo("1");
        Element slow = testCase(xml, 4);
        assertThat(slow.getAttribute("classname")).isEqualTo("locust.compare.orders");
        assertThat(slow.getAttribute("name")).isEqualTo("GET /orders|slow/p95_latency_ms [warning +10% / fail +20%]");
        Element failure = (Element) slow.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("type")).isEqualTo("FAIL");
        assertThat(failure.getAttribute("message"))
                .isEqualTo(COMPARISON.checks().get(4).message());
        assertThat(failure.getTextContent())
                .isEqualTo("orders/GET /orders|slow/p95_latency_ms: base 99.987 ms, change 129.977 ms, change vs base"
                        + " +30.0%, interval +29.3% to +30.7%, pairs 3, rule warning +10% / fail +20%, status FAIL");
        assertThat(((Element) testCase(xml, 2).getElementsByTagName("failure").item(0)).getAttribute("type"))
                .isEqualTo("MISSING");
        assertThat(testCase(xml, 3).getElementsByTagName("skipped").getLength()).isEqualTo(1);
        assertThat(testCase(xml, 5).getElementsByTagName("system-out").item(0).getTextContent())
                .startsWith("WARN orders \"GET /search\" p95_latency_ms: ");
        assertThat(testCase(xml, 0).hasChildNodes()).isFalse();
        assertThat(suite.getLastChild().getPreviousSibling().getTextContent()).isEqualTo(SampleComparison.NOTE);
    }

    @Test
    void theJUnitReportIsOneIndentedSuiteWithTheCountsAndNoErrors() {
        String text = ComparisonJUnit.render(COMPARISON);

        assertThat(text)
                .startsWith(
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                + "<testsuite name=\"locust-compare\" tests=\"6\" failures=\"2\" errors=\"0\" skipped=\"1\""
                                + " time=\"0\">\n"
                                + "  <testcase classname=\"locust.compare.orders\" name=\"error_rate_pct [warning +0.5 / fail +1]\""
                                + " time=\"0\"/>\n"
                                + "  <testcase classname=\"locust.compare.orders\" name=\"rps [fail -20%]\" time=\"0\"/>\n"
                                + "  <testcase classname=\"locust.compare.orders\""
                                + " name=\"GET /legacy/p95_latency_ms [warning +10% / fail +20%]\" time=\"0\">\n"
                                + "    <failure message=\"orders &quot;GET /legacy&quot; p95_latency_ms: the change has no value");
        assertThat(text)
                .contains("status MISSING</failure>\n  </testcase>\n"
                        + "  <testcase classname=\"locust.compare.orders\""
                        + " name=\"GET /new/p95_latency_ms [warning +10% / fail +20%]\" time=\"0\">\n"
                        + "    <skipped message=\"orders &quot;GET /new&quot; p95_latency_ms: 7 ms, and the base has no"
                        + " value to compare with for warning +10% / fail +20%, so this is not checked.\"/>\n"
                        + "  </testcase>\n");
        assertThat(text)
                .endsWith("status WARN</system-out>\n  </testcase>\n  <system-out>" + SampleComparison.NOTE
                        + "</system-out>\n</testsuite>\n");
    }

    @Test
    void theConsoleListsProblemsThenAlignedTablesThenOneLine() {
        java.util.List<String> lines = ComparisonConsole.lines(COMPARISON);

        assertThat(lines.get(0)).isEqualTo("WARN " + SampleComparison.NOTE);
        assertThat(lines.get(1)).startsWith("WARN orders \"GET /search\" p95_latency_ms: 249.466 ms vs base 200 ms");
        assertThat(lines).contains("orders");
        assertThat(lines.subList(lines.indexOf("orders") + 1, lines.size()))
                .containsExactly(
                        "  metric                                base      change  vs base  interval                "
                                + "rule                      status",
                        "  error_rate_pct                        0.5%        0.5%    +0 pp  -0.292 pp to +0.292 pp  "
                                + "warning +0.5 / fail +1    PASS",
                        "  rps                                 49.993          50    +0.0%  -3.3% to +3.4%          "
                                + "fail -20%                 PASS",
                        "  GET /legacy/p95_latency_ms               -           -        -  -                       "
                                + "warning +10% / fail +20%  MISSING",
                        "  GET /new/p95_latency_ms                  -        7 ms        -  -                       "
                                + "warning +10% / fail +20%  NO_BASELINE",
                        "  GET /orders|slow/p95_latency_ms  99.987 ms  129.977 ms   +30.0%  +29.3% to +30.7%        "
                                + "warning +10% / fail +20%  FAIL",
                        "  GET /search/p95_latency_ms          200 ms  249.466 ms   +24.7%  +9.0% to +42.8%         "
                                + "warning +10% / fail +20%  WARN",
                        "",
                        "Locust comparison: FAIL (1 failed, 2 warnings, 2 passed, 1 missing, 1 without base; 3 pairs)");
    }

    private static Element testCase(Document xml, int index) {
        return (Element) xml.getElementsByTagName("testcase").item(index);
    }
}
