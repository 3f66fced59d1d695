package dev.locustmaven.report.site;

import java.util.List;

/**
 * One row of a service's trend table: a run and its value of each key metric.
 *
 * @param values in the order of the service's series; null where the run lacks the metric
 * @param previous the value of the run before, per series; null where there is none
 */
public record RecentRun(RunRef run, List<Double> values, List<Double> previous) {

    public RecentRun {
        values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
        previous = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(previous));
    }
}
