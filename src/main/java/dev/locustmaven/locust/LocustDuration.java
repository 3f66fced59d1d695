package dev.locustmaven.locust;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations written as Locust writes its {@code --run-time}: {@code 20}, {@code 20s}, {@code 3m}, {@code 1h30m10s}. */
public final class LocustDuration {

    private static final Pattern BARE_SECONDS = Pattern.compile("\\d+");
    private static final Pattern UNITS = Pattern.compile("(?:(\\d+)h)?\\s*(?:(\\d+)m)?\\s*(?:(\\d+)s)?");

    private LocustDuration() {}

    /**
     * Parses a duration.
     *
     * @param what names the setting in the error message, e.g. {@code runTime}
     * @throws LocustRunException when the text is not a duration
     */
    public static Duration parse(String text, String what) {
        String value = text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT);
        if (BARE_SECONDS.matcher(value).matches()) {
            return Duration.ofSeconds(Long.parseLong(value));
        }
        Matcher m = UNITS.matcher(value);
        if (!value.isEmpty() && m.matches()) {
            return Duration.ofHours(group(m, 1)).plusMinutes(group(m, 2)).plusSeconds(group(m, 3));
        }
        throw new LocustRunException(
                what + " '" + text + "' is not a duration: write it as Locust does, e.g. 30, 30s, 5m or 1h30m");
    }

    private static long group(Matcher m, int group) {
        return m.group(group) == null ? 0 : Long.parseLong(m.group(group));
    }

    /** The form passed to Locust: whole seconds with an {@code s}. */
    public static String toLocust(Duration duration) {
        return duration.toSeconds() + "s";
    }

    /** {@code m:ss} or {@code h:mm:ss}, for progress lines. */
    public static String clock(Duration duration) {
        long s = Math.max(0, duration.toSeconds());
        return s >= 3600
                ? String.format("%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }
}
