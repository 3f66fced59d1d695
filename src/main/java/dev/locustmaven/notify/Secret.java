package dev.locustmaven.notify;

import java.util.Objects;

/**
 * A credential that must never be printed. {@link #toString()} hides it, so that a secret which ends up in a log line,
 * an exception message or a record's text shows as {@code ****} instead.
 */
public final class Secret {

    private static final String HIDDEN = "****";

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /** Wraps a non-blank value; a blank one is a configuration mistake and is rejected without echoing it. */
    public static Secret of(String value) {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("A secret must not be blank");
        }
        return new Secret(value.strip());
    }

    /** The value itself; only for the one place that must send it (the {@code Authorization} header). */
    public String reveal() {
        return value;
    }

    /** Replaces every occurrence of this secret in {@code text}, for text that came from outside (server replies). */
    public String redact(String text) {
        return text == null ? null : text.replace(value, HIDDEN);
    }

    @Override
    public String toString() {
        return HIDDEN;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret secret && secret.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
