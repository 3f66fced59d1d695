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
 */
public record ServiceResult(
        String service,
        List<EndpointStats> endpoints,
        EndpointStats aggregated,
        List<FailureStat> failures,
        List<ExceptionStat> exceptions,
        RunInfo info,
        List<Path> sources) {

    public ServiceResult {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(aggregated, "aggregated");
        endpoints = List.copyOf(endpoints);
        failures = List.copyOf(failures);
        exceptions = List.copyOf(exceptions);
        info = info == null ? RunInfo.unknown() : info;
        sources = List.copyOf(sources);
    }
}
