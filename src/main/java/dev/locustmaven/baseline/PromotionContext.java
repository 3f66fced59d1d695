package dev.locustmaven.baseline;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a promotion writes besides the metrics. Every field but {@code now} may be {@code null}; a {@code null} leaves
 * the existing value of the file in place.
 *
 * @param now the promotion time: {@code version} is its UTC date, {@code effective_from} the time itself
 * @param validityDays {@code valid_until} is {@code now} plus this many days; 0 or less writes no {@code valid_until}
 * @param updatedBy who promoted, e.g. {@code locust:baseline} or a user name
 * @param gitCommit written to {@code metadata.git_commit}
 * @param locustVersion written to {@code metadata.locust_version}
 * @param testEnvironment written to {@code metadata.test_environment}
 * @param runs how many runs the values come from, written to {@code metadata.runs}
 * @param baselineUsers users per service, written as the service's {@code baseline_users}
 * @param runTimeSeconds measured run time per service, written as the service's {@code run_time_s}
 */
public record PromotionContext(
        Instant now,
        int validityDays,
        String updatedBy,
        String gitCommit,
        String locustVersion,
        String testEnvironment,
        Integer runs,
        Map<String, Integer> baselineUsers,
        Map<String, Double> runTimeSeconds) {

    public PromotionContext {
        Objects.requireNonNull(now, "now");
        baselineUsers = baselineUsers == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(baselineUsers));
        runTimeSeconds = runTimeSeconds == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(runTimeSeconds));
    }

    /** A context without measured run times. */
    public PromotionContext(
            Instant now,
            int validityDays,
            String updatedBy,
            String gitCommit,
            String locustVersion,
            String testEnvironment,
            Integer runs,
            Map<String, Integer> baselineUsers) {
        this(now, validityDays, updatedBy, gitCommit, locustVersion, testEnvironment, runs, baselineUsers, null);
    }
}
