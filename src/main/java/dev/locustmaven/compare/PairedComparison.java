package dev.locustmaven.compare;

import dev.locustmaven.model.Measurement;
import dev.locustmaven.model.MetricFormat;
import dev.locustmaven.model.MetricKey;
import dev.locustmaven.model.MetricValue;
import dev.locustmaven.model.Status;
import dev.locustmaven.sampling.ChangeBounds;
import dev.locustmaven.thresholds.Significance;
import dev.locustmaven.thresholds.ThresholdLevel;
import dev.locustmaven.thresholds.ThresholdLevel.AbsoluteChange;
import dev.locustmaven.thresholds.ThresholdLevel.Direction;
import dev.locustmaven.thresholds.ThresholdLevel.Limit;
import dev.locustmaven.thresholds.ThresholdLevel.RelativeChange;
import dev.locustmaven.thresholds.ThresholdRule;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Judges one metric of the change against one threshold rule, relative to the base measured in the same build.
 *
 * <p>The rule's levels mean what they mean for {@code check}, with the base measured now in place of the committed
 * baseline: {@code +20%} is reached by a ratio of 1.2 ({@link PairedStatistics}' estimate over the pairs), {@code +0.5}
 * by a difference of 0.5. A reached change level is a breach only when the interval of the change lies beyond it too
 * (its lower bound where a rise is worse, its upper bound where a fall is worse); otherwise it is an inconclusive
 * WARN. Fixed limits ({@code > 500}) stay point comparisons of the change's value. {@code minAbsolute}, {@code
 * minAbsoluteChange}, {@code allowMissing} and {@code significance} (off: the estimate alone decides) work as they do
 * for {@code check}.
 *
 * <p>The fail level is tried first, then the warning level: a conclusive fail level is FAIL; a conclusive warning
 * level, or an inconclusive one whose interval shows a change in the worse direction (it excludes no change), is WARN.
 * A level reached by the estimate alone, with an interval that holds no change, is PASS and says so: in a paired
 * comparison a warning should mean the change made the metric worse, and such an interval cannot tell that. A change
 * level without a base value is NO_BASELINE; a metric the change lacks is MISSING.
 */
public final class PairedComparison {

    private final double confidence;
    private final boolean significance;

    /**
     * @param confidence one-sided, e.g. 0.95
     * @param significance the plugin-wide setting; a rule's own {@code significance} overrides it
     */
    public PairedComparison(double confidence, boolean significance) {
        if (!(confidence >= 0.5 && confidence < 1)) {
            throw new IllegalArgumentException("a one-sided confidence lies in [0.5, 1), not " + confidence);
        }
        this.confidence = confidence;
        this.significance = significance;
    }

    /**
     * @param rule a valid rule ({@code ThresholdRules.requireValid()}) that applies to the metric
     * @param index the rule's position in the configuration, from 1
     */
    public PairedCheck judge(PairedMetric metric, ThresholdRule rule, int index) {
        return new Judgement(metric, rule, index).check();
    }

    private final class Judgement {

        private final PairedMetric metric;
        private final MetricKey key;
        private final ThresholdRule rule;
        private final int index;
        private final ThresholdLevel warning;
        private final ThresholdLevel fail;
        private final String ruleText;
        private final boolean judgeBounds;

        Judgement(PairedMetric metric, ThresholdRule rule, int index) {
            this.metric = metric;
            this.key = metric.key();
            this.rule = rule;
            this.index = index;
            this.warning = rule.warning() == null ? null : ThresholdLevel.parse(rule.warning());
            this.fail = rule.fail() == null ? null : ThresholdLevel.parse(rule.fail());
            this.ruleText = ruleText();
            this.judgeBounds = rule.significance() == null ? significance : Significance.parse(rule.significance());
        }

        PairedCheck check() {
            if (!metric.inChange()) {
                return missing();
            }
            boolean flagRule = levels().stream().anyMatch(l -> l instanceof Limit limit && limit.isBoolean());
            boolean flagValue = metric.changeRuns().get(0).value() instanceof MetricValue.Flag;
            if (flagRule != flagValue) {
                return result(
                        Shown.NONE,
                        Status.FAIL,
                        subject() + ": " + (flagValue ? "a boolean" : "a number") + ", which the rule " + ruleText
                                + " (threshold #" + index + ") cannot judge.",
                        false);
            }
            return flagValue ? flag() : numeric();
        }

