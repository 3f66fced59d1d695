package dev.locustmaven.statistical;

import dev.locustmaven.model.MetricFormat;
import java.time.Instant;
import java.util.List;

/** A testable series on the log scale, and the values the gates judge (raw, or corrected for the runner shift). */
final class PreparedSeries {

    final SeriesInput input;
    final double[] logs;
    final Instant[] times;
    final String[] buildKeys;
    final double currentLog;

    double[] tested;
    Instant[] testedTimes;
    double testedCurrent;
    RunnerShift shift;

    final double current;

    /** The reporting step around the series' level, and its size on the log scale (0 for exact values). */
    final double step;

    final double toleranceLog;

    /** Keeps only the last {@code span} runs: the most any gate looks at. */
    PreparedSeries(SeriesInput input, double current, int span) {
        this.input = input;
        this.current = current;
        List<SeriesPoint> all = input.history();
        List<SeriesPoint> history = all.subList(Math.max(0, all.size() - span), all.size());
        int n = history.size();
        logs = new double[n];
        times = new Instant[n];
        buildKeys = new String[n];
        for (int i = 0; i < n; i++) {
            SeriesPoint point = history.get(i);
            logs[i] = Math.log(point.value());
            times[i] = point.time();
            buildKeys[i] = point.buildKey();
        }
        currentLog = Math.log(current);
        double typical = n == 0 ? current : Math.exp(RobustStatistics.median(logs));
        step = input.step().applyAsDouble(Math.max(current, typical));
        toleranceLog = step > 0 ? Math.log1p(step / Math.min(current, typical)) : 0;
        tested = logs;
        testedTimes = times;
        testedCurrent = currentLog;
    }

    /** Why the gate cannot judge this series, or null when it can. */
    static String problem(SeriesInput input, double current, int span) {
        if (!Double.isFinite(current) || current <= 0) {
            return "not tested: the current value " + MetricFormat.number(current)
                    + " is not positive (the statistical gate compares logs; thresholds govern this metric)";
        }
        List<SeriesPoint> all = input.history();
        for (SeriesPoint point : all.subList(Math.max(0, all.size() - span), all.size())) {
            if (!Double.isFinite(point.value()) || point.value() <= 0) {
                return "not tested: the history holds a value of " + MetricFormat.number(point.value())
                        + ", and the statistical gate compares logs of positive values (thresholds govern this metric)";
            }
        }
        return null;
    }
}
