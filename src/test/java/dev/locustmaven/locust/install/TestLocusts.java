package dev.locustmaven.locust.install;

import dev.locustmaven.locust.RunLog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * The real Locusts the tests run, installed by the plugin's own managed install into the build's cache (the system
 * property {@code locust.test.cache}, set by the pom to the plugin's default cache): the newest supported, 2.47.0, and
 * the oldest kept working, 2.12.1, each from its pinned dependency set. Debian's python3-locust 2.12.1, which reports
 * no version of its own, is an extra target where it is installed.
 */
public final class TestLocusts {

    public static final String NEWEST_VERSION = "2.47.0";
    public static final String OLDEST_VERSION = "2.12.1";
    private static final Path DEBIAN = Path.of("/usr/bin/locust");
    private static final Map<String, LocustInstallation> DETECTED = new ConcurrentHashMap<>();
    /** Installing is worth a line in the build's output: it takes seconds, once per cache. */
    private static final RunLog PROVISION_LOG = new RunLog() {
        @Override
        public void info(String message) {
            System.out.println("[test Locusts] " + message);
        }

        @Override
        public void warn(String message) {
            System.out.println("[test Locusts] WARNING " + message);
        }
    };

    private TestLocusts() {}

    public static Path cacheDirectory() {
        return Path.of(System.getProperty(
                "locust.test.cache", System.getProperty("user.home") + "/.cache/locust-maven-plugin"));
    }

    public static LocustInstallation newest() {
        return managed(NEWEST_VERSION);
    }

    public static LocustInstallation oldest() {
        return managed(OLDEST_VERSION);
    }

    /** Debian's package; the calling test is skipped, saying so, where it is not installed. */
    public static LocustInstallation debian() {
        boolean installed = Files.isRegularFile(DEBIAN)
                && LocustDetector.dpkgVersion(DEBIAN).isPresent();
        if (!installed) {
            System.out.println("[test Locusts] Skipped: Debian's python3-locust is not installed (" + DEBIAN
                    + "), an optional target");
        }
        Assumptions.assumeTrue(installed, "Optional target: Debian's python3-locust is not installed at " + DEBIAN);
        return DETECTED.computeIfAbsent(
                "debian", k -> LocustDetector.detect(DEBIAN, "Debian package", DetectionCache.none()));
    }

    public static LocustInstallation byName(String name) {
        return switch (name) {
            case "newest" -> newest();
            case "oldest" -> oldest();
            case "debian" -> debian();
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static LocustInstallation managed(String version) {
        return DETECTED.computeIfAbsent(
                version,
                v -> LocustLocator.locate(
                        new LocustLocator.Source(null, v, null, cacheDirectory(), null), PROVISION_LOG));
    }

    /** Copies a test resource into {@code dir} and returns the copy. */
    public static Path resource(String name, Path dir) throws IOException {
        Path target = dir.resolve(name);
        try (InputStream in = TestLocusts.class.getResourceAsStream("/dev/locustmaven/locust/" + name)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    /** A row of Locust's final console table: method, name, requests, failures. */
    public record ConsoleRow(String method, String name, long requests, long failures) {}

    private static final Pattern ROW =
            Pattern.compile("^(\\S*)\\s+(.+?)\\s+(\\d+)\\s+(\\d+)\\(\\d+\\.\\d+%\\)\\s+\\|.*$");

    /**
     * The rows of the final request table Locust prints after {@code Shutting down}, Aggregated last; with {@code
     * --only-summary} it is the only such table in the log.
     */
    public static List<ConsoleRow> finalSummary(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("Shutting down (exit code")) {
                start = i;
            }
        }
        List<ConsoleRow> rows = new ArrayList<>();
        for (int i = Math.max(0, start); i < lines.size(); i++) {
            Matcher m = ROW.matcher(lines.get(i));
            if (m.matches()) {
                rows.add(new ConsoleRow(
                        m.group(1), m.group(2).trim(), Long.parseLong(m.group(3)), Long.parseLong(m.group(4))));
                if (m.group(2).trim().equals("Aggregated")) {
                    break;
                }
            }
        }
        return rows;
    }

    /** Collects what the runner logs. */
    public static final class Lines implements RunLog {
        public final List<String> info = new ArrayList<>();
        public final List<String> warn = new ArrayList<>();

        @Override
        public synchronized void info(String message) {
            info.add(message);
        }

        @Override
        public synchronized void warn(String message) {
            warn.add(message);
        }
    }
}
