package dev.locustmaven.locust.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.locustmaven.io.AtomicFile;
import dev.locustmaven.model.RunManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@value #FILE_NAME}: what the {@code run} goal ran for one service, written beside its results so that {@code check}
 * can tell whether two runs are comparable.
 */
public final class RunManifestFile {

    public static final String FILE_NAME = "run-manifest.json";
    static final int FORMAT = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RunManifestFile() {}

    public static void write(Path file, RunManifest manifest) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("users", manifest.users());
        root.put("spawn_rate", manifest.spawnRate());
        root.put("run_time_s", manifest.runTimeSeconds());
        root.put("warm_up_s", manifest.warmUpSeconds());
        list(root, "user_classes", manifest.userClasses());
        list(root, "tags", manifest.tags());
        root.put("locust_version", manifest.locustVersion());
        root.put("python_version", manifest.pythonVersion());
        root.put("locustfile_sha256", manifest.locustfileSha256());
        root.put("host", manifest.host());
        try {
            AtomicFile.write(file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
        } catch (IOException e) {
            throw new LocustOutputException(file, 0, "cannot be written: " + e.getMessage(), e);
        }
    }

    /** @throws LocustOutputException when the file is not a manifest object, naming the file and the field */
    public static RunManifest read(Path file) {
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new LocustOutputException(file, 0, "is not readable JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new LocustOutputException(file, "must be a JSON object, as the run goal writes it");
        }
        return new RunManifest(
                whole(file, root, "users"),
                number(file, root, "spawn_rate"),
                number(file, root, "run_time_s"),
                number(file, root, "warm_up_s"),
                names(file, root, "user_classes"),
                names(file, root, "tags"),
                text(file, root, "locust_version"),
                text(file, root, "python_version"),
                text(file, root, "locustfile_sha256"),
                text(file, root, "host"));
    }

    private static void list(ObjectNode root, String field, List<String> values) {
        if (values == null) {
            root.putNull(field);
            return;
        }
        ArrayNode array = root.putArray(field);
        values.forEach(array::add);
    }

    private static Integer whole(Path file, JsonNode root, String field) {
        JsonNode node = root.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.canConvertToInt() || !node.isIntegralNumber()) {
            throw new LocustOutputException(file, "\"" + field + "\" must be a whole number, not " + node);
        }
        return node.intValue();
    }

    private static Double number(Path file, JsonNode root, String field) {
        JsonNode node = root.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            throw new LocustOutputException(file, "\"" + field + "\" must be a number, not " + node);
        }
        return node.doubleValue();
    }

    private static String text(Path file, JsonNode root, String field) {
        JsonNode node = root.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new LocustOutputException(file, "\"" + field + "\" must be a string, not " + node);
        }
        return node.asText().isEmpty() ? null : node.asText();
    }

    private static List<String> names(Path file, JsonNode root, String field) {
        JsonNode node = root.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw new LocustOutputException(file, "\"" + field + "\" must be a list of names, not " + node);
        }
        List<String> names = new ArrayList<>();
        for (JsonNode name : node) {
            if (!name.isTextual()) {
                throw new LocustOutputException(file, "\"" + field + "\" must be a list of names, not " + node);
            }
            names.add(name.asText());
        }
        return names;
    }
}
