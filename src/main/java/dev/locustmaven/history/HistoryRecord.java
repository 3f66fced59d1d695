package dev.locustmaven.history;

import dev.locustmaven.machine.Calibration;
import dev.locustmaven.model.Baseline;
import dev.locustmaven.model.MetricKey;
import dev.locustmaven.model.MetricValue;
import dev.locustmaven.model.Sample;
import dev.locustmaven.model.Status;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;

/**
 * One run of the build in the history file: when and where it ran, each service's fingerprint, every metric, and the
 * verdict.
 *
 * @param schema the line format version ({@link #SCHEMA})
 * @param runId unique per record; the statistical gate lines up the series of one build by it
 * @param gitCommit may be null
 * @param gitBranch may be null
 * @param buildUrl the CI build's page, may be null
 * @param segment the accepted state the run was measured against (see {@link #segmentOf}): promoting a baseline starts
 *     a new segment, and the statistical gate compares only runs of the current segment
 * @param verdict PASS, WARN or FAIL
 * @param runs how many Locust runs the values come from (1, or more when a breach was confirmed: the values are then
 *     the medians of the runs)
 * @param fingerprints per service
 * @param metrics every metric of every service and endpoint, in key order; only numbers and booleans
 * @param samples what the values with a sampling error were computed from (response times, requests and failures),
 *     so that a baseline promoted from several runs pools them; empty in records written before they were kept
 * @param calibration how fast the machine was in this build; null in records written before it was measured, or
 *     with {@code locust.machineCalibration=off}
 */
public record HistoryRecord(
        int schema,
        Instant time,
        String runId,
        String gitCommit,
        String gitBranch,
        String buildUrl,
        String segment,
        Status verdict,
        int runs,
        Map<String, Fingerprint> fingerprints,
        Map<MetricKey, MetricValue> metrics,
        Map<MetricKey, Sample> samples,
        Calibration calibration) {

    /** The line format this version writes and reads. */
    public static final int SCHEMA = 1;

    private static final DateTimeFormatter RUN_ID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    public HistoryRecord {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(verdict, "verdict");
        if (verdict != Status.PASS && verdict != Status.WARN && verdict != Status.FAIL) {
            throw new IllegalArgumentException("a run's verdict is PASS, WARN or FAIL, not " + verdict);
        }
        if (runs < 1) {
            throw new IllegalArgumentException("a record comes from at least one run, not " + runs);
        }
        fingerprints = Collections.unmodifiableMap(new TreeMap<>(fingerprints));
        metrics = Collections.unmodifiableMap(inKeyOrder(metrics));
        samples = Collections.unmodifiableMap(new TreeMap<>(samples));
    }

    /** A record without samples or a calibration. */
    public HistoryRecord(
            int schema,
            Instant time,
            String runId,
            String gitCommit,
            String gitBranch,
            String buildUrl,
            String segment,
            Status verdict,
            int runs,
            Map<String, Fingerprint> fingerprints,
            Map<MetricKey, MetricValue> metrics) {
        this(
                schema,
                time,
                runId,
                gitCommit,
                gitBranch,
                buildUrl,
                segment,
                verdict,
                runs,
                fingerprints,
                metrics,
                Map.of(),
                null);
    }

    /** The same record with this build's calibration; {@code null} for none. */
    public HistoryRecord withCalibration(Calibration newCalibration) {
        return new HistoryRecord(
                schema,
                time,
                runId,
                gitCommit,
                gitBranch,
                buildUrl,
                segment,
                verdict,
                runs,
                fingerprints,
                metrics,
                samples,
                newCalibration);
    }

    /**
     * A copy that iterates in key order. A history is read on every build and its lines are written in key order, so
     * an input already in order is copied as it is (n − 1 comparisons) instead of being sorted.
     */
    private static <K extends Comparable<K>, V> Map<K, V> inKeyOrder(Map<K, V> map) {
        K previous = null;
        boolean ordered = true;
        for (K key : map.keySet()) {
            if (previous != null && previous.compareTo(key) >= 0) {
                ordered = false;
                break;
            }
            previous = key;
        }
        Map<K, V> copy = new LinkedHashMap<>(Math.max(16, map.size() * 2));
        copy.putAll(ordered ? map : new TreeMap<>(map));
        return copy;
    }

    /** A record of the current schema. */
    public static HistoryRecord of(
            Instant time,
            String runId,
            BuildEnvironment build,
            String segment,
            Status verdict,
            int runs,
            Map<String, Fingerprint> fingerprints,
            Map<MetricKey, MetricValue> metrics,
            Map<MetricKey, Sample> samples) {
        return new HistoryRecord(
                SCHEMA,
                time,
                runId,
                build.gitCommit(),
                build.gitBranch(),
                build.buildUrl(),
                segment,
                verdict,
                runs,
                fingerprints,
                metrics,
                samples,
                null);
    }

    /**
     * A run id: the CI run id when there is one (or {@code local}), and the time to the second, e.g.
     * {@code 123456789-1-20260101T120000Z}; with {@code -2}, {@code -3}, … appended when {@code taken} already has it
     * (two checks within one second), so that every record of a history keeps a unique id.
     */
    public static String newRunId(BuildEnvironment build, Instant time, Set<String> taken) {
        String prefix = build.ciRunId() != null ? build.ciRunId() : "local";
        String id = prefix + "-" + RUN_ID_TIME.format(time);
        String unique = id;
        for (int n = 2; taken.contains(unique); n++) {
            unique = id + "-" + n;
        }
        return unique;
    }

    /**
     * The segment of runs measured against {@code baseline}: its version and effective date, so that every promotion
     * starts a new segment; {@code no-baseline} without one.
     */
    public static String segmentOf(Baseline baseline) {
        if (baseline == null) {
            return "no-baseline";
        }
        return "baseline " + baseline.version() + " " + baseline.effectiveFrom();
    }

    /** The metric's value as a number (a flag is 1 or 0), if the record has it. */
    public OptionalDouble value(MetricKey key) {
        MetricValue value = metrics.get(key);
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value.asDouble());
    }

    public Optional<Fingerprint> fingerprint(String service) {
        return Optional.ofNullable(fingerprints.get(service));
    }
}
