package dev.locustmaven.statistical;

import java.util.List;
import java.util.Objects;
import java.util.function.DoubleUnaryOperator;

/**
 * One series to judge: its comparable history and the current build's value(s).
 *
 * @param id names the series in the verdict, e.g. {@code api_gateway/GET /users/p95_latency_ms}
 * @param group the runner-shift group (see {@link RunnerShift#groupOf}); series of one group share the build's common
 *     shift, which the gate estimates and removes; null for none
 * @param history the comparable runs since the last accepted change (same fingerprint, same segment), oldest first,
 *     without the current build
 * @param currentRuns the current build's values: one run, or the first run plus its confirmation runs (the gate uses
 *     their median)
 * @param warnOnly true when the value may warn but never fail (e.g. a percentile of too few requests)
 * @param step the step in which the metric is reported at a value (e.g. Locust's 10 ms buckets at 190 ms), 0 when
 *     it is exact; a change of one step is not evidence of a change, since a far smaller one can cause it
 */
public record SeriesInput(
        String id,
        String group,
        MetricDirection direction,
        List<SeriesPoint> history,
        List<Double> currentRuns,
        boolean warnOnly,
        DoubleUnaryOperator step) {

    /** For values reported exactly. */
    public static final DoubleUnaryOperator EXACT = value -> 0;

    /** A series whose values are reported exactly. */
    public SeriesInput(
            String id,
            String group,
            MetricDirection direction,
            List<SeriesPoint> history,
            List<Double> currentRuns,
            boolean warnOnly) {
        this(id, group, direction, history, currentRuns, warnOnly, EXACT);
    }

    public SeriesInput {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(step, "step");
        history = List.copyOf(history);
        currentRuns = List.copyOf(currentRuns);
        if (currentRuns.isEmpty()) {
            throw new IllegalArgumentException("series " + id + " has no current value");
        }
    }

    /** The value the gate judges: the median of the current runs. */
    public double current() {
        double[] values = new double[currentRuns.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = currentRuns.get(i);
        }
        return RobustStatistics.median(values);
    }
}
