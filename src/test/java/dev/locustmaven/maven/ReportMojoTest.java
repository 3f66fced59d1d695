package dev.locustmaven.maven;

import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.doxia.module.xhtml5.Xhtml5SinkFactory;
import org.apache.maven.reporting.MavenReportException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report goal's wiring: the pom's parameters reach the page, and the page and its charts land in the site. */
@MojoTest
class ReportMojoTest {

    private static final String POM = "src/test/resources/unit/report/pom.xml";

    @TempDir
    Path dir;

    private static final String HISTORY_LINE = """
            {"schema":1,"time":"2026-11-%02dT06:00:00Z","run_id":"ci-%d","git_commit":"c0ffee%d","verdict":"PASS","runs":1,\
            "services":{"api":{"metrics":{"p95_latency_ms":%d,"rps":%s}}}}
            """;

    private void configure(ReportMojo mojo, int runs) throws Exception {
        StringBuilder history = new StringBuilder();
        for (int run = 1; run <= runs; run++) {
            history.append(HISTORY_LINE.formatted(run, run, run, 600 + run, "2." + run));
        }
        Path historyFile = dir.resolve("docs/performance-trends.jsonl");
        Files.createDirectories(historyFile.getParent());
        Files.writeString(historyFile, history);
        setVariableValueToObject(mojo, "historyFile", historyFile.toFile());
        setVariableValueToObject(
                mojo,
                "baselineFile",
                dir.resolve("docs/performance-baselines.json").toFile());
        setVariableValueToObject(
                mojo, "reportDirectory", dir.resolve("target/locust").toFile());
        setVariableValueToObject(
                mojo, "resultsDirectory", dir.resolve("target/locust").toFile());
        mojo.setReportOutputDirectory(dir.resolve("site").toFile());
    }

    private static String generate(ReportMojo mojo) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        mojo.generate(new Xhtml5SinkFactory().createSink(out, "UTF-8"), Locale.ENGLISH);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    @InjectMojo(goal = "report", pom = POM)
    void thePageIsNamedPerformanceAndWrittenAsLocustReport(ReportMojo mojo) {
        assertThat(mojo.getOutputName()).isEqualTo("locust-report");
        assertThat(mojo.getOutputPath()).isEqualTo("locust-report");
        assertThat(mojo.getName(Locale.ENGLISH)).isEqualTo("Performance");
        assertThat(mojo.getDescription(Locale.GERMAN)).startsWith("Ergebnisse der Locust-Lasttests");
        assertThat(mojo.canGenerateReport()).isTrue();
        assertThat(mojo.isExternalReport()).isFalse();
    }

    @Test
    @InjectMojo(goal = "report", pom = POM)
    void thePomsParametersShapeThePage(ReportMojo mojo) throws Exception {
        configure(mojo, 12);

        String html = generate(mojo);

        assertThat(html)
                .contains("<h2>Service api</h2>")
                .contains("<h3>Latest 10 runs</h3>")
                .contains("src=\"locust-report/api-p95_latency_ms.svg\"")
                .contains("src=\"locust-report/api-rps.svg\"")
                .doesNotContain("error_rate_pct.svg")
                .contains("c0ffee12");
        assertThat(dir.resolve("site/locust-report/api-p95_latency_ms.svg")).isRegularFile();
    }

    @Test
    @InjectMojo(goal = "report", pom = POM)
    void standaloneItWritesAWholePageWithItsChartsAndAStylesheet(ReportMojo mojo) throws Exception {
        configure(mojo, 12);
        setVariableValueToObject(mojo, "locale", "de");

        mojo.execute();

        Path page = dir.resolve("site/locust-report.html");
        assertThat(page).isRegularFile();
        String html = Files.readString(page, StandardCharsets.UTF_8);
        assertThat(html)
                .startsWith("<!DOCTYPE html>")
                .contains("lang=\"de\"")
                .contains("<title>Performance</title>")
                .contains("<style>")
                .containsOnlyOnce("<meta charset=\"UTF-8\"/>")
                .contains("<h2>Dienst api</h2>")
                .contains("src=\"locust-report/api-p95_latency_ms.svg\"")
                .endsWith("</html>");
        assertThat(html.indexOf("<meta charset")).isLessThan(html.indexOf("<style>"));
        assertThat(dir.resolve("site/locust-report/api-p95_latency_ms.svg")).isRegularFile();
    }

    @Test
    void theLocaleIsReadAsTheSitePluginReadsIt() {
        assertThat(ReportMojo.locale("default")).isEqualTo(Locale.ROOT);
        assertThat(ReportMojo.locale(null)).isEqualTo(Locale.ROOT);
        assertThat(ReportMojo.locale("system")).isEqualTo(Locale.getDefault());
        assertThat(ReportMojo.locale("de")).isEqualTo(Locale.GERMAN);
        assertThat(ReportMojo.locale("de_DE, en")).isEqualTo(Locale.GERMANY);
    }

    @Test
    @InjectMojo(goal = "report", pom = POM)
    void withNoFilesThePageSaysWhatToRun(ReportMojo mojo) throws Exception {
        configure(mojo, 0);

        String html = generate(mojo);

        assertThat(html).contains("Nothing has been measured yet. Run mvn verify");
    }

    @Test
    @InjectMojo(goal = "report", pom = POM)
    void skipTurnsTheReportOff(ReportMojo mojo) throws Exception {
        setVariableValueToObject(mojo, "skip", true);

        assertThat(mojo.canGenerateReport()).isFalse();
    }

    @Test
    @InjectMojo(goal = "report", pom = POM)
    void anEmptyMetricListIsAClearError(ReportMojo mojo) throws Exception {
        configure(mojo, 2);
        setVariableValueToObject(mojo, "reportMetrics", " , ");

        assertThatThrownBy(() -> generate(mojo))
                .isInstanceOf(MavenReportException.class)
                .hasMessageContaining("locust.reportMetrics names no metric");
    }
}
