package dev.locustmaven.locust.install;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Locust release number such as 2.47.0; pre-release suffixes are kept in the text but ignored for ordering. */
public record LocustVersion(int major, int minor, int patch, String text) implements Comparable<LocustVersion> {

    private static final Pattern NUMBERS = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?.*");

    /** The oldest Locust the plugin supports: comma-separated {@code -f} came in 2.11, Debian ships 2.12.1. */
    public static final LocustVersion OLDEST_SUPPORTED = new LocustVersion(2, 11, 0, "2.11.0");

    public static Optional<LocustVersion> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = NUMBERS.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new LocustVersion(
                Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3)),
                text.trim()));
    }

    public boolean isAtLeast(LocustVersion other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(LocustVersion o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        return c != 0 ? c : Integer.compare(patch, o.patch);
    }

    @Override
    public String toString() {
        return text;
    }
}
