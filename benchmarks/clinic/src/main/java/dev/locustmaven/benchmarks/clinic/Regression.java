package dev.locustmaven.benchmarks.clinic;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A regression switched on from the command line: {@code --clinic.slowdown=2 --clinic.endpoint=owners} makes the work of
 * one endpoint's controller take twice its CPU time, as code that became twice as slow would (on a busy machine the
 * extra work waits for the CPU like the rest). The default ({@code 1.0}, {@code none}) changes nothing.
 */
@Component
class Regression {

    static final Set<String> ENDPOINTS = Set.of("owners", "owner", "vets", "visit", "none");

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final double slowdown;
    private final String endpoint;

    Regression(@Value("${clinic.slowdown:1.0}") double slowdown, @Value("${clinic.endpoint:none}") String endpoint) {
        if (!ENDPOINTS.contains(endpoint)) {
            throw new IllegalArgumentException("clinic.endpoint must be one of " + ENDPOINTS + ", not " + endpoint);
        }
        if (!(slowdown >= 1)) {
            throw new IllegalArgumentException("clinic.slowdown must be 1.0 or more, not " + slowdown);
        }
        this.slowdown = slowdown;
        this.endpoint = endpoint;
    }

    /** Runs one endpoint's work, then, if it is the slowed-down one, as much CPU work again times the slowdown less 1. */
    <T> T around(String name, Supplier<T> work) {
        if (!name.equals(endpoint) || slowdown == 1) {
            return work.get();
        }
        long start = THREADS.getCurrentThreadCpuTime();
        T result = work.get();
        long extra = (long) ((THREADS.getCurrentThreadCpuTime() - start) * (slowdown - 1));
        burn(extra);
        return result;
    }

    private static void burn(long cpuNanos) {
        long until = THREADS.getCurrentThreadCpuTime() + cpuNanos;
        double sink = 0;
        while (THREADS.getCurrentThreadCpuTime() < until) {
            for (int i = 1; i < 2_000; i++) {
                sink += Math.sqrt(i);
            }
        }
        if (sink < 0) {
            throw new AssertionError();
        }
    }
}
