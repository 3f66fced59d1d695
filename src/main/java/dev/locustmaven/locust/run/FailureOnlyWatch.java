package dev.locustmaven.locust.run;

import java.time.Duration;

/**
 * Tells when a running test has had nothing but failures for long enough to stop it: every request so far failed
 * (a host that is down, a wrong port, a service that refuses every call) and the first failure lies at least the
 * limit back. One request that succeeds ends the watch for good: a service that fails later in the run is measured,
 * and its error rate is judged by {@code check}. The clock starts at the first failure, not at the test's start, so
 * that requests which take long to time out still get the whole limit.
 *
 * <p>It reads the counts of the status file the helper rewrites every second, so it decides to within about a second
 * (a few seconds in distributed runs, whose workers report every three).
 */
final class FailureOnlyWatch {

    private final Duration limit;
    private Long firstFailure;
    private boolean succeeded;

    /** @param limit zero or less never stops a run */
    FailureOnlyWatch(Duration limit) {
        this.limit = limit;
    }

    /**
     * Feeds one reading of the counts taken at {@code nanos} ({@link System#nanoTime()}) and says whether the run has
     * had nothing but failures for the limit.
     */
    boolean onlyFailures(long requests, long failures, long nanos) {
        if (limit.isZero() || limit.isNegative() || succeeded) {
            return false;
        }
        if (failures < requests) {
            succeeded = true;
            return false;
        }
        if (failures == 0) {
            return false;
        }
        if (firstFailure == null) {
            firstFailure = nanos;
        }
        return nanos - firstFailure >= limit.toNanos();
    }
}
