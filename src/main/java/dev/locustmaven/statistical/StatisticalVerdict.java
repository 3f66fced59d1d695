package dev.locustmaven.statistical;

import java.util.List;

/**
 * The statistical layer's decision for a build.
 *
 * @param level the worst status of any series or group (PASS when nothing was tested)
 * @param confirmationWanted true when the verdict rests on a single run and some series or group breached the
 *     confirmation level: rerun the scenarios and evaluate again with all runs
 */
public record StatisticalVerdict(
        StatisticalStatus level, List<SeriesVerdict> series, List<GroupVerdict> groups, boolean confirmationWanted) {

    public StatisticalVerdict {
        series = List.copyOf(series);
        groups = List.copyOf(groups);
    }

    public List<SeriesVerdict> withStatus(StatisticalStatus status) {
        return series.stream().filter(s -> s.status() == status).toList();
    }
}
