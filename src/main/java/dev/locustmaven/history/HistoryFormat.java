package dev.locustmaven.history;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.locustmaven.model.MetricKey;
import dev.locustmaven.model.MetricValue;
import dev.locustmaven.model.Status;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One history record as one line of JSON, and back:
 *
 * <pre>{@code
 * {"schema":1,"time":"2026-01-02T03:04:05Z","run_id":"...","git_commit":"...","git_branch":"main",
 *  "build_url":"...","segment":"...","verdict":"PASS","runs":1,
 *  "services":{"api":{"fingerprint":{"users":10,...},"metrics":{"rps":2.5,...},
 *                     "endpoints":{"GET /x":{"p95_latency_ms":650,...}}}}}
 * }</pre>
 *
 * Keys are written in a fixed order, metrics sorted, absent values left out. Non-finite numbers cannot be JSON and are
 * left out too.
 */
final class HistoryFormat {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private HistoryFormat() {}

    static String write(HistoryRecord record) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = MAPPER.getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberField("schema", record.schema());
            json.writeStringField("time", record.time().toString());
            json.writeStringField("run_id", record.runId());
            writeOptional(json, "git_commit", record.gitCommit());
            writeOptional(json, "git_branch", record.gitBranch());
            writeOptional(json, "build_url", record.buildUrl());
            writeOptional(json, "segment", record.segment());
            json.writeStringField("verdict", record.verdict().name());
            json.writeNumberField("runs", record.runs());
            json.writeObjectFieldStart("services");
            for (Map.Entry<String, ServiceData> service : byService(record).entrySet()) {
                json.writeObjectFieldStart(service.getKey());
                Fingerprint fingerprint = service.getValue().fingerprint;
                if (fingerprint != null) {
                    writeFingerprint(json, fingerprint);
                }
                if (!service.getValue().metrics.isEmpty()) {
                    json.writeObjectFieldStart("metrics");
                    writeMetrics(json, service.getValue().metrics);
                    json.writeEndObject();
                }
                if (!service.getValue().endpoints.isEmpty()) {
                    json.writeObjectFieldStart("endpoints");
                    for (Map.Entry<String, Map<String, MetricValue>> endpoint :
                            service.getValue().endpoints.entrySet()) {
                        json.writeObjectFieldStart(endpoint.getKey());
                        writeMetrics(json, endpoint.getValue());
                        json.writeEndObject();
                    }
                    json.writeEndObject();
                }
                json.writeEndObject();
            }
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static final class ServiceData {
        Fingerprint fingerprint;
        final Map<String, MetricValue> metrics = new TreeMap<>();
        final Map<String, Map<String, MetricValue>> endpoints = new TreeMap<>();
    }

    private static Map<String, ServiceData> byService(HistoryRecord record) {
        Map<String, ServiceData> services = new TreeMap<>();
        record.fingerprints()
                .forEach((service, f) -> services.computeIfAbsent(service, s -> new ServiceData()).fingerprint = f);
        record.metrics().forEach((key, value) -> {
            ServiceData data = services.computeIfAbsent(key.service(), s -> new ServiceData());
            if (key.isServiceLevel()) {
                data.metrics.put(key.metric(), value);
            } else {
                data.endpoints
                        .computeIfAbsent(key.endpoint(), e -> new TreeMap<>())
                        .put(key.metric(), value);
            }
        });
        return services;
    }

    private static void writeFingerprint(JsonGenerator json, Fingerprint f) throws IOException {
        json.writeObjectFieldStart("fingerprint");
        if (f.users() != null) {
            json.writeNumberField("users", f.users());
        }
        writeOptionalNumber(json, "spawn_rate", f.spawnRate());
        writeOptionalNumber(json, "run_time_s", f.runTimeSeconds());
        if (f.userClasses() != null) {
            json.writeArrayFieldStart("user_classes");
            for (String userClass : f.userClasses()) {
                json.writeString(userClass);
            }
            json.writeEndArray();
        }
        writeOptional(json, "locust_version", f.locustVersion());
        writeOptional(json, "os", f.os());
        writeOptional(json, "arch", f.arch());
        if (f.cores() != null) {
            json.writeNumberField("cores", f.cores());
        }
        writeOptional(json, "environment", f.environment());
        json.writeEndObject();
    }

