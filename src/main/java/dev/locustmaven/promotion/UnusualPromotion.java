package dev.locustmaven.promotion;

import dev.locustmaven.check.UsualValues;
import dev.locustmaven.history.ComparableRuns;
import dev.locustmaven.history.HistoryRecord;
import dev.locustmaven.model.Measurement;
import dev.locustmaven.model.Measurements;
import dev.locustmaven.model.MetricValue;
import dev.locustmaven.thresholds.ThresholdRules;
import dev.locustmaven.thresholds.UnusualBaseline;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * What {@code locust:baseline} warns of as it promotes: a value beyond every one of its service's last comparable runs
 * in the history, as far from their usual value as its rule's first level: the warning {@code check} would give
 * against the new baseline from its next build on ({@link UnusualBaseline}). The runs being promoted are left out of
 * that comparison, as no run lies beyond a range that includes itself.
 */
final class UnusualPromotion {

    private UnusualPromotion() {}

    /**
     * @param history the history's records, oldest first
     * @param isPromoted whether a record of the service (first argument) is one of the runs being promoted
     * @param window how many of the last comparable runs count, as the statistical gate's window
     * @param minRuns how many comparable runs the history needs before it is compared with, as the gate's minHistory
     */
    static List<String> warnings(
            List<HistoryRecord> history,
            Measurements promoted,
            BiPredicate<String, HistoryRecord> isPromoted,
            ThresholdRules rules,
            int window,
            int minRuns) {
        Map<String, List<HistoryRecord>> others = new HashMap<>();
        return UnusualBaseline.of(
                rules,
                promoted,
                key -> UsualValues.of(
                        others.computeIfAbsent(key.service(), service -> others(history, service, isPromoted)),
                        key,
                        window,
                        minRuns));
    }

    /**
     * Whether a record holds exactly the values promoted for the service: the results directory's run, as {@code
     * check} recorded it.
     */
    static BiPredicate<String, HistoryRecord> holdsTheValuesOf(Measurements promoted) {
        return (service, record) -> {
            List<Measurement> numbers = promoted.all().stream()
                    .filter(m -> m.key().service().equals(service) && m.value() instanceof MetricValue.Numeric)
                    .toList();
            return !numbers.isEmpty()
                    && numbers.stream()
                            .allMatch(m -> record.value(m.key()).orElse(Double.NaN)
                                    == m.value().asDouble());
        };
    }

    /** The service's runs comparable with its newest recorded one, without the runs being promoted. */
    private static List<HistoryRecord> others(
            List<HistoryRecord> history, String service, BiPredicate<String, HistoryRecord> isPromoted) {
        for (int i = history.size() - 1; i >= 0; i--) {
            HistoryRecord newest = history.get(i);
            if (newest.fingerprint(service).isPresent()) {
                return ComparableRuns.of(
                                history, service, newest.fingerprint(service).get(), newest.segment())
                        .stream()
                        .filter(r -> !isPromoted.test(service, r))
                        .toList();
            }
        }
        return List.of();
    }
}
