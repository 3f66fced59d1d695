package dev.locustmaven.locust;

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

/** The two real Locusts the tests run: the newest (pinned, in the test venv) and Debian's 2.12.1. */
final class TestLocusts {

    static final String NEWEST_VERSION = "2.47.0";
    private static final Map<String, LocustInstallation> DETECTED = new ConcurrentHashMap<>();

    private TestLocusts() {}

    static Path newestExecutable() {
        String venv = System.getProperty(
                "locust.test.venv", System.getProperty("user.home") + "/.cache/locust-maven-plugin/test-venv");
        return Path.of(venv, "bin", "locust");
    }

    static Path debianExecutable() {
        return Path.of("/usr/bin/locust");
    }

    static LocustInstallation newest() {
        return DETECTED.computeIfAbsent("newest", k -> LocustDetector.detect(newestExecutable(), "test venv"));
    }

    static LocustInstallation debian() {
        return DETECTED.computeIfAbsent("debian", k -> LocustDetector.detect(debianExecutable(), "Debian package"));
    }

    static LocustInstallation byName(String name) {
        return name.equals("newest") ? newest() : debian();
    }

    /** Copies a test resource into {@code dir} and returns the copy. */
    static Path resource(String name, Path dir) throws IOException {
        Path target = dir.resolve(name);
        try (InputStream in = TestLocusts.class.getResourceAsStream(name)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    /** A row of Locust's final console table: method, name, requests, failures. */
    record ConsoleRow(String method, String name, long requests, long failures) {}

    private static final Pattern ROW =
            Pattern.compile("^(\\S*)\\s+(.+?)\\s+(\\d+)\\s+(\\d+)\\(\\d+\\.\\d+%\\)\\s+\\|.*$");

    /**
     * The rows of the final request table Locust prints after {@code Shutting down}, Aggregated last; with {@code
     * --only-summary} it is the only such table in the log.
     */
    static List<ConsoleRow> finalSummary(Path log) throws IOException {
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
    static final class Lines implements RunLog {
        final List<String> info = new ArrayList<>();
        final List<String> warn = new ArrayList<>();

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
