package dev.locustmaven.thresholds;

import dev.locustmaven.model.Check;
import dev.locustmaven.model.Measurement;
import dev.locustmaven.model.Measurements;
import dev.locustmaven.model.MetricFormat;
import dev.locustmaven.model.MetricKey;
import dev.locustmaven.model.MetricValue;
import dev.locustmaven.thresholds.ThresholdLevel.AbsoluteChange;
import dev.locustmaven.thresholds.ThresholdLevel.Direction;
import dev.locustmaven.thresholds.ThresholdLevel.RelativeChange;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A baseline value that lies outside everything its metric measured lately, as a warning.
 *
 * <p>A baseline promoted from one run of a thin endpoint is one draw: its p95 of 36 requests is their second-largest,
 * so two slow calls make it, and a quiet moment makes it low. Every build is then judged against that draw. One drawn
 * on the worse side lets no value break the rule until it passes the baseline (only a shift of the response times as
 * a whole still shows); one drawn on the better side makes unchanged builds breach their rule. The comparable runs of
 * the history show it: the baseline lies beyond every one of them, and as far from their usual value as the rule's
 * first level. This only says so, with the command that promotes a baseline from several runs: {@code check} with its
 * verdict, which stays as it is, and {@code locust:baseline} as it promotes such a value, since the baseline is the
 * user's decision.
 */
public final class UnusualBaseline {

    /** How many runs the message suggests promoting a baseline from, at most. */
    static final int SUGGESTED_RUNS = 5;

    private UnusualBaseline() {}

    /**
     * The warning for the check's baseline, when it lies beyond the range of the history's runs and its distance from
     * their usual value reaches the rule's first level (its warning, else its fail level) and its {@code
     * minAbsoluteChange}; empty otherwise, and for rules without a change level.
     */
    public static Optional<String> of(Check check, UsualValue usual) {
        if (!(check.baseline() instanceof MetricValue.Numeric numeric)) {
            return Optional.empty();
        }
        Optional<ThresholdLevel> warning = RuleText.warning(check.rule());
        return warning.or(() -> RuleText.fail(check.rule()))
                .flatMap(level -> of(
                        check.key(),
                        level,
                        warning.isPresent(),
                        RuleText.minAbsoluteChange(check.rule()).orElse(0.0),
                        numeric.value(),
                        usual));
    }

    /**
     * The warnings for a baseline about to be promoted, the same as {@code check} would give against it: one per value
     * a rule judges, where the usual value of its metric is known.
     *
     * @param usual what each metric usually is by the history; empty where the history cannot tell
     */
    public static List<String> of(
            ThresholdRules rules, Measurements baseline, Function<MetricKey, Optional<UsualValue>> usual) {
        Set<String> warnings = new LinkedHashSet<>();
        for (ParsedRule rule : rules.parsed()) {
            ThresholdLevel level = rule.warning() != null ? rule.warning() : rule.fail();
            if (level == null) {
                continue;
            }
            for (Measurement m : baseline.all()) {
                if (rule.matches(m.key()) && m.value() instanceof MetricValue.Numeric numeric) {
                    usual.apply(m.key())
                            .flatMap(u -> of(
                                    m.key(),
                                    level,
                                    rule.warning() != null,
                                    rule.minAbsoluteChange() == null ? 0.0 : rule.minAbsoluteChange(),
                                    numeric.value(),
                                    u))
                            .ifPresent(warnings::add);
                }
            }
        }
        return List.copyOf(warnings);
    }

    /** The warning for one baseline value against the first change level of its rule. */
    private static Optional<String> of(
            MetricKey key, ThresholdLevel level, boolean isWarning, double floor, double baseline, UsualValue usual) {
        if (!level.needsBaseline()) {
            return Optional.empty();
        }
        boolean above = baseline > usual.highest();
        if (!above && baseline >= usual.lowest()) {
            return Optional.empty();
        }
        if (Math.abs(baseline - usual.value()) < floor) {
            return Optional.empty();
        }
        // on the worse side the baseline hides a regression; on the better side the usual value breaches it
        boolean hides = above == (level.direction() == Direction.RISE_IS_WORSE);
        double from = hides ? usual.value() : baseline;
        double to = hides ? baseline : usual.value();
        if (!level.reachedFrom(from, to)) {
            return Optional.empty();
        }
        String metric = key.metric();
        String unit = MetricFormat.unitWithRate(metric);
        String change = change(level instanceof RelativeChange, from, to, metric);
        String beyond = ", beyond the " + (isWarning ? "warning" : "fail") + " level " + level.text();
        String consequence = hides
                ? "the baseline is " + change + " from that usual value" + beyond + ", so a value breaks that level"
                        + " only at " + breakingValue(level, baseline, usual, metric)
                : "that usual value is " + change + " from the baseline" + beyond + ", so unchanged builds breach it";
        return Optional.of(key.subject() + ": the baseline's " + MetricFormat.number(baseline) + unit
                + " lies " + (above ? "above" : "below") + " every one of the last " + usual.runs()
                + " comparable runs (" + MetricFormat.number(usual.lowest()) + " to "
                + MetricFormat.number(usual.highest()) + unit + ", usually " + MetricFormat.number(usual.value())
                + unit + "); " + consequence + ". If those runs are how it should perform, promote the baseline from"
                + " several of them: mvn locust:baseline -Dlocust.baselineRuns="
                + Math.min(SUGGESTED_RUNS, usual.runs()));
    }

    /**
     * {@code 689 ms or more (+193.2% from the usual value)}: where a value starts to break the level against the
     * baseline, and how far that is from the usual value.
     */
    private static String breakingValue(ThresholdLevel level, double baseline, UsualValue usual, String metric) {
        double value = level instanceof RelativeChange relative
                ? baseline * (1 + relative.percent() / 100)
                : baseline + ((AbsoluteChange) level).amount();
        return MetricFormat.number(value) + MetricFormat.unitWithRate(metric)
                + (level.direction() == Direction.RISE_IS_WORSE ? " or more" : " or less") + " ("
                + change(usual.value() != 0, usual.value(), value, metric) + " from the usual value)";
    }

    /** The change from {@code from} to {@code to}: in percent when {@code relative}, else in the metric's unit. */
    private static String change(boolean relative, double from, double to, String metric) {
        return relative
                ? MetricFormat.signedPercent(RelativeChange.changePct(from, to))
                : MetricFormat.signedWithUnit(metric, to - from);
    }
}
