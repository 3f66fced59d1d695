package dev.locustmaven.report.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locustmaven.model.MetricKey;
import dev.locustmaven.model.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The SVG charts: valid SVG, one per series, with the baseline, the levels, the change points and failed runs. */
class ReportAssetsTest {

    private static final String SVG = "http://www.w3.org/2000/svg";
    private static final MetricKey API_P95 = MetricKey.of("api_gateway", "p95_latency_ms");

    @TempDir
    Path project;

    private PerformanceReportData data;
    private ReportAssets assets;

    @BeforeEach
    void writeCharts() throws Exception {
        SampleHistory.write(project);
        data = new PerformanceReportBuilder().build(Pages.request(project));
        assets = ReportAssets.write(data, project.resolve("site"), "locust-report", ReportText.of(Locale.ENGLISH));
    }

    private static DocumentBuilderFactory factory() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return factory;
    }

    private Document chart(MetricKey key) throws Exception {
        return factory()
                .newDocumentBuilder()
                .parse(project.resolve("site").resolve(assets.charts().get(key)).toFile());
    }

    private static List<Element> groups(Document svg, String cssClass) {
        List<Element> found = new ArrayList<>();
        NodeList groups = svg.getElementsByTagNameNS(SVG, "g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element group = (Element) groups.item(i);
            if (group.getAttribute("class").equals(cssClass)) {
                found.add(group);
            }
        }
        return found;
    }

    private static String title(Element element) {
        NodeList titles = element.getElementsByTagNameNS(SVG, "title");
        return titles.getLength() == 0 ? null : titles.item(0).getTextContent();
    }

    private static List<String> texts(Document svg) {
        List<String> texts = new ArrayList<>();
        NodeList nodes = svg.getElementsByTagNameNS(SVG, "text");
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    @Test
    void runsOfOneDayAreTickedByTheirTimeWithTheDateOnceInTheAxisLabel() throws Exception {
        Path sameDay = project.resolve("same-day");
        SampleHistory.write(sameDay, 12, Duration.ofMinutes(20));
        PerformanceReportData day = new PerformanceReportBuilder().build(Pages.request(sameDay));
        ReportAssets charts =
                ReportAssets.write(day, sameDay.resolve("site"), "locust-report", ReportText.of(Locale.ENGLISH));

        List<String> texts = texts(factory()
                .newDocumentBuilder()
                .parse(sameDay.resolve("site")
                        .resolve(charts.charts().get(API_P95))
                        .toFile()));

        assertThat(texts).contains("Run (UTC), 2026-10-20");
        assertThat(texts).filteredOn(t -> t.matches("\\d\\d:\\d\\d")).hasSizeGreaterThan(2);
        assertThat(texts).noneMatch(t -> t.equals("2026-10-20"));
    }

    @Test
    void tickLabelsFollowTheSpanOfTheRuns() {
        Instant morning = Instant.parse("2026-12-06T08:00:00Z");
        assertThat(TrendChart.TimeTicks.over(morning, morning.plus(Duration.ofMinutes(40))))
                .isEqualTo(new TrendChart.TimeTicks("HH:mm", ", 2026-12-06"));
        assertThat(TrendChart.TimeTicks.over(morning, morning.plus(Duration.ofHours(30))))
                .isEqualTo(new TrendChart.TimeTicks("MM-dd HH:mm", ""));
        assertThat(TrendChart.TimeTicks.over(morning, morning.plus(Duration.ofDays(20))))
                .isEqualTo(new TrendChart.TimeTicks("yyyy-MM-dd", ""));
    }

    @Test
    void everySeriesWithTwoOrMoreRunsGetsAnSvgChart() {
        assertThat(assets.charts()).hasSize(6);
        assertThat(assets.charts().get(API_P95)).isEqualTo("locust-report/api_gateway-p95_latency_ms.svg");
    }

    @Test
    void aChartIsAnSvgDocumentWithATitle() throws Exception {
        Document svg = chart(API_P95);

        Element root = svg.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(SVG);
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 860 320");
        assertThat(title(root)).isEqualTo("Chart of p95_latency_ms of api_gateway over the recorded runs");
    }

    @Test
    void theBaselineAndTheLevelsAreLabelledLines() throws Exception {
        List<String> texts = texts(chart(API_P95));

        assertThat(texts).contains("baseline 650 ms", "warning 780 ms", "fail 975 ms", "api_gateway: p95_latency_ms");
        assertThat(texts(chart(MetricKey.of("api_gateway", "rps")))).contains("baseline 2.5", "warning 2", "fail 1.5");
    }

    @Test
    void theChangePointIsAGroupNamingItsRunAndCommit() throws Exception {
        List<Element> changes = groups(chart(API_P95), "change-point");

        assertThat(changes).hasSize(1);
        Element change = changes.get(0);
        String run = SampleHistory.runId(SampleHistory.STEP);
        String commit = SampleHistory.commit(SampleHistory.STEP);
        assertThat(change.getAttribute("id")).isEqualTo("change-point-1");
        assertThat(change.getAttribute("data-run")).isEqualTo(run);
        assertThat(change.getAttribute("data-commit")).isEqualTo(commit);
        assertThat(title(change))
                .startsWith("Change point of p95_latency_ms of api_gateway: from ")
                .contains("starting with run " + run)
                .contains("commit " + commit);
        assertThat(change.getElementsByTagNameNS(SVG, "line").getLength()).isEqualTo(1);
    }

    @Test
    void eachFailedRunIsMarked() throws Exception {
        long failed = data.services().get(0).series().get(0).points().stream()
                .filter(p -> p.run().verdict() == Status.FAIL)
                .count();

        List<Element> marks = groups(chart(API_P95), "failed-run");

        assertThat(failed).isPositive();
        assertThat(marks).hasSize((int) failed);
        assertThat(marks).allSatisfy(mark -> assertThat(title(mark)).startsWith("Failed run ci-"));
    }

    @Test
    void chartsAreReproducible() throws Exception {
        byte[] first = Files.readAllBytes(
                project.resolve("site").resolve(assets.charts().get(API_P95)));

        ReportAssets.write(data, project.resolve("again"), "locust-report", ReportText.of(Locale.ENGLISH));

        assertThat(project.resolve("again").resolve(assets.charts().get(API_P95)))
                .hasBinaryContent(first);
    }

    @Test
    void aSingleRunGetsNoChartAndOldChartsAreRemoved() throws Exception {
        SampleHistory.write(project, 1);
        PerformanceReportData single = new PerformanceReportBuilder().build(Pages.request(project));

        ReportAssets none =
                ReportAssets.write(single, project.resolve("site"), "locust-report", ReportText.of(Locale.ENGLISH));

        assertThat(none.charts()).isEmpty();
        try (var files = Files.list(project.resolve("site/locust-report"))) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void fileNamesAreSafeInAUrl() {
        assertThat(ReportAssets.safe("GET /items/{id}")).isEqualTo("GET__items__id_");
        assertThat(ReportAssets.safe("..")).isEqualTo("_..");
    }
}
