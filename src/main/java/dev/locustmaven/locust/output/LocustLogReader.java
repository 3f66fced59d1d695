package dev.locustmaven.locust.output;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what Locust's log (its stderr) says about the run. */
public final class LocustLogReader {

    private static final Pattern STARTING = Pattern.compile("Starting Locust(?: (\\S*))?\\s*$");
    private static final Pattern TIME = Pattern.compile("^\\[(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3})\\]");
    private static final DateTimeFormatter TIME_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");

    /**
     * What the log says, its times in the clock of the machine that ran Locust (the log names no zone).
     *
     * @param version from the {@code Starting Locust X} line; {@code null} when there is no such line or it names no
     *     version (Debian's 2.12.1 package logs {@code Starting Locust } with nothing after it)
     * @param testStart the {@code Starting Locust} line, within a millisecond of the start time Locust's statistics
     *     count from (on the recorded runs; {@code Ramping to} can come some 50 ms later), else the first {@code
     *     Ramping to} line
     * @param runTimeLimit the {@code --run-time limit reached} line, {@code null} when the run ended otherwise
     */
    public record LocustLog(String version, LocalDateTime testStart, LocalDateTime runTimeLimit) {}

    /** The version alone; see {@link LocustLog#version()}. */
    public Optional<String> version(Path log) {
        return Optional.ofNullable(read(log).version());
    }

    public LocustLog read(Path log) {
        String version = null;
        LocalDateTime starting = null;
        LocalDateTime ramping = null;
        LocalDateTime limit = null;
        // Decoding with replacement: a locustfile may print bytes that are not UTF-8, and the log stays readable.
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(Files.newInputStream(log), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                Matcher starts = STARTING.matcher(line);
                if (starting == null && starts.find()) {
                    String named = starts.group(1);
                    version = named == null || named.isEmpty() ? null : named;
                    starting = time(line);
                } else if (ramping == null && line.contains("Ramping to")) {
                    ramping = time(line);
                } else if (line.contains("-run-time limit reached") || line.contains("Run time limit reached")) {
                    limit = time(line);
                }
            }
        } catch (IOException e) {
            throw new LocustOutputException(log, 0, "cannot be read: " + e.getMessage(), e);
        }
        return new LocustLog(version, starting != null ? starting : ramping, limit);
    }

    private static LocalDateTime time(String line) {
        Matcher matcher = TIME.matcher(line);
        if (!matcher.find()) {
            return null;
        }
        try {
            return LocalDateTime.parse(matcher.group(1), TIME_FORMAT);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
