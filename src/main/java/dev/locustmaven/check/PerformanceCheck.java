package dev.locustmaven.check;

import dev.locustmaven.baseline.BaselineFile;
import dev.locustmaven.gate.Comparability;
import dev.locustmaven.gate.Gate;
import dev.locustmaven.gate.GateOptions;
import dev.locustmaven.gate.ThresholdRules;
import dev.locustmaven.locust.ResultsDirectoryReader;
import dev.locustmaven.metrics.Extraction;
import dev.locustmaven.metrics.MetricExtractor;
import dev.locustmaven.model.Baseline;
import dev.locustmaven.model.LocustRun;
import dev.locustmaven.model.Verdict;
import dev.locustmaven.report.JUnitReport;
import dev.locustmaven.report.MarkdownReport;
import dev.locustmaven.report.VerdictJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code check} goal's work: read what Locust measured, name the metrics, compare them with the baseline under
 * the threshold rules, and write {@code verdict.json}, {@code report.md} and {@code TEST-locust.xml}.
 *
 * <p>Everything the user configured is validated first, so a wrong threshold is reported before any file is read.
 * Nothing here writes the baseline: a check never changes a file the user owns.
 */
public final class PerformanceCheck {

    public static final String VERDICT_JSON = "verdict.json";
    public static final String REPORT_MD = "report.md";
    public static final String JUNIT_XML = "TEST-locust.xml";

    private final ResultsDirectoryReader results;

    public PerformanceCheck() {
        this(new ResultsDirectoryReader());
    }

    public PerformanceCheck(ResultsDirectoryReader results) {
        this.results = results;
    }

    public CheckResult run(CheckRequest request) {
        Configuration.requireValid(request.thresholds(), request.metrics());
        LocustRun run = results.read(request.resultsDirectory());
        return evaluate(request, run);
    }

    /** Checks results already read, e.g. the median of several runs of the same build. */
    public CheckResult evaluate(CheckRequest request, LocustRun run) {
        Configuration.requireValid(request.thresholds(), request.metrics());
        List<String> notes = new ArrayList<>();
        Baseline baseline = null;
        if (Files.exists(request.baselineFile())) {
            baseline = BaselineFile.read(request.baselineFile());
        } else {
            notes.add("No baseline file at " + request.baselineFile()
                    + "; rules that compare with a baseline report NO_BASELINE. Create it with mvn locust:baseline.");
        }
        Extraction extraction = new MetricExtractor().extractWithReasons(run, request.metrics());
        List<String> comparability = baseline == null ? List.of() : Comparability.warnings(baseline, run);
        GateOptions options = GateOptions.at(request.now())
                .withUnavailable(extraction.unavailable())
                .withNotes(comparability);
        Verdict verdict = new Gate()
                .evaluate(extraction.measurements(), baseline, new ThresholdRules(request.thresholds()), options);

        Path dir = request.reportDirectory();
        Path json = dir.resolve(VERDICT_JSON);
        Path markdownFile = dir.resolve(REPORT_MD);
        Path junit = dir.resolve(JUNIT_XML);
        String markdown = MarkdownReport.render(verdict, request.context());
        VerdictJson.write(json, verdict, request.now());
        MarkdownReport.write(markdownFile, verdict, request.context());
        JUnitReport.write(junit, verdict);
        return new CheckResult(
                verdict, run, extraction.measurements(), notes, markdown, List.of(json, markdownFile, junit));
    }
}
