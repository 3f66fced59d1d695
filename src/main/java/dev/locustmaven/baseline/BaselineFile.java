package dev.locustmaven.baseline;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.locustmaven.io.AtomicFile;
import dev.locustmaven.model.Baseline;
import dev.locustmaven.model.MetricKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes the committed baseline file ({@code docs/performance-baselines.json} by default).
 *
 * <p>Reading accepts the shape teams already write by hand (see {@link BaselineShape}); numbers keep the text they
 * were written with, so that a rewrite changes only what was measured again. Writing is atomic: the new text goes to a
 * temporary file in the same directory, which then replaces the old file in one rename.
 */
public final class BaselineFile {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    /** Jackson's text for {@link StreamReadFeature#STRICT_DUPLICATE_DETECTION}, reworded for people. */
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'");

    private BaselineFile() {}

    /** Reads the baseline's metrics and header; throws {@link BaselineFileException} for a missing or bad file. */
    public static Baseline read(Path file) {
        return readDocument(file).baseline();
    }

    /** Reads the whole file, keeping every key, for promotion; throws {@link BaselineFileException} as {@link #read}. */
    public static BaselineDocument readDocument(Path file) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BaselineFileException(file + ": no baseline file. Run `mvn locust:baseline` to create it from a"
                    + " measured run, or set locust.baselineFile to the baseline you have.");
        } catch (IOException e) {
            throw new BaselineFileException(file + ": cannot read the baseline file: " + e, e);
        }
        JsonNode root = parse(file, content);
        if (!root.isObject()) {
            throw new BaselineFileException(file + ":1:1: expected a JSON object with one key per service, but the"
                    + " file holds " + (root.isArray() ? "an array" : "a single value"));
        }
        ObjectNode tree = (ObjectNode) root;
        Baseline baseline = BaselineShape.toBaseline(tree, path -> locate(file, content, path));
        return new BaselineDocument(tree, baseline);
    }

    /** The document, or empty when the file does not exist yet (the first promotion). */
    public static Optional<BaselineDocument> readIfExists(Path file) {
        return Files.exists(file) ? Optional.of(readDocument(file)) : Optional.empty();
    }

    /**
     * A value of the file that turned out unusable only when a rule compared it (a string where a number is compared):
     * the file with the key's line and column, the key, and {@code problem}, which goes on from the key ("is …").
     */
    public static BaselineFileException valueProblem(Path file, MetricKey key, String problem) {
        List<String> path = BaselineShape.pathOf(key);
        String where;
        try {
            where = locate(file, Files.readAllBytes(file), path);
        } catch (IOException e) {
            // It was read moments ago; without a location the message still names the key.
            where = file.toString();
        }
        return new BaselineFileException(where + ": " + BaselineShape.quoted(path) + " " + problem);
    }

    /** Writes the document's {@link BaselineDocument#toJson() text}, replacing the file atomically. */
    public static void write(Path file, BaselineDocument document) {
        try {
            AtomicFile.write(file, document.toJson());
        } catch (IOException e) {
            throw new BaselineFileException(file + ": cannot write the baseline file: " + e, e);
        }
    }

    private static JsonNode parse(Path file, byte[] content) {
        try {
            JsonNode root = MAPPER.readTree(content);
            if (root == null || root.isMissingNode()) {
                throw new BaselineFileException(
                        file + ": the baseline file is empty; expected a JSON object with one key per service");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new BaselineFileException(at(file, e.getLocation()) + ": " + describe(e), e);
        } catch (IOException e) {
            throw new BaselineFileException(file + ": cannot read the baseline file: " + e, e);
        }
    }

    private static String describe(JsonProcessingException e) {
        Matcher duplicate = DUPLICATE.matcher(e.getOriginalMessage());
        return duplicate.matches()
                ? "duplicate key \"" + duplicate.group(1) + "\"; a key may appear only once in an object"
                : e.getOriginalMessage();
    }

    private static String at(Path file, JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return file.toString();
        }
        return file + ":" + location.getLineNr() + ":" + location.getColumnNr();
    }

    /** Finds the line and column of a key for a message; only called on the error path, so it parses again. */
    private static String locate(Path file, byte[] content, List<String> keyPath) {
        JsonPointer wanted = JsonPointer.empty();
        for (String key : keyPath) {
            wanted = wanted.appendProperty(key);
        }
        try (JsonParser parser = MAPPER.createParser(content)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME
                        && parser.getParsingContext().pathAsPointer().equals(wanted)) {
                    return at(file, parser.currentTokenLocation());
                }
            }
        } catch (IOException e) {
            // The content parsed once already; without a location the message still names the key.
        }
        return file.toString();
    }
}
