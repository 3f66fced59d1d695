package dev.locustmaven.history;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.locustmaven.machine.Calibration;
import dev.locustmaven.model.MetricKey;
import dev.locustmaven.model.MetricValue;
import dev.locustmaven.model.Sample;
import dev.locustmaven.model.Status;
import dev.locustmaven.sampling.SampleJson;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
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
 *  "calibration":{"method":1,"cpu_loop_ms":16.9,"loopback_round_trip_ms":0.0152},
 *  "services":{"api":{"fingerprint":{"users":10,...},"metrics":{"rps":2.5,...},
 *                     "endpoints":{"GET /x":{"p95_latency_ms":650,...}}}},
 *  "sampling":{...}}
 * }</pre>
 *
 * {@code sampling} holds the samples behind the values, in {@link SampleJson}'s form.
 *
 * Keys are written in a fixed order, metrics sorted, absent values left out ({@code calibration} too: lines written
 * before it existed read as records without one, and older readers skip it as an unknown key). Non-finite numbers cannot be JSON and are
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
            if (record.calibration() != null) {
                writeCalibration(json, record.calibration());
            }
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
            ObjectNode sampling = SampleJson.write(record.samples());
            if (sampling != null) {
                json.writeFieldName("sampling");
                json.writeTree(sampling);
            }
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
        writeOptionalNumber(json, "warm_up_s", f.warmUpSeconds());
        if (f.tags() != null) {
            json.writeArrayFieldStart("tags");
            for (String tag : f.tags()) {
                json.writeString(tag);
            }
            json.writeEndArray();
        }
        writeOptional(json, "python_version", f.pythonVersion());
        writeOptional(json, "locustfile_sha256", f.locustfileSha256());
        writeOptional(json, "host", f.host());
        json.writeEndObject();
    }

    private static void writeCalibration(JsonGenerator json, Calibration calibration) throws IOException {
        json.writeObjectFieldStart("calibration");
        json.writeNumberField("method", calibration.method());
        json.writeNumberField("cpu_loop_ms", Calibration.stored(calibration.cpuLoopMs()));
        json.writeNumberField("loopback_round_trip_ms", Calibration.stored(calibration.loopbackRoundTripMs()));
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

    /**
     * Reads one line with a streaming parser (a history of thousands of runs is read on every build). Unknown keys are
     * skipped, so a later schema-1 writer may add some. The first problem found is reported, unless the schema itself
     * is missing or unsupported, which is reported instead.
     */
    /** Reads one line from its UTF-8 bytes. */
    static HistoryRecord parse(byte[] bytes, int offset, int length) throws BadLine {
        LineReader reader = new LineReader();
        try (JsonParser json = MAPPER.getFactory().createParser(bytes, offset, length)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new BadLine("not a JSON object");
            }
            reader.readTop(json);
            if (json.nextToken() != null) {
                reader.problem("text after the end of the record");
            }
        } catch (JsonProcessingException e) {
            String where =
                    e.getLocation() == null ? "" : " (column " + e.getLocation().getColumnNr() + ")";
            throw new BadLine("not valid JSON: " + e.getOriginalMessage() + where);
        } catch (IOException e) {
            throw new BadLine("unreadable: " + e.getMessage());
        }
        return reader.record();
    }

    /** The fields of one line as they stream past. */
    private static final class LineReader {
        private Integer schema;
        private boolean schemaMalformed;
        private String time;
        private String runId;
        private String gitCommit;
        private String gitBranch;
        private String buildUrl;
        private String segment;
        private String verdict;
        private Integer runs;
        private Calibration calibration;
        private final Map<String, Fingerprint> fingerprints = new TreeMap<>();
        private final Map<MetricKey, MetricValue> metrics = new LinkedHashMap<>(128);
        private final Map<MetricKey, Sample> samples = new TreeMap<>();
        private String problem;

        void problem(String text) {
            if (problem == null) {
                problem = text;
            }
        }

        void readTop(JsonParser json) throws IOException {
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName();
                JsonToken value = json.nextToken();
                switch (name) {
                    case "schema" -> {
                        if (value == JsonToken.VALUE_NUMBER_INT && json.getNumberType() == JsonParser.NumberType.INT) {
                            schema = json.getIntValue();
                        } else {
                            schemaMalformed = true;
                            json.skipChildren();
                        }
                    }
                    case "time" -> time = text(json, value, name);
                    case "run_id" -> runId = text(json, value, name);
                    case "git_commit" -> gitCommit = text(json, value, name);
                    case "git_branch" -> gitBranch = text(json, value, name);
                    case "build_url" -> buildUrl = text(json, value, name);
                    case "segment" -> segment = text(json, value, name);
                    case "verdict" -> verdict = text(json, value, name);
                    case "runs" -> {
                        if (value == JsonToken.VALUE_NUMBER_INT
                                && json.getNumberType() == JsonParser.NumberType.INT
                                && json.getIntValue() >= 1) {
                            runs = json.getIntValue();
                        } else {
                            problem("\"runs\" must be a whole number of at least 1, not " + json.getText());
                            json.skipChildren();
                        }
                    }
                    case "services" -> readServices(json, value);
                    // a sample only widens a later promotion's error: one that does not fit is dropped, the record kept
                    case "sampling" -> samples.putAll(SampleJson.read(MAPPER.readTree(json), problem -> {}));
                    case "calibration" -> readCalibration(json, value);
                    default -> json.skipChildren();
                }
            }
        }

        private String text(JsonParser json, JsonToken value, String field) throws IOException {
            if (value == JsonToken.VALUE_NULL) {
                return null;
            }
            if (value != JsonToken.VALUE_STRING) {
                problem("\"" + field + "\" must be text, not " + describe(json, value));
                json.skipChildren();
                return null;
            }
            return json.getText();
        }

        /** {@code {"method":1,"cpu_loop_ms":16.9,"loopback_round_trip_ms":0.0152}}; unknown keys are skipped. */
        private void readCalibration(JsonParser json, JsonToken value) throws IOException {
            if (value == JsonToken.VALUE_NULL) {
                return;
            }
            if (value != JsonToken.START_OBJECT) {
                problem("\"calibration\" must be an object");
                json.skipChildren();
                return;
            }
            Integer method = null;
            Double cpu = null;
            Double loopback = null;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName();
                JsonToken token = json.nextToken();
                switch (name) {
                    case "method" -> method = whole(json, token, name);
                    case "cpu_loop_ms" -> cpu = number(json, token, name);
                    case "loopback_round_trip_ms" -> loopback = number(json, token, name);
                    default -> json.skipChildren();
                }
            }
            if (method == null || cpu == null || loopback == null) {
                problem("\"calibration\" needs method, cpu_loop_ms and loopback_round_trip_ms");
                return;
            }
            try {
                calibration = new Calibration(method, cpu, loopback);
            } catch (IllegalArgumentException e) {
                problem("\"calibration\": " + e.getMessage());
            }
        }

        private void readServices(JsonParser json, JsonToken value) throws IOException {
            if (value != JsonToken.START_OBJECT) {
                problem("\"services\" must be an object");
                json.skipChildren();
                return;
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String service = json.currentName();
                if (json.nextToken() != JsonToken.START_OBJECT) {
                    problem("service \"" + service + "\" must be an object");
                    json.skipChildren();
                    continue;
                }
                while (json.nextToken() == JsonToken.FIELD_NAME) {
                    String part = json.currentName();
                    JsonToken partValue = json.nextToken();
                    switch (part) {
                        case "fingerprint" -> readFingerprint(json, partValue, service);
                        case "metrics" -> readMetrics(json, partValue, service, null);
                        case "endpoints" -> readEndpoints(json, partValue, service);
                        default -> json.skipChildren();
                    }
                }
            }
        }

        private void readEndpoints(JsonParser json, JsonToken value, String service) throws IOException {
            if (value != JsonToken.START_OBJECT) {
                problem("\"endpoints\" of service \"" + service + "\" must be an object");
                json.skipChildren();
                return;
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String endpoint = json.currentName();
                readMetrics(json, json.nextToken(), service, endpoint);
            }
        }

        private void readMetrics(JsonParser json, JsonToken value, String service, String endpoint) throws IOException {
            String where = endpoint == null
                    ? "service \"" + service + "\""
                    : "endpoint \"" + endpoint + "\" of service \"" + service + "\"";
            if (value != JsonToken.START_OBJECT) {
                problem("the metrics of " + where + " must be an object");
                json.skipChildren();
                return;
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String metric = json.currentName();
                JsonToken token = json.nextToken();
                MetricValue parsed;
                switch (token) {
                    case VALUE_TRUE -> parsed = MetricValue.of(true);
                    case VALUE_FALSE -> parsed = MetricValue.of(false);
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parsed = MetricValue.of(json.getDoubleValue());
                    default -> {
                        problem("metric \"" + metric + "\" of " + where + " must be a number or a boolean, not "
                                + describe(json, token));
                        json.skipChildren();
                        continue;
                    }
                }
                metrics.put(new MetricKey(service, endpoint, metric), parsed);
            }
        }

        private void readFingerprint(JsonParser json, JsonToken value, String service) throws IOException {
            if (value != JsonToken.START_OBJECT) {
                problem("the fingerprint of service \"" + service + "\" must be an object");
                json.skipChildren();
                return;
            }
            Integer users = null;
            Double spawnRate = null;
            Double runTime = null;
            List<String> userClasses = null;
            String locustVersion = null;
            String os = null;
            String arch = null;
            Integer cores = null;
            String environment = null;
            Double warmUp = null;
            List<String> tags = null;
            String python = null;
            String locustfile = null;
            String host = null;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName();
                JsonToken token = json.nextToken();
                switch (name) {
                    case "users" -> users = whole(json, token, name);
                    case "cores" -> cores = whole(json, token, name);
                    case "spawn_rate" -> spawnRate = number(json, token, name);
                    case "run_time_s" -> runTime = number(json, token, name);
                    case "locust_version" -> locustVersion = text(json, token, name);
                    case "os" -> os = text(json, token, name);
                    case "arch" -> arch = text(json, token, name);
                    case "environment" -> environment = text(json, token, name);
                    case "warm_up_s" -> warmUp = number(json, token, name);
                    case "python_version" -> python = text(json, token, name);
                    case "locustfile_sha256" -> locustfile = text(json, token, name);
                    case "host" -> host = text(json, token, name);
                    case "user_classes" -> userClasses = names(json, token, name, service);
                    case "tags" -> tags = names(json, token, name, service);
                    default -> json.skipChildren();
                }
            }
            fingerprints.put(
                    service,
                    new Fingerprint(
                            users,
                            spawnRate,
                            runTime,
                            userClasses,
                            locustVersion,
                            os,
                            arch,
                            cores,
                            environment,
                            warmUp,
                            tags,
                            python,
                            locustfile,
                            host));
        }

        private List<String> names(JsonParser json, JsonToken token, String field, String service) throws IOException {
            if (token == JsonToken.START_ARRAY) {
                List<String> names = new ArrayList<>();
                while (json.nextToken() != JsonToken.END_ARRAY) {
                    names.add(json.getText());
                    json.skipChildren();
                }
                return names;
            }
            if (token != JsonToken.VALUE_NULL) {
                problem("\"" + field + "\" of service \"" + service + "\" must be a list of names");
                json.skipChildren();
            }
            return null;
        }

        private Integer whole(JsonParser json, JsonToken token, String field) throws IOException {
            if (token == JsonToken.VALUE_NULL) {
                return null;
            }
            if (token != JsonToken.VALUE_NUMBER_INT || json.getNumberType() != JsonParser.NumberType.INT) {
                problem("\"" + field + "\" must be a whole number, not " + describe(json, token));
                json.skipChildren();
                return null;
            }
            return json.getIntValue();
        }

        private Double number(JsonParser json, JsonToken token, String field) throws IOException {
            if (token == JsonToken.VALUE_NULL) {
                return null;
            }
            if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
                problem("\"" + field + "\" must be a number, not " + describe(json, token));
                json.skipChildren();
                return null;
            }
            return json.getDoubleValue();
        }

        private static String describe(JsonParser json, JsonToken token) throws IOException {
            return switch (token) {
                case START_OBJECT -> "an object";
                case START_ARRAY -> "a list";
                case VALUE_STRING -> "\"" + json.getText() + "\"";
                default -> json.getText();
            };
        }

        HistoryRecord record() throws BadLine {
            if (schemaMalformed || schema == null) {
                throw new BadLine(
                        "no \"schema\" number (every record carries \"schema\": " + HistoryRecord.SCHEMA + ")");
            }
            if (schema != HistoryRecord.SCHEMA) {
                throw new BadLine("schema " + schema + " is not the schema this plugin reads (" + HistoryRecord.SCHEMA
                        + "); a newer plugin version wrote it");
            }
            if (problem != null) {
                throw new BadLine(problem);
            }
            Instant instant = instant();
            if (runId == null || runId.isBlank()) {
                throw new BadLine("no \"run_id\" text");
            }
            return new HistoryRecord(
                    HistoryRecord.SCHEMA,
                    instant,
                    runId,
                    gitCommit,
                    gitBranch,
                    buildUrl,
                    segment,
                    status(),
                    runs == null ? 1 : runs,
                    fingerprints,
                    metrics,
                    samples,
                    calibration);
        }

        private Instant instant() throws BadLine {
            if (time == null || time.isBlank()) {
                throw new BadLine("no \"time\" text");
            }
            try {
                return Instant.parse(time);
            } catch (DateTimeParseException e) {
                throw new BadLine("\"time\" is not an ISO-8601 instant such as 2026-01-02T03:04:05Z: " + time);
            }
        }

        private Status status() throws BadLine {
            if (verdict == null) {
                throw new BadLine("no \"verdict\" text");
            }
            return switch (verdict) {
                case "PASS" -> Status.PASS;
                case "WARN" -> Status.WARN;
                case "FAIL" -> Status.FAIL;
                default -> throw new BadLine("\"verdict\" must be PASS, WARN or FAIL, not " + verdict);
            };
        }
    }
}
