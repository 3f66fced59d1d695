package dev.locustmaven.export;

import dev.locustmaven.failure.PluginException;

/** A problem with the export configuration or its output file; the message is complete and meant for the user. */
public class ExportException extends PluginException {

    public ExportException(String message) {
        super(message);
    }

    public ExportException(String message, Throwable cause) {
        super(message, cause);
    }
}
