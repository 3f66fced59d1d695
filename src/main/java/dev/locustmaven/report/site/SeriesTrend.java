package dev.locustmaven.report.site;

import dev.locustmaven.model.MetricKey;
import dev.locustmaven.statistical.Trend;
import java.util.List;

/**
 * The history of one key metric of one service.
 *
 * @param points every recorded run that has the metric, oldest first
 * @param baseline the baseline's value, null without one
 * @param warningLevel the value at which the latest check's rule warns, null when it has none or needs a baseline
 * @param failLevel the value at which the latest check's rule fails, likewise
 * @param changes the shifts found over the whole history, oldest first
 * @param trend slope, direction and volatility over the latest runs; null with fewer than {@link #MIN_TREND_RUNS}
 */
public record SeriesTrend(
        MetricKey key,
        List<RunPoint> points,
        Double baseline,
        Double warningLevel,
        Double failLevel,
        List<DetectedChange> changes,
        Trend trend) {

    /** Fewer runs make no trend worth showing. */
    public static final int MIN_TREND_RUNS = 3;

    public SeriesTrend {
        points = List.copyOf(points);
        changes = List.copyOf(changes);
    }
}
