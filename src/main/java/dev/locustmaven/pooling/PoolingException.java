package dev.locustmaven.pooling;

import dev.locustmaven.failure.PluginException;

/** Runs that cannot be pooled: none, runs of different services, or (on request) numbers that would be approximate. */
public class PoolingException extends PluginException {

    private static final long serialVersionUID = 1L;

    public PoolingException(String message) {
        super(message);
    }
}
