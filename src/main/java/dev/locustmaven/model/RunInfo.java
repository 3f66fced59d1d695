package dev.locustmaven.model;

import java.time.Instant;

/**
 * What is known about how a service's Locust run was made, used to tell whether two runs are comparable. Every field
 * may be {@code null} when the source did not say.
 *
 * @param users the peak user count
 * @param durationSeconds the measured span of the run
 */
public record RunInfo(String locustVersion, Integer users, Double durationSeconds, Instant startTime) {

    public static RunInfo unknown() {
        return new RunInfo(null, null, null, null);
    }
}
