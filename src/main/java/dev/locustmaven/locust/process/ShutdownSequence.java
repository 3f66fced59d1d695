package dev.locustmaven.locust.process;

import java.util.ArrayList;
import java.util.List;

/**
 * What an interrupted build (Ctrl-C, SIGTERM) stops, in order: first the load (Locust, which then writes its
 * statistics and the run reports them), then the system under test. The JVM runs its shutdown hooks all at once and
 * in no order, so separate hooks would stop the system under test while Locust still sends requests to it; this one
 * hook runs the stages one after the other.
 */
public final class ShutdownSequence {

    /** The stages, in the order they are stopped. */
    public enum Stage {
        LOAD,
        SYSTEM_UNDER_TEST
    }

    /** One registered stop action; closing it removes the action once its work ended normally. */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    private static final ShutdownSequence JVM = new ShutdownSequence();

    private final List<Entry> entries = new ArrayList<>();
    private boolean hookInstalled;
    private boolean running;

    private record Entry(Stage stage, Runnable action) {}

    /** Package-private: tests run their own sequence; the build uses {@link #jvm()}. */
    ShutdownSequence() {}

    /** The sequence that the JVM's one shutdown hook runs. */
    public static ShutdownSequence jvm() {
        return JVM;
    }

    /** Adds {@code action} to {@code stage}; the first registration installs the JVM hook of {@link #jvm()}. */
    public synchronized Registration register(Stage stage, Runnable action) {
        Entry entry = new Entry(stage, action);
        entries.add(entry);
        if (this == JVM && !hookInstalled) {
            Runtime.getRuntime().addShutdownHook(new Thread(this::run, "locust-maven-shutdown"));
            hookInstalled = true;
        }
        return () -> remove(entry);
    }

    private synchronized void remove(Entry entry) {
        if (!running) {
            entries.remove(entry);
        }
    }

    /** True once the sequence has started: the build is being interrupted. */
    public synchronized boolean isRunning() {
        return running;
    }

    /** Runs every action of the load stage, then every action of the system under test, newest first in each. */
    void run() {
        List<Entry> snapshot;
        synchronized (this) {
            running = true;
            snapshot = List.copyOf(entries);
        }
        for (Stage stage : Stage.values()) {
            for (int i = snapshot.size() - 1; i >= 0; i--) {
                Entry entry = snapshot.get(i);
                if (entry.stage() == stage) {
                    try {
                        entry.action().run();
                    } catch (RuntimeException e) {
                        // one action failing must not leave the next stage running
                    }
                }
            }
        }
    }
}
