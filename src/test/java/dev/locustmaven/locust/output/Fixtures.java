package dev.locustmaven.locust.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** The real Locust outputs in {@code src/test/resources/locust/<version>/<case>/} (see the README there). */
final class Fixtures {

    private Fixtures() {}

    /** A fixture folder, e.g. {@code "2.47.0/json-stdout"}. */
    static Path folder(String versionAndCase) {
        URL url = Fixtures.class.getResource("/locust/" + versionAndCase);
        if (url == null) {
            throw new IllegalArgumentException("no fixture folder locust/" + versionAndCase);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path file(String versionAndCase, String name) {
        return folder(versionAndCase).resolve(name);
    }

    static ConsoleSummary console(String versionAndCase) {
        return ConsoleSummary.read(file(versionAndCase, "console.log"));
    }

    /** Copies a fixture folder's files into {@code target} (created), for tests that change or add files. */
    static Path copy(String versionAndCase, Path target) {
        try {
            Files.createDirectories(target);
            try (Stream<Path> files = Files.list(folder(versionAndCase))) {
                for (Path file : files.toList()) {
                    Files.copy(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
