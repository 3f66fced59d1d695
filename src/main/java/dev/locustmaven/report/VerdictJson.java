package dev.locustmaven.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.locustmaven.io.AtomicFile;
import dev.locustmaven.machine.MachineReport;
import dev.locustmaven.model.ChangeEvidence;
import dev.locustmaven.model.Check;
import dev.locustmaven.model.MetricFormat;
import dev.locustmaven.model.MetricKey;
import dev.locustmaven.model.MetricValue;
import dev.locustmaven.model.Status;
import dev.locustmaven.model.Verdict;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The full verdict as JSON for other tools ({@code target/locust/verdict.json}):
 *
 * <pre>{@code
 * {"verdict": "FAIL", "generated_at": "...", "warnings": ["..."],
 *  "calibration": {"method", "cpu_loop_ms", "loopback_round_trip_ms", "measured_at", "measured_by", "took_ms",
 *                  "quiet": {"cpu_loop_ms", "loopback_round_trip_ms", "builds"}, "speed"},
 *  "checks": [{"service", "endpoint", "metric", "baseline", "current", "delta", "change_pct", "rule", "status",
 *              "message", "sampling": {"run_requests", "baseline_requests", "change_lower", "change_upper",
 *                                      "confidence", "conclusive", "requests_to_decide", "baseline_too",
 *                                      "approximate", "basis",
 *                                      "response_times": {"change", "change_lower", "change_upper"}}}]}
 * }</pre>
 *
 * Every check has the first ten keys; {@code sampling} only a check judged under sampling error (a change level breached
 * by its value), with the change's bounds in percent for a relative level and in the metric's unit for an absolute
 * one ({@code null} where unbounded), and {@code response_times} where the response times' shift as a whole was
 * weighed (in percent); absent values are {@code null} ({@code endpoint} for a service metric, {@code
 * change_pct} for a zero baseline). {@code calibration} is left out when the build has none, {@code quiet} and {@code
 * speed} when the history has too few calibrations to compare with ({@link MachineReport#json}). Flags stay booleans; numbers are rounded as {@link MetricFormat#number} rounds.
 */
public final class VerdictJson {

    private static final DefaultIndenter INDENT = new DefaultIndenter("  ", "\n");
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();
    static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
            .withObjectIndenter(INDENT)
            .withArrayIndenter(INDENT));

    private VerdictJson() {}

    /** The JSON text, ending in a newline; {@code generatedAt} may be {@code null} to leave the key out. */
    public static String render(Verdict verdict, Instant generatedAt) {
        return render(verdict, generatedAt, null);
    }

    /** The JSON text with the machine's calibration; {@code machine} may be {@code null} to leave it out. */
    public static String render(Verdict verdict, Instant generatedAt, MachineReport machine) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode root = nodes.objectNode();
        root.put("verdict", verdict.level().name());
        if (generatedAt != null) {
            root.put("generated_at", generatedAt.toString());
        }
        ArrayNode warnings = root.putArray("warnings");
        verdict.warnings().forEach(warnings::add);
        if (machine != null) {
            root.set("calibration", machine.json());
        }
        ArrayNode checks = root.putArray("checks");
        for (Check check : verdict.checks()) {
            ObjectNode node = checks.addObject();
            node.put("service", check.key().service());
            node.put("endpoint", check.key().endpoint());
            node.put("metric", check.key().metric());
            node.set("baseline", value(check.baseline()));
            node.set("current", value(check.current()));
            node.set("delta", number(check.delta()));
            node.set("change_pct", number(check.changePct()));
            node.put("rule", check.rule());
            node.put("status", check.status().name());
            node.put("message", check.message());
            if (check.evidence() != null) {
                node.set("sampling", sampling(check.evidence()));
            }
        }
        try {
            return WRITER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree could not be written as JSON", e);
        }
    }

    public static void write(Path file, Verdict verdict, Instant generatedAt) {
        write(file, verdict, generatedAt, null);
    }

    public static void write(Path file, Verdict verdict, Instant generatedAt, MachineReport machine) {
        try {
            AtomicFile.write(file, render(verdict, generatedAt, machine));
        } catch (IOException e) {
            throw new ReportFileException(file + ": cannot write the verdict: " + e, e);
        }
    }

    /** Reads a file that {@link #write} wrote (or a tool wrote in the same shape). */
    public static Verdict read(Path file) {
        return readFile(file).verdict();
    }

    /** Reads a file that {@link #write} wrote, with its {@code generated_at}. */
    public static VerdictFile readFile(Path file) {
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new ReportFileException(file + ": no verdict file; run `mvn verify` (the locust:check goal) first");
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            throw new ReportFileException(
                    file + (location == null ? "" : ":" + location.getLineNr() + ":" + location.getColumnNr()) + ": "
                            + e.getOriginalMessage(),
                    e);
        } catch (IOException e) {
            throw new ReportFileException(file + ": cannot read the verdict: " + e, e);
        }
        if (root == null || !root.isObject()) {
            throw new ReportFileException(file + ": expected a JSON object with \"verdict\" and \"checks\"");
        }
        Status level = status(file, root, "verdict", "verdict");
        List<String> warnings = new ArrayList<>();
        root.path("warnings").forEach(w -> warnings.add(w.asText()));
        JsonNode checkNodes = root.get("checks");
        if (checkNodes == null || !checkNodes.isArray()) {
            throw new ReportFileException(file + ": \"checks\" must be an array");
        }
        List<Check> checks = new ArrayList<>();
        for (int i = 0; i < checkNodes.size(); i++) {
            checks.add(check(file, checkNodes.get(i), "checks[" + i + "]"));
        }
        try {
            return new VerdictFile(new Verdict(level, checks, warnings), generatedAt(root));
        } catch (IllegalArgumentException e) {
            throw new ReportFileException(file + ": \"verdict\" " + e.getMessage(), e);
        }
    }

    /** A time another tool wrote in another shape is left out rather than losing the whole verdict. */
    private static Instant generatedAt(JsonNode root) {
        JsonNode time = root.get("generated_at");
        if (time == null || !time.isTextual()) {
            return null;
        }
        try {
            return Instant.parse(time.asText());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Check check(Path file, JsonNode node, String where) {
        if (!node.isObject()) {
            throw new ReportFileException(file + ": " + where + " must be an object");
        }
        MetricKey key = new MetricKey(
                requiredText(file, node, "service", where),
                node.hasNonNull("endpoint") ? node.get("endpoint").asText() : null,
                requiredText(file, node, "metric", where));
        return new Check(
                key,
                metricValue(file, node, "baseline", where),
                metricValue(file, node, "current", where),
                decimal(file, node, "delta", where),
                decimal(file, node, "change_pct", where),
                node.hasNonNull("rule") ? node.get("rule").asText() : null,
                status(file, node, "status", where),
                node.hasNonNull("message") ? node.get("message").asText() : null);
    }

    private static String requiredText(Path file, JsonNode node, String key, String where) {
        JsonNode value = node.get(key);
        if (value == null || !value.isTextual()) {
            throw new ReportFileException(file + ": " + where + "." + key + " must be a string");
        }
        return value.asText();
    }

    private static Status status(Path file, JsonNode node, String key, String where) {
        String text = node.path(key).asText(null);
        try {
            return Status.valueOf(text);
        } catch (IllegalArgumentException | NullPointerException e) {
            String at = where.equals(key) ? key : where + "." + key;
            throw new ReportFileException(file + ": " + at + " is " + node.path(key) + ", expected one of "
                    + Arrays.toString(Status.values()));
        }
    }

    private static MetricValue metricValue(Path file, JsonNode node, String key, String where) {
        JsonNode value = node.path(key);
        if (value.isNumber()) {
            return MetricValue.of(value.doubleValue());
        }
        if (value.isBoolean()) {
            return MetricValue.of(value.booleanValue());
        }
        if (value.isNull() || value.isMissingNode()) {
            return null;
        }
        throw new ReportFileException(file + ": " + where + "." + key + " must be a number, a boolean or null");
    }

    private static Double decimal(Path file, JsonNode node, String key, String where) {
        JsonNode value = node.path(key);
        if (value.isNumber()) {
            return value.doubleValue();
        }
        if (value.isNull() || value.isMissingNode()) {
            return null;
        }
        throw new ReportFileException(file + ": " + where + "." + key + " must be a number or null");
    }

    private static JsonNode value(MetricValue value) {
        if (value instanceof MetricValue.Flag flag) {
            return JsonNodeFactory.instance.booleanNode(flag.value());
        }
        return number(value == null ? null : value.asDouble());
    }

    static JsonNode number(Double value) {
        if (value == null || !Double.isFinite(value)) {
            return JsonNodeFactory.instance.nullNode();
        }
        return JsonNodeFactory.instance.numberNode(new BigDecimal(MetricFormat.number(value)));
    }

    /** A check's change under sampling error: its bounds, the requests on both sides, and whether it is conclusive. */
    private static ObjectNode sampling(ChangeEvidence evidence) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("run_requests", evidence.runRequests());
        node.put("baseline_requests", evidence.baselineRequests());
        node.set("change_lower", number(Double.isFinite(evidence.lower()) ? evidence.lower() : null));
        node.set("change_upper", number(Double.isFinite(evidence.upper()) ? evidence.upper() : null));
        node.put("confidence", evidence.confidence());
        node.put("conclusive", evidence.conclusive());
        if (evidence.requestsToDecide() != null) {
            node.put("requests_to_decide", evidence.requestsToDecide());
            node.put("baseline_too", evidence.baselineToo());
        }
        node.put("approximate", evidence.approximate());
        node.put("basis", evidence.basis() == ChangeEvidence.Basis.VALUE ? "value" : "response_times");
        if (evidence.reference() != null) {
            ObjectNode reference = node.putObject("history_reference");
            reference.put("runs", evidence.reference().runs());
            reference.set("value", number(evidence.reference().value()));
        }
        if (evidence.responseTimes() != null) {
            ObjectNode shift = node.putObject("response_times");
            shift.set("change", number(evidence.responseTimes().change()));
            shift.set("change_lower", number(evidence.responseTimes().lower()));
            shift.set("change_upper", number(evidence.responseTimes().upper()));
        }
        return node;
    }
}
