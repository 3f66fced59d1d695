package dev.locustmaven.locust.process;

import dev.locustmaven.locust.LocustRunException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command that is expected to end on its own ({@code locust -V}, {@code pip install}), without a shell, with
 * stdout and stderr merged into a file so that a chatty or stuck process can neither block nor flood us.
 */
public final class ShortCommand {

    public record Result(int exitCode, String output) {

        public boolean succeeded() {
            return exitCode == 0;
        }

        /** The last {@code n} non-blank lines, for error messages. */
        public String tail(int n) {
            List<String> lines = output.lines().filter(l -> !l.isBlank()).toList();
            return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - n), lines.size()));
        }
    }

    private ShortCommand() {}

    /**
     * @param workingDirectory {@code null} for the current one
     * @param environment the complete environment of the process, or {@code null} to inherit ours
     * @param outputFile where the output goes; {@code null} for a temporary file that is deleted afterwards
     * @throws IOException when the program cannot be started (for example, it does not exist)
     */
    public static Result run(
            List<String> command,
            Path workingDirectory,
            Map<String, String> environment,
            Duration timeout,
            Path outputFile)
            throws IOException {
        Path out = outputFile != null ? outputFile : Files.createTempFile("locust-maven-", ".out");
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
            if (workingDirectory != null) {
                builder.directory(workingDirectory.toFile());
            }
            if (environment != null) {
                builder.environment().clear();
                builder.environment().putAll(environment);
            }
            Process process = builder.start();
            try {
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    ProcessTree.stop(process.toHandle(), Duration.ofSeconds(2));
                    return new Result(
                            -1,
                            Files.readString(out, StandardCharsets.UTF_8) + System.lineSeparator() + "(stopped after "
                                    + timeout.toSeconds() + " s)");
                }
            } catch (InterruptedException e) {
                ProcessTree.stop(process.toHandle(), Duration.ofSeconds(2));
                Thread.currentThread().interrupt();
                throw new LocustRunException("Interrupted while running " + String.join(" ", command), e);
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
        } finally {
            if (outputFile == null) {
                Files.deleteIfExists(out);
            }
        }
    }

    public static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
