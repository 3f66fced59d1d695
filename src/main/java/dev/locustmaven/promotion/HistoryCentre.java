package dev.locustmaven.promotion;

import dev.locustmaven.failure.ConfigurationException;
import dev.locustmaven.history.Fingerprint;
import dev.locustmaven.history.HistoryRecord;
import dev.locustmaven.model.Measurement;
import dev.locustmaven.model.Measurements;
import dev.locustmaven.model.MetricKey;
import dev.locustmaven.model.MetricValue;
import dev.locustmaven.model.Sample;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The robust centre of the last runs of the history, for {@code locust:baseline -Dlocust.baselineRuns=N}: per service,
 * the newest N records whose fingerprint is comparable with the service's newest record, and per metric the median of
 * their values. A flag takes the value most of the runs had (the newest run's on a tie). One run measured on a noisy
 * neighbour then no longer becomes everybody's baseline.
 *
 * @param measurements the medians; their sample size is 0, as no single run's requests stand behind them
 * @param users per service, from the newest run's fingerprint
 * @param locustVersions the Locust versions of the newest runs
 * @param runIds per service, the run ids of the runs the medians come from
 */
record HistoryCentre(
        Measurements measurements,
        Map<String, Integer> users,
        Set<String> locustVersions,
        Map<String, Set<String>> runIds) {

    static HistoryCentre ofLast(List<HistoryRecord> records, int runs, Path file) {
        Map<String, HistoryRecord> newest = new TreeMap<>();
        for (HistoryRecord record : records) {
            record.fingerprints().keySet().forEach(service -> newest.put(service, record));
        }
        if (newest.isEmpty()) {
            throw new ConfigurationException(
                    "locust.baselineRuns=" + runs + " promotes the last runs of the history, but " + file
                            + " has no valid record; run mvn verify (locust:check records every run) first");
        }
        List<Measurement> medians = new ArrayList<>();
        Map<String, Integer> users = new TreeMap<>();
        Set<String> versions = new LinkedHashSet<>();
        Map<String, Set<String>> runIds = new TreeMap<>();
        for (Map.Entry<String, HistoryRecord> entry : newest.entrySet()) {
            String service = entry.getKey();
            Fingerprint reference = entry.getValue().fingerprint(service).orElseThrow();
            List<HistoryRecord> comparable = records.stream()
                    .filter(r -> r.fingerprint(service)
                            .map(f -> f.comparableTo(reference))
                            .orElse(false))
                    .toList();
            if (comparable.size() < runs) {
                throw new ConfigurationException("locust.baselineRuns=" + runs + ", but " + file + " has only "
                        + comparable.size() + " run" + (comparable.size() == 1 ? "" : "s") + " of " + service
                        + " comparable with its newest run (same load, Locust version, machine and environment)");
            }
            List<HistoryRecord> last = comparable.subList(comparable.size() - runs, comparable.size());
            medians.addAll(medians(service, last));
            runIds.put(service, last.stream().map(HistoryRecord::runId).collect(Collectors.toUnmodifiableSet()));
            if (reference.users() != null) {
                users.put(service, reference.users());
            }
            if (reference.locustVersion() != null) {
                versions.add(reference.locustVersion());
            }
        }
        return new HistoryCentre(Measurements.of(medians), users, versions, runIds);
    }

    /** Per metric of the service: the median of the runs that have it, oldest first in {@code last}. */
    private static List<Measurement> medians(String service, List<HistoryRecord> last) {
        Map<MetricKey, List<MetricValue>> values = new TreeMap<>();
        Map<MetricKey, Sample> pooled = new TreeMap<>();
        for (HistoryRecord record : last) {
            record.metrics().forEach((key, value) -> {
                if (key.service().equals(service)) {
                    values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
                    Sample sample = record.samples().get(key);
                    if (sample != null) {
                        pooled.merge(key, sample, Sample::pooled);
                    }
                }
            });
        }
        List<Measurement> result = new ArrayList<>();
        values.forEach((key, list) -> {
            // the median's error is told by all the runs' requests together; a run without a sample leaves it exact
            Sample sample = list.size() == countOf(last, key, pooled) ? pooled.get(key) : null;
            result.add(new Measurement(key, Medians.of(list), sample == null ? new Sample.Exact(0) : sample));
        });
        return result;
    }

    /** How many of the runs kept a sample of the metric. */
    private static long countOf(List<HistoryRecord> runs, MetricKey key, Map<MetricKey, Sample> pooled) {
        return pooled.containsKey(key)
                ? runs.stream().filter(r -> r.samples().containsKey(key)).count()
                : -1;
    }
}
