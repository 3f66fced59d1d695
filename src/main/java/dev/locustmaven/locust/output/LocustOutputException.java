package dev.locustmaven.locust.output;

import dev.locustmaven.failure.PluginException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A Locust output file (or results folder) that cannot be read. The message is complete and meant for the user: it
 * names the file, the line where known, and the problem.
 */
public class LocustOutputException extends PluginException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long line;

    public LocustOutputException(Path file, String problem) {
        this(file, 0, problem, null);
    }

    public LocustOutputException(Path file, long line, String problem) {
        this(file, line, problem, null);
    }

    public LocustOutputException(Path file, long line, String problem, Throwable cause) {
        super(message(file, line, problem), cause);
        this.file = Objects.requireNonNull(file, "file");
        this.line = line;
    }

    private static String message(Path file, long line, String problem) {
        return line > 0 ? file + ", line " + line + ": " + problem : file + ": " + problem;
    }

    /** The file or folder the problem is in. */
    public Path file() {
        return file;
    }

    /** The 1-based line of the problem, or 0 when it is not about one line. */
    public long line() {
        return line;
    }
}