    private static void writeMetrics(JsonGenerator json, Map<String, MetricValue> metrics) throws IOException {
        for (Map.Entry<String, MetricValue> metric : metrics.entrySet()) {
            if (metric.getValue() instanceof MetricValue.Flag flag) {
                json.writeBooleanField(metric.getKey(), flag.value());
            } else if (Double.isFinite(metric.getValue().asDouble())) {
                double value = metric.getValue().asDouble();
                if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                    json.writeNumberField(metric.getKey(), (long) value);
                } else {
                    json.writeNumberField(metric.getKey(), value);
                }
            }
        }
    }

    private static void writeOptional(JsonGenerator json, String name, String value) throws IOException {
        if (value != null) {
            json.writeStringField(name, value);
        }
    }

    private static void writeOptionalNumber(JsonGenerator json, String name, Double value) throws IOException {
        if (value != null && Double.isFinite(value)) {
            json.writeNumberField(name, value);
        }
    }

    /** Why a line is not a record. */
    static final class BadLine extends Exception {
        BadLine(String problem) {
            super(problem, null, false, false);
        }
    }

    static HistoryRecord parse(String line) throws BadLine {
        JsonNode root;
        try {
            root = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            String where =
                    e.getLocation() == null ? "" : " (column " + e.getLocation().getColumnNr() + ")";
            throw new BadLine("not valid JSON: " + e.getOriginalMessage() + where);
        }
        if (root == null || !root.isObject()) {
            throw new BadLine("not a JSON object");
        }
        JsonNode schema = root.get("schema");
        if (schema == null || !schema.canConvertToInt() || !schema.isIntegralNumber()) {
            throw new BadLine("no \"schema\" number (every record carries \"schema\": " + HistoryRecord.SCHEMA + ")");
        }
        if (schema.intValue() != HistoryRecord.SCHEMA) {
            throw new BadLine("schema " + schema.intValue() + " is not the schema this plugin reads ("
                    + HistoryRecord.SCHEMA + "); a newer plugin version wrote it");
        }
        Instant time = instant(root, "time");
        String runId = requiredText(root, "run_id");
        Status verdict = verdict(root);
        int runs = 1;
        JsonNode runsNode = root.get("runs");
        if (runsNode != null) {
            if (!runsNode.canConvertToInt() || !runsNode.isIntegralNumber() || runsNode.intValue() < 1) {
                throw new BadLine("\"runs\" must be a whole number of at least 1, not " + runsNode);
            }
            runs = runsNode.intValue();
        }
        Map<String, Fingerprint> fingerprints = new LinkedHashMap<>();
        Map<MetricKey, MetricValue> metrics = new LinkedHashMap<>();
        JsonNode services = root.get("services");
        if (services != null) {
            if (!services.isObject()) {
                throw new BadLine("\"services\" must be an object");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = services.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> service = it.next();
                readService(service.getKey(), service.getValue(), fingerprints, metrics);
            }
        }
        return new HistoryRecord(
                HistoryRecord.SCHEMA,
                time,
                runId,
                optionalText(root, "git_commit"),
                optionalText(root, "git_branch"),
                optionalText(root, "build_url"),
                optionalText(root, "segment"),
                verdict,
                runs,
                fingerprints,
                metrics);
    }

    private static void readService(
            String service, JsonNode node, Map<String, Fingerprint> fingerprints, Map<MetricKey, MetricValue> metrics)
            throws BadLine {
        if (!node.isObject()) {
            throw new BadLine("service \"" + service + "\" must be an object");
        }
        JsonNode fingerprint = node.get("fingerprint");
        if (fingerprint != null) {
            fingerprints.put(service, fingerprint(service, fingerprint));
        }
        JsonNode serviceMetrics = node.get("metrics");
        if (serviceMetrics != null) {
            readMetrics(service, null, serviceMetrics, metrics);
        }
        JsonNode endpoints = node.get("endpoints");
        if (endpoints != null) {
            if (!endpoints.isObject()) {
                throw new BadLine("\"endpoints\" of service \"" + service + "\" must be an object");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = endpoints.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> endpoint = it.next();
                readMetrics(service, endpoint.getKey(), endpoint.getValue(), metrics);
            }
        }
    }

    private static void readMetrics(String service, String endpoint, JsonNode node, Map<MetricKey, MetricValue> into)
            throws BadLine {
        String where = endpoint == null
                ? "service \"" + service + "\""
                : "endpoint \"" + endpoint + "\" of service \"" + service + "\"";
        if (!node.isObject()) {
            throw new BadLine("the metrics of " + where + " must be an object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> metric = it.next();
            JsonNode value = metric.getValue();
            MetricValue parsed;
            if (value.isBoolean()) {
                parsed = MetricValue.of(value.booleanValue());
            } else if (value.isNumber()) {
                parsed = MetricValue.of(value.doubleValue());
            } else {
                throw new BadLine("metric \"" + metric.getKey() + "\" of " + where
                        + " must be a number or a boolean, not " + value);
            }
            into.put(new MetricKey(service, endpoint, metric.getKey()), parsed);
        }
    }

    private static Fingerprint fingerprint(String service, JsonNode node) throws BadLine {
        if (!node.isObject()) {
            throw new BadLine("the fingerprint of service \"" + service + "\" must be an object");
        }
        List<String> userClasses = null;
        JsonNode classes = node.get("user_classes");
        if (classes != null && !classes.isNull()) {
            if (!classes.isArray()) {
                throw new BadLine("\"user_classes\" of service \"" + service + "\" must be a list of names");
            }
            userClasses = new ArrayList<>();
            for (JsonNode c : classes) {
                userClasses.add(c.asText());
            }
        }
        return new Fingerprint(
                optionalInt(node, "users"),
                optionalDouble(node, "spawn_rate"),
                optionalDouble(node, "run_time_s"),
                userClasses,
                optionalText(node, "locust_version"),
                optionalText(node, "os"),
                optionalText(node, "arch"),
                optionalInt(node, "cores"),
                optionalText(node, "environment"));
    }

    private static Instant instant(JsonNode root, String field) throws BadLine {
        String text = requiredText(root, field);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadLine("\"" + field + "\" is not an ISO-8601 instant such as 2026-01-02T03:04:05Z: " + text);
        }
    }

    private static Status verdict(JsonNode root) throws BadLine {
        String text = requiredText(root, "verdict");
        return switch (text) {
            case "PASS" -> Status.PASS;
            case "WARN" -> Status.WARN;
            case "FAIL" -> Status.FAIL;
            default -> throw new BadLine("\"verdict\" must be PASS, WARN or FAIL, not " + text);
        };
    }

    private static String requiredText(JsonNode root, String field) throws BadLine {
        JsonNode node = root.get(field);
        if (node == null || !node.isTextual() || node.textValue().isBlank()) {
            throw new BadLine("no \"" + field + "\" text");
        }
        return node.textValue();
    }

    private static String optionalText(JsonNode root, String field) throws BadLine {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new BadLine("\"" + field + "\" must be text, not " + node);
        }
        return node.textValue();
    }

    private static Integer optionalInt(JsonNode root, String field) throws BadLine {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new BadLine("\"" + field + "\" must be a whole number, not " + node);
        }
        return node.intValue();
    }

    private static Double optionalDouble(JsonNode root, String field) throws BadLine {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            throw new BadLine("\"" + field + "\" must be a number, not " + node);
        }
        return node.doubleValue();
    }
}
