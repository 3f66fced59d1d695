package dev.locustmaven.pooling;

/** Runs that cannot be pooled: none, runs of different services, or (on request) numbers that would be approximate. */
public class PoolingException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public PoolingException(String message) {
        super(message);
    }
}
