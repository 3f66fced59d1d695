package dev.locustmaven.locust.install;

import dev.locustmaven.locust.LocustRunException;
import dev.locustmaven.locust.RunLog;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Decides which Locust runs: the configured executable, else a managed installation of a version, else the PATH. */
public final class LocustLocator {

    private static final boolean WINDOWS = System.getProperty("os.name").startsWith("Windows");

    private LocustLocator() {}

    /**
     * Where to look for Locust.
     *
     * @param executable {@code locustExecutable}, or {@code null}
     * @param version {@code locustVersion}: install this version into a cached virtual environment, or {@code null}
     * @param python the Python used to create that environment, or {@code null} for python3 on the PATH
     * @param cacheDirectory where managed environments live
     * @param path the PATH to search when nothing is configured
     */
    public record Source(Path executable, String version, String python, Path cacheDirectory, String path) {}

    /** @throws LocustRunException with a message that says what to do when no usable Locust is found */
    public static LocustInstallation locate(Source source, RunLog log) {
        DetectionCache cache = DetectionCache.in(source.cacheDirectory());
        if (source.executable() != null) {
            LocustInstallation found = LocustDetector.detect(source.executable(), "locustExecutable", cache);
            if (source.version() != null
                    && found.version() != null
                    && !found.version().text().equals(source.version())) {
                log.warn("locustExecutable " + source.executable() + " is Locust " + found.version()
                        + ", not the locustVersion " + source.version() + "; the executable wins.");
            }
            return found;
        }
        if (source.version() != null && !source.version().isBlank()) {
            ManagedVenv venv = new ManagedVenv(source.cacheDirectory(), source.python(), log);
            ManagedVenv.Installed installed = venv.ensure(source.version().trim());
            return LocustDetector.detect(
                    installed,
                    "managed environment " + venv.directory(source.version().trim()),
                    cache);
        }
        return onPath(source.path())
                .map(p -> LocustDetector.detect(p, "PATH", cache))
                .orElseThrow(
                        () -> new LocustRunException(
                                "No Locust found: neither locustExecutable nor locustVersion"
                                        + " is set, and there is no 'locust' on the PATH. Set locustVersion (for example"
                                        + " -Dlocust.locustVersion=2.47.0) to let the plugin install Locust into a cached virtual"
                                        + " environment, or install Locust (pip install locust), or set locustExecutable to its path."));
    }

    static Optional<Path> onPath(String path) {
        if (path == null || path.isBlank()) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            Path candidate = Path.of(dir).resolve(WINDOWS ? "locust.exe" : "locust");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
