package dev.locustmaven.baseline;

import dev.locustmaven.model.MetricFormat;
import dev.locustmaven.model.MetricKey;
import dev.locustmaven.model.MetricValue;

/**
 * What a promotion did to one metric. Nothing is ever removed: a metric this run did not measure is {@link
 * Kind#KEPT}.
 *
 * @param before the old baseline value, {@code null} when there was none
 * @param after the new baseline value (for {@link Kind#KEPT} and {@link Kind#SKIPPED} the same as {@code before})
 */
public record BaselineChange(MetricKey key, Kind kind, MetricValue before, MetricValue after) {

    public enum Kind {
        /** Measured now, not in the old baseline. */
        ADDED,
        /** Measured now with a different value. */
        CHANGED,
        /** Measured now with the same value. */
        UNCHANGED,
        /** In the old baseline, not measured now; left as it was. */
        KEPT,
        /** Measured now, but not a finite number; the old value, if any, is left as it was. */
        SKIPPED
    }

    /** The relative change in percent, or {@code null} when it has none (not two numbers, or a zero before). */
    public Double changePct() {
        if (kind != Kind.CHANGED
                || !(before instanceof MetricValue.Numeric old)
                || !(after instanceof MetricValue.Numeric now)
                || old.value() == 0) {
            return null;
        }
        return 100 * (now.value() - old.value()) / Math.abs(old.value());
    }

    /** One line for the console, e.g. {@code changed api_gateway/p95_latency_ms: 650 ms -> 700 ms (+7.7%)}. */
    public String describe() {
        String metric = key.metric();
        String key = this.key.displayName();
        return switch (kind) {
            case ADDED -> "added     " + key + ": " + MetricFormat.withUnit(metric, after);
            case CHANGED ->
                "changed   " + key + ": " + MetricFormat.withUnit(metric, before) + " -> "
                        + MetricFormat.withUnit(metric, after) + change();
            case UNCHANGED -> "unchanged " + key + ": " + MetricFormat.withUnit(metric, after);
            case KEPT ->
                "kept      " + key + ": " + MetricFormat.withUnit(metric, before) + " (not measured in this run)";
            case SKIPPED ->
                "skipped   " + key + ": the run measured no number"
                        + (before == null ? "" : ", kept " + MetricFormat.withUnit(metric, before));
        };
    }

    private String change() {
        Double pct = changePct();
        if (pct != null) {
            return " (" + MetricFormat.signedPercent(pct) + ")";
        }
        if (before instanceof MetricValue.Numeric old && after instanceof MetricValue.Numeric now) {
            return " (" + MetricFormat.signedWithUnit(key.metric(), now.value() - old.value()) + ")";
        }
        return "";
    }
}
