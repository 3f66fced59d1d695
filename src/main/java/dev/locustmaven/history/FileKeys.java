package dev.locustmaven.history;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Finds which file (device and inode) an open channel refers to, on systems with {@code /proc/self/fd} (Linux). Java
 * does not expose a channel's file key, but each descriptor there is a link to the open file that still resolves after
 * the file was replaced or deleted ({@code <path> (deleted)}).
 */
final class FileKeys {

    private static final Path DESCRIPTORS = Path.of("/proc/self/fd");
    private static final String DELETED = " (deleted)";

    private FileKeys() {}

    /**
     * The file key of the single descriptor of this process open on {@code file} (or on a replaced file that had its
     * name), or null when there is no {@code /proc/self/fd}, or not exactly one such descriptor. The caller holds the
     * only channel of this process on the file, so a single match is that channel.
     */
    static Object of(FileChannel channel, Path file) {
        if (!channel.isOpen() || !Files.isDirectory(DESCRIPTORS)) {
            return null;
        }
        String name = file.toString();
        Object found = null;
        int matches = 0;
        try (DirectoryStream<Path> descriptors = Files.newDirectoryStream(DESCRIPTORS)) {
            for (Path descriptor : descriptors) {
                String target;
                try {
                    target = Files.readSymbolicLink(descriptor).toString();
                } catch (IOException | UnsupportedOperationException e) {
                    continue;
                }
                if (target.equals(name) || target.equals(name + DELETED)) {
                    try {
                        found = Files.readAttributes(descriptor, BasicFileAttributes.class)
                                .fileKey();
                        matches++;
                    } catch (IOException e) {
                        return null;
                    }
                }
            }
        } catch (IOException e) {
            return null;
        }
        return matches == 1 ? found : null;
    }
}
