package dev.locustmaven.report;

/** A report file that cannot be written or read back; the message names the file and the problem. */
public class ReportFileException extends RuntimeException {

    public ReportFileException(String message) {
        super(message);
    }

    public ReportFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
