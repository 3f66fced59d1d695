package dev.locustmaven.fidelity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Locust's final summary of a fixture run ({@code final-summary.json}): what its summary table prints at exit, unrounded,
 * as the fixture locustfile took it from Locust's own {@code StatsEntry} on the quitting event. The capture script
 * checks it against the table Locust printed.
 *
 * @param startTime Locust's test start ({@code stats.start_time}), which its requests per second are counted from
 */
record FinalSummary(String locustVersion, double startTime, List<Row> entries, Row aggregated) {

    /** One row of the summary; latencies in ms, {@code null} where nothing was timed. */
    record Row(
            String method,
            String name,
            long requests,
            long failures,
            Double avg,
            Double max,
            Double median,
            Double p50,
            Double p95,
            double rps,
            double startTime,
            Double lastRequest) {

        /** {@code "METHOD name"}, or {@code "Aggregated"}. */
        String key() {
            return method.isEmpty() ? name : method + " " + name;
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static FinalSummary read(Path file) {
        JsonNode root;
        try {
            root = MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Row> entries = new ArrayList<>();
        root.get("entries").forEach(node -> entries.add(row(node)));
        return new FinalSummary(
                root.get("locust_version").asText(),
                root.get("start_time").asDouble(),
                entries,
                row(root.get("aggregated")));
    }

    /** All rows, Aggregated last. */
    List<Row> rows() {
        List<Row> rows = new ArrayList<>(entries);
        rows.add(aggregated);
        return rows;
    }

    private static Row row(JsonNode node) {
        JsonNode percentiles = node.get("percentiles");
        return new Row(
                node.get("method").asText(),
                node.get("name").asText(),
                node.get("num_requests").asLong(),
                node.get("num_failures").asLong(),
                number(node.get("avg_response_time")),
                number(node.get("max_response_time")),
                number(node.get("median_response_time")),
                number(percentiles.get("0.5")),
                number(percentiles.get("0.95")),
                node.get("total_rps").asDouble(),
                node.get("start_time").asDouble(),
                number(node.get("last_request_timestamp")));
    }

    private static Double number(JsonNode node) {
        return node == null || node.isNull() ? null : node.asDouble();
    }
}
