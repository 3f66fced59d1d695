package dev.locustmaven.compare;

import dev.locustmaven.model.MetricKey;
import dev.locustmaven.model.Sample;

/**
 * How the change is told relative to the base: latencies and throughputs scale with the machine's speed, so a ratio
 * is the same on a slow and a fast runner; a rate in percent does not scale (0% stays 0%), so it is a difference in
 * percentage points.
 */
public enum Measure {
    /** change / base; 1.2 is 20% higher. */
    RATIO,
    /** change - base, in the metric's unit (percentage points for a rate). */
    DIFFERENCE;

    /** A rate (a proportion of requests, or any {@code *_pct} metric) is a difference; everything else a ratio. */
    public static Measure of(MetricKey key, Sample sample) {
        return sample instanceof Sample.Proportion || key.metric().endsWith("_pct") ? DIFFERENCE : RATIO;
    }
}
