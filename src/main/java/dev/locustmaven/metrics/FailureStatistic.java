package dev.locustmaven.metrics;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A statistic over the failures whose message matches a user-defined metric's {@code failures} pattern. */
public enum FailureStatistic {
    /** How often a matching failure occurred. */
    COUNT("count"),
    /** Matching failure occurrences per 100 selected requests. */
    RATE_PCT("rate_pct"),
    /** A boolean: true when no failure matches. */
    NONE("none");

    private final String text;

    FailureStatistic(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    public static Optional<FailureStatistic> parse(String text) {
        return Arrays.stream(values()).filter(s -> s.text.equals(text)).findFirst();
    }

    public static List<String> texts() {
        return Arrays.stream(values()).map(FailureStatistic::text).toList();
    }
}