        private PairedCheck missing() {
            String sentence = subject() + ": the change has no value"
                    + (metric.inBase() ? " (the base has one)" : "") + ", checked by " + ruleText
                    + (rule.allowMissing()
                            ? "; the rule allows that (allowMissing), so it does not fail the build."
                            : "; this fails the build unless the rule sets allowMissing.");
            return new PairedCheck(
                    key,
                    Measure.RATIO,
                    null,
                    null,
                    null,
                    0,
                    0,
                    0,
                    ruleText,
                    Status.MISSING,
                    sentence,
                    rule.allowMissing(),
                    false);
        }

        /** A condition: a limit is breached when any run of the change breaks it. */
        private PairedCheck flag() {
            for (ThresholdLevel level : levels()) {
                Limit limit = (Limit) level;
                long breaking = metric.changeRuns().stream()
                        .filter(m -> limit.breachedBy(m.value()))
                        .count();
                if (breaking > 0) {
                    MetricValue shown = metric.changeRuns().stream()
                            .map(Measurement::value)
                            .filter(limit::breachedBy)
                            .findFirst()
                            .orElseThrow();
                    return result(
                            new Shown(null, shown, Measure.RATIO, null),
                            level == fail ? Status.FAIL : Status.WARN,
                            subject() + ": " + shown + " in " + breaking + " of "
                                    + metric.changeRuns().size()
                                    + " runs of the change, breaking the " + label(level) + " limit " + limit.text()
                                    + ".",
                            false);
                }
            }
            return result(
                    new Shown(null, metric.changeRuns().get(0).value(), Measure.RATIO, null),
                    Status.PASS,
                    subject() + ": within " + ruleText + " in every run of the change.",
                    false);
        }

        private PairedCheck numeric() {
            Measure measure = Measure.of(key, metric.changeRuns().get(0).sample());
            List<Pair> pairs = metric.pairs();
            List<Measurement> changeRuns = pairs.isEmpty()
                    ? metric.changeRuns()
                    : pairs.stream().map(Pair::change).toList();
            double change = PairedStatistics.centre(measure, changeRuns);
            Double base = pairs.isEmpty()
                    ? null
                    : PairedStatistics.centre(
                            measure, pairs.stream().map(Pair::base).toList());
            PairedChange headline = pairs.isEmpty() || (measure == Measure.RATIO && !(base > 0))
                    ? null
                    : PairedStatistics.of(measure, pairs, confidence);
            Shown values =
                    new Shown(base == null ? null : MetricValue.of(base), MetricValue.of(change), measure, headline);
            String header = header(base, change, headline);

            Set<String> notes = new LinkedHashSet<>();
            boolean needsBase = false;
            Outcome inconclusiveFail = null;
            Outcome untold = null;
            for (ThresholdLevel level : levels()) {
                boolean failLevel = level == fail;
                Outcome outcome = assess(level, change);
                switch (outcome.kind()) {
                    case BREACHED -> {
                        if (inconclusiveFail != null) {
                            return result(
                                    values,
                                    Status.WARN,
                                    header + ", " + inconclusiveFail.text() + "; it is beyond the warning level "
                                            + level.text() + ".",
                                    true);
                        }
                        return result(
                                values,
                                failLevel ? Status.FAIL : Status.WARN,
                                header + ", " + outcome.text() + ".",
                                false);
                    }
                    case INCONCLUSIVE -> {
                        if (!failLevel) {
                            return result(
                                    values,
                                    Status.WARN,
                                    header + ", " + (inconclusiveFail == null ? outcome : inconclusiveFail).text()
                                            + ".",
                                    true);
                        }
                        inconclusiveFail = outcome;
                    }
                    case NEEDS_BASE -> needsBase = true;
                    case UNTOLD -> untold = untold == null ? outcome : untold;
                    case WITHIN -> {
                        if (outcome.text() != null) {
                            notes.add(outcome.text());
                        }
                    }
                }
            }
            if (inconclusiveFail != null) {
                return result(values, Status.WARN, header + ", " + inconclusiveFail.text() + ".", true);
            }
            if (untold != null) {
                return result(values, Status.PASS, header + ", " + untold.text() + ".", false);
            }
            if (needsBase) {
                return result(
                        values,
                        Status.NO_BASELINE,
                        header + ", and the base has no value to compare with for " + ruleText
                                + ", so this is not checked.",
                        false);
            }
            return result(
                    values,
                    Status.PASS,
                    header + ", within " + ruleText + (notes.isEmpty() ? "" : "; " + String.join("; ", notes)) + ".",
                    false);
        }

