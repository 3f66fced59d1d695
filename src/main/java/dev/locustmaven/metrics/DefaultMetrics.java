package dev.locustmaven.metrics;

import dev.locustmaven.model.EndpointStats;
import dev.locustmaven.model.Measurement;
import dev.locustmaven.model.MetricKey;
import dev.locustmaven.model.MetricValue;
import dev.locustmaven.model.ResponseTimes;
import dev.locustmaven.model.Sample;
import dev.locustmaven.model.ServiceResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The metrics every service and every endpoint gets without configuration, named as teams name them today.
 *
 * <p>Service metrics come from Locust's Aggregated row, endpoint metrics from the endpoint's row. An endpoint is keyed
 * by its request name; when one name occurs with several methods in a service ({@code GET /items} and {@code POST
 * /items}), each is keyed {@code "METHOD name"} so that neither hides the other. A value Locust did not report (no
 * timed requests, {@code N/A}) is left out rather than invented. Every value carries the sample it was computed from:
 * the row's response times for latencies, its requests and failures for the error rate, its request count for the
 * throughput; counts, minimum and maximum are judged as they stand.
 */
public final class DefaultMetrics {

    public static final String REQUEST_COUNT = "request_count";
    public static final String FAILURE_COUNT = "failure_count";
    public static final String ERROR_RATE_PCT = "error_rate_pct";
    public static final String RPS = "rps";
    public static final String AVG_LATENCY_MS = "avg_latency_ms";
    public static final String MIN_LATENCY_MS = "min_latency_ms";
    public static final String MAX_LATENCY_MS = "max_latency_ms";
    public static final String P50_LATENCY_MS = "p50_latency_ms";
    public static final String P90_LATENCY_MS = "p90_latency_ms";
    public static final String P95_LATENCY_MS = "p95_latency_ms";
    public static final String P99_LATENCY_MS = "p99_latency_ms";
    public static final String P999_LATENCY_MS = "p999_latency_ms";

    /** Every default metric name, in the order reports list them. */
    public static final List<String> NAMES = List.of(
            REQUEST_COUNT,
            FAILURE_COUNT,
            ERROR_RATE_PCT,
            RPS,
            AVG_LATENCY_MS,
            MIN_LATENCY_MS,
            MAX_LATENCY_MS,
            P50_LATENCY_MS,
            P90_LATENCY_MS,
            P95_LATENCY_MS,
            P99_LATENCY_MS,
            P999_LATENCY_MS);

    private static final Map<String, Double> PERCENTILES = percentileMetrics();

    private DefaultMetrics() {}

    /** The default metrics of the service (endpoint {@code null}) and of each of its endpoints. */
    public static List<Measurement> measure(ServiceResult service) {
        List<Measurement> measurements = new ArrayList<>(measure(service.service(), null, service.aggregated()));
        endpointKeys(service)
                .forEach((stats, endpoint) -> measurements.addAll(measure(service.service(), endpoint, stats)));
        return measurements;
    }

    /**
     * The key of each endpoint of a service, in the service's order: the request name, or {@code "METHOD name"} when
     * the name occurs with more than one method.
     */
    public static Map<EndpointStats, String> endpointKeys(ServiceResult service) {
        Map<String, Long> methodsPerName =
                service.endpoints().stream().collect(Collectors.groupingBy(EndpointStats::name, Collectors.counting()));
        Map<EndpointStats, String> keys = new LinkedHashMap<>();
        for (EndpointStats stats : service.endpoints()) {
            boolean shared = methodsPerName.get(stats.name()) > 1;
            keys.put(stats, shared ? stats.method() + " " + stats.name() : stats.name());
        }
        return keys;
    }

    private static List<Measurement> measure(String service, String endpoint, EndpointStats stats) {
        List<Measurement> out = new ArrayList<>();
        Function<String, MetricKey> key = metric -> new MetricKey(service, endpoint, metric);
        long n = stats.requestCount();
        Sample exact = new Sample.Exact(n);
        ResponseTimes times = RequestSamples.responseTimes(stats);
        out.add(new Measurement(key.apply(REQUEST_COUNT), MetricValue.of(n), exact));
        out.add(new Measurement(key.apply(FAILURE_COUNT), MetricValue.of(stats.failureCount()), exact));
        Ratios.percent(stats.failureCount(), n)
                .ifPresent(v -> out.add(new Measurement(
                        key.apply(ERROR_RATE_PCT), MetricValue.of(v), new Sample.Proportion(stats.failureCount(), n))));
        addIfPresent(out, key.apply(RPS), stats.requestsPerSecond(), new Sample.Count(n));
        addIfPresent(out, key.apply(AVG_LATENCY_MS), stats.averageMs(), new Sample.Mean(times));
        addIfPresent(out, key.apply(MIN_LATENCY_MS), stats.minMs(), exact);
        addIfPresent(out, key.apply(MAX_LATENCY_MS), stats.maxMs(), exact);
        PERCENTILES.forEach((metric, fraction) -> {
            OptionalDouble value = Percentiles.of(stats, fraction);
            value.ifPresent(v -> out.add(
                    new Measurement(key.apply(metric), MetricValue.of(v), new Sample.Quantile(fraction, times))));
        });
        return out;
    }

    private static void addIfPresent(List<Measurement> out, MetricKey key, Double value, Sample sample) {
        if (value != null) {
            out.add(new Measurement(key, MetricValue.of(value), sample));
        }
    }

    private static Map<String, Double> percentileMetrics() {
        Map<String, Double> map = new LinkedHashMap<>();
        map.put(P50_LATENCY_MS, 0.5);
        map.put(P90_LATENCY_MS, 0.9);
        map.put(P95_LATENCY_MS, 0.95);
        map.put(P99_LATENCY_MS, 0.99);
        map.put(P999_LATENCY_MS, 0.999);
        return map;
    }
}
