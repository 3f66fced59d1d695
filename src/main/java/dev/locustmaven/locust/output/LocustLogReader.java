package dev.locustmaven.locust.output;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what Locust's log (its stderr) says about the run. */
public final class LocustLogReader {

    private static final Pattern STARTING = Pattern.compile("Starting Locust(?: (\\S*))?\\s*$");

    /**
     * The version from the {@code Starting Locust X} line; empty when there is no such line or it names no version
     * (Debian's 2.12.1 package logs {@code Starting Locust } with nothing after it).
     */
    public Optional<String> version(Path log) {
        // Decoding with replacement: a locustfile may print bytes that are not UTF-8, and the log stays readable.
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(Files.newInputStream(log), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                Matcher matcher = STARTING.matcher(line);
                if (matcher.find()) {
                    String version = matcher.group(1);
                    return version == null || version.isEmpty() ? Optional.empty() : Optional.of(version);
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new LocustOutputException(log, 0, "cannot be read: " + e.getMessage(), e);
        }
    }
}
