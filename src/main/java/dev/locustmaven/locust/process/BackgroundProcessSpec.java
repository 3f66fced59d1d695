package dev.locustmaven.locust.process;

import dev.locustmaven.locust.LocustRunException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A process the plugin starts before Locust and stops after it, for example the service under test.
 *
 * @param command the program and its arguments (never interpreted by a shell)
 * @param environment added to the build's environment
 * @param readyUrl polled until it answers before the next process or Locust starts; {@code null} for none
 * @param readyLogPattern a regular expression; the process is ready once a line of its output matches; {@code null}
 *     for none. Without either, the process counts as ready once started
 * @param logFile where its stdout and stderr go
 */
public record BackgroundProcessSpec(
        String name,
        List<String> command,
        Path workingDirectory,
        Map<String, String> environment,
        URI readyUrl,
        String readyLogPattern,
        Duration readyTimeout,
        Path logFile) {

    public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(60);

    public BackgroundProcessSpec {
        Objects.requireNonNull(name, "name");
        command = List.copyOf(command == null ? List.of() : command);
        if (command.isEmpty() || command.get(0).isBlank()) {
            throw new LocustRunException("Process '" + name + "' has no command.");
        }
        environment = Map.copyOf(environment == null ? Map.of() : environment);
        readyTimeout = readyTimeout == null ? DEFAULT_READY_TIMEOUT : readyTimeout;
        Objects.requireNonNull(logFile, "logFile");
        if (readyLogPattern != null) {
            try {
                Pattern.compile(readyLogPattern);
            } catch (PatternSyntaxException e) {
                throw new LocustRunException("Process '" + name + "': readyLogPattern '" + readyLogPattern
                        + "' is not a regular expression: " + e.getDescription());
            }
        }
    }
}
