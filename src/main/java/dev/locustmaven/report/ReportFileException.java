package dev.locustmaven.report;

import dev.locustmaven.failure.PluginException;

/** A report file that cannot be written or read back; the message names the file and the problem. */
public class ReportFileException extends PluginException {

    public ReportFileException(String message) {
        super(message);
    }

    public ReportFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
