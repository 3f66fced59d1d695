package dev.locustmaven.locust.run;

import dev.locustmaven.locust.LocustRunException;
import java.time.Duration;

/**
 * How the load is spread over Locust processes.
 *
 * @param localWorkers worker processes on this machine: {@code --processes N} where Locust has it, else a master
 *     plus N {@code --worker} processes on 127.0.0.1; 0 runs one standalone process
 * @param expectWorkers workers started elsewhere (another machine, Kubernetes) that this build's master waits for; 0
 *     for none
 * @param masterBindHost the interface the master listens on for external workers ({@code *} for all)
 * @param masterBindPort the port the master listens on for external workers (Locust's default 5557)
 * @param workerTimeout how long the master waits for its workers to connect ({@code --expect-workers-max-wait})
 */
public record Distribution(
        int localWorkers, int expectWorkers, String masterBindHost, int masterBindPort, Duration workerTimeout) {

    public static final int DEFAULT_MASTER_PORT = 5557;
    public static final Duration DEFAULT_WORKER_TIMEOUT = Duration.ofSeconds(60);

    public Distribution {
        if (localWorkers < 0 || expectWorkers < 0) {
            throw new LocustRunException("workers and expectWorkers must not be negative (got workers " + localWorkers
                    + ", expectWorkers " + expectWorkers + ").");
        }
        if (localWorkers > 0 && expectWorkers > 0) {
            throw new LocustRunException("Set either workers (local worker processes, here " + localWorkers
                    + ") or expectWorkers (workers started elsewhere, here " + expectWorkers + "), not both.");
        }
        if (masterBindPort < 0 || masterBindPort > 65535) {
            throw new LocustRunException("masterBindPort " + masterBindPort + " is not a port number.");
        }
        masterBindHost = masterBindHost == null || masterBindHost.isBlank() ? "*" : masterBindHost;
        masterBindPort = masterBindPort == 0 ? DEFAULT_MASTER_PORT : masterBindPort;
        workerTimeout = workerTimeout == null ? DEFAULT_WORKER_TIMEOUT : workerTimeout;
    }

    /** True when the load runs on worker processes, local or elsewhere, rather than in one standalone Locust. */
    public boolean distributed() {
        return localWorkers > 0 || expectWorkers > 0;
    }

    public static Distribution standalone() {
        return new Distribution(0, 0, null, 0, null);
    }

    public static Distribution localWorkers(int workers) {
        return new Distribution(workers, 0, null, 0, null);
    }
}
