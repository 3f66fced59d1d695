package dev.locustmaven.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JUnitReportTest {

    @TempDir
    Path dir;

    private Document writeAndParse(boolean missingAllowed) throws Exception {
        Path file = dir.resolve("target/locust/TEST-locust.xml");
        JUnitReport.write(file, SampleVerdict.build(missingAllowed));
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }

    @Test
    void oneTestCasePerCheckWithFailuresForFailAndMissing() throws Exception {
        Document xml = writeAndParse(false);
        Element suite = xml.getDocumentElement();

        assertThat(suite.getTagName()).isEqualTo("testsuite");
        assertThat(suite.getAttribute("name")).isEqualTo("locust");
        assertThat(suite.getAttribute("tests")).isEqualTo("8");
        assertThat(suite.getAttribute("failures")).isEqualTo("3");
        assertThat(suite.getAttribute("errors")).isEqualTo("0");
        assertThat(suite.getAttribute("skipped")).isEqualTo("1");
        assertThat(xml.getElementsByTagName("testcase").getLength()).isEqualTo(8);
        assertThat(xml.getElementsByTagName("failure").getLength()).isEqualTo(3);
        assertThat(xml.getElementsByTagName("skipped").getLength()).isEqualTo(1);

        Element endpointFailure = testCase(xml, 1);
        assertThat(endpointFailure.getAttribute("classname")).isEqualTo("locust.api_gateway");
        assertThat(endpointFailure.getAttribute("name"))
                .isEqualTo("GET /items · p95_latency_ms [p95_latency_ms warning +20% fail +50%]");
        Element failure =
                (Element) endpointFailure.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message"))
                .isEqualTo(
                        "api_gateway GET /items p95_latency_ms: 30 ms is 150.0% above the baseline 12 ms; fail at +50%");
        assertThat(failure.getAttribute("type")).isEqualTo("FAIL");
        assertThat(failure.getTextContent())
                .isEqualTo(
                        "api_gateway/GET /items · p95_latency_ms: baseline 12 ms, current 30 ms, change +150.0%, rule"
                                + " p95_latency_ms warning +20% fail +50%, status FAIL");

        Element missing =
                (Element) testCase(xml, 6).getElementsByTagName("failure").item(0);
        assertThat(missing.getAttribute("type")).isEqualTo("MISSING");
        assertThat(missing.getAttribute("message"))
                .isEqualTo("rag_service query_p95_ms: the run has no metric query_p95_ms for <rag_service> \"query\"");

        assertThat(testCase(xml, 0).getElementsByTagName("system-out").item(0).getTextContent())
                .startsWith(
                        "WARN api_gateway p95_latency_ms: 812 ms is 24.9% above the baseline 650 ms; warning at +20%\n");
        assertThat(testCase(xml, 4).getAttribute("name"))
                .isEqualTo("sandbox_violations [sandbox_violations warning > 0 fail > 1]");
        assertThat(testCase(xml, 4).hasChildNodes()).isFalse();
        Element noBaseline =
                (Element) testCase(xml, 7).getElementsByTagName("skipped").item(0);
        assertThat(noBaseline.getAttribute("message"))
                .isEqualTo("rag_service index_p95_ms: the baseline has no index_p95_ms\uFFFD");

        NodeList suiteOut = suite.getElementsByTagName("system-out");
        assertThat(suiteOut.item(suiteOut.getLength() - 1).getParentNode()).isEqualTo(suite);
        assertThat(suiteOut.item(suiteOut.getLength() - 1).getTextContent()).isEqualTo(SampleVerdict.STALE);
    }

    @Test
    void allowedMissingMetricsAreSkippedNotFailed() throws Exception {
        Document xml = writeAndParse(true);

        assertThat(xml.getDocumentElement().getAttribute("failures")).isEqualTo("2");
        assertThat(xml.getDocumentElement().getAttribute("skipped")).isEqualTo("2");
        assertThat(xml.getElementsByTagName("failure").getLength()).isEqualTo(2);
        assertThat(testCase(xml, 6).getElementsByTagName("skipped").getLength()).isEqualTo(1);
    }

    @Test
    void startsWithAnXmlDeclarationAndEndsWithANewline() throws IOException {
        Path file = dir.resolve("TEST-locust.xml");
        JUnitReport.write(file, SampleVerdict.build());

        assertThat(Files.readString(file))
                .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"locust\" tests=\"8\"")
                .endsWith("</testsuite>\n");
    }

    private static Element testCase(Document xml, int index) {
        return (Element) xml.getElementsByTagName("testcase").item(index);
    }
}
