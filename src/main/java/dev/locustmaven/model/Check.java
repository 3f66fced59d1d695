package dev.locustmaven.model;

/**
 * One metric checked against one rule.
 *
 * @param baseline {@code null} when the baseline has no value (or the rule needs none)
 * @param current {@code null} when the run lacks the metric
 * @param delta current minus baseline, {@code null} when either is missing
 * @param changePct the relative change in percent, {@code null} when the baseline is 0 or missing
 * @param rule the rule in readable form, e.g. {@code warning +20% / fail +50%}
 * @param message a sentence saying what was compared and why the status is what it is
 * @param missingAllowed true when the status is {@link Status#MISSING} and the rule accepts a missing metric
 *     ({@code allowMissing}), so the check is shown but does not fail the build
 */
public record Check(
        MetricKey key,
        MetricValue baseline,
        MetricValue current,
        Double delta,
        Double changePct,
        String rule,
        Status status,
        String message,
        boolean missingAllowed) {

    /** A check whose missing metric, if any, is not allowed. */
    public Check(
            MetricKey key,
            MetricValue baseline,
            MetricValue current,
            Double delta,
            Double changePct,
            String rule,
            Status status,
            String message) {
        this(key, baseline, current, delta, changePct, rule, status, message, false);
    }

    /** True when this check alone makes the build verdict FAIL: a FAIL, or a MISSING the rule does not allow. */
    public boolean failsBuild() {
        return status == Status.FAIL || (status == Status.MISSING && !missingAllowed);
    }
}
