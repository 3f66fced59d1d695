package dev.locustmaven.locust;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds out which Locust an executable is and which options it has: {@code locust -V} for the version, {@code locust
 * --help} for the features. Debian's python3-locust 2.12.1 prints {@code locust } with an empty version; then the
 * version comes from dpkg, which owns the file.
 */
public final class LocustDetector {

    private static final Pattern VERSION_LINE = Pattern.compile("(?m)^locust (\\S*)");
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private LocustDetector() {}

    /**
     * @param origin where the executable came from, for messages
     * @throws LocustRunException when it cannot be run, is not Locust, or is older than 2.11
     */
    public static LocustInstallation detect(Path executable, String origin) {
        if (!Files.isRegularFile(executable)) {
            throw new LocustRunException("The Locust executable " + executable + " (" + origin + ") does not exist.");
        }
        // both start Python and import gevent, which takes seconds: run them side by side
        CompletableFuture<ShortCommand.Result> helpRun = CompletableFuture.supplyAsync(() -> run(executable, "--help"));
        ShortCommand.Result versionRun = run(executable, "-V");
        Matcher m = VERSION_LINE.matcher(versionRun.output());
        if (!versionRun.succeeded() || !m.find()) {
            throw new LocustRunException(executable + " (" + origin + ") is not a working Locust: '" + executable
                    + " -V' exited with " + versionRun.exitCode() + " and printed:" + System.lineSeparator()
                    + versionRun.tail(15));
        }
        String reported = m.group(1);
        boolean reportsVersion = !reported.isEmpty();
        LocustVersion version = reportsVersion
                ? LocustVersion.parse(reported).orElse(null)
                : dpkgVersion(executable).flatMap(LocustVersion::parse).orElse(null);
        if (version != null && !version.isAtLeast(LocustVersion.OLDEST_SUPPORTED)) {
            throw new LocustRunException("Locust " + version + " at " + executable + " (" + origin
                    + ") is too old: the plugin needs Locust " + LocustVersion.OLDEST_SUPPORTED
                    + " or newer. Set locustVersion to let the plugin install a newer one.");
        }
        ShortCommand.Result help = join(helpRun);
        if (!help.succeeded()) {
            throw new LocustRunException("'" + executable + " --help' (" + origin + ") exited with " + help.exitCode()
                    + ":" + System.lineSeparator() + help.tail(15));
        }
        return new LocustInstallation(
                executable, version, reportsVersion, LocustFeatures.fromHelp(help.output()), origin);
    }

    private static ShortCommand.Result join(CompletableFuture<ShortCommand.Result> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private static ShortCommand.Result run(Path executable, String option) {
        Path emptyDir = null;
        try {
            // an empty working directory, so that a stray locust.conf cannot break '--help'
            emptyDir = Files.createTempDirectory("locust-maven-detect");
            return ShortCommand.run(
                    List.of(executable.toString(), option),
                    emptyDir,
                    LocustEnvironment.scrubbed(Map.of()),
                    TIMEOUT,
                    null);
        } catch (IOException e) {
            throw new LocustRunException("Cannot run " + executable + " " + option + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(emptyDir);
        }
    }

    /**
     * The version dpkg records for the package owning the executable ({@code 2.12.1-1} gives {@code 2.12.1}), or empty
     * when dpkg is absent or does not own the file.
     */
    static Optional<String> dpkgVersion(Path executable) {
        List<Path> candidates = new ArrayList<>(List.of(executable.toAbsolutePath()));
        try {
            candidates.add(executable.toRealPath());
        } catch (IOException e) {
            // the path as given is still worth asking about
        }
        for (Path path : candidates) {
            Optional<String> pkg = dpkgQuery("-S", path.toString())
                    .flatMap(out -> out.lines().filter(l -> l.contains(": ")).findFirst())
                    .map(line -> line.substring(0, line.indexOf(": "))
                            .split(",")[0]
                            .trim()
                            .replaceFirst(":.*$", ""));
            if (pkg.isPresent()) {
                return dpkgQuery("-W", "-f=${Version}", pkg.get())
                        .map(String::trim)
                        .filter(v -> !v.isEmpty())
                        .map(v -> v.replaceFirst("^\\d+:", "").replaceFirst("-[^-]*$", ""));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> dpkgQuery(String... args) {
        List<String> command = new ArrayList<>(List.of("dpkg-query"));
        command.addAll(List.of(args));
        try {
            ShortCommand.Result r = ShortCommand.run(command, null, null, Duration.ofSeconds(30), null);
            return r.succeeded() ? Optional.of(r.output()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir != null) {
            try {
                Files.deleteIfExists(dir);
            } catch (IOException e) {
                // a left-over empty temporary folder harms nobody
            }
        }
    }
}
