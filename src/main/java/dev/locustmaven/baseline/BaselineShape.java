package dev.locustmaven.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.locustmaven.model.Baseline;
import dev.locustmaven.model.MetricKey;
import dev.locustmaven.model.MetricValue;
import dev.locustmaven.sampling.SampleJson;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The shape of a baseline file: which top-level keys are the header, which are services, what a service holds, and the
 * order in which keys are written.
 *
 * <p>Top level: the header keys {@code version}, {@code effective_from}, {@code valid_until}, {@code updated_by},
 * {@code metadata}; annotation keys that start with {@code _} or {@code $} (kept, never read, e.g. {@code $schema} or
 * {@code _comment}); every other key is a service and must be an object. A service holds numbers and booleans
 * (metrics), strings and nulls (kept, not metrics) and an optional {@code endpoints} object of endpoint objects of the
 * same kind. A metric must be a finite number, and one whose name says it is a latency, rate, percentage or count
 * ({@link #nonNegativeKind}) must not be negative: the plugin measures none of them below zero, so such a value is a
 * typo that would otherwise be judged as a change.
 */
final class BaselineShape {

    static final String VERSION = "version";
    static final String EFFECTIVE_FROM = "effective_from";
    static final String VALID_UNTIL = "valid_until";
    static final String UPDATED_BY = "updated_by";
    static final String METADATA = "metadata";
    static final String ENDPOINTS = "endpoints";
    static final String SAMPLING = "sampling";
    static final List<String> HEADER_KEYS =
            List.of(VERSION, EFFECTIVE_FROM, VALID_UNTIL, UPDATED_BY, METADATA, SAMPLING);

    /** Says where a key of the document sits, for messages: {@code file.json:3:5}. */
    @FunctionalInterface
    interface Locator {
        String at(List<String> keyPath);
    }

    private BaselineShape() {}

    static boolean isAnnotation(String key) {
        return key.startsWith("_") || key.startsWith("$");
    }

    static boolean isService(String key) {
        return !HEADER_KEYS.contains(key) && !isAnnotation(key);
    }

    /** Reads the document into the model, or throws naming the first key that does not fit the shape. */
    static Baseline toBaseline(ObjectNode root, Locator where) {
        Values values = new Values();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            String name = field.getKey();
            if (isService(name)) {
                readService(name, field.getValue(), values, where);
            }
        }
        return new Baseline(
                text(root, VERSION, where),
                instant(root, EFFECTIVE_FROM, where),
                instant(root, VALID_UNTIL, where),
                text(root, UPDATED_BY, where),
                metadata(root, where),
                values.metrics,
                values.texts,
                SampleJson.read(root.get(SAMPLING), problem -> {
                    throw problem(
                            where,
                            List.of(SAMPLING),
                            problem + "; fix or remove \"" + SAMPLING + "\" (mvn locust:baseline writes it anew)");
                }));
    }

    /** What the services hold: metrics, and the strings that are kept but are not metrics. */
    private static final class Values {
        final Map<MetricKey, MetricValue> metrics = new TreeMap<>();
        final Map<MetricKey, String> texts = new TreeMap<>();
    }

    /** The key path of a metric in the file: service, then {@code endpoints} and the endpoint for an endpoint's. */
    static List<String> pathOf(MetricKey key) {
        return key.endpoint() == null
                ? List.of(key.service(), key.metric())
                : List.of(key.service(), ENDPOINTS, key.endpoint(), key.metric());
    }

    /** {@code "api_gateway"."p95_latency_ms"}. */
    static String quoted(List<String> path) {
        return "\"" + String.join("\".\"", path) + "\"";
    }

    private static void readService(String service, JsonNode node, Values values, Locator where) {
        if (!node.isObject()) {
            throw problem(
                    where,
                    List.of(service),
                    "top-level key \"" + service + "\" names a service and must be a JSON object of metrics, but is "
                            + kind(node) + " (put notes under \"metadata\", or start the key with \"_\")");
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (key.equals(ENDPOINTS)) {
                readEndpoints(service, value, values, where);
            } else {
                readMetric(service, null, key, value, values, where, List.of(service, key));
            }
        }
    }

    private static void readEndpoints(String service, JsonNode node, Values values, Locator where) {
        if (!node.isObject()) {
            throw problem(
                    where,
                    List.of(service, ENDPOINTS),
                    "\"" + service + "\".\"endpoints\" must be an object of endpoints, but is " + kind(node));
        }
        for (Map.Entry<String, JsonNode> endpoint : node.properties()) {
            String name = endpoint.getKey();
            if (!endpoint.getValue().isObject()) {
                throw problem(
                        where,
                        List.of(service, ENDPOINTS, name),
                        "endpoint \"" + name + "\" of service \"" + service + "\" must be an object of metrics, but is "
                                + kind(endpoint.getValue()));
            }
            for (Map.Entry<String, JsonNode> field : endpoint.getValue().properties()) {
                readMetric(
                        service,
                        name,
                        field.getKey(),
                        field.getValue(),
                        values,
                        where,
                        List.of(service, ENDPOINTS, name, field.getKey()));
            }
        }
    }

    private static void readMetric(
            String service,
            String endpoint,
            String metric,
            JsonNode value,
            Values values,
            Locator where,
            List<String> path) {
        MetricKey key = new MetricKey(service, endpoint, metric);
        if (value.isNumber()) {
            double number = value.doubleValue();
            if (!Double.isFinite(number)) {
                // Jackson reads 1e999 as a BigDecimal, which becomes infinity as a double
                throw problem(
                        where,
                        path,
                        quoted(path) + " is " + value.asText()
                                + ", which is not a finite number; correct the value, or remove the key");
            }
            String kind = nonNegativeKind(metric);
            if (number < 0 && kind != null) {
                throw problem(
                        where,
                        path,
                        quoted(path) + " is " + plainText(value) + ", but " + kind
                                + " cannot be negative; correct the value, or remove the key");
            }
            values.metrics.put(key, MetricValue.of(number));
        } else if (value.isBoolean()) {
            values.metrics.put(key, MetricValue.of(value.booleanValue()));
        } else if (value.isTextual()) {
            // Timestamps, run ids, notes: kept in the file, not metrics.
            values.texts.put(key, value.textValue());
        } else if (value.isContainerNode()) {
            throw problem(
                    where, path, quoted(path) + " must be a number, a boolean or a string, but is " + kind(value));
        }
        // A null is kept in the file and is neither a metric nor text.
    }

    /**
     * What a metric is by the unit its name implies, when that rules out negative values: {@code _ms} a latency,
     * {@code rps} a rate, {@code _pct} a percentage, {@code _count} a count; null for other names.
     */
    private static String nonNegativeKind(String metric) {
        if (metric.endsWith("_ms")) {
            return "a latency";
        }
        if (metric.equals("rps") || metric.endsWith("_rps")) {
            return "a rate";
        }
        if (metric.endsWith("_pct")) {
            return "a percentage";
        }
        if (metric.endsWith("_count")) {
            return "a count";
        }
        return null;
    }

    private static String text(ObjectNode root, String key, Locator where) {
        JsonNode node = root.get(key);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isValueNode()) {
            throw problem(where, List.of(key), "\"" + key + "\" must be a string, but is " + kind(node));
        }
        return plainText(node);
    }

    private static Instant instant(ObjectNode root, String key, Locator where) {
        String text = text(root, key, where);
        if (text == null) {
            return null;
        }
        try {
            return parseInstant(text);
        } catch (DateTimeException e) {
            throw problem(
                    where,
                    List.of(key),
                    "\"" + key + "\" is \"" + text
                            + "\", which is not a timestamp; expected ISO-8601 such as 2025-11-17T12:00:00Z");
        }
    }

    /** ISO-8601 with an offset; without one the time is UTC; a date alone is the start of that day in UTC. */
    static Instant parseInstant(String text) {
        String trimmed = text.trim();
        try {
            return OffsetDateTime.parse(trimmed).toInstant();
        } catch (DateTimeException withoutOffset) {
            if (trimmed.contains("T")) {
                return LocalDateTime.parse(trimmed).toInstant(ZoneOffset.UTC);
            }
            return LocalDate.parse(trimmed).atStartOfDay().toInstant(ZoneOffset.UTC);
        }
    }

    private static Map<String, String> metadata(ObjectNode root, Locator where) {
        JsonNode node = root.get(METADATA);
        Map<String, String> flat = new TreeMap<>();
        if (node == null || node.isNull()) {
            return flat;
        }
        if (!node.isObject()) {
            throw problem(where, List.of(METADATA), "\"metadata\" must be an object, but is " + kind(node));
        }
        flatten("", node, flat);
        return flat;
    }

    /** Nested objects become dotted keys ({@code services.api_gateway}); arrays stay JSON text. */
    private static void flatten(String prefix, JsonNode object, Map<String, String> flat) {
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            String key = prefix + field.getKey();
            JsonNode value = field.getValue();
            if (value.isObject()) {
                flatten(key + ".", value, flat);
            } else if (value.isArray()) {
                flat.put(key, value.toString());
            } else if (!value.isNull()) {
                flat.put(key, plainText(value));
            }
        }
    }

    private static String plainText(JsonNode value) {
        return value.isBigDecimal() ? value.decimalValue().toPlainString() : value.asText();
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            case STRING, BINARY -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL, MISSING -> "null";
        };
    }

    private static BaselineFileException problem(Locator where, List<String> keyPath, String message) {
        return new BaselineFileException(where.at(keyPath) + ": " + message);
    }

    /**
     * The document in the order it is written: the header keys in the order of {@link #HEADER_KEYS}, then annotation
     * keys, then services, both alphabetically, and the long {@code sampling} section last; inside a service its keys
     * alphabetically with {@code endpoints} last; every nested object alphabetically. Array elements keep their order.
     */
    static ObjectNode canonical(ObjectNode root) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (String header : HEADER_KEYS) {
            if (root.has(header) && !header.equals(SAMPLING)) {
                out.set(header, sorted(root.get(header)));
            }
        }
        List<String> annotations = new ArrayList<>();
        List<String> services = new ArrayList<>();
        root.fieldNames().forEachRemaining(name -> {
            if (isAnnotation(name)) {
                annotations.add(name);
            } else if (isService(name)) {
                services.add(name);
            }
        });
        annotations.stream().sorted().forEach(name -> out.set(name, sorted(root.get(name))));
        services.stream().sorted().forEach(name -> out.set(name, sortedService(root.get(name))));
        if (root.has(SAMPLING)) {
            out.set(SAMPLING, sorted(root.get(SAMPLING)));
        }
        return out;
    }

    private static JsonNode sortedService(JsonNode service) {
        ObjectNode sorted = (ObjectNode) sorted(service);
        JsonNode endpoints = sorted.remove(ENDPOINTS);
        if (endpoints != null) {
            sorted.set(ENDPOINTS, endpoints);
        }
        return sorted;
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            Map<String, JsonNode> fields = new TreeMap<>();
            node.properties().forEach(field -> fields.put(field.getKey(), field.getValue()));
            fields.forEach((key, value) -> out.set(key, sorted(value)));
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> out.add(sorted(element)));
            return out;
        }
        return node;
    }
}
