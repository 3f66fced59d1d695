package dev.locustmaven.locust.process;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** The end of a process's log file, read without reading the whole file: what a failed run shows the user. */
public final class LogTail {

    private static final int LINES = 25;

    private LogTail() {}

    /** The last lines of the file (from its last 64 KiB); none when it cannot be read. */
    public static List<String> lines(Path file) {
        List<String> lines = readEnd(file, 64 * 1024).lines().toList();
        return lines.subList(Math.max(0, lines.size() - LINES), lines.size());
    }

    /** The last {@code maxBytes} of a file as text (malformed bytes replaced), or "" when it cannot be read. */
    public static String readEnd(Path file, int maxBytes) {
        try (FileChannel channel = FileChannel.open(file)) {
            long size = channel.size();
            long from = Math.max(0, size - maxBytes);
            ByteBuffer buffer = ByteBuffer.allocate((int) (size - from));
            channel.read(buffer, from);
            return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
