package dev.locustmaven.locust.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.locustmaven.model.EndpointStats;
import dev.locustmaven.model.ExceptionStat;
import dev.locustmaven.model.FailureStat;
import dev.locustmaven.model.RunInfo;
import dev.locustmaven.model.ServiceResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the final statistics that the plugin's helper locustfile writes when Locust quits ({@value #FILE_NAME}). They
 * are Locust's own final numbers (the same as its console summary and HTML report), taken without resetting anything,
 * with histograms and percentiles computed by Locust itself; prefer them to the CSV files, which lag up to a second.
 */
public final class FinalStatsReader {

    /** The file name in a service's folder of the results directory. */
    public static final String FILE_NAME = "final-stats.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private FinalStatsReader() {}

    /**
     * @param service the service name for the result
     * @throws LocustOutputException when the file cannot be read or is not a final-statistics file
     */
    public static ServiceResult read(Path file, String service) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new LocustOutputException(file, 0, "cannot read the final statistics: " + e.getMessage(), e);
        }
        if (root == null
                || !root.isObject()
                || !root.path("aggregated").isObject()
                || !root.path("entries").isArray()) {
            throw new LocustOutputException(
                    file, "is not what the plugin's helper writes: the keys 'entries' and 'aggregated' are missing");
        }
        List<EndpointStats> endpoints = new ArrayList<>();
        int i = 0;
        for (JsonNode entry : root.path("entries")) {
            endpoints.add(endpoint(entry, file, "entries[" + i++ + "]"));
        }
        EndpointStats aggregated = endpoint(root.path("aggregated"), file, "aggregated");
        List<FailureStat> failures = new ArrayList<>();
        for (JsonNode f : root.path("failures")) {
            failures.add(new FailureStat(
                    f.path("method").asText(""),
                    f.path("name").asText(""),
                    f.path("message").asText(f.path("error").asText("")),
                    f.path("error").asText(""),
                    f.path("occurrences").asLong()));
        }
        List<ExceptionStat> exceptions = new ArrayList<>();
        for (JsonNode e : root.path("exceptions")) {
            exceptions.add(new ExceptionStat(
                    e.path("count").asLong(),
                    e.path("msg").asText(""),
                    e.path("traceback").asText(""),
                    e.path("nodes").asText("")));
        }
        return new ServiceResult(service, endpoints, aggregated, failures, exceptions, info(root), List.of(file));
    }

    /** The exit code Locust decided on when it quit, or {@code null} if the file does not say. */
    public static Integer exitCode(Path file) {
        try {
            JsonNode code = JSON.readTree(file.toFile()).path("exit_code");
            return code.isIntegralNumber() ? code.asInt() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static RunInfo info(JsonNode root) {
        String version = root.path("locust_version").asText("");
        Integer users = root.path("peak_users").asInt(0) > 0
                ? Integer.valueOf(root.path("peak_users").asInt())
                : number(root.path("target_users")) == null
                        ? null
                        : root.path("target_users").asInt();
        Double start = number(root.path("start_time"));
        Double stop = number(root.path("test_stop_time"));
        Double duration = start != null && stop != null && stop >= start ? stop - start : null;
        Instant startTime = start == null ? null : Instant.ofEpochMilli(Math.round(start * 1000));
        String earlyStop =
                root.path("early_stop").isTextual() ? root.path("early_stop").asText() : null;
        return new RunInfo(version.isEmpty() ? null : version, users, duration, startTime, earlyStop);
    }

    private static EndpointStats endpoint(JsonNode e, Path file, String where) {
        if (!e.path("num_requests").isIntegralNumber() || !e.has("name")) {
            throw new LocustOutputException(file, "has no request count or name at " + where);
        }
        long requests = e.path("num_requests").asLong();
        long timed = requests - e.path("num_none_requests").asLong(0);
        Map<Double, Double> percentiles = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = e.path("percentiles").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            if (p.getValue().isNumber()) {
                percentiles.put(Double.parseDouble(p.getKey()), p.getValue().asDouble());
            }
        }
        Map<Double, Long> histogram = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = e.path("response_times").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> b = it.next();
            histogram.merge(Double.parseDouble(b.getKey()), b.getValue().asLong(), Long::sum);
        }
        return new EndpointStats(
                e.path("method").asText(""),
                e.path("name").asText(),
                requests,
                e.path("num_failures").asLong(),
                timed > 0 ? number(e.path("avg_response_time")) : null,
                timed > 0 ? number(e.path("min_response_time")) : null,
                timed > 0 ? number(e.path("max_response_time")) : null,
                requests > 0 ? number(e.path("median_response_time")) : null,
                requests > 0 ? number(e.path("avg_content_length")) : null,
                number(e.path("total_rps")),
                number(e.path("total_fail_per_sec")),
                new TreeMap<>(percentiles),
                new TreeMap<>(histogram));
    }

    private static Double number(JsonNode n) {
        return n.isNumber() ? n.asDouble() : null;
    }
}