        private Outcome assess(ThresholdLevel level, double change) {
            String label = label(level);
            if (level instanceof Limit limit) {
                return limit.breachedBy(MetricValue.of(change))
                        ? Outcome.of(Kind.BREACHED, "breaking the " + label + " limit " + limit.text())
                        : Outcome.of(Kind.WITHIN, null);
            }
            List<Pair> pairs = metric.pairs();
            if (pairs.isEmpty()) {
                return Outcome.of(Kind.NEEDS_BASE, null);
            }
            double difference = PairedStatistics.centre(
                            Measure.DIFFERENCE, pairs.stream().map(Pair::change).toList())
                    - PairedStatistics.centre(
                            Measure.DIFFERENCE, pairs.stream().map(Pair::base).toList());
            boolean reached;
            PairedChange paired;
            if (level instanceof RelativeChange relative) {
                double base = PairedStatistics.centre(
                        Measure.RATIO, pairs.stream().map(Pair::base).toList());
                if (!(base > 0)) {
                    return zeroBase(relative, change);
                }
                paired = PairedStatistics.of(Measure.RATIO, pairs, confidence);
                reached = relative.reachedBy((paired.estimate() - 1) * 100);
            } else {
                paired = PairedStatistics.of(Measure.DIFFERENCE, pairs, confidence);
                reached = ((AbsoluteChange) level).reachedBy(paired.estimate());
            }
            if (!reached) {
                return Outcome.of(Kind.WITHIN, null);
            }
            Double floor = rule.minAbsoluteChange();
            if (floor != null && Math.abs(difference) < floor) {
                return Outcome.of(
                        Kind.WITHIN,
                        "the change of " + MetricFormat.signedWithUnit(key.metric(), difference)
                                + " is under minAbsoluteChange " + MetricFormat.number(floor)
                                + ", so it does not count");
            }
            String levelText = "the " + label + " level " + level.text();
            if (!judgeBounds) {
                return Outcome.of(Kind.BREACHED, "at or beyond " + levelText);
            }
            boolean rise = level.direction() == Direction.RISE_IS_WORSE;
            double bound = rise ? paired.lower() : paired.upper();
            boolean beyond = level instanceof RelativeChange relative
                    ? relative.reachedBy((bound - 1) * 100)
                    : ((AbsoluteChange) level).reachedBy(bound);
            String at = "at " + MetricFormat.number(confidence * 100) + "% confidence";
            if (beyond) {
                return Outcome.of(
                        Kind.BREACHED,
                        "beyond " + levelText + ": " + (rise ? "at least " : "at most ") + amount(paired, bound) + " "
                                + at);
            }
            String unbounded = ChangeText.isUnbounded(paired.measure(), bound)
                    ? at + " the requests cannot bound the change"
                    : at + " the change may be only " + amount(paired, bound);
            boolean changed =
                    paired.measure() == Measure.RATIO ? (rise ? bound > 1 : bound < 1) : (rise ? bound > 0 : bound < 0);
            if (!changed) {
                return Outcome.of(
                        Kind.UNTOLD,
                        "at or beyond " + levelText + " by its value, but not told apart from no change: " + unbounded
                                + "; " + narrower(paired, rise));
            }
            return Outcome.of(
                    Kind.INCONCLUSIVE,
                    "at or beyond " + levelText + " by its value, but that is inconclusive: " + unbounded + "; "
                            + narrower(paired, rise));
        }

        /** A relative level against a base of zero: no ratio, only the rule's absolute floor counts. */
        private Outcome zeroBase(RelativeChange level, double change) {
            Double floor = rule.minAbsolute();
            if (floor == null) {
                return Outcome.of(
                        Kind.WITHIN,
                        "a zero base has no relative change, so " + level.text()
                                + " cannot apply (set minAbsolute to fail above a floor)");
            }
            String floorText = "minAbsolute " + MetricFormat.number(floor);
            if (level.direction() == Direction.RISE_IS_WORSE && change > floor) {
                return Outcome.of(
                        Kind.BREACHED,
                        "above " + floorText + " from a zero base, which breaks the " + label(level) + " level "
                                + level.text());
            }
            return Outcome.of(
                    Kind.WITHIN,
                    level.direction() == Direction.RISE_IS_WORSE
                            ? "a zero base has no relative change and the value is not above " + floorText
                            : "a zero base cannot fall");
        }

