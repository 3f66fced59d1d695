package dev.locustmaven.thresholds;

import dev.locustmaven.model.Baseline;
import dev.locustmaven.model.ChangeEvidence;
import dev.locustmaven.model.Check;
import dev.locustmaven.model.Measurement;
import dev.locustmaven.model.Measurements;
import dev.locustmaven.model.MetricFormat;
import dev.locustmaven.model.MetricKey;
import dev.locustmaven.model.MetricValue;
import dev.locustmaven.model.Sample;
import dev.locustmaven.model.Status;
import dev.locustmaven.model.Verdict;
import dev.locustmaven.sampling.ChangeBounds;
import dev.locustmaven.sampling.DistributionShift;
import dev.locustmaven.sampling.RequestsToDecide;
import dev.locustmaven.thresholds.ThresholdLevel.AbsoluteChange;
import dev.locustmaven.thresholds.ThresholdLevel.Direction;
import dev.locustmaven.thresholds.ThresholdLevel.Limit;
import dev.locustmaven.thresholds.ThresholdLevel.RelativeChange;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Layer 1 of detection: the threshold rules against the committed baseline.
 *
 * <p>Each rule is matched against the metric keys of the run; one {@link Check} results per (key, rule). A rule that
 * names its metric without a wildcard also matches keys the baseline has and the run lacks, so a metric or service
 * that disappeared is reported as MISSING; a rule with a metric pattern only looks at the run's keys, and skips values
 * of the other kind (booleans for numeric levels and the reverse). A rule that matches nothing is itself reported as
 * MISSING under its own patterns.
 *
 * <p>Per check the fail level is tried first, then the warning level; the first one breached gives FAIL or WARN (see
 * {@link ThresholdLevel} for when a level is reached). A change level without a baseline value gives NO_BASELINE,
 * which does not fail the build, unless another level of the rule is breached. A relative level never divides by a
 * zero baseline: it is breached only when the rule sets {@code minAbsolute} and the current value lies above it
 * (for levels where a rise is worse), and the message says which. {@code minAbsoluteChange} keeps a change level from
 * being breached by a change smaller than it.
 *
 * <p>A baseline value that a change level cannot compare (a string or a boolean where the run has a number) is an
 * error, {@link BaselineValueException}, not a missing value.
 *
 * <p>The build is FAIL when any check fails the build (a FAIL, or a MISSING the rule does not allow), else WARN when
 * any check warns, else PASS. Verdict warnings (a stale baseline, the notes of {@link GateOptions}) do not change the
 * level. Checks come in key order, and in rule order for one key.
 */
public final class Gate {

    public Verdict evaluate(Measurements current, Baseline baseline, ThresholdRules rules, GateOptions options) {
        List<ParsedRule> parsed = rules.parsed();
        List<String> warnings = new ArrayList<>(options.notes());
        if (baseline != null && baseline.isStale(options.now())) {
            warnings.add("The baseline expired on "
                    + baseline.validUntil().atOffset(ZoneOffset.UTC).toLocalDate() + " (valid_until "
                    + baseline.validUntil() + "); re-baseline with mvn locust:baseline once the current numbers"
                    + " are accepted.");
        }
        List<Check> checks = new ArrayList<>();
        for (ParsedRule rule : parsed) {
            checks.addAll(checksOf(rule, current, baseline, options));
        }
        checks.sort(Comparator.comparing(Check::key));
        return Verdict.of(checks, warnings);
    }

    private List<Check> checksOf(ParsedRule rule, Measurements current, Baseline baseline, GateOptions options) {
        Set<MetricKey> keys = new TreeSet<>();
        for (Measurement measurement : current.all()) {
            if (rule.matches(measurement.key()) && (rule.namesOneMetric() || rule.fits(measurement.value()))) {
                keys.add(measurement.key());
            }
        }
        if (baseline != null && rule.namesOneMetric()) {
            baseline.values().keySet().stream().filter(rule::matches).forEach(keys::add);
        }
        if (keys.isEmpty()) {
            if (!rule.namesOneKey()) {
                return List.of(noMatch(rule));
            }
            keys.add(rule.patternKey());
        }
        List<Check> checks = new ArrayList<>();
        for (MetricKey key : keys) {
            MetricValue baselineValue =
                    baseline == null ? null : baseline.value(key).orElse(null);
            String baselineText = baseline == null ? null : baseline.texts().get(key);
            Measurement measurement = current.get(key).orElse(null);
            checks.add(
                    measurement == null
                            ? missing(rule, key, baselineValue, options)
                            : new Evaluation(
                                            rule,
                                            key,
                                            baselineValue,
                                            baselineText,
                                            measurement,
                                            baseline == null ? new Sample.Exact(0) : baseline.sample(key),
                                            baseline != null,
                                            options)
                                    .check());
        }
        return checks;
    }

