package dev.locustmaven.report.site;

import dev.locustmaven.model.Baseline;
import java.time.Duration;
import java.util.List;

/**
 * Everything the performance page shows, read from the files of a {@link PerformanceReportRequest}.
 *
 * @param latestRun null when neither a verdict nor a recorded run exists
 * @param baseline null when there is no readable baseline file
 * @param historyRuns how many valid runs the history holds
 * @param services in name order
 * @param comparison the latest comparison with a base measured in the same build; null when there is none
 * @param notes problems with the input files, in words (a corrupt history line, an unreadable verdict); the page shows
 *     them instead of failing
 */
public record PerformanceReportData(
        PerformanceReportRequest request,
        LatestRun latestRun,
        Baseline baseline,
        int historyRuns,
        List<ServiceReport> services,
        LatestComparison comparison,
        List<String> notes) {

    public PerformanceReportData {
        services = List.copyOf(services);
        notes = List.copyOf(notes);
    }

    /** Whole days since the baseline took effect; null when it does not say when. */
    public Long baselineAgeDays() {
        if (baseline == null || baseline.effectiveFrom() == null) {
            return null;
        }
        return Duration.between(baseline.effectiveFrom(), request.now()).toDays();
    }

    public boolean baselineStale() {
        return baseline != null && baseline.isStale(request.now());
    }
}
