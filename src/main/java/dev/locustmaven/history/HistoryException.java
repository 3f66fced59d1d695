package dev.locustmaven.history;

/** The history file cannot be read or written; the message names the file and what went wrong. */
public class HistoryException extends RuntimeException {

    public HistoryException(String message) {
        super(message);
    }

    public HistoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
