package dev.locustmaven.locust.install;

import dev.locustmaven.locust.LocustRunException;
import dev.locustmaven.locust.RunLog;
import dev.locustmaven.locust.process.ShortCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks the installer for a managed Locust: uv from the PATH, else uv installed once from PyPI into the plugin's cache
 * ({@code <cache>/tools/uv}), else pip.
 */
final class InstallerChoice {

    /** The uv the plugin installs when there is none on the PATH. */
    static final String UV_VERSION = "0.13.9";

    private static final Pattern UV_VERSION_LINE = Pattern.compile("^uv (\\S+)");
    private static final String MARKER = ".locust-maven-plugin-complete";
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private InstallerChoice() {}

    static PackageInstaller choose(Path cacheDirectory, String python, RunLog log) {
        return uvVersion("uv")
                .<PackageInstaller>map(v -> new PackageInstaller.Uv("uv", v, cacheDirectory))
                .or(() -> cachedUv(cacheDirectory, python, log))
                .orElseGet(() -> new PackageInstaller.Pip(cacheDirectory));
    }

    private static Optional<PackageInstaller> cachedUv(Path cacheDirectory, String python, RunLog log) {
        Path venv = cacheDirectory.resolve("tools").resolve("uv");
        Path uv = ManagedVenv.executableIn(venv, "uv");
        try {
            return CacheLock.holding(
                    cacheDirectory.resolve("tools").resolve("uv.lock"),
                    "Waiting for another build that is installing uv in " + venv,
                    log,
                    () -> {
                        // an unfinished or broken install (its uv does not run) is replaced, once
                        Optional<String> version =
                                Files.isRegularFile(venv.resolve(MARKER)) ? uvVersion(uv.toString()) : Optional.empty();
                        if (version.isEmpty()) {
                            install(venv, cacheDirectory, python, log);
                            version = uvVersion(uv.toString());
                        }
                        if (version.isEmpty()) {
                            throw new LocustRunException(uv + " --version does not run after installing it");
                        }
                        return version.map(v -> new PackageInstaller.Uv(uv.toString(), v, cacheDirectory));
                    });
        } catch (IOException | LocustRunException e) {
            log.info("Could not install uv " + UV_VERSION + " from PyPI into " + venv + " (" + e.getMessage()
                    + "); installing with pip instead.");
            return Optional.empty();
        }
    }

    private static void install(Path venv, Path cacheDirectory, String python, RunLog log) throws IOException {
        ManagedVenv.deleteRecursively(venv);
        long start = System.nanoTime();
        PackageInstaller pip = new PackageInstaller.Pip(cacheDirectory);
        ShortCommand.Result created =
                ShortCommand.run(pip.createEnvironment(python, venv), null, pip.environment(), TIMEOUT, null);
        ShortCommand.Result installed = created.succeeded()
                ? ShortCommand.run(
                        pip.install(ManagedVenv.pythonIn(venv), null, "uv==" + UV_VERSION),
                        null,
                        pip.environment(),
                        TIMEOUT,
                        venv.resolve("install.log"))
                : created;
        if (!installed.succeeded()) {
            ManagedVenv.deleteRecursively(venv);
            throw new LocustRunException("exit " + installed.exitCode() + ": " + installed.tail(1));
        }
        Files.writeString(venv.resolve(MARKER), "uv==" + UV_VERSION + System.lineSeparator(), StandardCharsets.UTF_8);
        log.info("Installed uv " + UV_VERSION + " into " + venv + " in " + ManagedVenv.seconds(start)
                + " (once; it installs Locust in seconds)");
    }

    /** What {@code <uv> --version} says, or empty when it does not run. */
    private static Optional<String> uvVersion(String uv) {
        try {
            ShortCommand.Result r =
                    ShortCommand.run(List.of(uv, "--version"), null, null, Duration.ofSeconds(30), null);
            Matcher m = UV_VERSION_LINE.matcher(r.output().trim());
            return r.succeeded() && m.find() ? Optional.of(m.group(1)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
