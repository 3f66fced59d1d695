package dev.locustmaven.metrics;

import dev.locustmaven.model.EndpointStats;
import dev.locustmaven.model.ResponseTimes;
import java.util.List;

/** The response times behind the latency values of Locust's rows, for their sampling error. */
final class RequestSamples {

    private RequestSamples() {}

    /** The row's histogram, or a stand-in rebuilt from its percentile columns when it has none (CSV input). */
    static ResponseTimes responseTimes(EndpointStats row) {
        return row.histogram().isEmpty()
                ? ResponseTimes.fromReportedPercentiles(row.percentiles(), row.requestCount(), row.minMs())
                : ResponseTimes.of(row.histogram());
    }

    /** The response times of several rows together. */
    static ResponseTimes responseTimes(List<EndpointStats> rows) {
        ResponseTimes all = new ResponseTimes(new java.util.TreeMap<>(), false);
        for (EndpointStats row : rows) {
            if (row.requestCount() > 0) {
                all = all.plus(responseTimes(row));
            }
        }
        return all;
    }
}