    private static Check noMatch(ParsedRule rule) {
        MetricKey key = rule.patternKey();
        String sentence = "No metric of the run matches service '" + key.service() + "'"
                + (key.endpoint() == null ? "" : ", endpoint '" + key.endpoint() + "'") + ", metric '" + key.metric()
                + "' (threshold #" + rule.index() + ", " + rule.text() + ")" + missingPolicy(rule);
        return new Check(key, null, null, null, null, rule.text(), Status.MISSING, sentence, rule.allowMissing());
    }

    private static Check missing(ParsedRule rule, MetricKey key, MetricValue baselineValue, GateOptions options) {
        String reason = options.unavailable().get(key);
        String sentence = key.subject() + ": the run has no value" + (reason == null ? "" : " (" + reason + ")")
                + (baselineValue == null ? "" : ", baseline " + baselineValue) + ", checked by " + rule.text()
                + missingPolicy(rule);
        return new Check(
                key, baselineValue, null, null, null, rule.text(), Status.MISSING, sentence, rule.allowMissing());
    }

    private static String missingPolicy(ParsedRule rule) {
        return rule.allowMissing()
                ? "; the rule allows that (allowMissing), so it does not fail the build."
                : "; this fails the build unless the rule sets allowMissing.";
    }

    /** One metric against one rule. */
    private static final class Evaluation {

        private final ParsedRule rule;
        private final MetricKey key;
        private final MetricValue baseline;
        private final String baselineText;
        private final MetricValue current;
        private final Sample runSample;
        private final Sample baselineSample;
        private final boolean hasBaselineFile;
        private final boolean significance;
        private final double confidence;
        /** The change under sampling error; null unless both values are numbers. */
        private final SampledChange sampled;

        private final Double delta;
        private final Double changePct;
        private final String unit;
        private final String deltaUnit;

        Evaluation(
                ParsedRule rule,
                MetricKey key,
                MetricValue baseline,
                String baselineText,
                Measurement measurement,
                Sample baselineSample,
                boolean hasBaselineFile,
                GateOptions options) {
            this.rule = rule;
            this.key = key;
            this.baseline = baseline;
            this.baselineText = baselineText;
            this.current = measurement.value();
            this.runSample = measurement.sample();
            this.baselineSample = baselineSample;
            this.hasBaselineFile = hasBaselineFile;
            this.significance = rule.significance() == null ? options.significance() : rule.significance();
            this.confidence = options.confidence();
            boolean numeric = current instanceof MetricValue.Numeric && baseline instanceof MetricValue.Numeric;
            this.delta = numeric ? current.asDouble() - baseline.asDouble() : null;
            this.changePct = numeric && baseline.asDouble() != 0
                    ? RelativeChange.changePct(baseline.asDouble(), current.asDouble())
                    : null;
            this.sampled = numeric
                    ? new SampledChange(runSample, current.asDouble(), baselineSample, baseline.asDouble(), confidence)
                    : null;
            this.unit = MetricFormat.unitWithRate(key.metric());
            this.deltaUnit = deltaUnit(key.metric());
        }

