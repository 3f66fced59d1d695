package dev.locustmaven.locust;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Writes one progress line per interval while Locust runs: elapsed of total, users, requests per second, failure
 * percent and p95, from the status file the helper rewrites every second.
 */
public final class ProgressReporter {

    private final String service;
    private final Duration total;
    private final Duration interval;
    private final Path statusFile;
    private final RunLog log;
    private Duration next;

    public ProgressReporter(String service, Duration total, Duration interval, Path statusFile, RunLog log) {
        this.service = service;
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

    String line(Duration elapsed) {
        String clock = service + ": " + LocustDuration.clock(elapsed) + " of " + LocustDuration.clock(total);
        return LiveStatus.read(statusFile).map(s -> clock + ", " + describe(s)).orElse(clock + ", Locust is starting");
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
