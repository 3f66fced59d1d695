package dev.locustmaven.statistical;

import java.util.Locale;

/** What the statistical layer may do to a build: nothing, warn, or fail it. */
public enum GateMode {
    OFF,
    WARN,
    FAIL;

    /** Parses {@code off}, {@code warn} or {@code fail} (any case). */
    public static GateMode parse(String text) {
        if (text != null) {
            switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "off":
                    return OFF;
                case "warn":
                    return WARN;
                case "fail":
                    return FAIL;
                default:
                    break;
            }
        }
        throw new IllegalArgumentException("the statistical gate mode must be off, warn or fail, not '" + text + "'");
    }
}
