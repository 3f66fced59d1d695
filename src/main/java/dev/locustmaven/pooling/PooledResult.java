package dev.locustmaven.pooling;

import dev.locustmaven.model.ServiceResult;
import java.util.List;
import java.util.Objects;

/**
 * Several runs of one service pooled into one, as if they were one longer run.
 *
 * @param result the pooled statistics
 * @param runs how many runs were pooled
 * @param approximations one sentence per number that could not be pooled exactly (a run without a response-time
 *     histogram, a run whose duration is unknown); empty when every number is exact
 */
public record PooledResult(ServiceResult result, int runs, List<String> approximations) {

    public PooledResult {
        Objects.requireNonNull(result, "result");
        approximations = List.copyOf(approximations);
    }

    /** True when every number is what Locust would have reported for the runs as one longer run. */
    public boolean exact() {
        return approximations.isEmpty();
    }

    /**
     * The pooled statistics, when they are exact.
     *
     * @throws PoolingException naming what could not be pooled exactly
     */
    public ServiceResult requireExact() {
        if (!exact()) {
            throw new PoolingException("The " + runs + " runs of " + result.service() + " cannot be pooled exactly: "
                    + String.join("; ", approximations));
        }
        return result;
    }
}
