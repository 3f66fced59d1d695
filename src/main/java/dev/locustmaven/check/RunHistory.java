package dev.locustmaven.check;

import dev.locustmaven.history.ComparableRuns;
import dev.locustmaven.history.Fingerprint;
import dev.locustmaven.history.HistoryRecord;
import dev.locustmaven.model.LocustRun;
import dev.locustmaven.model.Measurement;
import dev.locustmaven.model.Measurements;
import dev.locustmaven.model.MetricFormat;
import dev.locustmaven.model.MetricKey;
import dev.locustmaven.model.MetricValue;
import dev.locustmaven.model.RunInfo;
import dev.locustmaven.model.Sample;
import dev.locustmaven.model.ServiceResult;
import dev.locustmaven.statistical.MetricDirection;
import dev.locustmaven.statistical.SeriesPoint;
import dev.locustmaven.statistical.Trend;
import dev.locustmaven.statistical.TrendAnalysis;
import dev.locustmaven.statistical.TrendDirection;
import dev.locustmaven.thresholds.UsualValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/** Turns a checked run into a history record's parts, and the history into series the statistics work on. */
final class RunHistory {

    private RunHistory() {}

    /**
     * Each service's fingerprint from what its results say: the user count and the Locust version, and everything the
     * {@code run} goal's manifest records (spawn rate, configured run time, warm-up, user classes, tags, Python, the
     * locustfile's hash, host). Without a manifest those stay unknown (and match anything); the measured duration is
     * not used, because it differs a little in every run and would make no two runs comparable.
     */
    static Map<String, Fingerprint> fingerprints(LocustRun run, String environment) {
        Map<String, Fingerprint> fingerprints = new TreeMap<>();
        for (ServiceResult service : run.services()) {
            RunInfo info = service.info();
            fingerprints.put(
                    service.service(),
                    Fingerprint.onThisMachine(info.users(), null, null, null, info.locustVersion(), environment)
                            .with(info.manifest()));
        }
        return fingerprints;
    }

    static Map<MetricKey, MetricValue> metrics(Measurements measurements) {
        Map<MetricKey, MetricValue> metrics = new TreeMap<>();
        measurements.all().forEach(m -> metrics.put(m.key(), m.value()));
        return metrics;
    }

    /** The samples of the values that have a sampling error. */
    static Map<MetricKey, Sample> samples(Measurements measurements) {
        Map<MetricKey, Sample> samples = new TreeMap<>();
        measurements.all().stream()
                .filter(m -> !(m.sample() instanceof Sample.Exact))
                .forEach(m -> samples.put(m.key(), m.sample()));
        return samples;
    }

    /**
     * For every numeric metric of the current run, its values in the comparable earlier runs (same segment, comparable
     * fingerprint of the service), oldest first. Flags are left out: they have no trend worth a statistic.
     */
    static Map<MetricKey, List<SeriesPoint>> comparableSeries(
            List<HistoryRecord> records, Measurements current, Map<String, Fingerprint> fingerprints, String segment) {
        Map<String, List<HistoryRecord>> byService = new TreeMap<>();
        Map<MetricKey, List<SeriesPoint>> series = new TreeMap<>();
        for (Measurement measurement : current.all()) {
            if (!(measurement.value() instanceof MetricValue.Numeric)) {
                continue;
            }
            String service = measurement.key().service();
            List<HistoryRecord> comparable = byService.computeIfAbsent(
                    service, s -> ComparableRuns.of(records, s, fingerprints.get(s), segment));
            List<SeriesPoint> points = new ArrayList<>();
            for (HistoryRecord record : comparable) {
                OptionalDouble value = record.value(measurement.key());
                if (value.isPresent()) {
                    points.add(new SeriesPoint(record.runId(), record.time(), record.gitCommit(), value.getAsDouble()));
                }
            }
            series.put(measurement.key(), points);
        }
        return series;
    }

    /**
     * What the metric usually is by its comparable history (same segment, comparable fingerprint of the service), over
     * the last {@code window} runs ({@link UsualValues}).
     */
    static Optional<UsualValue> usualValue(
            List<HistoryRecord> records,
            MetricKey key,
            Fingerprint fingerprint,
            String segment,
            int window,
            int minRuns) {
        return UsualValues.of(ComparableRuns.of(records, key.service(), fingerprint, segment), key, window, minRuns);
    }

    /**
     * One concise line per series whose trend over the comparable runs and this one is degrading (Mann-Kendall
     * significant and a real movement, see {@link TrendAnalysis}); series with fewer than three runs have no trend.
     */
    static List<String> degradingTrends(
            Map<MetricKey, List<SeriesPoint>> history, Measurements current, Instant now, String commit) {
        TrendAnalysis analysis = TrendAnalysis.defaults();
        List<String> lines = new ArrayList<>();
        history.forEach((key, points) -> {
            if (current.get(key).isEmpty()) {
                return;
            }
            double value = current.get(key).orElseThrow().value().asDouble();
            List<SeriesPoint> all = new ArrayList<>(points);
            // no run id yet: it is chosen when the run is recorded, under the history's lock
            all.add(new SeriesPoint(null, now, commit, value));
            if (all.size() < 3) {
                return;
            }
            Trend trend = analysis.analyse(all, MetricDirection.of(key.metric()));
            if (trend.direction() == TrendDirection.DEGRADING) {
                lines.add(describe(key, trend));
            }
        });
        return lines;
    }

    private static String describe(MetricKey key, Trend trend) {
        return String.format(
                Locale.ROOT,
                "Trend %s: degrading by %s per run over the last %d comparable runs (Mann-Kendall p %.3g);"
                        + " now %s, median %s, range %s to %s, volatility %.1f%%",
                key,
                MetricFormat.signedPercent(100 * trend.relativeSlopePerRun()),
                trend.runs(),
                trend.mannKendallP(),
                MetricFormat.number(trend.current()),
                MetricFormat.number(trend.median()),
                MetricFormat.number(trend.min()),
                MetricFormat.number(trend.max()),
                100 * trend.coefficientOfVariation());
    }
}
