package dev.locustmaven.model;

/**
 * One metric checked against one rule.
 *
 * @param baseline {@code null} when the baseline has no value (or the rule needs none)
 * @param current {@code null} when the run lacks the metric
 * @param delta current minus baseline, {@code null} when either is missing
 * @param changePct the relative change in percent, {@code null} when the baseline is 0 or missing
 * @param rule the rule as the user wrote it, e.g. {@code p95_latency_ms warning +20% fail +50%}
 * @param message a sentence saying what was compared and why the status is what it is
 */
public record Check(
        MetricKey key,
        MetricValue baseline,
        MetricValue current,
        Double delta,
        Double changePct,
        String rule,
        Status status,
        String message) {}
