package dev.locustmaven.history;

import java.nio.file.Path;

/**
 * A line of the history file that is not a valid record. It is reported and skipped, and stays in the file.
 *
 * @param lineNumber 1-based
 * @param problem what is wrong with it, e.g. {@code not valid JSON: Unexpected end-of-input (column 41)}
 */
public record CorruptLine(int lineNumber, String problem) {

    /** {@code docs/performance-trends.jsonl line 17: <problem> (the line is kept in the file and skipped)} */
    public String message(Path file) {
        return file + " line " + lineNumber + ": " + problem + " (the line is kept in the file and skipped)";
    }
}
