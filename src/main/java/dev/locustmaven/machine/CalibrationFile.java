package dev.locustmaven.machine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.locustmaven.io.AtomicFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * {@code <resultsDirectory>/calibration.json}, which the {@code run} goal writes before it starts the system under
 * test and {@code check} reads:
 *
 * <pre>{@code
 * {
 *   "method": 1,
 *   "cpu_loop_ms": 16.9,
 *   "loopback_round_trip_ms": 0.0152,
 *   "measured_at": "2026-03-01T12:00:00.123Z",
 *   "measured_by": "run",
 *   "took_ms": 221
 * }
 * }</pre>
 *
 * The same object is the {@code calibration} of {@code verdict.json}.
 */
public final class CalibrationFile {

    public static final String NAME = "calibration.json";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CalibrationFile() {}

    /** Where the {@code run} goal leaves the calibration for {@code check}. */
    public static Path in(Path resultsDirectory) {
        return resultsDirectory.resolve(NAME);
    }

    public static void write(Path file, MeasuredCalibration calibration) {
        try {
            AtomicFile.write(
                    file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node(calibration)) + "\n");
        } catch (IOException e) {
            throw new MachineCalibrationException(file + ": cannot write the calibration: " + e, e);
        }
    }

    /**
     * The calibration in {@code file}; empty when there is no such file.
     *
     * @throws MachineCalibrationException when the file cannot be read or is not a calibration
     */
    public static Optional<MeasuredCalibration> read(Path file) {
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (JsonProcessingException e) {
            throw new MachineCalibrationException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new MachineCalibrationException(file + ": cannot read the calibration: " + e, e);
        }
        if (root == null || !root.isObject()) {
            throw new MachineCalibrationException(
                    file + ": expected a JSON object with cpu_loop_ms and" + " loopback_round_trip_ms");
        }
        try {
            Calibration figures = new Calibration(
                    whole(root, "method"), number(root, "cpu_loop_ms"), number(root, "loopback_round_trip_ms"));
            Instant at = Instant.parse(text(root, "measured_at"));
            JsonNode took = root.path("took_ms");
            return Optional.of(new MeasuredCalibration(
                    figures, at, text(root, "measured_by"), took.isNumber() ? took.doubleValue() : Double.NaN));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new MachineCalibrationException(file + ": " + e.getMessage(), e);
        }
    }

    /** The calibration as a JSON object, in the key order of the file. */
    public static ObjectNode node(MeasuredCalibration calibration) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        Calibration figures = calibration.figures();
        node.put("method", figures.method());
        node.put("cpu_loop_ms", Calibration.stored(figures.cpuLoopMs()));
        node.put("loopback_round_trip_ms", Calibration.stored(figures.loopbackRoundTripMs()));
        node.put("measured_at", calibration.measuredAt().toString());
        node.put("measured_by", calibration.measuredBy());
        if (Double.isFinite(calibration.tookMs())) {
            node.put("took_ms", Math.round(calibration.tookMs()));
        }
        return node;
    }

    private static int whole(JsonNode root, String key) {
        JsonNode value = root.get(key);
        if (value == null || !value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new IllegalArgumentException("\"" + key + "\" must be a whole number");
        }
        return value.intValue();
    }

    private static double number(JsonNode root, String key) {
        JsonNode value = root.get(key);
        if (value == null || !value.isNumber()) {
            throw new IllegalArgumentException("\"" + key + "\" must be a number");
        }
        return value.doubleValue();
    }

    private static String text(JsonNode root, String key) {
        JsonNode value = root.get(key);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("\"" + key + "\" must be text");
        }
        return value.asText();
    }
}
