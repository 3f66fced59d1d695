package dev.locustmaven.locust.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.locustmaven.locust.install.LocustInstallation;
import dev.locustmaven.model.RunManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The manifest of one scenario's run: the scenario's settings, the locustfiles' hash, and what the helper's final
 * statistics add (the Python version, the user classes that ran, the host the locustfile chose).
 */
final class RunManifests {

    private RunManifests() {}

    static RunManifest of(LocustScenario scenario, LocustInstallation locust, Path finalStats) {
        JsonNode stats = finalStats(finalStats);
        List<String> tags = new ArrayList<>(scenario.tags());
        scenario.excludeTags().forEach(tag -> tags.add("!" + tag));
        List<String> ran = names(stats.path("user_classes"));
        String pythonVersion = stats.path("python_version").asText("");
        String host =
                scenario.host() != null ? scenario.host() : stats.path("host").asText("");
        return new RunManifest(
                scenario.users(),
                scenario.spawnRate(),
                scenario.runTime().toMillis() / 1000.0,
                scenario.warmUp().toMillis() / 1000.0,
                !ran.isEmpty() ? ran : scenario.userClasses().isEmpty() ? null : scenario.userClasses(),
                tags,
                locust.version() == null ? null : locust.version().text(),
                pythonVersion.isEmpty() ? null : pythonVersion,
                sha256(scenario.locustfiles()),
                host.isEmpty() ? null : host);
    }

    private static JsonNode finalStats(Path file) {
        if (!Files.isRegularFile(file)) {
            return new ObjectMapper().createObjectNode();
        }
        try {
            return new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            // the run's outcome reports an unreadable final-stats.json; the manifest just lacks what it would add
            return new ObjectMapper().createObjectNode();
        }
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(name -> names.add(name.asText()));
        return names;
    }

    /** The SHA-256 of the locustfiles' bytes, one after another; {@code null} when one cannot be read. */
    static String sha256(List<Path> locustfiles) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path file : locustfiles) {
                digest.update(Files.readAllBytes(file));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            return null;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }
}
