package dev.locustmaven.locust.install;

import dev.locustmaven.io.AtomicFile;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * What {@code locust -V} and {@code locust --help} printed, remembered per executable in {@code <cache>/detected/}, so
 * that a build does not start Python twice only to learn what the last build learnt. An entry is keyed on the
 * executable's path, size and modification time (of the file a link points at), so reinstalling or upgrading Locust,
 * which rewrites its launcher, makes a fresh detection. Only such launchers are remembered: Python entry-point scripts,
 * as pip and uv write them. A wrapper (a pyenv shim, a script of one's own, a native launcher) stays the same when the
 * Locust behind it changes, so it is detected afresh on every build.
 */
final class DetectionCache {

    private final Path directory;

    private DetectionCache(Path directory) {
        this.directory = directory;
    }

    /** Entries under {@code <cacheDirectory>/detected}. */
    static DetectionCache in(Path cacheDirectory) {
        return new DetectionCache(cacheDirectory.resolve("detected"));
    }

    /** Remembers nothing: every detection runs Locust. */
    static DetectionCache none() {
        return new DetectionCache(null);
    }

    Optional<String> output(Path executable, String option) {
        if (directory == null || !isEntryPointScript(executable)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(entry(executable, option), StandardCharsets.UTF_8));
        } catch (IOException e) {
            // not detected yet, or the executable itself is gone (the detection will say so)
            return Optional.empty();
        }
    }

    /** Stores a successful run's output; a cache that cannot be written only costs the next build a detection. */
    void remember(Path executable, String option, String output) {
        if (directory == null || !isEntryPointScript(executable)) {
            return;
        }
        try {
            AtomicFile.write(entry(executable, option), output);
        } catch (IOException e) {
            // the detection still stands; only the next build repeats it
        }
    }

    /**
     * A script whose first lines name Python: {@code #!/venv/bin/python}, or for a long path pip's {@code #!/bin/sh}
     * followed by {@code exec "/venv/bin/python"}.
     */
    private static boolean isEntryPointScript(Path executable) {
        try (BufferedReader reader = Files.newBufferedReader(executable, StandardCharsets.ISO_8859_1)) {
            String first = reader.readLine();
            if (first == null || !first.startsWith("#!")) {
                return false;
            }
            String head = first + reader.readLine() + reader.readLine();
            return head.contains("python");
        } catch (IOException e) {
            return false;
        }
    }

    private Path entry(Path executable, String option) throws IOException {
        Path real = executable.toRealPath();
        BasicFileAttributes attributes = Files.readAttributes(real, BasicFileAttributes.class);
        String key = executable.toAbsolutePath().normalize() + "\n" + real + "\n" + attributes.size() + "\n"
                + attributes.lastModifiedTime().toMillis() + "\n" + option;
        return directory.resolve(Sha256.prefix(key, 24) + option.replaceAll("[^a-zA-Z]", "-") + ".txt");
    }
}
