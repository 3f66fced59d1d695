package dev.locustmaven.report.site;

import dev.locustmaven.history.Fingerprint;
import dev.locustmaven.history.SegmentBreak;
import dev.locustmaven.model.Check;
import java.util.List;

/**
 * What the page shows for one service.
 *
 * @param checks the latest verdict's checks of the service, empty without a verdict
 * @param fingerprint how the latest recorded run was made, null when unknown
 * @param series one per key metric that the history or the baseline has
 * @param recentRuns the latest runs, newest first, at most {@code trendRuns}
 * @param segmentBreaks where the service's fingerprint changed in the history (each starts a new comparable
 *     segment), oldest first
 */
public record ServiceReport(
        String service,
        List<Check> checks,
        Fingerprint fingerprint,
        List<SeriesTrend> series,
        List<RecentRun> recentRuns,
        List<SegmentBreak> segmentBreaks) {

    public ServiceReport {
        segmentBreaks = List.copyOf(segmentBreaks);
        checks = List.copyOf(checks);
        series = List.copyOf(series);
        recentRuns = List.copyOf(recentRuns);
    }
}