        Check check() {
            if (!rule.fits(current)) {
                return check(Status.FAIL, header() + ", " + mismatch());
            }
            requireNumericBaseline();
            Set<String> notes = new LinkedHashSet<>();
            boolean needsBaseline = false;
            Outcome inconclusiveFail = null;
            for (ThresholdLevel level : rule.levelsFailFirst()) {
                boolean failLevel = level == rule.fail();
                String label = failLevel ? "fail" : "warning";
                Outcome outcome = assess(level, label);
                switch (outcome.kind()) {
                    case BREACHED -> {
                        if (inconclusiveFail != null) {
                            return check(
                                    Status.WARN,
                                    header() + ", " + inconclusiveFail.text() + "; it is beyond the warning level "
                                            + level.text(),
                                    inconclusiveFail.evidence());
                        }
                        Status status = failLevel ? Status.FAIL : Status.WARN;
                        return check(status, header() + ", " + outcome.text(), outcome.evidence());
                    }
                    case INCONCLUSIVE -> {
                        if (!failLevel) {
                            Outcome open = inconclusiveFail == null ? outcome : inconclusiveFail;
                            return check(Status.WARN, header() + ", " + open.text(), open.evidence());
                        }
                        inconclusiveFail = outcome;
                    }
                    case NEEDS_BASELINE -> needsBaseline = true;
                    case WITHIN -> {
                        if (outcome.text() != null) {
                            notes.add(outcome.text());
                        }
                    }
                }
            }
            if (inconclusiveFail != null) {
                return check(Status.WARN, header() + ", " + inconclusiveFail.text(), inconclusiveFail.evidence());
            }
            if (needsBaseline) {
                return check(
                        Status.NO_BASELINE,
                        header() + ", and " + (hasBaselineFile ? "the baseline has no value" : "there is no baseline")
                                + " to compare with for " + rule.text()
                                + ", so this is not checked; run mvn locust:baseline to record one");
            }
            return check(
                    Status.PASS,
                    header() + ", within " + rule.text() + (notes.isEmpty() ? "" : "; " + String.join("; ", notes)));
        }

        /**
         * A change level compares the run's number with the baseline's; a string or a boolean there is bad data, which
         * must not pass as a missing value (NO_BASELINE) and switch the rule off.
         */
        private void requireNumericBaseline() {
            boolean comparesChange = rule.levelsFailFirst().stream().anyMatch(l -> !(l instanceof Limit));
            if (!comparesChange || !(current instanceof MetricValue.Numeric)) {
                return;
            }
            String found = baselineText != null
                    ? "\"" + baselineText + "\", a string"
                    : baseline instanceof MetricValue.Flag ? baseline + ", a boolean" : null;
            if (found != null) {
                throw new BaselineValueException(
                        key,
                        "is " + found + ", but threshold #" + rule.index() + " (" + rule.text()
                                + ") compares it as a number with the run's " + value(current)
                                + "; write the accepted number there, or remove the key");
            }
        }

        private Check check(Status status, String message) {
            return check(status, message, null);
        }

        private Check check(Status status, String message, ChangeEvidence evidence) {
            return new Check(
                    key, baseline, current, delta, changePct, rule.text(), status, message + ".", false, evidence);
        }

        private Outcome assess(ThresholdLevel level, String label) {
            if (level instanceof Limit limit) {
                return limit.breachedBy(current)
                        ? Outcome.breached("breaking the " + label + " limit " + limit.text())
                        : Outcome.within(null);
            }
            if (delta == null) {
                return Outcome.needsBaseline();
            }
            String levelText = "the " + label + " level " + level.text();
            if (level instanceof RelativeChange relative) {
                if (changePct == null) {
                    return zeroBaseline(relative, levelText);
                }
                return relative.reachedBy(changePct)
                        ? beyondSamplingError(
                                floorOrBreach(position(changePct, relative.percent()) + " " + levelText), level, label)
                        : withinByValue(relative, label);
            }
            AbsoluteChange absolute = (AbsoluteChange) level;
            return absolute.reachedBy(delta)
                    ? beyondSamplingError(
                            floorOrBreach(position(delta, absolute.amount()) + " " + levelText), level, label)
                    : Outcome.within(null);
        }

        /**
         * A change level reached by the values is breached only when the change's confidence bounds lie beyond it too;
         * otherwise the breach is inconclusive. Plain numbers (exact values, significance off) stay as they are.
         */
        private Outcome beyondSamplingError(Outcome pointBreach, ThresholdLevel level, String label) {
            if (pointBreach.kind() != Outcome.Kind.BREACHED || !significance || !sampled.hasSamplingError()) {
                return pointBreach;
            }
            boolean relative = level instanceof RelativeChange;
            SampledChange.Judgement judgement = sampled.judge(level);
            Optional<RequestsToDecide.Estimate> estimate = judgement.estimate();
            ChangeBounds shown = judgement.bounds();
            boolean byResponseTimes = judgement.basis() == ChangeEvidence.Basis.RESPONSE_TIMES;
            ChangeEvidence evidence = evidence(
                    shown,
                    relative,
                    judgement.conclusive(),
                    estimate,
                    sampled.approximate(),
                    judgement.basis(),
                    judgement.responseTimes());
            String requests = "from " + requests(runSample)
                    + (baselineSample.size() > 0 ? " vs " + baselineSample.size() + " in the baseline" : "");
            String exactBaseline =
                    baselineSample.size() > 0 ? "" : "; the baseline records no sample, so it counts as exact";
            if (byResponseTimes) {
                return Outcome.breached(
                        pointBreach.text() + ", beyond sampling error: the response times as a whole moved by "
                                + bound(evidence, level, true, true) + " " + requests
                                + " (the value's own bounds do not reach the level)",
                        evidence);
            }
            if (judgement.conclusive()) {
                return Outcome.breached(
                        pointBreach.text() + ", beyond sampling error: " + bound(evidence, level, relative, true) + " "
                                + requests + exactBaseline,
                        evidence);
            }
            return Outcome.inconclusive(
                    "above the " + label + " level " + level.text() + " by its value, but " + requests
                            + " that is inconclusive: " + bound(evidence, level, relative, false)
                            + judgement
                                    .responseTimes()
                                    .map(this::responseTimesMoved)
                                    .orElse("") + exactBaseline
                            + decide(estimate, level),
                    evidence);
        }

