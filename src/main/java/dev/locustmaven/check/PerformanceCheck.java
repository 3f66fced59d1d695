package dev.locustmaven.check;

import dev.locustmaven.baseline.BaselineFile;
import dev.locustmaven.gate.BaselineValueException;
import dev.locustmaven.gate.Comparability;
import dev.locustmaven.gate.Gate;
import dev.locustmaven.gate.GateOptions;
import dev.locustmaven.gate.ThresholdRules;
import dev.locustmaven.history.AppendResult;
import dev.locustmaven.history.Fingerprint;
import dev.locustmaven.history.HistoryContents;
import dev.locustmaven.history.HistoryException;
import dev.locustmaven.history.HistoryRecord;
import dev.locustmaven.history.HistoryStore;
import dev.locustmaven.history.PruneResult;
import dev.locustmaven.locust.output.ResultsDirectoryReader;
import dev.locustmaven.locust.run.RerunSeries;
import dev.locustmaven.metrics.Extraction;
import dev.locustmaven.metrics.MetricExtractor;
import dev.locustmaven.model.Baseline;
import dev.locustmaven.model.Check;
import dev.locustmaven.model.LocustRun;
import dev.locustmaven.model.Measurement;
import dev.locustmaven.model.Measurements;
import dev.locustmaven.model.MetricKey;
import dev.locustmaven.model.MetricValue;
import dev.locustmaven.model.ServiceResult;
import dev.locustmaven.model.Status;
import dev.locustmaven.model.Verdict;
import dev.locustmaven.pooling.Pooling;
import dev.locustmaven.report.JUnitReport;
import dev.locustmaven.report.MarkdownReport;
import dev.locustmaven.report.VerdictJson;
import dev.locustmaven.stats.SeriesPoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The {@code check} goal's work: read what Locust measured, name the metrics, compare them with the baseline under
 * the threshold rules, and write {@code verdict.json}, {@code report.md} and {@code TEST-locust.xml}.
 *
 * <p>With history configured it also reads the comparable earlier runs, judges every series with the statistical
 * gate (its findings join the verdict as checks of the rule {@value StatisticalChecks#RULE}), reports the degrading
 * trends, and appends this run as one record of the history file, with the same time as {@code verdict.json}'s
 * {@code generated_at} so the site report can pair them.
 *
 * <p>When a rule fails for a service, a fail level is breached only within sampling error, or the statistical gate
 * doubts a service's first run, and the {@code run} goal left a scenario runner, the service's scenario runs again and
 * both layers decide on the runs pooled as one longer run, stopping as soon as no rule of it is inconclusive.
 *
 * <p>A service whose run is {@link NoMeasurement no measurement} fails with one check that says so, whatever the
 * baseline; its rules are not judged, it is not confirmed, and the history leaves it out.
 *
 * <p>Everything the user configured is validated first, so a wrong threshold is reported before any file is read.
 * Nothing here writes the baseline: a check never changes a file the user owns.
 */
public final class PerformanceCheck {

    public static final String VERDICT_JSON = "verdict.json";
    public static final String REPORT_MD = "report.md";
    public static final String JUNIT_XML = "TEST-locust.xml";

    /** The hidden folder of the results directory that holds the confirmation runs. */
    public static final String RERUNS = ".reruns";

    private final ResultsDirectoryReader results;

    public PerformanceCheck() {
        this(new ResultsDirectoryReader());
    }

    public PerformanceCheck(ResultsDirectoryReader results) {
        this.results = results;
    }

    public CheckResult run(CheckRequest request) {
        return run(request, Confirmation.none());
    }

    /** Checks the results directory, confirming a breached rule with reruns when {@code confirmation} allows. */
    public CheckResult run(CheckRequest request, Confirmation confirmation) {
        Configuration.requireValid(request.thresholds(), request.metrics());
        LocustRun run = results.read(request.resultsDirectory());
        return evaluate(request, run, confirmation);
    }

    /** Checks results already read, e.g. the median of several runs of the same build. */
    public CheckResult evaluate(CheckRequest request, LocustRun run) {
        return evaluate(request, run, Confirmation.none());
    }

    /** Checks results already read, confirming a breached rule with reruns when {@code confirmation} allows. */
    public CheckResult evaluate(CheckRequest request, LocustRun run, Confirmation confirmation) {
        Configuration.requireValid(request.thresholds(), request.metrics());
        List<String> notes = new ArrayList<>();
        List<NoMeasurement> unmeasured = NoMeasurement.in(run);
        Baseline baseline = null;
        if (Files.exists(request.baselineFile())) {
            baseline = BaselineFile.read(request.baselineFile());
        } else {
            // never suggest promoting a run that locust:baseline would refuse
            notes.add("No baseline file at " + request.baselineFile()
                    + "; rules that compare with a baseline report NO_BASELINE. Create it with mvn locust:baseline"
                    + (unmeasured.isEmpty() ? "." : " once a run measures every service."));
        }
        Extraction extraction = new MetricExtractor().extractWithReasons(run, request.metrics());
        LocustRun measured = NoMeasurement.measured(run, unmeasured);
        List<String> comparability = baseline == null ? List.of() : Comparability.warnings(baseline, measured);
        GateOptions options = GateOptions.at(request.now())
                .withUnavailable(extraction.unavailable())
                .withNotes(comparability)
                .withSignificance(request.significance(), request.confidence());
        Measurements measurements = extraction.measurements();
        ThresholdRules rules = new ThresholdRules(request.thresholds());
        Verdict verdict =
                NoMeasurement.judge(gate(measurements, baseline, rules, options, request.baselineFile()), unmeasured);
        List<String> warnings = new ArrayList<>();

        HistoryOptions history = request.history();
        String segment = HistoryRecord.segmentOf(baseline);
        Map<String, Fingerprint> fingerprints = Map.of();
        HistoryStore store = null;
        Map<MetricKey, List<SeriesPoint>> series = Map.of();
        StatisticalChecks.Outcome statistics = null;
        List<HistoryRecord> records = List.of();
        if (history != null) {
            store = new HistoryStore(history.file());
            fingerprints = RunHistory.fingerprints(measured, history.environment());
            records = readHistory(store, warnings);
            series = RunHistory.comparableSeries(
                    records, NoMeasurement.measured(measurements, unmeasured), fingerprints, segment);
            statistics = StatisticalChecks.evaluate(series, measurements, history.statisticalGate());
        }

        int runs = 1;
        Suspects suspects = Suspects.of(verdict, statistics, confirmation);
        if (!suspects.isEmpty()) {
            Baseline judgedAgainst = baseline;
            Function<Measurements, Verdict> judge = m -> gate(m, judgedAgainst, rules, options, request.baselineFile());
            Confirmed confirmed = confirm(request, run, measurements, suspects, confirmation, judge, notes, warnings);
            measurements = confirmed.measurements();
            runs = confirmed.runs();
            verdict = NoMeasurement.judge(
                    gate(measurements, baseline, rules, options, request.baselineFile()), unmeasured);
            if (history != null) {
                statistics = StatisticalChecks.evaluate(series, measurements, history.statisticalGate());
            }
        }
        List<String> trends = List.of();
        if (statistics != null) {
            verdict = StatisticalChecks.withChecks(verdict, statistics.checks());
            notes.add(statistics.summary());
            trends = RunHistory.degradingTrends(
                    series, measurements, request.now(), history.build().gitCommit());
        }
        MachineCheck machine = MachineCheck.of(request, records);
        verdict = machine.apply(verdict);

        Path dir = request.reportDirectory();
        Path json = dir.resolve(VERDICT_JSON);
        Path markdownFile = dir.resolve(REPORT_MD);
        Path junit = dir.resolve(JUNIT_XML);
        String markdown = MarkdownReport.render(verdict, request.context(), machine.report());
        VerdictJson.write(json, verdict, request.now(), machine.report());
        MarkdownReport.write(markdownFile, verdict, request.context(), machine.report());
        JUnitReport.write(junit, verdict);
        Measurements judged = NoMeasurement.measured(measurements, unmeasured);
        if (history != null && history.record() && measured.services().isEmpty()) {
            notes.add("This run is not recorded in " + store.file() + ": no service of it is a measurement");
        } else if (history != null && history.record()) {
            Function<Set<String>, HistoryRecord> record = recordFor(
                            request, segment, verdict.level(), runs, fingerprints, judged)
                    .andThen(machine::record);
            record(store, record, history, request.now(), notes, warnings);
        }
        return new CheckResult(
                verdict, run, judged, notes, markdown, List.of(json, markdownFile, junit), warnings, trends);
    }

    /** The rules' verdict; a baseline value that a rule cannot compare stops the check, naming file, key and value. */
    private static Verdict gate(
            Measurements measurements, Baseline baseline, ThresholdRules rules, GateOptions options, Path file) {
        try {
            return new Gate().evaluate(measurements, baseline, rules, options);
        } catch (BaselineValueException e) {
            throw BaselineFile.valueProblem(file, e.key(), e.getMessage());
        }
    }

    /**
     * The services to run again and why: those with a failed rule, and those whose first run the statistical gate
     * doubts; only services the runner can run, and none without confirmation runs.
     *
     * @param keys the metrics that raised the doubt, whose values the note shows
     */
    private record Suspects(Map<String, String> reasons, Set<MetricKey> keys) {

        static Suspects of(Verdict verdict, StatisticalChecks.Outcome statistics, Confirmation confirmation) {
            Map<String, String> reasons = new TreeMap<>();
            Set<MetricKey> keys = new TreeSet<>();
            if (confirmation.runs() <= 0) {
                return new Suspects(reasons, keys);
            }
            List<String> services = confirmation.runner().services();
            // a run that is no measurement is not a breach to confirm: rerunning a service that is down finds it down
            verdict.withStatus(Status.FAIL).stream()
                    .filter(c -> !NoMeasurement.RULE.equals(c.rule()))
                    .map(Check::key)
                    .filter(k -> services.contains(k.service()))
                    .forEach(k -> {
                        keys.add(k);
                        reasons.put(k.service(), "A rule failed for " + k.service());
                    });
            verdict.checks().stream()
                    .filter(Check::inconclusive)
                    .map(Check::key)
                    .filter(k -> services.contains(k.service()))
                    .forEach(k -> {
                        keys.add(k);
                        reasons.putIfAbsent(k.service(), "A rule's fail level was inconclusive for " + k.service());
                    });
            if (statistics != null) {
                statistics.doubted().stream()
                        .filter(k -> services.contains(k.service()))
                        .forEach(k -> {
                            keys.add(k);
                            reasons.putIfAbsent(
                                    k.service(), "The statistical gate doubted the first run of " + k.service());
                        });
            }
            return new Suspects(reasons, keys);
        }

        boolean isEmpty() {
            return reasons.isEmpty();
        }
    }

    private record Confirmed(Measurements measurements, int runs) {}

    /**
     * Reruns each suspect service's scenario into {@code <resultsDirectory>/.reruns/<service>-rerun-<i>/} (a hidden
     * folder, so a later read of the results directory does not take a rerun for a service), up to the configured
     * number, with its system under test kept up between them. After each rerun the usable reruns are pooled as one
     * longer run (their histograms merged) and judged again; the service is settled, and no more reruns are made, once
     * no rule of it is left inconclusive. The first run is not pooled: it was rerun because it looked bad, so counting
     * it again would lean the decision towards its own outcome (a slow moment of the machine would stay in the pool).
     * A rerun that produced nothing usable, or no measurement, is a warning; without any usable rerun the first run
     * decides.
     */
    private Confirmed confirm(
            CheckRequest request,
            LocustRun firstRun,
            Measurements first,
            Suspects suspects,
            Confirmation confirmation,
            Function<Measurements, Verdict> judge,
            List<String> notes,
            List<String> warnings) {
        Map<MetricKey, Measurement> decided = new TreeMap<>(first.byKey());
        int mostRuns = 1;
        for (String service : suspects.reasons().keySet()) {
            ServiceResult firstResult = firstRun.service(service).orElse(null);
            if (firstResult == null) {
                continue;
            }
            List<Path> outputs = new ArrayList<>();
            for (int i = 1; i <= confirmation.runs(); i++) {
                outputs.add(request.resultsDirectory().resolve(RERUNS).resolve(service + "-rerun-" + i));
            }
            Map<MetricKey, Measurement> current = decided;
            RerunSeries series = confirmation
                    .runner()
                    .runs(
                            service,
                            outputs,
                            // settled only by a usable rerun: the first run alone is what is being confirmed
                            soFar -> !measuredReruns(soFar).isEmpty()
                                    && conclusive(
                                            service,
                                            judge.apply(new Measurements(withService(
                                                    current, service, measurePooled(firstResult, soFar, request))))));
            for (RerunSeries.Run rerun : series.runs()) {
                if (rerun.error() != null) {
                    warnings.add("Confirmation run " + rerun.number() + " of " + service
                            + " could not run and is left out: " + rerun.error());
                } else if (!rerun.usable()) {
                    warnings.add("Confirmation run " + rerun.number() + " of " + service + " is unusable and left out: "
                            + rerun.outcome().problem());
                } else {
                    NoMeasurement.of(rerun.outcome().result())
                            .ifPresent(u -> warnings.add("Confirmation run " + rerun.number() + " of " + service
                                    + " is no measurement and left out: " + u.reason()));
                }
            }
            List<ServiceResult> used = pooledRuns(firstResult, series);
            Measurements pooled = measurePooled(firstResult, series, request);
            List<String> decisions = new ArrayList<>();
            for (MetricKey key : suspects.keys()) {
                if (key.service().equals(service)) {
                    String before =
                            first.get(key).map(m -> m.value().toString()).orElse("none");
                    String after =
                            pooled.get(key).map(m -> m.value().toString()).orElse("none");
                    decisions.add(key.metric() + " " + before + " -> " + after);
                }
            }
            decided = withService(decided, service, pooled);
            boolean rerun = !measuredReruns(series).isEmpty();
            mostRuns = Math.max(mostRuns, rerun ? 1 + used.size() : 1);
            long requests =
                    used.stream().mapToLong(r -> r.aggregated().requestCount()).sum();
            String basis = !rerun
                    ? "no confirmation run was usable, so the first run decides"
                    : "decided on "
                            + (used.size() == 1 ? "1 confirmation run" : used.size() + " confirmation runs pooled")
                            + " (" + requests + " requests"
                            + (series.stoppedEarly()
                                    ? "; settled before the last of " + confirmation.runs() + " reruns"
                                    : "")
                            + "; in " + request.resultsDirectory().resolve(RERUNS) + ")";
            notes.add(suspects.reasons().get(service) + ": " + basis
                    + (decisions.isEmpty() ? "" : "; " + String.join(", ", decisions)));
        }
        return new Confirmed(new Measurements(decided), mostRuns);
    }

    /** The reruns that are a measurement; the first run when there is none. */
    private static List<ServiceResult> pooledRuns(ServiceResult first, RerunSeries series) {
        List<ServiceResult> reruns = measuredReruns(series);
        return reruns.isEmpty() ? List.of(first) : reruns;
    }

    /** The usable reruns that are a measurement. */
    private static List<ServiceResult> measuredReruns(RerunSeries series) {
        return series.results().stream()
                .filter(r -> NoMeasurement.of(r).isEmpty())
                .toList();
    }

    private static Measurements measure(ServiceResult service, CheckRequest request) {
        return new MetricExtractor().extract(new LocustRun(List.of(service)), request.metrics());
    }

    /** The metrics of the first run's confirmation runs so far, pooled as one run and {@linkplain #perRun per run}. */
    private static Measurements measurePooled(ServiceResult first, RerunSeries series, CheckRequest request) {
        List<ServiceResult> runs = pooledRuns(first, series);
        return perRun(measure(Pooling.pool(runs).result(), request), runs.size(), request);
    }

    /**
     * The metrics of {@code runs} runs pooled as one, per run: counts, which the pool adds up, divided by the runs, so
     * that they compare with a single run's baseline and history; everything else as pooled.
     */
    private static Measurements perRun(Measurements pooled, int runs, CheckRequest request) {
        if (runs <= 1) {
            return pooled;
        }
        Set<String> totals = MetricExtractor.totals(request.metrics());
        List<Measurement> result = new ArrayList<>();
        for (Measurement m : pooled.all()) {
            result.add(
                    totals.contains(m.key().metric()) && m.value() instanceof MetricValue.Numeric
                            ? m.withValue(MetricValue.of(m.value().asDouble() / runs))
                            : m);
        }
        return Measurements.of(result);
    }

    /** {@code measurements} with every metric of {@code service} replaced by {@code replacement}'s. */
    private static Map<MetricKey, Measurement> withService(
            Map<MetricKey, Measurement> measurements, String service, Measurements replacement) {
        Map<MetricKey, Measurement> result = new TreeMap<>(measurements);
        result.keySet().removeIf(k -> k.service().equals(service));
        replacement.all().forEach(m -> result.put(m.key(), m));
        return result;
    }

    /** True when no check of the service is left inconclusive. */
    private static boolean conclusive(String service, Verdict verdict) {
        return verdict.checks().stream()
                .filter(c -> c.key().service().equals(service))
                .noneMatch(Check::inconclusive);
    }

    /** The valid records; each corrupt line becomes a warning. A history that cannot be read counts as empty. */
    private static List<HistoryRecord> readHistory(HistoryStore store, List<String> warnings) {
        try {
            HistoryContents contents = store.read();
            contents.corruptLines().forEach(line -> warnings.add(line.message(store.file())));
            return contents.records();
        } catch (HistoryException e) {
            warnings.add(e.getMessage() + "; this check uses no history");
            return List.of();
        }
    }

    /** This run's history record for the run ids already taken. */
    private static Function<Set<String>, HistoryRecord> recordFor(
            CheckRequest request,
            String segment,
            Status verdict,
            int runs,
            Map<String, Fingerprint> fingerprints,
            Measurements measurements) {
        HistoryOptions history = request.history();
        return taken -> HistoryRecord.of(
                request.now(),
                HistoryRecord.newRunId(history.build(), request.now(), taken),
                history.build(),
                segment,
                verdict,
                runs,
                fingerprints,
                RunHistory.metrics(measurements),
                RunHistory.samples(measurements));
    }

    /**
     * Appends the run, its id chosen under the history's lock, and prunes. A history that cannot be written is a
     * warning, not a failed check: the verdict stands on its own, and the next run can record again.
     */
    private static void record(
            HistoryStore store,
            Function<Set<String>, HistoryRecord> recordFor,
            HistoryOptions history,
            Instant now,
            List<String> notes,
            List<String> warnings) {
        try {
            AppendResult appended = store.appendNew(recordFor);
            int records = appended.records();
            String pruned = "";
            if (history.maxRuns() > 0 || history.maxAgeDays() > 0) {
                PruneResult prune = store.prune(history.maxRuns(), history.maxAgeDays(), now);
                records = prune.kept();
                if (prune.removed() > 0) {
                    pruned = "; pruned " + prune.removed() + " old record" + (prune.removed() == 1 ? "" : "s");
                }
            }
            notes.add("Recorded run " + appended.record().runId() + " in " + store.file() + " (" + records + " record"
                    + (records == 1 ? "" : "s") + " in the history" + pruned + ")");
        } catch (HistoryException e) {
            warnings.add(e.getMessage() + "; this run was not recorded in the history");
        }
    }
}
