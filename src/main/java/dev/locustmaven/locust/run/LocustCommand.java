package dev.locustmaven.locust.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One Locust process to start: the complete argument list (the executable first; never interpreted by a shell), its
 * complete environment and its working directory.
 */
public record LocustCommand(List<String> arguments, Map<String, String> environment, Path workingDirectory) {

    public LocustCommand {
        arguments = List.copyOf(arguments);
        environment = Map.copyOf(environment);
        Objects.requireNonNull(workingDirectory, "workingDirectory");
    }

    /** The argument list as one line, for logs: elements with spaces are quoted. */
    public String display() {
        return String.join(
                " ",
                arguments.stream()
                        .map(a -> a.isEmpty() || a.matches(".*[\\s'\"].*") ? "'" + a.replace("'", "'\\''") + "'" : a)
                        .toList());
    }
}
