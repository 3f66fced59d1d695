package dev.locustmaven.report.site;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One row of a service's trend table: a run and its value of each key metric.
 *
 * @param values in the order of the service's series; null where the run lacks the metric
 * @param previous the value of the run before, per series; null where there is none
 */
public record RecentRun(RunRef run, List<Double> values, List<Double> previous) {

    // List.copyOf would reject the nulls that stand for a missing value.
    public RecentRun {
        values = Collections.unmodifiableList(new ArrayList<>(values));
        previous = Collections.unmodifiableList(new ArrayList<>(previous));
    }
}
