package dev.locustmaven.locust.process;

import dev.locustmaven.locust.LocustDuration;
import dev.locustmaven.locust.LocustRunException;
import dev.locustmaven.locust.RunLog;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** A started background process: waits until it is ready, and stops it with everything it started. */
final class BackgroundProcess {

    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final BackgroundProcessSpec spec;
    private final Process process;

    private BackgroundProcess(BackgroundProcessSpec spec, Process process) {
        this.spec = spec;
        this.process = process;
    }

    static BackgroundProcess start(BackgroundProcessSpec spec, RunLog log) {
        try {
            Files.createDirectories(spec.logFile().toAbsolutePath().getParent());
            ProcessBuilder builder = new ProcessBuilder(spec.command())
                    .redirectErrorStream(true)
                    .redirectOutput(spec.logFile().toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(ShortCommand.nullDevice()));
            if (spec.workingDirectory() != null) {
                builder.directory(spec.workingDirectory().toFile());
            }
            builder.environment().putAll(spec.environment());
            Process process = builder.start();
            log.info("Started process '" + spec.name() + "' (pid " + process.pid() + "): "
                    + String.join(" ", spec.command()) + "; output in " + spec.logFile());
            return new BackgroundProcess(spec, process);
        } catch (IOException e) {
            throw new LocustRunException(
                    "Cannot start process '" + spec.name() + "' ("
                            + spec.command().get(0) + "): " + e.getMessage(),
                    e);
        }
    }

    /** @throws LocustRunException when it exits or is not ready within its timeout */
    void awaitReady(RunLog log) {
        if (spec.readyUrl() != null) {
            UrlProbe.await(
                    spec.readyUrl(), spec.readyTimeout(), "Process '" + spec.name() + "': readyUrl", this::exited);
        }
        if (spec.readyLogPattern() != null) {
            awaitLogLine();
        }
        if (spec.readyUrl() != null || spec.readyLogPattern() != null) {
            log.info("Process '" + spec.name() + "' is ready.");
        }
    }

    private void awaitLogLine() {
        Pattern pattern = Pattern.compile(spec.readyLogPattern(), Pattern.MULTILINE);
        long deadline = System.nanoTime() + spec.readyTimeout().toNanos();
        while (!pattern.matcher(LogTail.readEnd(spec.logFile(), 4 * 1024 * 1024))
                .find()) {
            String exited = exited();
            if (exited != null) {
                throw new LocustRunException("Process '" + spec.name() + "' never logged a line matching '"
                        + spec.readyLogPattern() + "': " + exited);
            }
            if (System.nanoTime() > deadline) {
                throw new LocustRunException("Process '" + spec.name() + "' logged no line matching '"
                        + spec.readyLogPattern() + "' within " + LocustDuration.toLocust(spec.readyTimeout())
                        + "; see " + spec.logFile() + ".");
            }
            try {
                process.waitFor(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LocustRunException("Interrupted while waiting for process '" + spec.name() + "'.", e);
            }
        }
    }

    /** Why it can no longer become ready (or serve), or {@code null} while it runs. */
    String exited() {
        return process.isAlive()
                ? null
                : "it exited with code " + process.exitValue() + "; see " + spec.logFile() + ", which ends with:"
                        + System.lineSeparator()
                        + String.join(System.lineSeparator(), LogTail.lines(spec.logFile()));
    }

    void stop(RunLog log) {
        boolean wasAlive = process.isAlive();
        ProcessTree.stop(process.toHandle(), STOP_GRACE);
        if (wasAlive) {
            log.info("Stopped process '" + spec.name() + "' (pid " + process.pid() + ").");
        }
    }

    String name() {
        return spec.name();
    }
}
