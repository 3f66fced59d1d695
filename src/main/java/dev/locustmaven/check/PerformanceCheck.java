package dev.locustmaven.check;

import dev.locustmaven.baseline.BaselineFile;
import dev.locustmaven.history.AppendResult;
import dev.locustmaven.history.ComparableRuns;
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
import dev.locustmaven.statistical.SeriesPoint;
import dev.locustmaven.statistical.StatisticalGateSettings;
import dev.locustmaven.thresholds.BaselineValueException;
import dev.locustmaven.thresholds.Comparability;
import dev.locustmaven.thresholds.Gate;
import dev.locustmaven.thresholds.GateOptions;
import dev.locustmaven.thresholds.OpenFailLevel;
import dev.locustmaven.thresholds.ThresholdRules;
import dev.locustmaven.thresholds.UnusualBaseline;
import dev.locustmaven.thresholds.UsualValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The {@code check} goal's work: read what Locust measured, name the metrics, compare them with the baseline under
 * the threshold rules, and write {@code verdict.json}, {@code report.md} and {@code TEST-locust.xml}.
 *
 * <p>With history configured it also reads the comparable earlier runs, judges every series with the statistical
 * gate (its findings join the verdict as checks of the rule {@value StatisticalChecks#RULE}), reports the degrading
 * trends, warns of baseline values beyond every run the gate compares with ({@link UnusualBaseline}), and appends
 * this run as one record of the history file, with the same time as {@code verdict.json}'s {@code generated_at} so the
 * site report can pair them.
 *
 * <p>When a rule fails for a service, a fail level is breached only within sampling error, a rule warns with its fail
 * level left open by sampling error ({@link OpenFailLevel}), or the statistical gate doubts a service's first run, and
 * the {@code run} goal left a scenario runner, the service's scenario runs again and both layers decide on the runs
 * pooled as one longer run, stopping as soon as no rule of it is inconclusive or left open.
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

    private final Function<Path, LocustRun> results;

    public PerformanceCheck() {
        this(new ResultsDirectoryReader()::read);
    }

    /**
     * @param results what Locust measured, read from the request's results directory: by default its folders; a
     *     caller that has the runs already (the median of several runs of one build, a test) hands them in
     */
    public PerformanceCheck(Function<Path, LocustRun> results) {
        this.results = results;
    }

    /**
     * Checks the results directory, confirming a breached rule with reruns when the request's confirmation allows:
     * validate the configuration, judge the first run, read the history, confirm and decide, write the verdict's
     * files, record the run.
     */
    public CheckResult check(CheckRequest request) {
        Configuration.requireValid(request.thresholds(), request.metrics());
        LocustRun run = results.apply(request.resultsDirectory());
        List<String> notes = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        run.services().forEach(service -> warnings.addAll(service.warnings()));
        Judge judge = Judge.of(request, run, notes);
        Verdict first = judge.verdict(judge.measurements());
        HistoryContext history = HistoryContext.read(request, judge, notes, warnings);
        MachineCheck machine = MachineCheck.of(request, history.records());
        Decision decision = decide(request, run, judge, first, history, machine, notes, warnings);
        Verdict verdict = machine.apply(decision.verdict()
                .withWarnings(history.newSegments())
                .withWarnings(history.unusualBaselines(decision.verdict())));
        VerdictOutputs outputs = VerdictOutputs.write(request, verdict, machine);
        Measurements judged = NoMeasurement.measured(decision.measurements(), judge.unmeasured());
        recordHistory(request, history, judge, verdict.level(), decision.runs(), judged, machine, notes, warnings);
        return new CheckResult(
                verdict, run, judged, notes, outputs.markdown(), outputs.files(), warnings, decision.trends());
    }

    /**
     * What the first run is judged with: the baseline (absent: a note), the metrics named, the services that measured
     * nothing, and the threshold rules with their options.
     */
    private record Judge(
            Baseline baseline,
            List<NoMeasurement> unmeasured,
            LocustRun measured,
            Measurements measurements,
            ThresholdRules rules,
            GateOptions options,
            Path baselineFile) {

        static Judge of(CheckRequest request, LocustRun run, List<String> notes) {
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
            return new Judge(
                    baseline,
                    unmeasured,
                    measured,
                    extraction.measurements(),
                    new ThresholdRules(request.thresholds()),
                    options,
                    request.baselineFile());
        }

        /** The rules' verdict, with the services that measured nothing failing as such. */
        Verdict verdict(Measurements m) {
            return NoMeasurement.judge(rules(m), unmeasured);
        }

        /** The rules' verdict; a baseline value that a rule cannot compare stops the check, naming file, key, value. */
        Verdict rules(Measurements m) {
            try {
                return new Gate().evaluate(m, baseline, rules, options);
            } catch (BaselineValueException e) {
                throw BaselineFile.valueProblem(baselineFile, e.key(), e.getMessage());
            }
        }
    }

    /**
     * The comparable history of this run: where it is, this run's fingerprints and segment, the valid records (each
     * corrupt line a warning), the series of each metric, and the services whose comparable history this run starts
     * anew (a warning of the verdict: the statistical gate has nothing to compare them with until they have a history
     * again). Without history configured, all of it is empty.
     */
    private record HistoryContext(
            HistoryOptions options,
            HistoryStore store,
            String segment,
            Map<String, Fingerprint> fingerprints,
            List<HistoryRecord> records,
            Map<MetricKey, List<SeriesPoint>> series,
            List<String> newSegments) {

        static HistoryContext read(CheckRequest request, Judge judge, List<String> notes, List<String> warnings) {
            HistoryOptions options = request.history();
            String segment = HistoryRecord.segmentOf(judge.baseline());
            if (options == null) {
                return new HistoryContext(null, null, segment, Map.of(), List.of(), Map.of(), List.of());
            }
            HistoryStore store = new HistoryStore(options.file());
            Map<String, Fingerprint> fingerprints = RunHistory.fingerprints(judge.measured(), options.environment());
            List<HistoryRecord> records = readHistory(store, warnings);
            List<String> newSegments = new ArrayList<>();
            // a break at this run is news for the verdict; an earlier one is only why the history is shorter
            fingerprints.forEach((service, fingerprint) -> ComparableRuns.lastBreak(
                            records, service, fingerprint, segment, request.now())
                    .ifPresent(segmentBreak -> (segmentBreak.runId() == null ? newSegments : notes)
                            .add(service + ": " + segmentBreak.describe())));
            Map<MetricKey, List<SeriesPoint>> series = RunHistory.comparableSeries(
                    records, NoMeasurement.measured(judge.measurements(), judge.unmeasured()), fingerprints, segment);
            return new HistoryContext(options, store, segment, fingerprints, records, series, newSegments);
        }

        /** The statistical gate's findings on {@code measurements}; {@code null} without history. */
        StatisticalChecks.Outcome statistics(Measurements measurements) {
            return options == null ? null : StatisticalChecks.evaluate(series, measurements, options.statisticalGate());
        }

        /**
         * The rules' verdict with the warnings that the baseline's sampling error left open decided against the history
         * where the statistical gate's findings on the same measurements show their endpoint changed; the verdict as it
         * is without history ({@code statistics} null).
         */
        Verdict decide(
                Verdict rules, StatisticalChecks.Outcome statistics, Measurements measurements, double confidence) {
            return statistics == null
                    ? rules
                    : StatisticalChecks.decideAgainstHistory(
                            rules, statistics.checks(), measurements, this::usualValue, confidence);
        }

        /**
         * A warning for each check whose baseline lies outside what its metric measured over the gate's window of
         * comparable runs ({@link UnusualBaseline}); none without history.
         */
        List<String> unusualBaselines(Verdict verdict) {
            if (options == null) {
                return List.of();
            }
            return verdict.checks().stream()
                    .filter(c -> fingerprints.containsKey(c.key().service()))
                    .flatMap(c -> usualValue(c.key()).flatMap(u -> UnusualBaseline.of(c, u)).stream())
                    .distinct()
                    .toList();
        }

        /** What the metric usually is over the gate's window of comparable runs; empty without enough of them. */
        Optional<UsualValue> usualValue(MetricKey key) {
            StatisticalGateSettings gate = options.statisticalGate();
            return RunHistory.usualValue(
                    records, key, fingerprints.get(key.service()), segment, gate.window(), gate.minHistory());
        }
    }

    /** The verdict of the rules and the statistical gate, on the measurements it was reached with. */
    private record Decision(Verdict verdict, Measurements measurements, int runs, List<String> trends) {}

    /**
     * Confirms what the first run's verdict or the statistical gate doubts with confirmation runs, judges again on
     * what they decided, and adds the statistical gate's checks and the degrading trends.
     */
    private Decision decide(
            CheckRequest request,
            LocustRun run,
            Judge judge,
            Verdict first,
            HistoryContext history,
            MachineCheck machine,
            List<String> notes,
            List<String> warnings) {
        Measurements measurements = judge.measurements();
        Verdict verdict = first;
        StatisticalChecks.Outcome statistics = history.statistics(measurements);
        int runs = 1;
        Suspects suspects = Suspects.of(verdict, statistics, request.confirmation());
        if (!suspects.isEmpty()) {
            // settled once no rule is left open, also none that the machine's slowdown leaves open, nor the history
            Confirmed confirmed = confirm(
                    request,
                    run,
                    measurements,
                    suspects,
                    m -> machine.apply(history.decide(judge.rules(m), history.statistics(m), m, request.confidence())),
                    notes,
                    warnings);
            measurements = confirmed.measurements();
            runs = confirmed.runs();
            verdict = judge.verdict(measurements);
            statistics = history.statistics(measurements);
        }
        List<String> trends = List.of();
        if (statistics != null) {
            verdict = history.decide(verdict, statistics, measurements, request.confidence());
            verdict = StatisticalChecks.withChecks(
                    StatisticalChecks.settleInconclusive(verdict, statistics.usual()), statistics.checks());
            notes.add(statistics.summary());
            trends = RunHistory.degradingTrends(
                    history.series(),
                    measurements,
                    request.now(),
                    history.options().build().gitCommit());
        }
        return new Decision(verdict, measurements, runs, trends);
    }

    /** {@code verdict.json}, {@code report.md} and {@code TEST-locust.xml} in the report directory. */
    private record VerdictOutputs(String markdown, List<Path> files) {

        static VerdictOutputs write(CheckRequest request, Verdict verdict, MachineCheck machine) {
            Path dir = request.reportDirectory();
            Path json = dir.resolve(VERDICT_JSON);
            Path markdownFile = dir.resolve(REPORT_MD);
            Path junit = dir.resolve(JUNIT_XML);
            String markdown = MarkdownReport.render(verdict, request.context(), machine.report());
            VerdictJson.write(json, verdict, request.now(), machine.report());
            MarkdownReport.write(markdownFile, verdict, request.context(), machine.report());
            JUnitReport.write(junit, verdict);
            return new VerdictOutputs(markdown, List.of(json, markdownFile, junit));
        }
    }

    /** Appends this run to the history when asked to; a run in which no service is a measurement is not recorded. */
    private static void recordHistory(
            CheckRequest request,
            HistoryContext history,
            Judge judge,
            Status verdict,
            int runs,
            Measurements judged,
            MachineCheck machine,
            List<String> notes,
            List<String> warnings) {
        HistoryOptions options = history.options();
        if (options == null || !options.record()) {
            return;
        }
        if (judge.measured().services().isEmpty()) {
            notes.add("This run is not recorded in " + history.store().file() + ": no service of it is a measurement");
            return;
        }
        Function<Set<String>, HistoryRecord> record = recordFor(
                        request, history.segment(), verdict, runs, history.fingerprints(), judged)
                .andThen(machine::record);
        record(history.store(), record, options, request.now(), notes, warnings);
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
            Suspects suspects = new Suspects(reasons, keys);
            // a run that is no measurement is not a breach to confirm: rerunning a service that is down finds it down
            suspects.add(
                    services,
                    verdict.withStatus(Status.FAIL).stream().filter(c -> !NoMeasurement.RULE.equals(c.rule())),
                    service -> "A rule failed for " + service);
            suspects.add(
                    services,
                    verdict.checks().stream().filter(Check::inconclusive),
                    service -> "A rule was inconclusive for " + service);
            suspects.add(
                    services,
                    verdict.checks().stream().filter(OpenFailLevel::test),
                    service -> "A rule warned for " + service + ", and sampling error left its fail level open");
            if (statistics != null) {
                suspects.addKeys(
                        services,
                        statistics.doubted().stream(),
                        service -> "The statistical gate doubted the first run of " + service);
            }
            return suspects;
        }

        /** The checks' services as suspects; a service keeps the reason it was first suspected for. */
        private void add(List<String> services, Stream<Check> checks, Function<String, String> reason) {
            addKeys(services, checks.map(Check::key), reason);
        }

        private void addKeys(List<String> services, Stream<MetricKey> suspected, Function<String, String> reason) {
            suspected.filter(k -> services.contains(k.service())).forEach(k -> {
                keys.add(k);
                reasons.computeIfAbsent(k.service(), reason);
            });
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
            Function<Measurements, Verdict> judge,
            List<String> notes,
            List<String> warnings) {
        Confirmation confirmation = request.confirmation();
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
            PooledSeries pooledSoFar = new PooledSeries(firstResult, request);
            RerunSeries series = confirmation
                    .runner()
                    .runs(
                            service,
                            outputs,
                            // ended only by a usable rerun: the first run alone is what is being confirmed
                            soFar -> {
                                if (measuredReruns(soFar).isEmpty()) {
                                    return false;
                                }
                                Verdict verdict = judge.apply(
                                        new Measurements(withService(current, service, pooledSoFar.of(soFar))));
                                return conclusive(service, verdict);
                            });
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
            Measurements pooled = pooledSoFar.of(series);
            List<String> decisions = new ArrayList<>();
            for (MetricKey key : suspects.keys()) {
                if (key.service().equals(service)) {
                    String before =
                            first.get(key).map(m -> m.value().toString()).orElse("none");
                    String after =
                            pooled.get(key).map(m -> m.value().toString()).orElse("none");
                    decisions.add(key.label() + " " + before + " -> " + after);
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

    /**
     * The metrics of a service's confirmation runs so far, pooled; the series' last pooling is handed back rather than
     * made again once the series has ended.
     */
    private static final class PooledSeries {
        private final ServiceResult first;
        private final CheckRequest request;
        private List<RerunSeries.Run> pooledRuns;
        private Measurements pooled;

        PooledSeries(ServiceResult first, CheckRequest request) {
            this.first = first;
            this.request = request;
        }

        Measurements of(RerunSeries series) {
            if (pooled == null || !sameRuns(series.runs(), pooledRuns)) {
                pooled = measurePooled(first, series, request);
                pooledRuns = List.copyOf(series.runs());
            }
            return pooled;
        }

        private static boolean sameRuns(List<RerunSeries.Run> runs, List<RerunSeries.Run> pooledRuns) {
            if (runs.size() != pooledRuns.size()) {
                return false;
            }
            for (int i = 0; i < runs.size(); i++) {
                if (runs.get(i) != pooledRuns.get(i)) {
                    return false;
                }
            }
            return true;
        }
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

    /** True when no check of the service is left inconclusive, nor a warning with its fail level open. */
    private static boolean conclusive(String service, Verdict verdict) {
        return verdict.checks().stream()
                .filter(c -> c.key().service().equals(service))
                .noneMatch(c -> c.inconclusive() || OpenFailLevel.test(c));
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
