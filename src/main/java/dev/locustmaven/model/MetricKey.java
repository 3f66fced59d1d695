package dev.locustmaven.model;

import java.util.Comparator;
import java.util.Objects;

/**
 * Names one measured series: a metric of a service, or of one endpoint of a service.
 *
 * @param endpoint {@code null} for the service as a whole
 */
public record MetricKey(String service, String endpoint, String metric) implements Comparable<MetricKey> {

    private static final Comparator<MetricKey> ORDER = Comparator.comparing(MetricKey::service)
            .thenComparing(MetricKey::endpoint, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(MetricKey::metric);

    public MetricKey {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(metric, "metric");
    }

    public static MetricKey of(String service, String metric) {
        return new MetricKey(service, null, metric);
    }

    public boolean isServiceLevel() {
        return endpoint == null;
    }

    /**
     * {@code metric}, or {@code endpoint · metric} for an endpoint's metric: what a report shows in its metric column.
     * A slash would run into the endpoint's own name ({@code GET //p95_latency_ms} for {@code GET /}).
     */
    public String label() {
        return endpoint == null ? metric : endpoint + " · " + metric;
    }

    /** {@code api_gateway p95_latency_ms}, or {@code api_gateway "GET /items" p95_latency_ms}: the key in a sentence. */
    public String subject() {
        return service + (endpoint == null ? "" : " \"" + endpoint + "\"") + " " + metric;
    }

    /** {@code service/metric} or {@code service/endpoint · metric}: the key as messages and reports show it. */
    public String displayName() {
        return service + "/" + label();
    }

    /**
     * {@code service/metric} or {@code service/endpoint/metric}: the key's identity, as in the JSON outputs and the
     * regression signatures of GitHub issues, so it never changes; people read {@link #displayName()}.
     */
    @Override
    public String toString() {
        return endpoint == null ? service + "/" + metric : service + "/" + endpoint + "/" + metric;
    }

    @Override
    public int compareTo(MetricKey other) {
        return ORDER.compare(this, other);
    }
}
