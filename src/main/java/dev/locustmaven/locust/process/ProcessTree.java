package dev.locustmaven.locust.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/**
 * Stops a process and every process it started. Descendants are collected before and while the root is signalled,
 * because once the root is gone its children are re-parented and can no longer be found through it.
 */
public final class ProcessTree {

    /** How long the descendants get after SIGTERM before SIGKILL. */
    private static final Duration DESCENDANT_GRACE = Duration.ofSeconds(3);

    private ProcessTree() {}

    /**
     * Sends SIGTERM to {@code root} and waits up to {@code grace} for it to end (Locust prints its summary and the
     * helper writes the final statistics on SIGTERM); then SIGTERM to every descendant still alive, and after a few
     * seconds SIGKILL to whatever is left. Waits even when the thread is interrupted, and keeps the interrupt flag.
     *
     * @param known descendants seen earlier (a root that already exited no longer lists its children)
     * @return the processes still alive after all of that: empty unless the OS refused to kill one
     */
    public static List<ProcessHandle> stop(ProcessHandle root, Duration grace, Collection<ProcessHandle> known) {
        boolean interrupted = Thread.interrupted();
        try {
            Set<ProcessHandle> all = new LinkedHashSet<>(known);
            all.addAll(descendants(root));
            if (root.isAlive()) {
                root.destroy();
                interrupted |= awaitExit(List.of(root), grace, all, root);
            }
            List<ProcessHandle> rest = alive(all);
            rest.forEach(ProcessHandle::destroy);
            interrupted |= awaitExit(rest, DESCENDANT_GRACE, all, null);
            List<ProcessHandle> survivors = new ArrayList<>(alive(all));
            if (root.isAlive()) {
                survivors.add(0, root);
            }
            survivors.forEach(ProcessHandle::destroyForcibly);
            interrupted |= awaitExit(survivors, DESCENDANT_GRACE, all, null);
            return alive(survivors);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public static List<ProcessHandle> stop(ProcessHandle root, Duration grace) {
        return stop(root, grace, Set.of());
    }

    /** The descendants of a running process, recursively; empty once it has exited. */
    public static Set<ProcessHandle> descendants(ProcessHandle root) {
        Set<ProcessHandle> set = new LinkedHashSet<>();
        root.descendants().forEach(set::add);
        return set;
    }

    /**
     * Waits until all {@code handles} ended or the time is up, collecting new descendants of {@code watch}. An
     * interrupt does not cut the wait short (the processes must still be stopped properly); it is returned.
     */
    private static boolean awaitExit(
            List<ProcessHandle> handles, Duration timeout, Set<ProcessHandle> collect, ProcessHandle watch) {
        boolean interrupted = false;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (handles.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            if (watch != null && watch.isAlive()) {
                collect.addAll(descendants(watch));
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            interrupted |= Thread.interrupted();
        }
        return interrupted;
    }

    private static List<ProcessHandle> alive(Collection<ProcessHandle> handles) {
        return handles.stream().filter(ProcessHandle::isAlive).toList();
    }
}