        /**
         * What the response times as a whole showed when they too fell short of the level: a p95 of a few dozen
         * requests may have no bound at all, while the shift of every request still says how far the change goes.
         */
        private String responseTimesMoved(DistributionShift.Shift shift) {
            double lower = (shift.bounds().lower() - 1) * 100;
            double upper = (shift.bounds().upper() - 1) * 100;
            String range = Double.isFinite(lower) && Double.isFinite(upper)
                    ? " (" + tenths(lower) + " to " + tenths(upper) + " at " + MetricFormat.number(confidence * 100)
                            + "% confidence)"
                    : "";
            return ", and the response times as a whole moved by " + tenths((shift.estimate() - 1) * 100) + range;
        }

        /** A shift to one decimal place, where no change reads {@code +0.0%} and not {@code -0.00000000000004%}. */
        private static String tenths(double pct) {
            return MetricFormat.signedPercent(Math.round(pct * 10) / 10.0 + 0.0);
        }

        /** What would decide an inconclusive breach, or why nothing in reach would. */
        private String decide(Optional<RequestsToDecide.Estimate> estimate, ThresholdLevel level) {
            if (estimate.isEmpty()) {
                return "; no number of requests in reach would tell it apart from " + level.text()
                        + (sampled.approximate()
                                ? " (Locust's percentile columns are too coarse; its JSON output has the whole"
                                        + " histogram)"
                                : " (the change lies too close to the level, within Locust's rounding of"
                                        + " response times)");
            }
            long requests = estimate.get().requests();
            return estimate.get().side() == RequestsToDecide.Side.RUN
                    ? "; about " + requests + " requests would tell " + level.text() + " apart"
                    : "; about " + requests + " requests in both the run and the baseline would tell " + level.text()
                            + " apart (the baseline's value comes from " + baselineSample.size() + ")";
        }

        /**
         * A relative level the value stays within can still be breached by the response times as a whole, or left open
         * by them (see {@link SampledChange#responseTimesReaching}).
         */
        private Outcome withinByValue(RelativeChange level, String label) {
            if (!significance || underMinAbsoluteChange()) {
                return Outcome.within(null);
            }
            Optional<DistributionShift.Shift> reaching = sampled.responseTimesReaching(level);
            if (reaching.isEmpty()) {
                return Outcome.within(null);
            }
            DistributionShift.Shift shift = reaching.get();
            String withinByValue = "within the " + label + " level " + level.text() + " by its value, but ";
            if (SampledChange.beyond(shift.bounds(), level)) {
                ChangeEvidence evidence = evidence(
                        shift.bounds(),
                        true,
                        true,
                        Optional.empty(),
                        false,
                        ChangeEvidence.Basis.RESPONSE_TIMES,
                        reaching);
                return Outcome.breached(
                        withinByValue + "beyond it by the response times as a whole: they moved by "
                                + bound(evidence, level, true, true) + " from " + requests(runSample) + " vs "
                                + baselineSample.size() + " in the baseline",
                        evidence);
            }
            // like a value's breach that sampling error leaves open, and so confirmed by reruns where they are possible
            Optional<RequestsToDecide.Estimate> estimate = sampled.judge(level).estimate();
            ChangeEvidence evidence = evidence(
                    shift.bounds(), true, false, estimate, false, ChangeEvidence.Basis.RESPONSE_TIMES, reaching);
            return Outcome.inconclusive(
                    withinByValue + "the response times as a whole moved by " + percent((shift.estimate() - 1) * 100)
                            + ", beyond it, from " + requests(runSample) + " vs " + baselineSample.size()
                            + " in the baseline, which is inconclusive: " + bound(evidence, level, true, false)
                            + decide(estimate, level),
                    evidence);
        }

