package dev.locustmaven.notify;

import java.time.Duration;

/**
 * How often and how long a GitHub call is retried.
 *
 * @param maxAttempts attempts in all, the first included
 * @param initialBackoff the wait after the first failed attempt; it doubles with each further attempt
 * @param maxBackoff the longest computed wait
 * @param maxTotalWait the most a build waits over all retries of one call; a longer wait GitHub asks for (a
 *     {@code Retry-After} or a rate-limit reset further away) ends the call instead
 * @param secondaryRateLimitWait the wait after a secondary rate limit that names no time (GitHub asks for at least one
 *     minute)
 */
public record RetryPolicy(
        int maxAttempts,
        Duration initialBackoff,
        Duration maxBackoff,
        Duration maxTotalWait,
        Duration secondaryRateLimitWait) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    public static RetryPolicy defaults() {
        return new RetryPolicy(
                4, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(3), Duration.ofSeconds(60));
    }

    /** The wait before attempt {@code attempt + 1} after {@code attempt} failed attempts. */
    Duration backoff(int attempt) {
        Duration wait = initialBackoff.multipliedBy(1L << Math.min(attempt - 1, 20));
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
