package dev.locustmaven.locust.install;

import dev.locustmaven.locust.LocustRunException;
import dev.locustmaven.locust.process.LocustEnvironment;
import dev.locustmaven.locust.process.ShortCommand;
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
     * Detects an executable's version ({@code -V}) and options ({@code --help}), each from the cache when this very
     * executable was detected before.
     *
     * @param origin where the executable came from, for messages
     * @throws LocustRunException when it cannot be run, is not Locust, or is older than 2.11
     */
    static LocustInstallation detect(Path executable, String origin, DetectionCache cache) {
        requireFile(executable, origin);
        // both start Python and import gevent, which takes seconds: run them side by side when neither is cached
        CompletableFuture<ShortCommand.Result> helpRun =
                CompletableFuture.supplyAsync(() -> output(executable, "--help", cache));
        ShortCommand.Result versionRun = output(executable, "-V", cache);
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
        return new LocustInstallation(
                executable, version, reportsVersion, features(executable, origin, join(helpRun)), origin);
    }

    /** A Locust the plugin installed: its version comes from the package metadata, so only {@code --help} is needed. */
    static LocustInstallation detect(ManagedVenv.Installed installed, String origin, DetectionCache cache) {
        requireFile(installed.executable(), origin);
        ShortCommand.Result help = output(installed.executable(), "--help", cache);
        return new LocustInstallation(
                installed.executable(),
                installed.version(),
                true,
                features(installed.executable(), origin, help),
                origin);
    }

    private static void requireFile(Path executable, String origin) {
        if (!Files.isRegularFile(executable)) {
            throw new LocustRunException("The Locust executable " + executable + " (" + origin + ") does not exist.");
        }
    }

    private static LocustFeatures features(Path executable, String origin, ShortCommand.Result help) {
        if (!help.succeeded()) {
            throw new LocustRunException("'" + executable + " --help' (" + origin + ") exited with " + help.exitCode()
                    + ":" + System.lineSeparator() + help.tail(15));
        }
        return LocustFeatures.fromHelp(help.output());
    }

    private static ShortCommand.Result join(CompletableFuture<ShortCommand.Result> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** The output of {@code <executable> <option>}: remembered, or run now and remembered when it succeeds. */
    private static ShortCommand.Result output(Path executable, String option, DetectionCache cache) {
        Optional<String> remembered = cache.output(executable, option);
        if (remembered.isPresent()) {
            return new ShortCommand.Result(0, remembered.get());
        }
        ShortCommand.Result result = run(executable, option);
        if (result.succeeded()) {
            cache.remember(executable, option, result.output());
        }
        return result;
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
