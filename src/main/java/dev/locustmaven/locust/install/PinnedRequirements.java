package dev.locustmaven.locust.install;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dependency set the plugin ships for one Locust version: every package pinned, with hashes, for the Pythons it
 * was resolved for. {@code scripts/pin-locust-dependencies.sh} writes them.
 *
 * @param id the first 12 hex digits of the set's SHA-256, recorded in an environment to tell which set it holds
 * @param pythonMinimum the oldest Python the set was resolved for, such as {@code 3.11}
 * @param pythonBelow the first Python it was not resolved for, such as {@code 3.12}
 */
record PinnedRequirements(String locustVersion, String text, String id, String pythonMinimum, String pythonBelow) {

    /** Where the pin files are, by absolute path: {@code scripts/pin-locust-dependencies.sh} writes them there. */
    private static final String PINS = "/dev/locustmaven/locust/pins/";

    private static final Pattern PYTHON_RANGE = Pattern.compile("(?m)^# python: >=([0-9.]+),<([0-9.]+)$");

    static Optional<PinnedRequirements> forVersion(String locustVersion) {
        try (InputStream in = PinnedRequirements.class.getResourceAsStream(PINS + "locust-" + locustVersion + ".txt")) {
            if (in == null) {
                return Optional.empty();
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Matcher range = PYTHON_RANGE.matcher(text);
            if (!range.find()) {
                throw new IllegalStateException("pins/locust-" + locustVersion + ".txt has no '# python:' line");
            }
            return Optional.of(new PinnedRequirements(
                    locustVersion, text, Sha256.prefix(text, 12), range.group(1), range.group(2)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a Python of this version ({@code 3.11.7}) is one the set was resolved for. */
    boolean supportsPython(String pythonVersion) {
        return compare(pythonVersion, pythonMinimum) >= 0 && compare(pythonVersion, pythonBelow) < 0;
    }

    /** Compares dotted versions on the components {@code bound} has: 3.11.7 is not below 3.11 but is below 3.12. */
    private static int compare(String version, String bound) {
        String[] v = version.split("\\.");
        String[] b = bound.split("\\.");
        for (int i = 0; i < b.length; i++) {
            int vi = i < v.length ? Integer.parseInt(v[i].replaceAll("\\D.*", "")) : 0;
            int c = Integer.compare(vi, Integer.parseInt(b[i]));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
