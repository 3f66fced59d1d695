package dev.locustmaven.thresholds;

import dev.locustmaven.model.ChangeEvidence;
import dev.locustmaven.model.Check;
import dev.locustmaven.model.MetricFormat;
import dev.locustmaven.model.MetricValue;
import dev.locustmaven.model.Sample;
import dev.locustmaven.model.Status;
import dev.locustmaven.thresholds.ThresholdLevel.AbsoluteChange;
import dev.locustmaven.thresholds.ThresholdLevel.RelativeChange;
import java.util.Optional;

/**
 * A warning that the baseline's own sampling error left short of a level, decided against the comparable history.
 *
 * <p>A baseline promoted from one run of a thin endpoint rests on a few dozen requests, and its sampling error bounds
 * what any run can show against it: a real doubling may measure +75% and still not be shown past +60%. When the
 * statistical gate finds the endpoint beyond its history's run-to-run variation (so the run differs from the history,
 * and not only by its requests' sampling error), the level is judged again against the history's usual value: the
 * median of its last runs, with their requests pooled, as a baseline promoted from them would be. The breach then
 * holds at a level only when the value breaks it against the baseline too (a rule is never judged more strictly than
 * its baseline allows), its change from the usual value is at least the rule's {@code minAbsoluteChange}, and the
 * change's bounds against the usual value lie beyond it.
 */
public final class HistoryWitness {

    private HistoryWitness() {}

    /**
     * The check judged again against the usual value, when that decides a level it left open; empty otherwise: for a
     * check that is not such a warning, for rules whose levels this version cannot read, and when the history does
     * not decide either.
     *
     * @param runSample the run's sample of the checked value (pooled over the confirmation runs, if any)
     * @param usual the history's usual value of the same metric
     * @param flaggedSeries the series of the endpoint the statistical gate found beyond its usual variation, as the
     *     message names it
     */
    public static Optional<Check> decide(
            Check check, Sample runSample, UsualValue usual, double confidence, String flaggedSeries) {
        if (check.status() != Status.WARN
                || check.evidence() == null
                || check.evidence().reference() != null
                || !(check.current() instanceof MetricValue.Numeric current)) {
            return Optional.empty();
        }
        double value = current.value();
        double floor = RuleText.minAbsoluteChange(check.rule()).orElse(0.0);
        if (Math.abs(value - usual.value()) < floor) {
            return Optional.empty();
        }
        Optional<ThresholdLevel> fail = RuleText.fail(check.rule());
        if (fail.isPresent() && reachedByBoth(fail.get(), check, value, usual.value())) {
            Optional<Check> failed = judged(check, runSample, usual, confidence, flaggedSeries, fail.get(), "fail");
            if (failed.isPresent()) {
                return failed;
            }
        }
        Optional<ThresholdLevel> warning = RuleText.warning(check.rule());
        if (check.evidence().conclusive()
                || warning.isEmpty()
                || !reachedByBoth(warning.get(), check, value, usual.value())) {
            return Optional.empty();
        }
        return judged(check, runSample, usual, confidence, flaggedSeries, warning.get(), "warning");
    }

    private static Optional<Check> judged(
            Check check,
            Sample runSample,
            UsualValue usual,
            double confidence,
            String flaggedSeries,
            ThresholdLevel level,
            String label) {
        double value = check.current().asDouble();
        SampledChange sampled = new SampledChange(runSample, value, usual.sample(), usual.value(), confidence);
        SampledChange.Judgement judgement = sampled.judge(level);
        if (!judgement.conclusive()) {
            return Optional.empty();
        }
        boolean relative = level instanceof RelativeChange;
        ChangeEvidence evidence = Gate.evidence(
                runSample.size(),
                usual.sample().size(),
                judgement.bounds(),
                relative,
                confidence,
                true,
                Optional.empty(),
                sampled.approximate(),
                judgement.basis(),
                judgement.responseTimes(),
                new ChangeEvidence.Reference(usual.runs(), usual.value()));
        String bound = Gate.bound(
                evidence, level, relative, true, Gate.deltaUnit(check.key().metric()));
        String moved = judgement.basis() == ChangeEvidence.Basis.RESPONSE_TIMES
                ? "the response times as a whole moved by " + bound
                : bound;
        String message = check.messageWith("against the usual value of its last " + usual.runs()
                + " comparable runs, " + MetricFormat.number(usual.value())
                + MetricFormat.unitWithRate(check.key().metric()) + " from "
                + usual.sample().size()
                + " requests (the statistical gate finds " + flaggedSeries + " beyond their usual variation), it is"
                + " beyond the " + label + " level " + level.text() + ": " + moved);
        return Optional.of(check.rejudged(label.equals("fail") ? Status.FAIL : Status.WARN, message, evidence));
    }

    /** True when the value breaks a change level against both the baseline and the usual value. */
    private static boolean reachedByBoth(ThresholdLevel level, Check check, double value, double usual) {
        boolean byBaseline = level instanceof RelativeChange relative
                ? check.changePct() != null && relative.reachedBy(check.changePct())
                : level instanceof AbsoluteChange absolute
                        && check.delta() != null
                        && absolute.reachedBy(check.delta());
        return byBaseline && level.reachedFrom(usual, value);
    }
}
