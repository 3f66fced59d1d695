package dev.locustmaven.maven;

import dev.locustmaven.check.PerformanceCheck;
import dev.locustmaven.failure.PluginException;
import dev.locustmaven.report.site.PerformanceReportBuilder;
import dev.locustmaven.report.site.PerformanceReportData;
import dev.locustmaven.report.site.PerformanceReportRenderer;
import dev.locustmaven.report.site.PerformanceReportRequest;
import dev.locustmaven.report.site.ReportAssets;
import dev.locustmaven.report.site.ReportText;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.reporting.MavenReport;
import org.apache.maven.reporting.MavenReportException;

/**
 * Writes the "Performance" page of the project site ({@code locust-report.html}): the latest verdict, the baseline's
 * version and age, and per service the checks, charts of the key metrics over the history with the baseline and the
 * warning and fail levels, a trend table, the trend summary and the change points, with links to Locust's own HTML
 * reports. It only reads files (the history, the baseline and the latest {@code verdict.json}) and never runs Locust.
 * Add the plugin to {@code <reporting>} for {@code mvn site}, where the page takes the site's look, or run
 * {@code mvn locust:report} on its own, which writes a plain page to {@code target/reports}. {@code -Dlocust.report.skip}
 * leaves the page out.
 */
@Mojo(name = "report", threadSafe = true)
public class ReportMojo extends AbstractMojo implements MavenReport {

    // Maven's report interface is implemented here rather than through maven-reporting-impl, whose site renderer and
    // its ~25 jars every goal of the plugin would otherwise resolve and load. Under mvn site the site plugin calls
    // generate(Sink, Locale) with a sink of its own; standalone, execute() writes XHTML5 through StandalonePageSink.

    /** The page's file name without extension, and the folder of its charts and copied Locust reports. */
    static final String OUTPUT_NAME = "locust-report";

    /** Where a standalone {@code locust:report} writes the page; under {@code mvn site} the site's folder is used. */
    @Parameter(defaultValue = "${project.build.directory}/reports", required = true)
    private File outputDirectory;

    /**
     * The language of a standalone {@code locust:report}, as in maven-site-plugin: {@code default} (English),
     * {@code system} (the JVM's) or a locale such as {@code de}; under {@code mvn site} the site's locales apply.
     */
    @Parameter(defaultValue = "default")
    private String locale;

    /** The encoding of a standalone page. */
    @Parameter(property = "outputEncoding", defaultValue = "${project.reporting.outputEncoding}", readonly = true)
    private String outputEncoding;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    /**
     * Leaves the Performance page out of the site (and makes {@code locust:report} do nothing). {@code locust.skip},
     * which skips the goals that run and judge, does not: a site built from committed files still shows the page.
     */
    @Parameter(property = "locust.report.skip", defaultValue = "false")
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

    /** Standalone ({@code mvn locust:report}): the page, its charts and copied reports in {@link #outputDirectory}. */
    @Override
    public void execute() throws MojoExecutionException {
        if (!canGenerateReport()) {
            getLog().info(AbstractLocustMojo.skipMessage("report", "locust.report.skip"));
            return;
        }
        Path page = getReportOutputDirectory().toPath().resolve(OUTPUT_NAME + ".html");
        Charset encoding = outputEncoding == null || outputEncoding.isBlank()
                ? StandardCharsets.UTF_8
                : Charset.forName(outputEncoding);
        Locale pageLocale = locale(locale);
        try {
            Files.createDirectories(page.getParent());
            try (OutputStream out = Files.newOutputStream(page);
                    Writer writer = new OutputStreamWriter(out, encoding)) {
                generate(
                        new StandalonePageSink(
                                writer,
                                encoding.name(),
                                ReportText.of(pageLocale).language()),
                        pageLocale);
            }
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write " + page + ": " + e.getMessage(), e);
        } catch (MavenReportException e) {
            throw new MojoExecutionException(
                    "An error has occurred in " + getName(Locale.ENGLISH) + " report generation: " + e.getMessage(), e);
        }
        getLog().info("Wrote " + page);
    }

    /**
     * A locale as maven-site-plugin reads one: {@code default} (or none) is {@link Locale#ROOT}, {@code system} the
     * JVM's, otherwise {@code language[_country[_variant]]}; of a comma-separated list, the first.
     */
    static Locale locale(String code) {
        String first = code == null ? "" : code.split(",", -1)[0].trim();
        if (first.isEmpty() || first.equalsIgnoreCase("default")) {
            return Locale.ROOT;
        }
        if (first.equalsIgnoreCase("system")) {
            return Locale.getDefault();
        }
        String[] parts = first.split("_", 3);
        return new Locale(parts[0], parts.length > 1 ? parts[1] : "", parts.length > 2 ? parts[2] : "");
    }

    @Override
    public boolean canGenerateReport() {
        return !skip;
    }

    /** Renders the page into the sink (the site's, or the standalone page's) and closes it. */
    @Override
    public void generate(Sink sink, Locale locale) throws MavenReportException {
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
            new PerformanceReportRenderer(sink, data, assets, text).render();
        } catch (PluginException e) {
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
    public String getCategoryName() {
        return CATEGORY_PROJECT_REPORTS;
    }

    @Override
    public void setReportOutputDirectory(File reportOutputDirectory) {
        this.outputDirectory = reportOutputDirectory;
    }

    @Override
    public File getReportOutputDirectory() {
        return outputDirectory.getAbsoluteFile();
    }

    @Override
    public boolean isExternalReport() {
        return false;
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
