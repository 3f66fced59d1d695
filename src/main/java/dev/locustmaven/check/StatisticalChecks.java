package dev.locustmaven.check;

import dev.locustmaven.failure.ConfigurationException;
import dev.locustmaven.metrics.DefaultMetrics;
import dev.locustmaven.model.Check;
import dev.locustmaven.model.LocustPercentiles;
import dev.locustmaven.model.Measurement;
import dev.locustmaven.model.Measurements;
import dev.locustmaven.model.MetricKey;
import dev.locustmaven.model.ResponseTimes;
import dev.locustmaven.model.Status;
import dev.locustmaven.model.Verdict;
import dev.locustmaven.statistical.GateMode;
import dev.locustmaven.statistical.GroupVerdict;
import dev.locustmaven.statistical.MetricDirection;
import dev.locustmaven.statistical.RunnerShift;
import dev.locustmaven.statistical.SeriesInput;
import dev.locustmaven.statistical.SeriesPoint;
import dev.locustmaven.statistical.SeriesVerdict;
import dev.locustmaven.statistical.StatisticalGate;
import dev.locustmaven.statistical.StatisticalGateSettings;
import dev.locustmaven.statistical.StatisticalStatus;
import dev.locustmaven.statistical.StatisticalVerdict;
import dev.locustmaven.thresholds.HistoryWitness;
import dev.locustmaven.thresholds.UsualValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The statistical layer (DESIGN §6 layer 3) in {@code check}: judges every numeric series of the run against its
 * comparable history with {@link StatisticalGate}, and turns its warnings and failures into {@link Check}s with the
 * rule {@value #RULE}, so they reach every output (console, verdict.json, report.md, JUnit, notifications).
 */
public final class StatisticalChecks {

    /** The rule text of every statistical check. */
    public static final String RULE = "statistical gate";

    /** A percentile of fewer requests than this may warn but never fails the build: a few requests make it jumpy. */
    static final long MIN_PERCENTILE_REQUESTS = 100;

    /**
     * One request's extremes: a single slow request moves them, so their run-to-run spread says nothing about the
     * next run. The thresholds and the trends still cover them; the gate does not.
     */
    private static final Set<String> EXTREMES = Set.of(DefaultMetrics.MIN_LATENCY_MS, DefaultMetrics.MAX_LATENCY_MS);

    private StatisticalChecks() {}

    /**
     * The settings for {@code locust.statisticalGate} and {@code locust.minHistory}; the other knobs keep the measured
     * defaults ({@link StatisticalGateSettings#DEFAULTS}).
     *
     * @param minHistory null for the default
     */
    public static StatisticalGateSettings settings(String mode, Integer minHistory) {
        StatisticalGateSettings d = StatisticalGateSettings.DEFAULTS;
        try {
            int history = minHistory == null ? d.minHistory() : minHistory;
            return new StatisticalGateSettings(
                    GateMode.parse(mode),
                    history,
                    Math.max(d.window(), history),
                    d.persistenceWindow(),
                    d.alpha(),
                    d.confirmAlpha(),
                    d.warnFdr(),
                    d.minEffect(),
                    d.gate(),
                    d.adjustForRunnerShift(),
                    d.minGroupSize());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("Invalid statistical gate settings (locust.statisticalGate, "
                    + "locust.minHistory): " + e.getMessage());
        }
    }

    /**
     * What the gate found: the checks to add to the verdict, a line saying how much it could test, the series whose
     * first run it doubts (it breached the gate's confirmation level), to settle with confirmation runs, and the series
     * it tested and found usual, with how many runs of history, where no common shift of their group was found
     * either.
     */
    record Outcome(List<Check> checks, String summary, Set<MetricKey> doubted, Map<MetricKey, Integer> usual) {}

    static Outcome evaluate(
            Map<MetricKey, List<SeriesPoint>> history, Measurements current, StatisticalGateSettings settings) {
        if (settings.mode() == GateMode.OFF) {
            return new Outcome(List.of(), "Statistical gate: off (locust.statisticalGate)", Set.of(), Map.of());
        }
        List<SeriesInput> inputs = new ArrayList<>();
        Map<String, Measurement> byId = new HashMap<>();
        Map<String, String> serviceOfGroup = new HashMap<>();
        history.forEach((key, points) -> {
            // a confirmation run may lack an endpoint the first run had: that series has nothing to judge
            if (EXTREMES.contains(key.metric()) || current.get(key).isEmpty()) {
                return;
            }
            Measurement measurement = current.get(key).orElseThrow();
            String id = key.toString();
            String group = RunnerShift.groupOf(key.service(), key.metric());
            if (group != null) {
                serviceOfGroup.put(group, key.service());
            }
            boolean fewRequests = measurement.bucketed() && measurement.sampleSize() < MIN_PERCENTILE_REQUESTS;
            inputs.add(new SeriesInput(
                    id,
                    group,
                    MetricDirection.of(key.metric()),
                    points,
                    List.of(measurement.value().asDouble()),
                    fewRequests,
                    measurement.bucketed() ? LocustPercentiles::bucketWidth : SeriesInput.EXACT));
            byId.put(id, measurement);
        });
        StatisticalVerdict verdict = new StatisticalGate(settings).evaluate(inputs);
        List<Check> checks = new ArrayList<>();
        Set<MetricKey> doubted = new TreeSet<>();
        int tested = 0;
        for (SeriesVerdict series : verdict.series()) {
            if (series.status() != StatisticalStatus.NOT_TESTED) {
                tested++;
            }
            if (series.confirmationWanted()) {
                doubted.add(byId.get(series.id()).key());
            }
            Status status = status(series.status());
            if (status != null) {
                Measurement m = byId.get(series.id());
                checks.add(new Check(
                        m.key(),
                        null,
                        m.value(),
                        null,
                        null,
                        RULE,
                        status,
                        subject(m.key()) + ": " + series.message()));
            }
        }
        Set<String> shiftedGroups = new HashSet<>();
        for (GroupVerdict group : verdict.groups()) {
            if (status(group.status()) != null) {
                shiftedGroups.add(group.group());
            }
        }
        Map<MetricKey, Integer> usual = new TreeMap<>();
        for (SeriesVerdict series : verdict.series()) {
            MetricKey key = byId.get(series.id()).key();
            if (series.status() == StatisticalStatus.PASS
                    && !shiftedGroups.contains(RunnerShift.groupOf(key.service(), key.metric()))) {
                usual.put(key, history.get(key).size());
            }
        }
        for (GroupVerdict group : verdict.groups()) {
            MetricKey key = MetricKey.of(serviceOfGroup.get(group.group()), "common shift of " + group.group());
            if (group.confirmationWanted()) {
                doubted.add(key);
            }
            Status status = status(group.status());
            if (status != null) {
                checks.add(new Check(
                        key,
                        null,
                        null,
                        null,
                        null,
                        RULE,
                        status,
                        "All " + group.members() + " series of " + group.group() + " moved together: "
                                + group.message()));
            }
        }
        String summary = "Statistical gate (" + settings.mode().name().toLowerCase(java.util.Locale.ROOT) + "): "
                + tested + " of " + inputs.size() + " series tested";
        if (tested < inputs.size()) {
            summary += "; a series needs " + settings.minHistory()
                    + " comparable runs since the last accepted change (locust.minHistory)";
        }
        return new Outcome(
                checks, summary + "; " + checks.size() + " finding" + (checks.size() == 1 ? "" : "s"), doubted, usual);
    }

    /**
     * The verdict with each inconclusive WARN of a threshold rule made a PASS when the gate tested its series and
     * found it usual: the baseline comparison cannot tell a change from sampling error, and the run lies within the
     * series' own run-to-run variation, so neither layer has evidence of a change. A conclusive breach stays as it
     * is, and so does every check without a tested series.
     */
    static Verdict settleInconclusive(Verdict verdict, Map<MetricKey, Integer> usual) {
        if (usual.isEmpty()) {
            return verdict;
        }
        List<Check> checks = verdict.checks().stream()
                .map(check -> settled(check, usual.get(check.key())))
                .toList();
        return checks.equals(verdict.checks()) ? verdict : Verdict.of(checks, verdict.warnings());
    }

    private static Check settled(Check check, Integer runs) {
        if (runs == null || RULE.equals(check.rule()) || check.status() != Status.WARN || !check.inconclusive()) {
            return check;
        }
        return check.rejudged(
                Status.PASS,
                check.messageWith("the statistical gate finds the value within the usual variation of its last " + runs
                        + " runs, so it is no warning"));
    }

    /**
     * The verdict with each warning of a threshold rule that the baseline's sampling error left short of a level judged
     * again against the history's usual value of its metric ({@link HistoryWitness}), where the gate found a series of
     * the same requests beyond its usual variation: the metric's own, or another value of the same response times
     * (the average beside a percentile). A common shift of a group names no requests and decides nothing.
     *
     * @param findings the gate's checks of this build
     * @param usual the history's usual value of a metric, empty when it has too few runs with samples
     */
    static Verdict decideAgainstHistory(
            Verdict verdict,
            List<Check> findings,
            Measurements measurements,
            Function<MetricKey, Optional<UsualValue>> usual,
            double confidence) {
        List<Check> checks = verdict.checks().stream()
                .map(check -> decided(check, findings, measurements, usual, confidence))
                .toList();
        return checks.equals(verdict.checks()) ? verdict : Verdict.of(checks, verdict.warnings());
    }

    private static Check decided(
            Check check,
            List<Check> findings,
            Measurements measurements,
            Function<MetricKey, Optional<UsualValue>> usual,
            double confidence) {
        Optional<Measurement> run = measurements.get(check.key());
        if (RULE.equals(check.rule()) || check.status() != Status.WARN || check.evidence() == null || run.isEmpty()) {
            return check;
        }
        return flaggedSeries(run.get(), findings, measurements)
                .flatMap(flagged -> usual.apply(check.key())
                        .flatMap(value ->
                                HistoryWitness.decide(check, run.get().sample(), value, confidence, subject(flagged))))
                .orElse(check);
    }

    /** The series of the run's requests that the gate warned or failed, the measured metric's own first. */
    private static Optional<MetricKey> flaggedSeries(Measurement run, List<Check> findings, Measurements measurements) {
        Optional<ResponseTimes> times = run.sample().responseTimes();
        List<MetricKey> flagged = findings.stream()
                .filter(f -> f.status() == Status.WARN || f.status() == Status.FAIL)
                .map(Check::key)
                .filter(k -> k.equals(run.key())
                        || (times.isPresent()
                                && measurements
                                        .get(k)
                                        .flatMap(m -> m.sample().responseTimes())
                                        .equals(times)))
                .toList();
        return flagged.contains(run.key())
                ? Optional.of(run.key())
                : flagged.stream().findFirst();
    }

    /** The verdict with the statistical checks added, its level recomputed as the rules' gate does. */
    static Verdict withChecks(Verdict verdict, List<Check> added) {
        if (added.isEmpty()) {
            return verdict;
        }
        List<Check> checks = new ArrayList<>(verdict.checks());
        checks.addAll(added);
        return Verdict.of(checks, verdict.warnings());
    }

    private static Status status(StatisticalStatus status) {
        return switch (status) {
            case WARN -> Status.WARN;
            case FAIL -> Status.FAIL;
            case PASS, NOT_TESTED -> null;
        };
    }

    private static String subject(MetricKey key) {
        return key.service() + (key.endpoint() == null ? "" : " \"" + key.endpoint() + "\"") + " " + key.metric();
    }
}
