package dev.locustmaven.locust.run;

import dev.locustmaven.locust.LocustDuration;
import dev.locustmaven.locust.RunLog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes one progress line per interval while Locust runs: elapsed of total, users, requests per second, failure
 * percent and p95, from the status file the helper rewrites every second. During a warm-up the line counts the
 * warm-up; after it, the measured run time.
 */
public final class ProgressReporter {

    private final String service;
    private final Duration warmUp;
    private final Duration total;
    private final Duration interval;
    private final Path statusFile;
    private final RunLog log;
    private Duration next;

    /**
     * @param warmUp the warm-up before the measured run time; zero for none
     * @param total the measured run time
     */
    public ProgressReporter(
            String service, Duration warmUp, Duration total, Duration interval, Path statusFile, RunLog log) {
        this.service = service;
        this.warmUp = warmUp;
        this.total = total;
        this.interval = interval;
        this.statusFile = statusFile;
        this.log = log;
        this.next = interval;
    }

    /** Starts the schedule again, for the clock that now counts from the start of the test. */
    public void restart() {
        next = interval;
    }

    /** Reports if the next interval has passed; call it often. Does nothing when the interval is zero. */
    public void tick(Duration elapsed) {
        if (interval.isZero() || interval.isNegative() || elapsed.compareTo(next) < 0) {
            return;
        }
        while (next.compareTo(elapsed) <= 0) {
            next = next.plus(interval);
        }
        log.info(line(elapsed));
    }

    /**
     * @param elapsed since Locust was launched until the test starts, then since the test started, and after a
     *     warm-up since it ended
     */
    String line(Duration elapsed) {
        Optional<LiveStatus> status = LiveStatus.read(statusFile);
        if (status.isPresent() && status.get().warmingUp()) {
            // the helper's clock may run a second ahead of the caller's, which learns of the test's start from it
            Duration clock = elapsed.compareTo(warmUp) < 0 ? elapsed : warmUp;
            return service + ": warming up, " + LocustDuration.clock(clock) + " of " + LocustDuration.clock(warmUp)
                    + ", " + describe(status.get()) + " (not measured)";
        }
        String clock = service + ": " + LocustDuration.clock(elapsed) + " of " + LocustDuration.clock(total);
        return status.map(s -> clock + ", " + describe(s)).orElse(clock + ", Locust is starting");
    }

    static String describe(LiveStatus s) {
        String workers = s.workers() > 0 ? ", " + s.workers() + " workers" : "";
        if (!s.testStarted()) {
            return "waiting for the test to start"
                    + (s.workers() > 0 ? " (" + s.workers() + " workers connected)" : "");
        }
        String p95 = s.p95Ms() == null ? "-" : format(s.p95Ms()) + " ms";
        return String.format(
                Locale.ROOT,
                "%d users%s, %.1f req/s, %.2f%% failed, p95 %s, %d requests",
                s.users(),
                workers,
                s.currentRps(),
                100 * s.failRatio(),
                p95,
                s.requests());
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