        /** The evidence of one level's judgement against the baseline ({@link Gate#evidence}). */
        private ChangeEvidence evidence(
                ChangeBounds bounds,
                boolean relative,
                boolean conclusive,
                Optional<RequestsToDecide.Estimate> estimate,
                boolean approximate,
                ChangeEvidence.Basis basis,
                Optional<DistributionShift.Shift> responseTimes) {
            return Gate.evidence(
                    runSample.size(),
                    baselineSample.size(),
                    bounds,
                    relative,
                    confidence,
                    conclusive,
                    estimate,
                    approximate,
                    basis,
                    responseTimes,
                    null);
        }

        private String bound(ChangeEvidence evidence, ThresholdLevel level, boolean relative, boolean conclusive) {
            return Gate.bound(evidence, level, relative, conclusive, deltaUnit);
        }

        private static String requests(Sample sample) {
            return sample.size() + (sample.size() == 1 ? " request" : " requests");
        }

        /** A relative level against a zero baseline: no division, only the rule's absolute floor counts. */
        private Outcome zeroBaseline(RelativeChange level, String levelText) {
            Double floor = rule.minAbsolute();
            if (floor == null) {
                return Outcome.within("a zero baseline has no relative change, so " + level.text()
                        + " cannot apply (set minAbsolute to fail above a floor)");
            }
            String floorText = "minAbsolute " + MetricFormat.number(floor);
            if (level.direction() == Direction.RISE_IS_WORSE && current.asDouble() > floor) {
                return floorOrBreach("above " + floorText + " from a zero baseline, which breaks " + levelText);
            }
            return Outcome.within(
                    level.direction() == Direction.RISE_IS_WORSE
                            ? "a zero baseline has no relative change and the value is not above " + floorText
                            : "a zero baseline cannot fall");
        }

        /** A reached change level, unless the change is smaller than the rule's minAbsoluteChange. */
        private Outcome floorOrBreach(String breach) {
            if (underMinAbsoluteChange()) {
                return Outcome.within("the change of " + signed(delta) + deltaUnit + " is under minAbsoluteChange "
                        + MetricFormat.number(rule.minAbsoluteChange()) + ", so it does not count");
            }
            return Outcome.breached(breach);
        }

        /** True when the value's change is smaller than the rule's {@code minAbsoluteChange}, so it does not count. */
        private boolean underMinAbsoluteChange() {
            return rule.minAbsoluteChange() != null && Math.abs(delta) < rule.minAbsoluteChange();
        }

        private String mismatch() {
            return current instanceof MetricValue.Flag
                    ? "a boolean, which the numeric rule " + rule.text()
                            + " cannot judge; use == true or == false (threshold #" + rule.index() + ")"
                    : "a number, which the boolean rule " + rule.text()
                            + " cannot judge; use numeric levels such as +20% or > 1 (threshold #" + rule.index()
                            + ")";
        }

        /** {@code api_gateway p95_latency_ms: 812 ms vs baseline 650 ms (+24.9%)}. */
        private String header() {
            StringBuilder text = new StringBuilder(key.subject()).append(": ").append(value(current));
            if (baseline != null) {
                text.append(" vs baseline ").append(value(baseline));
                String change = change();
                if (!change.isEmpty()) {
                    text.append(" (").append(change).append(')');
                }
            }
            return text.toString();
        }

        private String change() {
            if (delta == null) {
                return "";
            }
            if (delta == 0) {
                return "no change";
            }
            if (changePct == null) {
                return signed(delta) + deltaUnit + " from zero";
            }
            boolean absoluteRule = rule.levelsFailFirst().stream().anyMatch(l -> l instanceof AbsoluteChange);
            return (absoluteRule ? signed(delta) + deltaUnit + ", " : "") + percent(changePct);
        }

        private String value(MetricValue value) {
            return value instanceof MetricValue.Numeric ? value + unit : value.toString();
        }

        private static String position(double change, double level) {
            if (Tolerance.equal(change, level)) {
                return "at";
            }
            return level > 0 ? "above" : "below";
        }
    }

