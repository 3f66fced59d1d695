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
 * @param evidence the change's bounds under sampling error; {@code null} when the check compared plain numbers (a
 *     limit, exact values, {@code significance} off)
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
        boolean missingAllowed,
        ChangeEvidence evidence) {

    /** A check of plain numbers. */
    public Check(
            MetricKey key,
            MetricValue baseline,
            MetricValue current,
            Double delta,
            Double changePct,
            String rule,
            Status status,
            String message,
            boolean missingAllowed) {
        this(key, baseline, current, delta, changePct, rule, status, message, missingAllowed, null);
    }

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

    /** This check judged again by a later layer: another status and message; its numbers, rule and evidence stay. */
    public Check rejudged(Status newStatus, String newMessage) {
        return new Check(
                key, baseline, current, delta, changePct, rule, newStatus, newMessage, missingAllowed, evidence);
    }

    /** This check judged again with its evidence re-read too (a breach a later layer left open). */
    public Check rejudged(Status newStatus, String newMessage, ChangeEvidence newEvidence) {
        return new Check(
                key, baseline, current, delta, changePct, rule, newStatus, newMessage, missingAllowed, newEvidence);
    }

    /** The message with {@code clause} as its last part: {@code "<message without its full stop>; <clause>."} */
    public String messageWith(String clause) {
        String sentence = message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
        return sentence + "; " + clause + ".";
    }

    /** True when the value breaks the fail level but sampling error leaves it open (a WARN that more requests settle). */
    public boolean inconclusive() {
        return evidence != null && !evidence.conclusive();
    }

    /** True when this check alone makes the build verdict FAIL: a FAIL, or a MISSING the rule does not allow. */
    public boolean failsBuild() {
        return status == Status.FAIL || (status == Status.MISSING && !missingAllowed);
    }
}
