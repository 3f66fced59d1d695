package dev.locustmaven.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.locustmaven.compare.Comparison;
import dev.locustmaven.compare.PairedCheck;
import dev.locustmaven.compare.PairedComparison;
import dev.locustmaven.compare.PairedRuns;
import dev.locustmaven.locust.output.LocustOutputException;
import dev.locustmaven.locust.output.ResultsDirectoryReader;
import dev.locustmaven.locust.run.PairedLayout;
import dev.locustmaven.locust.run.PairedSession.Side;
import dev.locustmaven.metrics.MetricDefinition;
import dev.locustmaven.metrics.MetricExtractor;
import dev.locustmaven.model.Measurement;
import dev.locustmaven.model.Measurements;
import dev.locustmaven.model.MetricKey;
import dev.locustmaven.report.ComparisonJUnit;
import dev.locustmaven.report.ComparisonJson;
import dev.locustmaven.report.ComparisonMarkdown;
import dev.locustmaven.report.ReportContext;
import dev.locustmaven.thresholds.ThresholdRule;
import dev.locustmaven.thresholds.ThresholdRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * The {@code check} goal's work after {@code compare} ran: read the pairs of runs, name the metrics of every run,
 * judge the change against the base measured in the same build under the threshold rules ({@link PairedComparison}),
 * and write {@code comparison.json}, {@code comparison.md} and {@code TEST-locust-compare.xml}.
 *
 * <p>A rule judges the keys it would judge in a run of the change or the base; a rule that names one key and finds it
 * on neither side is a MISSING check, any other rule that matches nothing a warning of the comparison.
 */
public final class ComparisonCheck {

    public static final String JSON = "comparison.json";
    public static final String MARKDOWN = "comparison.md";
    public static final String JUNIT = "TEST-locust-compare.xml";

    /**
     * What one judgement of a comparison needs.
     *
     * @param resultsDirectory the results directory that {@code compare} wrote its runs into
     * @param significance true to fail a change level only when its interval lies beyond it
     * @param confidence the one-sided confidence of the intervals
     */
    public record Request(
            Path resultsDirectory,
            Path reportDirectory,
            List<ThresholdRule> thresholds,
            List<MetricDefinition> metrics,
            Instant now,
            ReportContext context,
            boolean significance,
            double confidence) {

        public Request {
            thresholds = List.copyOf(thresholds);
            metrics = List.copyOf(metrics);
        }
    }

    /** The comparison, its Markdown (for the step summary and the pull-request comment), and the files written. */
    public record Result(Comparison comparison, String markdown, List<Path> outputs) {
        public Result {
            outputs = List.copyOf(outputs);
        }
    }

    /** True when {@code compare} ran to its end into this results directory. */
    public static boolean ranIn(Path resultsDirectory) {
        return Files.isRegularFile(PairedLayout.in(resultsDirectory).manifest());
    }

    public Result check(Request request) {
        Configuration.requireValid(request.thresholds(), request.metrics());
        PairedLayout layout = PairedLayout.in(request.resultsDirectory());
        PairedRuns runs = read(layout, pairs(layout), request.metrics());
        Comparison comparison = judge(runs, request);
        Path dir = request.reportDirectory();
        Path json = dir.resolve(JSON);
        Path markdownFile = dir.resolve(MARKDOWN);
        Path junit = dir.resolve(JUNIT);
        ComparisonJson.write(json, comparison, request.now());
        ComparisonMarkdown.write(markdownFile, comparison, request.context());
        ComparisonJUnit.write(junit, comparison);
        return new Result(
                comparison,
                ComparisonMarkdown.render(comparison, request.context()),
                List.of(json, markdownFile, junit));
    }

    private static Comparison judge(PairedRuns runs, Request request) {
        ThresholdRules rules = new ThresholdRules(request.thresholds());
        Map<MetricKey, Measurement> any = new TreeMap<>();
        runs.change().forEach(m -> m.all().forEach(x -> any.putIfAbsent(x.key(), x)));
        runs.base().forEach(m -> m.all().forEach(x -> any.putIfAbsent(x.key(), x)));
        Measurements measured = new Measurements(any);
        PairedComparison judge = new PairedComparison(request.confidence(), request.significance());
        List<PairedCheck> checks = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<ThresholdRule> configured = rules.rules();
        for (int index = 1; index <= configured.size(); index++) {
            ThresholdRule rule = configured.get(index - 1);
            SortedSet<MetricKey> keys = rules.judgedKeys(index, measured);
            if (keys.isEmpty()) {
                var named = rules.namedKey(index);
                if (named.isPresent()) {
                    keys.add(named.get());
                } else {
                    warnings.add("Threshold #" + index + " (" + rule.describe()
                            + ") matches no metric of the base or the change.");
                    continue;
                }
            }
            for (MetricKey key : keys) {
                checks.add(judge.judge(runs.metric(key), rule, index));
            }
        }
        checks.sort(Comparator.comparing(PairedCheck::key));
        return Comparison.of(checks, runs.pairs(), request.confidence(), warnings);
    }

    private static int pairs(PairedLayout layout) {
        try {
            JsonNode manifest = new ObjectMapper().readTree(layout.manifest().toFile());
            int pairs = manifest.path("pairs").asInt(0);
            if (pairs < 1) {
                throw new LocustOutputException(
                        layout.manifest(),
                        "\"pairs\" must be a number of at least 1, not " + manifest.path("pairs")
                                + "; run locust:compare again");
            }
            return pairs;
        } catch (IOException e) {
            throw new LocustOutputException(
                    layout.manifest(), "cannot be read (" + e.getMessage() + "); run locust:compare again");
        }
    }

    private static PairedRuns read(PairedLayout layout, int pairs, List<MetricDefinition> metrics) {
        ResultsDirectoryReader reader = new ResultsDirectoryReader();
        MetricExtractor extractor = new MetricExtractor();
        List<Measurements> base = new ArrayList<>();
        List<Measurements> change = new ArrayList<>();
        for (int pair = 1; pair <= pairs; pair++) {
            base.add(extractor.extract(reader.read(layout.run(Side.BASE, pair)), metrics));
            change.add(extractor.extract(reader.read(layout.run(Side.CHANGE, pair)), metrics));
        }
        return new PairedRuns(base, change);
    }
}