    /**
     * The evidence of one level's judgement: {@code bounds} as percent for a relative level, else as they are, and
     * the response times' shift in percent when it was weighed.
     *
     * @param reference what the bounds are set against when it is not the baseline; null for the baseline
     */
    static ChangeEvidence evidence(
            long runRequests,
            long baselineRequests,
            ChangeBounds bounds,
            boolean relative,
            double confidence,
            boolean conclusive,
            Optional<RequestsToDecide.Estimate> estimate,
            boolean approximate,
            ChangeEvidence.Basis basis,
            Optional<DistributionShift.Shift> responseTimes,
            ChangeEvidence.Reference reference) {
        return new ChangeEvidence(
                runRequests,
                baselineRequests,
                relative ? (bounds.lower() - 1) * 100 : bounds.lower(),
                relative ? (bounds.upper() - 1) * 100 : bounds.upper(),
                confidence,
                conclusive,
                estimate.map(RequestsToDecide.Estimate::requests).orElse(null),
                estimate.map(e -> e.side() == RequestsToDecide.Side.RUN_AND_BASELINE)
                        .orElse(false),
                approximate,
                basis,
                responseTimes
                        .map(t -> new ChangeEvidence.Shift(
                                (t.estimate() - 1) * 100,
                                (t.bounds().lower() - 1) * 100,
                                (t.bounds().upper() - 1) * 100))
                        .orElse(null),
                reference);
    }

    /**
     * {@code at least +75% at 95% confidence} for a conclusive breach (at most, where a fall is worse), {@code at 95%
     * confidence the change may be only +12.0%} for an inconclusive one, {@code at 95% confidence the requests cannot
     * rule out no change (the change may be as low as -78.5%)} when the range reaches past zero.
     *
     * @param deltaUnit the unit of an absolute change ({@link #deltaUnit})
     */
    static String bound(
            ChangeEvidence evidence, ThresholdLevel level, boolean relative, boolean conclusive, String deltaUnit) {
        boolean rise = level.direction() == Direction.RISE_IS_WORSE;
        double bound = rise ? evidence.lower() : evidence.upper();
        String at = "at " + MetricFormat.number(evidence.confidence() * 100) + "% confidence";
        String approximate = evidence.approximate() ? " (approximate: rebuilt from Locust's percentile columns)" : "";
        if (Double.isInfinite(bound) || (relative && bound <= -100)) {
            return at + " the requests cannot bound the change" + approximate;
        }
        String amount = relative ? percent(bound) : signed(bound) + deltaUnit;
        if (conclusive) {
            return (rise ? "at least " : "at most ") + amount + " " + at + approximate;
        }
        if (rise ? bound <= 0 : bound >= 0) {
            // the range reaches past no change: "may be only -78.5%" would read as a fall too small to matter
            return at + " the requests cannot rule out no change (the change may be as " + (rise ? "low" : "high")
                    + " as " + amount + ")" + approximate;
        }
        return at + " the change may be only " + amount + approximate;
    }

    /** The unit of a change of the metric: a change of a percentage is in points, which "+0.5%" would misstate. */
    static String deltaUnit(String metric) {
        String unit = MetricFormat.unitWithRate(metric);
        return unit.equals("%") ? " points" : unit;
    }

    private record Outcome(Kind kind, String text, ChangeEvidence evidence) {

        enum Kind {
            BREACHED,
            INCONCLUSIVE,
            WITHIN,
            NEEDS_BASELINE
        }

        static Outcome breached(String text) {
            return new Outcome(Kind.BREACHED, text, null);
        }

        static Outcome breached(String text, ChangeEvidence evidence) {
            return new Outcome(Kind.BREACHED, text, evidence);
        }

        static Outcome inconclusive(String text, ChangeEvidence evidence) {
            return new Outcome(Kind.INCONCLUSIVE, text, evidence);
        }

        static Outcome within(String note) {
            return new Outcome(Kind.WITHIN, note, null);
        }

        static Outcome needsBaseline() {
            return new Outcome(Kind.NEEDS_BASELINE, null, null);
        }
    }

    /** The unit the metric's name implies: {@code _ms} milliseconds, {@code _pct} percent, {@code rps}. */
    static String signed(double value) {
        return (value < 0 ? "-" : "+") + MetricFormat.number(Math.abs(value));
    }

    static String percent(double pct) {
        String oneDecimal = MetricFormat.signedPercent(pct);
        return oneDecimal.matches("[+-]0\\.0%") ? signed(pct) + "%" : oneDecimal;
    }
}
