package dev.locustmaven.thresholds;

import java.util.Locale;

/** The {@code significance} setting: {@code on} judges changes beyond sampling error, {@code off} as plain numbers. */
public final class Significance {

    private Significance() {}

    public static boolean isValid(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        return value.equals("on") || value.equals("off");
    }

    /**
     * @throws InvalidThresholdException for any text but {@code on} or {@code off}
     */
    public static boolean parse(String text) {
        if (!isValid(text)) {
            throw new InvalidThresholdException("significance must be on or off, not '" + text + "'");
        }
        return text.strip().equalsIgnoreCase("on");
    }
}
