package dev.locustmaven.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.locustmaven.model.EndpointStats;
import dev.locustmaven.model.FailureStat;
import dev.locustmaven.model.LocustRun;
import dev.locustmaven.model.RunInfo;
import dev.locustmaven.model.ServiceResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Request statistics computed by Locust 2.47.0's own {@code StatsEntry} code ({@code locust_stats_fixture.py} beside
 * the JSON says how), turned into model records: the histograms, min/max/avg, failure rows and Locust's percentile of
 * every entry, of each service's Aggregated entry, and of rag_service's {@code query} and {@code index} merged.
 */
public final class LocustStatsFixture {

    public static final String RESOURCE = "/dev/locustmaven/metrics/locust-stats-2.47.0.json";

    private static final JsonNode ROOT = load();

    private LocustStatsFixture() {}

    /** Both services, with histograms (as from Locust's JSON or the plugin's helper). */
    public static LocustRun run() {
        return new LocustRun(List.of(service("mcp_server", true), service("rag_service", true)));
    }

    /** Both services as the stats CSV has them: no histograms, only Locust's percentile columns. */
    public static LocustRun runWithoutHistograms() {
        return new LocustRun(List.of(service("mcp_server", false), service("rag_service", false)));
    }

    public static ServiceResult service(String name, boolean withHistograms) {
        JsonNode service = ROOT.path("services").path(name);
        List<EndpointStats> endpoints = new ArrayList<>();
        service.path("entries").forEach(entry -> endpoints.add(entry(entry, withHistograms)));
        List<FailureStat> failures = new ArrayList<>();
        service.path("failures")
                .forEach(f -> failures.add(new FailureStat(
                        f.path("method").asText(),
                        f.path("name").asText(),
                        f.path("error").asText(),
                        f.path("error").asText(),
                        f.path("occurrences").asLong())));
        return new ServiceResult(
                name,
                endpoints,
                entry(service.path("aggregated"), withHistograms),
                failures,
                List.of(),
                new RunInfo(ROOT.path("locust_version").asText(), 1, 120.0, null),
                List.of());
    }

    /** Locust's percentiles of rag_service's {@code query} and {@code index} entries merged with {@code extend}. */
    public static Map<Double, Double> mergedQueryAndIndexPercentiles() {
        return percentiles(ROOT.path("rag_service_query_and_index_merged"));
    }

    /** Locust's percentiles of one entry ({@code "Aggregated"} for the service's Aggregated entry). */
    public static Map<Double, Double> percentilesOf(String service, String method, String name) {
        JsonNode node = ROOT.path("services").path(service);
        if (name.equals(EndpointStats.AGGREGATED)) {
            return percentiles(node.path("aggregated"));
        }
        for (JsonNode entry : node.path("entries")) {
            if (entry.path("method").asText().equals(method)
                    && entry.path("name").asText().equals(name)) {
                return percentiles(entry);
            }
        }
        throw new IllegalArgumentException("no entry " + method + " " + name + " in " + service);
    }

    private static EndpointStats entry(JsonNode entry, boolean withHistogram) {
        NavigableMap<Double, Long> histogram = new TreeMap<>();
        if (withHistogram) {
            entry.path("response_times")
                    .fields()
                    .forEachRemaining(e -> histogram.put(
                            Double.parseDouble(e.getKey()), e.getValue().asLong()));
        }
        long requests = entry.path("num_requests").asLong();
        long failures = entry.path("num_failures").asLong();
        return new EndpointStats(
                entry.path("method").asText(),
                entry.path("name").asText(),
                requests,
                failures,
                entry.path("avg_response_time").asDouble(),
                entry.path("min_response_time").asDouble(),
                entry.path("max_response_time").asDouble(),
                null,
                512.0,
                entry.path("rps").asDouble(),
                entry.path("rps").asDouble() * failures / requests,
                new TreeMap<>(percentiles(entry)),
                histogram);
    }

    private static Map<Double, Double> percentiles(JsonNode entry) {
        Map<Double, Double> map = new TreeMap<>();
        entry.path("percentiles")
                .fields()
                .forEachRemaining(e ->
                        map.put(Double.parseDouble(e.getKey()), e.getValue().asDouble()));
        return map;
    }

    private static JsonNode load() {
        try (InputStream in = LocustStatsFixture.class.getResourceAsStream(RESOURCE)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
