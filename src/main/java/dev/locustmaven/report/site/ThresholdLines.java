package dev.locustmaven.report.site;

import dev.locustmaven.model.Check;
import dev.locustmaven.model.MetricValue;
import dev.locustmaven.thresholds.RuleText;
import dev.locustmaven.thresholds.ThresholdLevel;

/**
 * Where a check's rule puts its warning and fail levels on a chart's value axis. The levels come from the rule text
 * the latest {@code verdict.json} recorded ({@code warning +20% / fail +50%, minAbsolute 5}), so the chart shows
 * exactly what the check applied, without the report needing the threshold configuration.
 */
final class ThresholdLines {

    private ThresholdLines() {}

    /** The warning level's value, null when the rule has none or it cannot be placed (a change level, no baseline). */
    static Double warning(Check check) {
        return RuleText.warning(check.rule())
                .map(l -> place(l, check.baseline()))
                .orElse(null);
    }

    static Double fail(Check check) {
        return RuleText.fail(check.rule()).map(l -> place(l, check.baseline())).orElse(null);
    }

    private static Double place(ThresholdLevel level, MetricValue baseline) {
        Double base = baseline instanceof MetricValue.Numeric numeric ? numeric.value() : null;
        if (level instanceof ThresholdLevel.RelativeChange relative) {
            return base == null ? null : base * (1 + relative.percent() / 100);
        }
        if (level instanceof ThresholdLevel.AbsoluteChange absolute) {
            return base == null ? null : base + absolute.amount();
        }
        ThresholdLevel.Limit limit = (ThresholdLevel.Limit) level;
        return limit.isBoolean() ? null : limit.value().asDouble();
    }
}
