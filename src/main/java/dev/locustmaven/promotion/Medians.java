package dev.locustmaven.promotion;

import dev.locustmaven.model.MetricValue;
import dev.locustmaven.statistical.RobustStatistics;
import java.util.List;

/** The centre of one metric over several runs: the median of numbers, the majority of flags. */
final class Medians {

    private Medians() {}

    /** A flag takes the value most runs had, the last run's on a tie; numbers their median. */
    static MetricValue of(List<MetricValue> values) {
        if (values.get(values.size() - 1) instanceof MetricValue.Flag last) {
            long trues = values.stream().filter(v -> v.asDouble() == 1).count();
            long falses = values.size() - trues;
            return trues == falses ? last : MetricValue.of(trues > falses);
        }
        return MetricValue.of(RobustStatistics.median(
                values.stream().mapToDouble(MetricValue::asDouble).toArray()));
    }
}
