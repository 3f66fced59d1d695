package dev.locustmaven.maven;

import java.util.List;

/**
 * The base system of {@code compare}: the version the change is measured against, started beside it, with a host and
 * processes of its own (typically the previous release's artifact, or a jar built from the merge base).
 */
public class BaseSystem {

    /** The base URL of the base system; every scenario's runs against the base use it. Required. */
    private String host;

    /** Processes started before the base is measured and stopped after the last run, like {@code <processes>}. */
    private List<BackgroundProcessConfig> processes;

    /** A URL polled until it answers (status below 500) once the base's processes are up. */
    private String waitFor;

    /** How long to poll {@code waitFor}; default 2m. */
    private String waitForTimeout = "2m";

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public List<BackgroundProcessConfig> getProcesses() {
        return processes;
    }

    public void setProcesses(List<BackgroundProcessConfig> processes) {
        this.processes = processes;
    }

    public String getWaitFor() {
        return waitFor;
    }

    public void setWaitFor(String waitFor) {
        this.waitFor = waitFor;
    }

    public String getWaitForTimeout() {
        return waitForTimeout;
    }

    public void setWaitForTimeout(String waitForTimeout) {
        this.waitForTimeout = waitForTimeout;
    }
}
