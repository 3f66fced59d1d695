package dev.locustmaven.locust.output;

import dev.locustmaven.model.EndpointStats;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Locust's request statistics of one run as one source gave them: every request entry and the Aggregated entry.
 *
 * @param source the file they were read from
 * @param endpoints the request entries, without Aggregated, in the source's order
 * @param firstRequest when the earliest entry started, where the source says (JSON), else {@code null}
 * @param spanSeconds from the earliest entry's start to the latest request, where the source says, else {@code null}
 */
public record LocustStats(
        Path source,
        List<EndpointStats> endpoints,
        EndpointStats aggregated,
        Instant firstRequest,
        Double spanSeconds) {

    public LocustStats {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(aggregated, "aggregated");
        endpoints = List.copyOf(endpoints);
    }
}
