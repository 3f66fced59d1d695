package dev.locustmaven.fidelity;

import dev.locustmaven.locust.output.ResultsDirectoryReader;
import dev.locustmaven.metrics.DefaultMetrics;
import dev.locustmaven.model.EndpointStats;
import dev.locustmaven.model.Measurement;
import dev.locustmaven.model.ServiceResult;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The default metrics {@code check} takes from a results directory, read through the public reader as {@code check}
 * reads it: per row ({@code "METHOD name"}, or {@code "Aggregated"} for the service), metric name to value.
 */
record CheckReading(ServiceResult service, Map<String, Map<String, Double>> rows) {

    /** The metrics compared with Locust's summary, in the order its table prints them. */
    static final List<String> COMPARED = List.of(
            DefaultMetrics.REQUEST_COUNT,
            DefaultMetrics.FAILURE_COUNT,
            DefaultMetrics.P50_LATENCY_MS,
            DefaultMetrics.AVG_LATENCY_MS,
            DefaultMetrics.P95_LATENCY_MS,
            DefaultMetrics.MAX_LATENCY_MS,
            DefaultMetrics.RPS);

    static CheckReading read(Path results) {
        ServiceResult service = new ResultsDirectoryReader()
                .read(results)
                .service(FidelityFixture.SERVICE)
                .orElseThrow();
        Map<String, String> rowOfEndpoint = new LinkedHashMap<>();
        DefaultMetrics.endpointKeys(service).forEach((stats, endpoint) -> rowOfEndpoint.put(endpoint, rowKey(stats)));
        Map<String, Map<String, Double>> rows = new LinkedHashMap<>();
        for (Measurement m : DefaultMetrics.measure(service)) {
            String row = m.key().isServiceLevel()
                    ? EndpointStats.AGGREGATED
                    : rowOfEndpoint.get(m.key().endpoint());
            rows.computeIfAbsent(row, r -> new TreeMap<>())
                    .put(m.key().metric(), m.value().asDouble());
        }
        return new CheckReading(service, rows);
    }

    /** The value of {@code metric} in {@code row}, {@code null} when {@code check} has none. */
    Double value(String row, String metric) {
        return rows.getOrDefault(row, Map.of()).get(metric);
    }

    private static String rowKey(EndpointStats stats) {
        return stats.method().isEmpty() ? stats.name() : stats.method() + " " + stats.name();
    }
}
