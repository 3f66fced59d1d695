package dev.locustmaven.compare;

import dev.locustmaven.model.MetricKey;
import dev.locustmaven.model.MetricValue;
import dev.locustmaven.model.Status;

/**
 * One metric of the change judged against one threshold rule, relative to the base measured in the same build.
 *
 * @param measure how the change is told: a ratio (latencies, throughput) or a difference (rates)
 * @param base the base's value over its runs ({@link PairedStatistics#centre}); {@code null} when the base lacks the
 *     metric
 * @param change the change's value over its runs; {@code null} when the change lacks the metric
 * @param paired the change and its bounds; {@code null} for a flag, or when a side lacks the metric
 * @param pairs the pairs where both runs have the metric
 * @param baseRequests the requests behind the base's values, over all its runs
 * @param changeRequests the same for the change
 * @param rule the rule in readable form, e.g. {@code warning +10% / fail +20%}
 * @param message a sentence saying what was compared and why the status is what it is
 * @param missingAllowed true when the status is MISSING and the rule accepts that ({@code allowMissing})
 * @param inconclusive true when the value reaches a level but the interval does not lie beyond it
 */
public record PairedCheck(
        MetricKey key,
        Measure measure,
        MetricValue base,
        MetricValue change,
        PairedChange paired,
        int pairs,
        long baseRequests,
        long changeRequests,
        String rule,
        Status status,
        String message,
        boolean missingAllowed,
        boolean inconclusive) {

    /** True when this check alone fails the build: a FAIL, or a MISSING the rule does not allow. */
    public boolean failsBuild() {
        return status == Status.FAIL || (status == Status.MISSING && !missingAllowed);
    }
}