        /**
         * What would narrow the interval on the side that left the breach open: more pairs when the pairs disagree
         * (their t bound is the wider), longer runs when the runs' requests are too few.
         */
        private String narrower(PairedChange paired, boolean rise) {
            ChangeBounds between = paired.betweenPairs();
            double sampling =
                    rise ? paired.sampling().lower() : paired.sampling().upper();
            boolean pairsDecide = between != null && (rise ? between.lower() < sampling : between.upper() > sampling);
            return pairsDecide
                    ? "the " + metric.pairs().size() + " pairs disagree too much to tell; more pairs would narrow it"
                    : "the runs' requests are too few to tell; longer runs would narrow it";
        }

        /** {@code orders "GET /slow" p95_latency_ms: 240 ms vs base 200 ms (+20.0%, +14.0% to +26.0%, 3 pairs)}. */
        private String header(Double base, double change, PairedChange paired) {
            StringBuilder text = new StringBuilder(subject())
                    .append(": ")
                    .append(MetricFormat.withUnit(key.metric(), MetricValue.of(change)));
            if (base == null) {
                return text.toString();
            }
            text.append(" vs base ").append(MetricFormat.withUnit(key.metric(), MetricValue.of(base)));
            int pairs = metric.pairs().size();
            String over = pairs + (pairs == 1 ? " pair" : " pairs");
            if (paired == null) {
                return text.append(" (").append(over).append(')').toString();
            }
            return text.append(" (")
                    .append(amount(paired, paired.estimate()))
                    .append(", ")
                    .append("interval ")
                    .append(ChangeText.interval(paired, key.metric()))
                    .append(", ")
                    .append(over)
                    .append(')')
                    .toString();
        }

        private String amount(PairedChange paired, double value) {
            return ChangeText.amount(paired.measure(), key.metric(), value);
        }

        /** {@code orders p95_latency_ms}, or {@code orders "GET /slow" p95_latency_ms} for an endpoint. */
        private String subject() {
            return key.service() + (key.endpoint() == null ? "" : " \"" + key.endpoint() + "\"") + " " + key.metric();
        }

        private String label(ThresholdLevel level) {
            return level == fail ? "fail" : "warning";
        }

        private List<ThresholdLevel> levels() {
            List<ThresholdLevel> levels = new ArrayList<>(2);
            if (fail != null) {
                levels.add(fail);
            }
            if (warning != null) {
                levels.add(warning);
            }
            return levels;
        }

        /** {@code warning +10% / fail +20%}, with the rule's floors and missing policy. */
        private String ruleText() {
            List<String> parts = new ArrayList<>();
            if (warning != null) {
                parts.add("warning " + warning.text());
            }
            if (fail != null) {
                parts.add("fail " + fail.text());
            }
            StringBuilder text = new StringBuilder(String.join(" / ", parts));
            if (rule.minAbsolute() != null) {
                text.append(", minAbsolute ").append(MetricFormat.number(rule.minAbsolute()));
            }
            if (rule.minAbsoluteChange() != null) {
                text.append(", minAbsoluteChange ").append(MetricFormat.number(rule.minAbsoluteChange()));
            }
            if (rule.allowMissing()) {
                text.append(", missing allowed");
            }
            return text.toString();
        }

        private PairedCheck result(Shown shown, Status status, String message, boolean inconclusive) {
            long baseRequests = metric.pairs().stream()
                    .mapToLong(p -> p.base().sampleSize())
                    .sum();
            long changeRequests = metric.changeRuns().stream()
                    .mapToLong(Measurement::sampleSize)
                    .sum();
            return new PairedCheck(
                    key,
                    shown.measure(),
                    shown.base(),
                    shown.change(),
                    shown.paired(),
                    metric.pairs().size(),
                    baseRequests,
                    changeRequests,
                    ruleText,
                    status,
                    message,
                    false,
                    inconclusive);
        }
    }

    /** The values a check shows, known before its status. */
    private record Shown(MetricValue base, MetricValue change, Measure measure, PairedChange paired) {
        static final Shown NONE = new Shown(null, null, Measure.RATIO, null);
    }

    private enum Kind {
        BREACHED,
        INCONCLUSIVE,
        /** Reached by the estimate, but the interval holds no change at all: nothing to warn about. */
        UNTOLD,
        WITHIN,
        NEEDS_BASE
    }

    private record Outcome(Kind kind, String text) {
        static Outcome of(Kind kind, String text) {
            return new Outcome(kind, text);
        }
    }
}
