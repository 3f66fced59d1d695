package dev.locustmaven.maven;

import dev.locustmaven.metrics.MetricDefinition;

/**
 * One {@code <metric>} of the pom's {@code <metrics>}, as Maven's configurator fills it (through the setters, named
 * after the child elements); {@link #toDefinition()} maps it onto the core's immutable {@link MetricDefinition}, which
 * documents the fields and validates them.
 */
public class MetricConfiguration {

    private String name;
    private String service;
    private String requests;
    private String method;
    private String failures;
    private String statistic;

    public void setName(String name) {
        this.name = name;
    }

    public void setService(String service) {
        this.service = service;
    }

    public void setRequests(String requests) {
        this.requests = requests;
    }

    public void setMethod(String method) {
        this.method = method;
    }

    public void setFailures(String failures) {
        this.failures = failures;
    }

    public void setStatistic(String statistic) {
        this.statistic = statistic;
    }

    MetricDefinition toDefinition() {
        return new MetricDefinition(name, service, requests, method, failures, statistic);
    }
}
