package dev.locustmaven.metrics;

import dev.locustmaven.model.EndpointStats;
import dev.locustmaven.model.FailureStat;
import dev.locustmaven.model.MetricValue;
import dev.locustmaven.model.ResponseTimes;
import dev.locustmaven.model.Sample;
import dev.locustmaven.model.ServiceResult;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Computes one valid {@link MetricDefinition} over one service; see that class for the rules of combination. */
final class CustomMetric {

    /** A value, or the reason there is none. */
    record Outcome(MetricValue value, Sample sample, String reason) {

        static Outcome of(MetricValue value, long sampleSize) {
            return new Outcome(value, new Sample.Exact(sampleSize), null);
        }

        static Outcome of(double value, long sampleSize) {
            return of(MetricValue.of(value), sampleSize);
        }

        static Outcome of(OptionalDouble value, long sampleSize, String reason) {
            return of(value, new Sample.Exact(sampleSize), reason);
        }

        static Outcome of(OptionalDouble value, Sample sample, String reason) {
            return value.isPresent()
                    ? new Outcome(MetricValue.of(value.getAsDouble()), sample, null)
                    : unavailable(reason);
        }

        static Outcome unavailable(String reason) {
            return new Outcome(null, new Sample.Exact(0), reason);
        }
    }

    private final MetricDefinition definition;
    private final Pattern requests;
    private final Pattern method;

    CustomMetric(MetricDefinition definition) {
        this.definition = definition;
        this.requests = definition.requestsPattern().orElse(null);
        this.method = definition.methodPattern().orElse(null);
    }

    Outcome compute(ServiceResult service) {
        Selection selection = new Selection(service);
        if (definition.failures() != null) {
            return failures(
                    selection, FailureStatistic.parse(definition.statistic()).orElseThrow());
        }
        return requests(
                selection, RequestStatistic.parse(definition.statistic()).orElseThrow());
    }

    private Outcome failures(Selection selection, FailureStatistic statistic) {
        long failedRequests =
                selection.rows().stream().mapToLong(EndpointStats::failureCount).sum();
        if (failedRequests > 0 && selection.failures().isEmpty()) {
            // Without the messages (no *_failures.csv beside a JSON result) a count of 0 would be a false all-clear.
            return Outcome.unavailable(failedRequests + " failed requests " + selection.describe()
                    + " but no failure messages to match; keep Locust's *_failures.csv (--csv) beside its JSON");
        }
        Pattern pattern = definition.failuresPattern().orElseThrow();
        long matching = selection.failures().stream()
                .filter(f -> pattern.matcher(f.message() != null ? f.message() : f.rawError())
                        .find())
                .mapToLong(FailureStat::occurrences)
                .sum();
        long requestCount = selection.requestCount();
        return switch (statistic) {
            case COUNT -> Outcome.of(matching, requestCount);
            case NONE -> Outcome.of(MetricValue.of(matching == 0), requestCount);
            case RATE_PCT ->
                Outcome.of(
                        Ratios.percent(matching, requestCount),
                        new Sample.Proportion(Math.min(matching, requestCount), requestCount),
                        matching + " matching failures but no request to relate them to " + selection.describe());
        };
    }

    private Outcome requests(Selection selection, RequestStatistic statistic) {
        long n = selection.requestCount();
        List<EndpointStats> rows = selection.rows();
        long failures = rows.stream().mapToLong(EndpointStats::failureCount).sum();
        String noTimedRequest = "no timed request " + selection.describe();
        return switch (statistic) {
            case COUNT -> Outcome.of(n, n);
            case FAILURES -> Outcome.of(failures, n);
            case ERROR_RATE_PCT ->
                Outcome.of(
                        Ratios.percent(failures, n),
                        new Sample.Proportion(failures, n),
                        "failures without any logged request " + selection.describe());
            case RPS ->
                rows.isEmpty()
                        ? Outcome.of(0.0, 0)
                        : Outcome.of(
                                sumPresent(rows.stream().map(EndpointStats::requestsPerSecond)),
                                new Sample.Count(n),
                                "Locust reported no requests per second " + selection.describe());
            case AVG ->
                Outcome.of(weightedAverage(rows), new Sample.Mean(RequestSamples.responseTimes(rows)), noTimedRequest);
            case MIN ->
                Outcome.of(
                        rows.stream()
                                .map(EndpointStats::minMs)
                                .filter(Objects::nonNull)
                                .mapToDouble(Double::doubleValue)
                                .min(),
                        n,
                        noTimedRequest);
            case MAX ->
                Outcome.of(
                        rows.stream()
                                .map(EndpointStats::maxMs)
                                .filter(Objects::nonNull)
                                .mapToDouble(Double::doubleValue)
                                .max(),
                        n,
                        noTimedRequest);
            default -> percentile(selection, statistic);
        };
    }

