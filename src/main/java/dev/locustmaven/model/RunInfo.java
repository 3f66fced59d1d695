package dev.locustmaven.model;

import java.time.Instant;

/**
 * What is known about how a service's Locust run was made, used to tell whether two runs are comparable. Every field
 * may be {@code null} when the source did not say.
 *
 * @param users the peak user count
 * @param durationSeconds the measured span of the run
 * @param earlyStop why the {@code run} goal stopped the run before its run time, e.g. after nothing but failures;
 *     only its own final statistics say so
 * @param manifest what the {@code run} goal ran ({@code run-manifest.json}), {@code null} for results without one
 */
public record RunInfo(
        String locustVersion,
        Integer users,
        Double durationSeconds,
        Instant startTime,
        String earlyStop,
        RunManifest manifest) {

    public RunInfo(String locustVersion, Integer users, Double durationSeconds, Instant startTime, String earlyStop) {
        this(locustVersion, users, durationSeconds, startTime, earlyStop, null);
    }

    /** These facts with the run's manifest. */
    public RunInfo withManifest(RunManifest runManifest) {
        return new RunInfo(locustVersion, users, durationSeconds, startTime, earlyStop, runManifest);
    }

    /** Facts read from Locust's own files, which know of no early stop. */
    public RunInfo(String locustVersion, Integer users, Double durationSeconds, Instant startTime) {
        this(locustVersion, users, durationSeconds, startTime, null);
    }

    public static RunInfo unknown() {
        return new RunInfo(null, null, null, null);
    }
}
