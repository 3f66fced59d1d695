package dev.locustmaven.baseline;

import static dev.locustmaven.baseline.BaselineShape.EFFECTIVE_FROM;
import static dev.locustmaven.baseline.BaselineShape.ENDPOINTS;
import static dev.locustmaven.baseline.BaselineShape.METADATA;
import static dev.locustmaven.baseline.BaselineShape.SAMPLING;
import static dev.locustmaven.baseline.BaselineShape.UPDATED_BY;
import static dev.locustmaven.baseline.BaselineShape.VALID_UNTIL;
import static dev.locustmaven.baseline.BaselineShape.VERSION;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.locustmaven.baseline.BaselineChange.Kind;
import dev.locustmaven.model.Baseline;
import dev.locustmaven.model.Measurement;
import dev.locustmaven.model.Measurements;
import dev.locustmaven.model.MetricFormat;
import dev.locustmaven.model.MetricKey;
import dev.locustmaven.model.MetricValue;
import dev.locustmaven.model.Sample;
import dev.locustmaven.sampling.SampleJson;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds the next baseline from the current file and newly measured values.
 *
 * <p>Everything the user keeps in the file stays: annotation keys, metadata entries, strings in services, services
 * and metrics this run did not measure. Measured metrics replace or join the old ones (service metrics flat in the
 * service, endpoint metrics under {@code endpoints}), rounded as {@link MetricFormat#number} rounds them so that the
 * file shows what the reports show. A measured service's {@code timestamp} becomes the promotion time. The header is
 * rewritten: {@code version}, {@code effective_from}, {@code valid_until}, {@code updated_by}, and {@code metadata}
 * merged with the context's values.
 */
public final class BaselinePromotion {

    static final String TIMESTAMP = "timestamp";
    static final String BASELINE_USERS = "baseline_users";
    static final String RUN_TIME_S = "run_time_s";

    private BaselinePromotion() {}

    public static Promotion promote(
            Optional<BaselineDocument> existing, Measurements measured, PromotionContext context) {
        ObjectNode tree = existing.map(BaselineDocument::tree).orElseGet(JsonNodeFactory.instance::objectNode);
        Baseline previous = existing.map(BaselineDocument::baseline).orElse(null);
        Instant now = context.now().truncatedTo(ChronoUnit.SECONDS);

        writeHeader(tree, now, context);
        Map<MetricKey, MetricValue> written = new TreeMap<>();
        Set<MetricKey> skipped = new TreeSet<>();
        Set<String> measuredServices = new TreeSet<>();
        for (Measurement measurement : measured.all()) {
            MetricKey key = measurement.key();
            requireStorable(key);
            if (!Double.isFinite(measurement.value().asDouble())) {
                skipped.add(key);
                continue;
            }
            MetricValue value = rounded(measurement.value());
            metricsObject(tree, key).set(key.metric(), node(value));
            written.put(key, value);
            measuredServices.add(key.service());
        }
        context.baselineUsers().forEach((service, users) -> {
            MetricKey key = MetricKey.of(service, BASELINE_USERS);
            requireStorable(key);
            metricsObject(tree, key).put(BASELINE_USERS, users);
            written.put(key, MetricValue.of(users));
        });
        context.runTimeSeconds().forEach((service, seconds) -> {
            MetricKey key = MetricKey.of(service, RUN_TIME_S);
            requireStorable(key);
            MetricValue value = rounded(MetricValue.of(Math.round(seconds)));
            metricsObject(tree, key).set(RUN_TIME_S, node(value));
            written.put(key, value);
        });
        measuredServices.forEach(service -> ((ObjectNode) tree.get(service)).put(TIMESTAMP, now.toString()));
        writeSamples(tree, previous, measured, written.keySet());

        Baseline next = BaselineShape.toBaseline(tree, path -> "the new baseline, at " + String.join(".", path));
        return new Promotion(new BaselineDocument(tree, next), previous, changes(previous, next, written, skipped));
    }

    /**
     * The samples of the written values replace their old ones; those of values this run did not measure stay, and a
     * value written without a sample (judged as exact, or a setting such as {@code baseline_users}) loses its old one.
     */
    private static void writeSamples(
            ObjectNode tree, Baseline previous, Measurements measured, Set<MetricKey> written) {
        Map<MetricKey, Sample> samples = new TreeMap<>(previous == null ? Map.of() : previous.samples());
        written.forEach(samples::remove);
        measured.all().stream().filter(m -> written.contains(m.key())).forEach(m -> samples.put(m.key(), m.sample()));
        ObjectNode json = SampleJson.write(samples);
        if (json == null) {
            tree.remove(SAMPLING);
        } else {
            tree.set(SAMPLING, json);
        }
    }

    private static void writeHeader(ObjectNode tree, Instant now, PromotionContext context) {
        tree.put(VERSION, now.atZone(ZoneOffset.UTC).toLocalDate().toString());
        tree.put(EFFECTIVE_FROM, now.toString());
        if (context.validityDays() > 0) {
            tree.put(
                    VALID_UNTIL,
                    now.plus(Duration.ofDays(context.validityDays())).toString());
        } else {
            tree.remove(VALID_UNTIL);
        }
        if (context.updatedBy() != null) {
            tree.put(UPDATED_BY, context.updatedBy());
        }
        JsonNode old = tree.get(METADATA);
        ObjectNode metadata = old instanceof ObjectNode object ? object : tree.putObject(METADATA);
        putIfKnown(metadata, "git_commit", context.gitCommit());
        putIfKnown(metadata, "locust_version", context.locustVersion());
        putIfKnown(metadata, "test_environment", context.testEnvironment());
        if (context.runs() != null) {
            metadata.put("runs", context.runs());
        }
    }

    private static void putIfKnown(ObjectNode object, String key, String value) {
        if (value != null) {
            object.put(key, value);
        }
    }

    /** A service named like a header key, or a metric named {@code endpoints}, has no place in the file's shape. */
    private static void requireStorable(MetricKey key) {
        if (!BaselineShape.isService(key.service())) {
            throw new BaselineFileException("A service named \"" + key.service()
                    + "\" cannot be stored in a baseline file: top-level keys " + BaselineShape.HEADER_KEYS
                    + " and keys starting with _ or $ are not services; rename the service's results folder");
        }
        if (key.isServiceLevel() && key.metric().equals(ENDPOINTS)) {
            throw new BaselineFileException("A metric named \"endpoints\" (service \"" + key.service()
                    + "\") cannot be stored in a baseline file: that key holds the endpoint metrics");
        }
    }

    private static ObjectNode metricsObject(ObjectNode tree, MetricKey key) {
        ObjectNode service = child(tree, key.service());
        return key.isServiceLevel() ? service : child(child(service, ENDPOINTS), key.endpoint());
    }

    private static ObjectNode child(ObjectNode parent, String name) {
        return parent.get(name) instanceof ObjectNode existing ? existing : parent.putObject(name);
    }

    private static MetricValue rounded(MetricValue value) {
        return value instanceof MetricValue.Numeric numeric
                ? MetricValue.of(new BigDecimal(MetricFormat.number(numeric.value())).doubleValue())
                : value;
    }

    private static JsonNode node(MetricValue value) {
        return value instanceof MetricValue.Flag flag
                ? BooleanNode.valueOf(flag.value())
                : DecimalNode.valueOf(new BigDecimal(MetricFormat.number(value.asDouble())));
    }

    private static List<BaselineChange> changes(
            Baseline previous, Baseline next, Map<MetricKey, MetricValue> written, Set<MetricKey> skipped) {
        Map<MetricKey, MetricValue> before = previous == null ? Map.of() : previous.values();
        Set<MetricKey> keys = new TreeSet<>(before.keySet());
        keys.addAll(next.values().keySet());
        keys.addAll(skipped);
        List<BaselineChange> changes = new ArrayList<>();
        for (MetricKey key : keys) {
            MetricValue old = before.get(key);
            MetricValue now = next.values().get(key);
            Kind kind;
            if (skipped.contains(key)) {
                kind = Kind.SKIPPED;
            } else if (!written.containsKey(key)) {
                kind = Kind.KEPT;
            } else if (old == null) {
                kind = Kind.ADDED;
            } else {
                kind = old.equals(now) ? Kind.UNCHANGED : Kind.CHANGED;
            }
            changes.add(new BaselineChange(key, kind, old, now));
        }
        return changes;
    }
}
