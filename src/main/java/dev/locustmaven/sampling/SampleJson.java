package dev.locustmaven.sampling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.locustmaven.model.MetricFormat;
import dev.locustmaven.model.MetricKey;
import dev.locustmaven.model.ResponseTimes;
import dev.locustmaven.model.Sample;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The samples behind a baseline's or a history record's values, as JSON beside the values themselves, so that a later
 * check can count their sampling error:
 *
 * <pre>{@code
 * {"services": {"rag_service": {"index_p95_ms": {"kind": "percentile", "fraction": 0.95, "histogram": "rag_service/index_p95_ms"},
 *                               "error_rate_pct": {"kind": "rate", "requests": 1200, "events": 3},
 *                               "rps": {"kind": "throughput", "requests": 1200},
 *                               "endpoints": {"/health": {"avg_latency_ms": {"kind": "average", "histogram": "rag_service/health"}}}}},
 *  "histograms": {"rag_service/index_p95_ms": {"12": 3, "13": 5, "40": 1}}}
 * }</pre>
 *
 * A histogram maps Locust's response-time bucket (ms) to its count and is written once however many values share it;
 * {@code "approximate": true} marks one rebuilt from percentile columns. Values judged as they stand have no entry.
 */
public final class SampleJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SampleJson() {}

    /** The samples as JSON; {@code null} when none of them has a sampling error. */
    public static ObjectNode write(Map<MetricKey, Sample> samples) {
        Map<ResponseTimes, String> names = histogramNames(samples);
        ObjectNode services = NODES.objectNode();
        for (Map.Entry<MetricKey, Sample> entry : new TreeMap<>(samples).entrySet()) {
            ObjectNode node = sampleNode(entry.getValue(), names);
            if (node == null) {
                continue;
            }
            MetricKey key = entry.getKey();
            ObjectNode service = services.has(key.service())
                    ? (ObjectNode) services.get(key.service())
                    : services.putObject(key.service());
            ObjectNode holder = service;
            if (key.endpoint() != null) {
                ObjectNode endpoints = service.has("endpoints")
                        ? (ObjectNode) service.get("endpoints")
                        : service.putObject("endpoints");
                holder = endpoints.has(key.endpoint())
                        ? (ObjectNode) endpoints.get(key.endpoint())
                        : endpoints.putObject(key.endpoint());
            }
            holder.set(key.metric(), node);
        }
        if (services.isEmpty()) {
            return null;
        }
        ObjectNode root = NODES.objectNode();
        root.set("services", services);
        ObjectNode histograms = root.putObject("histograms");
        names.forEach((times, name) -> {
            ObjectNode buckets = histograms.putObject(name);
            times.buckets().forEach((bucket, count) -> buckets.put(MetricFormat.number(bucket), count));
            if (times.approximate()) {
                buckets.put("approximate", true);
                ObjectNode floors = buckets.putObject("floors");
                times.floors().forEach((bucket, count) -> floors.put(MetricFormat.number(bucket), count));
            }
        });
        return root;
    }

    /** The samples of {@link #write}'s JSON; each entry that does not fit is left out and reported to {@code problems}. */
    public static Map<MetricKey, Sample> read(JsonNode root, Consumer<String> problems) {
        Map<MetricKey, Sample> samples = new TreeMap<>();
        if (root == null || !root.isObject()) {
            if (root != null && !root.isNull()) {
                problems.accept("\"sampling\" must be an object");
            }
            return samples;
        }
        Map<String, ResponseTimes> histograms = readHistograms(root.get("histograms"), problems);
        JsonNode services = root.get("services");
        if (services == null || !services.isObject()) {
            return samples;
        }
        services.properties().forEach(service -> {
            service.getValue().properties().forEach(metric -> {
                if (metric.getKey().equals("endpoints")) {
                    metric.getValue()
                            .properties()
                            .forEach(endpoint -> endpoint.getValue()
                                    .properties()
                                    .forEach(m -> readSample(
                                            new MetricKey(service.getKey(), endpoint.getKey(), m.getKey()),
                                            m.getValue(),
                                            histograms,
                                            samples,
                                            problems)));
                } else {
                    readSample(
                            MetricKey.of(service.getKey(), metric.getKey()),
                            metric.getValue(),
                            histograms,
                            samples,
                            problems);
                }
            });
        });
        return samples;
    }

    private static ObjectNode sampleNode(Sample sample, Map<ResponseTimes, String> names) {
        ObjectNode node = NODES.objectNode();
        if (sample instanceof Sample.Quantile q) {
            node.put("kind", "percentile");
            node.put("fraction", q.fraction());
            node.put("histogram", names.get(q.times()));
        } else if (sample instanceof Sample.Mean m) {
            node.put("kind", "average");
            node.put("histogram", names.get(m.times()));
        } else if (sample instanceof Sample.Proportion p) {
            node.put("kind", "rate");
            node.put("requests", p.size());
            node.put("events", p.events());
        } else if (sample instanceof Sample.Count c) {
            node.put("kind", "throughput");
            node.put("requests", c.size());
        } else {
            return null;
        }
        return node;
    }

    /**
     * One name per distinct histogram: its row ({@code service/endpoint} when an endpoint's values use it, else
     * {@code service}), or its first key when that name is taken. Histograms with more values are named first, so
     * that a service's own row, behind all its percentiles and its average, gets the service's name.
     */
    private static Map<ResponseTimes, String> histogramNames(Map<MetricKey, Sample> samples) {
        Map<ResponseTimes, List<MetricKey>> users = new LinkedHashMap<>();
        new TreeMap<>(samples).forEach((key, sample) -> {
            ResponseTimes times = sample instanceof Sample.Quantile q
                    ? q.times()
                    : sample instanceof Sample.Mean m ? m.times() : null;
            if (times != null && !times.buckets().isEmpty()) {
                users.computeIfAbsent(times, t -> new ArrayList<>()).add(key);
            }
        });
        List<Map.Entry<ResponseTimes, List<MetricKey>>> byUse = new ArrayList<>(users.entrySet());
        byUse.sort((a, b) -> Integer.compare(b.getValue().size(), a.getValue().size()));
        Map<ResponseTimes, String> names = new LinkedHashMap<>();
        List<String> taken = new ArrayList<>();
        for (Map.Entry<ResponseTimes, List<MetricKey>> entry : byUse) {
            List<MetricKey> keys = entry.getValue();
            MetricKey row =
                    keys.stream().filter(k -> k.endpoint() != null).findFirst().orElse(keys.get(0));
            String rowName = row.endpoint() == null ? row.service() : row.service() + "/" + row.endpoint();
            String name = taken.contains(rowName) ? keys.get(0).toString() : rowName;
            taken.add(name);
            names.put(entry.getKey(), name);
        }
        return names;
    }

    private static Map<String, ResponseTimes> readHistograms(JsonNode node, Consumer<String> problems) {
        Map<String, ResponseTimes> histograms = new TreeMap<>();
        if (node == null || !node.isObject()) {
            return histograms;
        }
        node.properties().forEach(entry -> {
            NavigableMap<Double, Long> buckets = new TreeMap<>();
            NavigableMap<Double, Long> floors = null;
            boolean approximate = false;
            for (Map.Entry<String, JsonNode> bucket : entry.getValue().properties()) {
                if (bucket.getKey().equals("approximate")) {
                    approximate = bucket.getValue().asBoolean();
                    continue;
                }
                if (bucket.getKey().equals("floors")) {
                    floors = new TreeMap<>();
                    NavigableMap<Double, Long> into = floors;
                    bucket.getValue().properties().forEach(floor -> {
                        // floors only make a stand-in's lower bounds safer: one that does not parse is skipped
                        if (floor.getValue().isIntegralNumber()
                                && floor.getKey().matches("\\d+(\\.\\d+)?")) {
                            into.merge(
                                    Double.parseDouble(floor.getKey()),
                                    floor.getValue().asLong(),
                                    Long::sum);
                        }
                    });
                    continue;
                }
                try {
                    double at = Double.parseDouble(bucket.getKey());
                    long count = bucket.getValue().asLong(-1);
                    if (!(at >= 0) || count < 0 || !bucket.getValue().isIntegralNumber()) {
                        throw new NumberFormatException();
                    }
                    buckets.merge(at, count, Long::sum);
                } catch (NumberFormatException e) {
                    problems.accept("histogram \"" + entry.getKey() + "\" has a bucket \"" + bucket.getKey() + "\": "
                            + bucket.getValue() + " where a response time (ms) maps to a count of requests");
                    return;
                }
            }
            histograms.put(entry.getKey(), new ResponseTimes(buckets, floors, approximate));
        });
        return histograms;
    }

    private static void readSample(
            MetricKey key,
            JsonNode node,
            Map<String, ResponseTimes> histograms,
            Map<MetricKey, Sample> samples,
            Consumer<String> problems) {
        String kind = node.path("kind").asText("");
        try {
            Sample sample = switch (kind) {
                case "percentile" ->
                    new Sample.Quantile(node.path("fraction").asDouble(Double.NaN), histogram(node, histograms));
                case "average" -> new Sample.Mean(histogram(node, histograms));
                case "rate" -> new Sample.Proportion(count(node, "events"), count(node, "requests"));
                case "throughput" -> new Sample.Count(count(node, "requests"));
                default ->
                    throw new IllegalArgumentException(
                            "\"kind\" is \"" + kind + "\", not percentile, average, rate or throughput");
            };
            samples.put(key, sample);
        } catch (IllegalArgumentException e) {
            problems.accept("the sample of " + key + " is left out: " + e.getMessage());
        }
    }

    private static ResponseTimes histogram(JsonNode node, Map<String, ResponseTimes> histograms) {
        String name = node.path("histogram").asText(null);
        ResponseTimes times = name == null ? null : histograms.get(name);
        if (times == null) {
            throw new IllegalArgumentException(
                    "it names no histogram of \"histograms\" (\"histogram\": " + node.get("histogram") + ")");
        }
        return times;
    }

    private static long count(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber() || value.asLong() < 0) {
            throw new IllegalArgumentException("\"" + field + "\" must be a whole number of at least 0, not " + value);
        }
        return value.asLong();
    }
}
