package dev.locustmaven.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Replaces a file's content so that a reader sees the old file or the new one, never a half-written one. */
public final class AtomicFile {

    private AtomicFile() {}

    public static void write(Path file, String content) throws IOException {
        write(file, content.getBytes(StandardCharsets.UTF_8));
    }

    public static void write(Path file, byte[] content) throws IOException {
        write(file, content, false);
    }

    /**
     * Like {@link #write(Path, byte[])}, but only by an atomic rename: where the file system cannot rename over a file
     * atomically this throws {@link AtomicMoveNotSupportedException} instead of moving the new content in two steps,
     * for a file that other processes read while it is replaced.
     */
    public static void replace(Path file, byte[] content) throws IOException {
        write(file, content, true);
    }

    /**
     * A glob for the temporary files that writes of {@code file} make beside it; one that a killed writer left can be
     * deleted by whoever alone writes the file.
     */
    public static String temporaryFiles(Path file) {
        return "." + file.getFileName() + ".*.tmp";
    }

    private static void write(Path file, byte[] content, boolean atomicOnly) throws IOException {
        Path target = file.toAbsolutePath();
        if (Files.isSymbolicLink(target)) {
            // Replace what the link points at, not the link itself.
            target = target.toRealPath();
        }
        Path directory = target.getParent();
        Files.createDirectories(directory);
        // Same directory, so that the move is a rename on one file system; not createTempFile, whose 0600 mode
        // would end up on the user's file.
        Path temp = directory.resolve(
                "." + target.getFileName() + "." + ProcessHandle.current().pid() + "." + System.nanoTime() + ".tmp");
        try {
            try (FileChannel channel =
                    FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(content);
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            copyPermissions(target, temp);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                if (atomicOnly) {
                    throw e;
                }
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void copyPermissions(Path from, Path to) throws IOException {
        if (Files.exists(from) && Files.getFileStore(to).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
        }
    }
}
