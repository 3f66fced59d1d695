package dev.locustmaven.metrics;

import java.util.OptionalDouble;

/** Shares of requests in percent. */
final class Ratios {

    private Ratios() {}

    /**
     * {@code part} per 100 of {@code whole}. With no requests the share is 0 when nothing failed either; failures
     * without any logged request (Locust can record those) have no meaningful share, so none is reported.
     */
    static OptionalDouble percent(long part, long whole) {
        if (whole == 0) {
            return part == 0 ? OptionalDouble.of(0.0) : OptionalDouble.empty();
        }
        return OptionalDouble.of(100.0 * part / whole);
    }
}
