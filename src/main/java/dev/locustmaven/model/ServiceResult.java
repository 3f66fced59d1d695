package dev.locustmaven.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Everything Locust measured for one service (one folder of the results directory).
 *
 * @param endpoints the request entries, without the Aggregated row
 * @param aggregated Locust's Aggregated row over all requests of the service
 * @param sources the files the numbers were read from, for messages
 * @param warnings what the reader doubts about the numbers (a stats CSV that is probably stale, an empty JSON file
 *     passed over), each a sentence naming the service and the file, for the log
 */
public record ServiceResult(
        String service,
        List<EndpointStats> endpoints,
        EndpointStats aggregated,
        List<FailureStat> failures,
        List<ExceptionStat> exceptions,
        RunInfo info,
        List<Path> sources,
        List<String> warnings) {

    /** A result the reader has no doubt about. */
    public ServiceResult(
            String service,
            List<EndpointStats> endpoints,
            EndpointStats aggregated,
            List<FailureStat> failures,
            List<ExceptionStat> exceptions,
            RunInfo info,
            List<Path> sources) {
        this(service, endpoints, aggregated, failures, exceptions, info, sources, List.of());
    }

    public ServiceResult {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(aggregated, "aggregated");
        endpoints = List.copyOf(endpoints);
        failures = List.copyOf(failures);
        exceptions = List.copyOf(exceptions);
        info = info == null ? RunInfo.unknown() : info;
        sources = List.copyOf(sources);
        warnings = List.copyOf(warnings);
    }
}
