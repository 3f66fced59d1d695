package dev.locustmaven.report.site;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.apache.maven.doxia.module.xhtml5.Xhtml5SinkFactory;
import org.apache.maven.doxia.sink.Sink;

/** Builds the page from a project folder and renders it into an XHTML5 sink, as the site would. */
final class Pages {

    static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    private Pages() {}

    static PerformanceReportRequest request(Path project) {
        return request(project, 20);
    }

    static PerformanceReportRequest request(Path project, int trendRuns) {
        return new PerformanceReportRequest(
                project,
                project.resolve(SampleHistory.HISTORY),
                project.resolve(SampleHistory.BASELINE),
                project.resolve(SampleHistory.VERDICT),
                project.resolve("target/locust"),
                trendRuns,
                List.of("p95_latency_ms", "error_rate_pct", "rps"),
                NOW);
    }

    /** The page's HTML with its charts written to {@code project/site}. */
    static String render(Path project, Locale locale) {
        PerformanceReportData data = new PerformanceReportBuilder().build(request(project));
        ReportText text = ReportText.of(locale);
        ReportAssets assets = ReportAssets.write(data, project.resolve("site"), "locust-report", text);
        return render(data, assets, text);
    }

    static String render(PerformanceReportData data, ReportAssets assets, ReportText text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Sink sink = new Xhtml5SinkFactory().createSink(out, "UTF-8");
            new PerformanceReportRenderer(sink, data, assets, text).render();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