    private Outcome percentile(Selection selection, RequestStatistic statistic) {
        double fraction = statistic.fraction().orElseThrow();
        String label = statistic.text();
        List<EndpointStats> timed =
                selection.rows().stream().filter(r -> r.requestCount() > 0).toList();
        String noValue = "Locust reported no " + label + " " + selection.describe();
        if (timed.isEmpty()) {
            return Outcome.unavailable("no request " + selection.describe());
        }
        if (timed.size() == 1) {
            return Outcome.of(
                    Percentiles.of(timed.get(0), fraction),
                    new Sample.Quantile(fraction, RequestSamples.responseTimes(timed.get(0))),
                    noValue);
        }
        if (timed.stream().noneMatch(r -> r.histogram().isEmpty())) {
            var merged = Percentiles.merge(
                    timed.stream().map(EndpointStats::histogram).toList());
            return Outcome.of(
                    Percentiles.fromHistogram(merged, fraction),
                    new Sample.Quantile(fraction, ResponseTimes.of(merged)),
                    noValue);
        }
        if (selection.coversService(timed)) {
            EndpointStats aggregated = selection.service.aggregated();
            return Outcome.of(
                    Percentiles.of(aggregated, fraction),
                    new Sample.Quantile(fraction, RequestSamples.responseTimes(aggregated)),
                    noValue);
        }
        return Outcome.unavailable(label + " " + selection.describe() + " spans " + timed.size()
                + " endpoints and the results have no response-time histograms to merge (only Locust's"
                + " per-endpoint percentiles, which cannot be combined exactly); select one endpoint, or read"
                + " Locust's JSON or the plugin's helper output");
    }

    private static OptionalDouble weightedAverage(List<EndpointStats> rows) {
        double weighted = 0;
        long weight = 0;
        for (EndpointStats row : rows) {
            if (row.averageMs() != null && row.requestCount() > 0) {
                weighted += row.averageMs() * row.requestCount();
                weight += row.requestCount();
            }
        }
        return weight == 0 ? OptionalDouble.empty() : OptionalDouble.of(weighted / weight);
    }

    private static OptionalDouble sumPresent(Stream<Double> values) {
        List<Double> present = values.filter(Objects::nonNull).toList();
        return present.isEmpty()
                ? OptionalDouble.empty()
                : OptionalDouble.of(
                        present.stream().mapToDouble(Double::doubleValue).sum());
    }

    /**
     * The requests and failures the definition selects in one service. Selecting every request means Locust's
     * Aggregated row, whose numbers are exact for the whole service.
     */
    private final class Selection {

        private final ServiceResult service;
        private final List<EndpointStats> rows;
        private final List<FailureStat> failures;

        Selection(ServiceResult service) {
            this.service = service;
            if (definition.selectsEveryRequest()) {
                this.rows = List.of(service.aggregated());
                this.failures = service.failures();
            } else {
                this.rows = service.endpoints().stream()
                        .filter(e -> selects(e.method(), e.name()))
                        .toList();
                this.failures = service.failures().stream()
                        .filter(f -> selects(f.method(), f.name()))
                        .toList();
            }
        }

        List<EndpointStats> rows() {
            return rows;
        }

        List<FailureStat> failures() {
            return failures;
        }

        long requestCount() {
            return rows.stream().mapToLong(EndpointStats::requestCount).sum();
        }

        /** True when the given rows are every endpoint of the service that has requests. */
        boolean coversService(List<EndpointStats> timed) {
            return service.endpoints().stream()
                    .filter(e -> e.requestCount() > 0)
                    .allMatch(timed::contains);
        }

        /** For example {@code of service rag_service matching requests 'query'}. */
        String describe() {
            StringBuilder text = new StringBuilder("in service ").append(service.service());
            if (requests != null) {
                text.append(" matching requests '").append(requests.pattern()).append('\'');
            }
            if (method != null) {
                text.append(requests != null ? " and" : " matching")
                        .append(" method '")
                        .append(method.pattern())
                        .append('\'');
            }
            return text.toString();
        }

        private boolean selects(String requestMethod, String requestName) {
            return (requests == null || requests.matcher(requestName).matches())
                    && (method == null
                            || method.matcher(requestMethod == null ? "" : requestMethod)
                                    .matches());
        }
    }
}
