package dev.locustmaven.history;

import dev.locustmaven.failure.PluginException;

/** The history file cannot be read or written; the message names the file and what went wrong. */
public class HistoryException extends PluginException {

    public HistoryException(String message) {
        super(message);
    }

    public HistoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
