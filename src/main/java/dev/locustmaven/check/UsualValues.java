package dev.locustmaven.check;

import dev.locustmaven.history.HistoryRecord;
import dev.locustmaven.model.MetricKey;
import dev.locustmaven.model.Sample;
import dev.locustmaven.statistical.RobustStatistics;
import dev.locustmaven.thresholds.UsualValue;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What a metric usually is over a run's comparable history, as the statistical gate's window sees it. */
public final class UsualValues {

    private UsualValues() {}

    /**
     * The median of the last {@code window} of {@code comparable} runs that have the metric, their range and their
     * samples pooled; empty when fewer than {@code minRuns} have it, or any of them lacks a sample of it (records
     * written before samples were kept).
     *
     * @param comparable the runs the current one may be compared with, oldest first
     */
    public static Optional<UsualValue> of(List<HistoryRecord> comparable, MetricKey key, int window, int minRuns) {
        List<HistoryRecord> having =
                comparable.stream().filter(r -> r.value(key).isPresent()).toList();
        List<HistoryRecord> last = having.subList(Math.max(0, having.size() - window), having.size());
        if (last.size() < minRuns || last.stream().anyMatch(r -> r.samples().get(key) == null)) {
            return Optional.empty();
        }
        double[] values =
                last.stream().mapToDouble(r -> r.value(key).getAsDouble()).toArray();
        Sample pooled = last.stream()
                .map(r -> r.samples().get(key))
                .reduce(Sample::pooled)
                .orElseThrow();
        return Optional.of(new UsualValue(
                last.size(),
                RobustStatistics.median(values),
                Arrays.stream(values).min().orElseThrow(),
                Arrays.stream(values).max().orElseThrow(),
                pooled));
    }
}
