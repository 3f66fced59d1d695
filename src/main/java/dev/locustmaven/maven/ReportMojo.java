package dev.locustmaven.maven;

import dev.locustmaven.check.PerformanceCheck;
import dev.locustmaven.report.site.PerformanceReportBuilder;
import dev.locustmaven.report.site.PerformanceReportData;
import dev.locustmaven.report.site.PerformanceReportRenderer;
import dev.locustmaven.report.site.PerformanceReportRequest;
import dev.locustmaven.report.site.ReportAssets;
import dev.locustmaven.report.site.ReportText;
import java.io.File;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.reporting.AbstractMavenReport;
import org.apache.maven.reporting.MavenReportException;

/**
 * The "Performance" page of the project site ({@code locust-report.html}): the latest verdict, the baseline's version
 * and age, per service the checks, charts, a trend table, the trend summary and the change points over the history,
 * and links to Locust's own HTML reports. It only reads files (the history, the baseline and the latest
 * {@code verdict.json}) and never runs Locust. Add it to {@code <reporting>} for {@code mvn site}, or run
 * {@code mvn locust:report} on its own, which writes the page to {@code target/reports}.
 */
@Mojo(name = "report", threadSafe = true)
public class ReportMojo extends AbstractMavenReport {

    /** The page's file name without extension, and the folder of its charts and copied Locust reports. */
    static final String OUTPUT_NAME = "locust-report";

    /** Skips the report. */
    @Parameter(property = "locust.skip", defaultValue = "false")
    private boolean skip;

    /** The history of recorded runs: one JSON object per line, appended by {@code locust:check}. */
    @Parameter(property = "locust.historyFile", defaultValue = "${project.basedir}/docs/performance-trends.jsonl")
    private File historyFile;

    /** The committed baseline the checks compare with. */
    @Parameter(property = "locust.baselineFile", defaultValue = "${project.basedir}/docs/performance-baselines.json")
    private File baselineFile;

    /** Where {@code locust:check} wrote {@code verdict.json}; the page shows that verdict's checks. */
    @Parameter(property = "locust.reportDirectory", defaultValue = "${project.build.directory}/locust")
    private File reportDirectory;

    /**
     * The latest run's Locust output, one folder per service; the HTML reports Locust wrote there are copied into the
     * site and linked from the page.
     */
    @Parameter(property = "locust.resultsDirectory", defaultValue = "${project.build.directory}/locust")
    private File resultsDirectory;

    /** How many of the latest runs the trend tables show and the trend summary analyses. */
    @Parameter(property = "locust.trendRuns", defaultValue = "20")
    private int trendRuns;

    /** The service metrics that get a chart and a trend table, comma-separated. */
    @Parameter(property = "locust.reportMetrics", defaultValue = "p95_latency_ms,error_rate_pct,rps")
    private String reportMetrics;

    @Override
    public boolean canGenerateReport() {
        return !skip;
    }

    @Override
    protected void executeReport(Locale locale) throws MavenReportException {
        ReportText text = ReportText.of(locale);
        // The charts are drawn with Java2D; a build has no window to open, so AWT must not look for a display (which
        // would fail on a server, and put an icon in the dock on a Mac). An explicit setting of the user wins.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        try {
            PerformanceReportData data = new PerformanceReportBuilder().build(request());
            ReportAssets assets =
                    ReportAssets.write(data, getReportOutputDirectory().toPath(), OUTPUT_NAME, text);
            data.notes().forEach(getLog()::warn);
            new PerformanceReportRenderer(getSink(), data, assets, text).render();
        } catch (RuntimeException e) {
            throw new MavenReportException(e.getMessage(), e);
        }
    }

    PerformanceReportRequest request() {
        List<String> metrics = PerformanceReportRequest.metricList(reportMetrics);
        return new PerformanceReportRequest(
                project == null ? null : project.getBasedir().toPath(),
                historyFile.toPath(),
                baselineFile.toPath(),
                reportDirectory.toPath().resolve(PerformanceCheck.VERDICT_JSON),
                resultsDirectory.toPath(),
                trendRuns,
                metrics,
                Instant.now());
    }

    @Override
    public String getOutputName() {
        return OUTPUT_NAME;
    }

    @Override
    public String getOutputPath() {
        return OUTPUT_NAME;
    }

    @Override
    public String getName(Locale locale) {
        return ReportText.of(locale).get("report.name");
    }

    @Override
    public String getDescription(Locale locale) {
        return ReportText.of(locale).get("report.description");
    }
}
