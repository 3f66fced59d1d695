package dev.locustmaven.locust.install;

import dev.locustmaven.locust.RunLog;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An exclusive lock on a file of the plugin's cache, held by one build (and one thread of it) at a time, so that two
 * builds or two modules of a parallel build never install into the same folder at once.
 */
final class CacheLock {

    /** File locks are per JVM; threads of one parallel Maven build also need to wait for each other. */
    private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    interface Action<T> {
        T run() throws IOException;
    }

    private CacheLock() {}

    /** Runs {@code action} holding the lock on {@code lockFile}, logging {@code waiting} if it has to wait for it. */
    static <T> T holding(Path lockFile, String waiting, RunLog log, Action<T> action) throws IOException {
        Files.createDirectories(lockFile.getParent());
        // the real path: two modules that reach one cache through different links must share one lock
        Path key = lockFile.getParent().toRealPath().resolve(lockFile.getFileName());
        ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(key, k -> new ReentrantLock());
        jvmLock.lock();
        try {
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = lockOrWait(channel, waiting, log)) {
                return action.run();
            }
        } finally {
            jvmLock.unlock();
        }
    }

    private static FileLock lockOrWait(FileChannel channel, String waiting, RunLog log) throws IOException {
        FileLock lock = channel.tryLock();
        if (lock == null) {
            log.info(waiting);
            lock = channel.lock();
        }
        return lock;
    }
}
