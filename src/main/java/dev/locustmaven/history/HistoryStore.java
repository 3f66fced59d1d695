package dev.locustmaven.history;

import dev.locustmaven.io.AtomicFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The history file: one JSON line per run (see {@link HistoryFormat}), append-only.
 *
 * <ul>
 *   <li>{@link #append} writes one whole line under an exclusive lock of the file, so processes appending at once (two
 *       modules, two CI jobs on one workspace) never interleave or lose a line; {@link #appendNew} also chooses the
 *       record's run id under that lock, so they never share one;
 *   <li>{@link #read} returns the records and reports every line that is not a valid record, which stays in the file;
 *   <li>{@link #prune} writes the kept lines to a temporary file in the same folder and moves it over the history in one
 *       atomic step, so a run killed midway leaves either the old file or the new one, never a mix.
 * </ul>
 *
 * <p>Pruning replaces the file, so a process that waited for the lock may hold the old, replaced file; every locked
 * operation therefore checks, once it holds the lock, that its open file is still the one at the path, and retries
 * otherwise.
 */
public final class HistoryStore {

    private static final ConcurrentHashMap<Path, Object> LOCAL_LOCKS = new ConcurrentHashMap<>();
    private static final int ATTEMPTS = 20;

    private final Path file;

    public HistoryStore(Path file) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath().normalize();
    }

    public Path file() {
        return file;
    }

    /** Appends one record as one line; creates the file (and its folders) when missing. */
    public void append(HistoryRecord record) {
        appendAll(List.of(record));
    }

    /** Appends records as lines, in order, in one write under one lock (an import, a test fixture). */
    public void appendAll(List<HistoryRecord> records) {
        StringBuilder text = new StringBuilder();
        records.forEach(r -> text.append(HistoryFormat.write(r)).append('\n'));
        byte[] lines = text.toString().getBytes(StandardCharsets.UTF_8);
        createFolder();
        withLock(false, true, channel -> {
            writeAtEnd(channel, lines);
            return null;
        });
    }

    /**
     * Appends the record that {@code recordFor} makes for the run ids the file holds at that moment, all under one
     * exclusive lock: a run id chosen from an earlier read could be taken meanwhile by another check appending to the
     * same file (two modules of a parallel build), and two records would share it.
     *
     * @return the record as appended, and how many records the file holds with it
     */
    public AppendResult appendNew(Function<Set<String>, HistoryRecord> recordFor) {
        createFolder();
        return withLock(false, true, channel -> {
            List<HistoryRecord> records = parse(readAll(channel)).contents().records();
            Set<String> taken = new HashSet<>();
            records.forEach(r -> taken.add(r.runId()));
            HistoryRecord record = recordFor.apply(taken);
            writeAtEnd(channel, (HistoryFormat.write(record) + "\n").getBytes(StandardCharsets.UTF_8));
            return new AppendResult(record, records.size() + 1);
        });
    }

    private void createFolder() {
        try {
            Path parent = file.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new HistoryException("Cannot create the folder of the history file " + file + ": " + e, e);
        }
    }

    private static void writeAtEnd(FileChannel channel, byte[] lines) throws IOException {
        long size = channel.size();
        ByteBuffer buffer;
        if (size > 0 && lastByte(channel, size) != '\n') {
            // A hand edit or an old crash left the last line unterminated: end it, so the new line stays whole.
            buffer = ByteBuffer.allocate(lines.length + 1)
                    .put((byte) '\n')
                    .put(lines)
                    .flip();
        } else {
            buffer = ByteBuffer.wrap(lines);
        }
        long position = size;
        while (buffer.hasRemaining()) {
            position += channel.write(buffer, position);
        }
        channel.force(false);
    }

    /** The valid records, oldest first, and the corrupt lines; empty when the file does not exist. */
    public HistoryContents read() {
        if (!Files.exists(file)) {
            return HistoryContents.empty();
        }
        return withLock(true, false, channel -> parse(readAll(channel)).contents());
    }

    /**
     * Keeps the newest {@code maxRuns} records that are at most {@code maxAgeDays} old at {@code now}; 0 or less means
     * no limit. Corrupt lines are always kept; blank lines are dropped. The file is rewritten only when a record goes.
     */
    public PruneResult prune(int maxRuns, int maxAgeDays, Instant now) {
        if (!Files.exists(file)) {
            return new PruneResult(0, 0, 0);
        }
        return withLock(false, false, channel -> {
            Parsed parsed = parse(readAll(channel));
            int records = parsed.recordCount();
            Instant oldest = maxAgeDays > 0 ? now.minus(Duration.ofDays(maxAgeDays)) : Instant.MIN;
            List<Parsed.Line> kept = new ArrayList<>();
            int keptRecords = 0;
            int removed = 0;
            int recordIndex = 0;
            for (Parsed.Line line : parsed.lines()) {
                if (line.record() == null) {
                    kept.add(line);
                    continue;
                }
                boolean recentEnough = maxRuns <= 0 || recordIndex >= records - maxRuns;
                boolean youngEnough = !line.record().time().isBefore(oldest);
                recordIndex++;
                if (recentEnough && youngEnough) {
                    kept.add(line);
                    keptRecords++;
                } else {
                    removed++;
                }
            }
            if (removed > 0) {
                replace(parsed.bytes(), kept);
            }
            return new PruneResult(keptRecords, removed, parsed.corrupt().size());
        });
    }

    private void replace(byte[] bytes, List<Parsed.Line> lines) throws IOException {
        deleteLeftovers();
        java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream(bytes.length);
        for (Parsed.Line line : lines) {
            text.write(bytes, line.start(), line.end() - line.start());
            text.write('\n');
        }
        try {
            AtomicFile.replace(file, text.toByteArray());
        } catch (AtomicMoveNotSupportedException e) {
            throw new HistoryException(
                    "Cannot prune the history file " + file
                            + ": its file system cannot replace a file atomically, and pruning never rewrites it in place",
                    e);
        }
    }

    /** Temporary files of a pruning that was killed; only a holder of the lock writes them, and we hold it. */
    private void deleteLeftovers() throws IOException {
        try (DirectoryStream<Path> leftovers =
                Files.newDirectoryStream(file.toAbsolutePath().getParent(), AtomicFile.temporaryFiles(file))) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
            }
        }
    }

    @FunctionalInterface
    private interface LockedAction<T> {
        T run(FileChannel channel) throws IOException;
    }

    /**
     * Runs {@code action} on the file under a shared (reading) or exclusive lock: first among the threads of this JVM
     * (a file lock belongs to the whole JVM), then among processes.
     */
    private <T> T withLock(boolean shared, boolean create, LockedAction<T> action) {
        Object local = LOCAL_LOCKS.computeIfAbsent(file, f -> new Object());
        synchronized (local) {
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                List<StandardOpenOption> options = new ArrayList<>(List.of(StandardOpenOption.READ));
                if (!shared) {
                    options.add(StandardOpenOption.WRITE);
                }
                if (create) {
                    options.add(StandardOpenOption.CREATE);
                }
                try (FileChannel channel = FileChannel.open(file, options.toArray(StandardOpenOption[]::new));
                        FileLock lock = channel.lock(0, Long.MAX_VALUE, shared)) {
                    if (!stillTheFile(channel)) {
                        continue;
                    }
                    return action.run(channel);
                } catch (NoSuchFileException e) {
                    if (!create) {
                        throw new HistoryException("The history file " + file + " disappeared while it was read", e);
                    }
                } catch (IOException e) {
                    throw new HistoryException("Cannot access the history file " + file + ": " + e, e);
                }
            }
        }
        throw new HistoryException("The history file " + file + " was replaced " + ATTEMPTS
                + " times while this build waited for its lock; is another process pruning it in a loop?");
    }

    /**
     * True when the path still names the file the channel has open. A prune replaces the file while others wait for
     * its lock; their channel then holds the old file, which nobody reads any more. The file key (device and inode)
     * tells them apart where the platform has one; the size check covers the others.
     */
    private boolean stillTheFile(FileChannel channel) throws IOException {
        BasicFileAttributes now;
        try {
            now = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return false;
        }
        if (now.size() != channel.size()) {
            return false;
        }
        Object key = now.fileKey();
        return key == null || key.equals(openedKey(channel));
    }

    /**
     * The file key of the file a channel has open, read through {@code /proc/self/fd} where it exists; null where it
     * cannot be known, which leaves the size check.
     */
    private Object openedKey(FileChannel channel) {
        return FileKeys.of(channel, file);
    }

    private static byte lastByte(FileChannel channel, long size) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        channel.read(one, size - 1);
        return one.get(0);
    }

    private static byte[] readAll(FileChannel channel) throws IOException {
        long size = channel.size();
        if (size > Integer.MAX_VALUE - 16) {
            throw new IOException("the history file is larger than 2 GB; prune it");
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) size);
        long position = 0;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, position);
            if (read < 0) {
                break;
            }
            position += read;
        }
        return buffer.array();
    }

    /** Every line of the file (as its bytes in the file), each parsed or marked corrupt. */
    private record Parsed(byte[] bytes, List<Line> lines, List<CorruptLine> corrupt) {
        record Line(int start, int end, HistoryRecord record) {}

        int recordCount() {
            return (int) lines.stream().filter(l -> l.record != null).count();
        }

        HistoryContents contents() {
            return new HistoryContents(
                    lines.stream()
                            .filter(l -> l.record != null)
                            .map(Line::record)
                            .toList(),
                    corrupt);
        }
    }

    /** Splits at newlines without decoding the whole file; each line is parsed from its UTF-8 bytes. */
    private static Parsed parse(byte[] bytes) {
        List<Parsed.Line> lines = new ArrayList<>();
        List<CorruptLine> corrupt = new ArrayList<>();
        int start = 0;
        int number = 0;
        while (start < bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            number++;
            int next = end + 1;
            if (end > start && bytes[end - 1] == '\r') {
                end--;
            }
            if (!isBlank(bytes, start, end)) {
                try {
                    lines.add(new Parsed.Line(start, end, HistoryFormat.parse(bytes, start, end - start)));
                } catch (HistoryFormat.BadLine e) {
                    corrupt.add(new CorruptLine(number, e.getMessage()));
                    lines.add(new Parsed.Line(start, end, null));
                } catch (RuntimeException e) {
                    corrupt.add(new CorruptLine(number, "not a valid record: " + e.getMessage()));
                    lines.add(new Parsed.Line(start, end, null));
                }
            }
            start = next;
        }
        return new Parsed(bytes, lines, corrupt);
    }

    private static boolean isBlank(byte[] bytes, int start, int end) {
        for (int i = start; i < end; i++) {
            if (bytes[i] != ' ' && bytes[i] != '\t') {
                return false;
            }
        }
        return true;
    }
}
