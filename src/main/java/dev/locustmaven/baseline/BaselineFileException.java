package dev.locustmaven.baseline;

import dev.locustmaven.failure.PluginException;

/** A baseline file that cannot be read or written; the message names the file, where known the line and column or key, and the problem. */
public class BaselineFileException extends PluginException {

    public BaselineFileException(String message) {
        super(message);
    }

    public BaselineFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
