package dev.locustmaven.maven;

import dev.locustmaven.thresholds.ThresholdRule;

/**
 * One {@code <threshold>} of the pom's {@code <thresholds>}, as Maven's configurator fills it (through the setters,
 * named after the child elements); {@link #toRule()} maps it onto the core's immutable {@link ThresholdRule}, which
 * documents the fields and validates them.
 */
public class ThresholdConfiguration {

    private String service;
    private String metric;
    private String endpoint;
    private String warning;
    private String fail;
    private Double minAbsolute;
    private Double minAbsoluteChange;
    private boolean allowMissing;
    private String significance;

    public void setService(String service) {
        this.service = service;
    }

    public void setMetric(String metric) {
        this.metric = metric;
    }

    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    public void setWarning(String warning) {
        this.warning = warning;
    }

    public void setFail(String fail) {
        this.fail = fail;
    }

    public void setMinAbsolute(Double minAbsolute) {
        this.minAbsolute = minAbsolute;
    }

    public void setMinAbsoluteChange(Double minAbsoluteChange) {
        this.minAbsoluteChange = minAbsoluteChange;
    }

    public void setAllowMissing(boolean allowMissing) {
        this.allowMissing = allowMissing;
    }

    public void setSignificance(String significance) {
        this.significance = significance;
    }

    ThresholdRule toRule() {
        return new ThresholdRule(
                service, metric, endpoint, warning, fail, minAbsolute, minAbsoluteChange, allowMissing, significance);
    }
}
