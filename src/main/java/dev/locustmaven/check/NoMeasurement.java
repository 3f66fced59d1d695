package dev.locustmaven.check;

import dev.locustmaven.metrics.DefaultMetrics;
import dev.locustmaven.model.Check;
import dev.locustmaven.model.EndpointStats;
import dev.locustmaven.model.FailureStat;
import dev.locustmaven.model.LocustRun;
import dev.locustmaven.model.Measurements;
import dev.locustmaven.model.MetricKey;
import dev.locustmaven.model.MetricValue;
import dev.locustmaven.model.ServiceResult;
import dev.locustmaven.model.Status;
import dev.locustmaven.model.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A service whose run is no measurement: Locust recorded no request for it, at least {@value #FAILED_PCT}% of its
 * requests failed, or the {@code run} goal stopped it early because nothing but failures came back. Locust times a
 * failed request like any other, so the latencies and the throughput of such a run are those of its errors (a refused
 * connection fails within a millisecond): numbers about the failure, not the service. {@code check} therefore fails
 * it whatever the baseline says and judges none of its rules, {@code locust:baseline} refuses to promote it, and the
 * history leaves it out.
 *
 * <p>99% rather than 100%: a host that is down while one health check still answers, or that comes up in the run's
 * last second, must not turn the run into a measurement. Below it the run did measure the service, and the error-rate
 * rules judge how badly it failed. The limit is fixed: those rules already cover every level of failure below it.
 *
 * <p>Only the service as a whole counts: an endpoint whose requests all failed while others succeeded is a
 * measurement with errors.
 *
 * @param example the most frequent failure ({@code GET / with "…" (57 times)}); null when Locust listed none
 * @param earlyStop why the {@code run} goal stopped the run early, as its final statistics say; null when it did not
 */
public record NoMeasurement(String service, long requests, long failures, String example, String earlyStop) {

    /** From this share of failed requests on, a run is no measurement. */
    public static final int FAILED_PCT = 99;

    /** The rule text of a no-measurement check, which tells it from the threshold rules' checks. */
    public static final String RULE = "measurement";

    private static final int MAX_EXAMPLE = 200;

    /** The services of the run that are no measurement, in the run's order. */
    public static List<NoMeasurement> in(LocustRun run) {
        List<NoMeasurement> found = new ArrayList<>();
        run.services().forEach(s -> of(s).ifPresent(found::add));
        return found;
    }

    /** The service's run, when it is no measurement. */
    public static Optional<NoMeasurement> of(ServiceResult result) {
        EndpointStats total = result.aggregated();
        long requests = total.requestCount();
        long failures = total.failureCount();
        String earlyStop = result.info().earlyStop();
        // in whole numbers, so that exactly 99% counts and 98.99% does not
        boolean mostlyFailed = 100 * failures >= (long) FAILED_PCT * requests;
        if (requests > 0 && !mostlyFailed && earlyStop == null) {
            return Optional.empty();
        }
        String example = result.failures().stream()
                .max(Comparator.comparingLong(FailureStat::occurrences))
                .map(NoMeasurement::describe)
                .orElse(null);
        return Optional.of(new NoMeasurement(result.service(), requests, failures, example, earlyStop));
    }

    private static Set<String> services(List<NoMeasurement> unmeasured) {
        return unmeasured.stream().map(NoMeasurement::service).collect(Collectors.toSet());
    }

    /** The run without these services. */
    static LocustRun measured(LocustRun run, List<NoMeasurement> unmeasured) {
        Set<String> names = services(unmeasured);
        return new LocustRun(run.services().stream()
                .filter(s -> !names.contains(s.service()))
                .toList());
    }

    /** The metrics without those of these services. */
    static Measurements measured(Measurements measurements, List<NoMeasurement> unmeasured) {
        Set<String> names = services(unmeasured);
        return Measurements.of(measurements.all().stream()
                .filter(m -> !names.contains(m.key().service()))
                .toList());
    }

    /**
     * The verdict without the checks of these services (their rules are not judged), and with one failing check for
     * each that says why it is no measurement.
     */
    static Verdict judge(Verdict verdict, List<NoMeasurement> unmeasured) {
        if (unmeasured.isEmpty()) {
            return verdict;
        }
        Set<String> names = services(unmeasured);
        List<Check> checks = new ArrayList<>(verdict.checks().stream()
                .filter(c -> !names.contains(c.key().service()))
                .toList());
        unmeasured.forEach(u -> checks.add(u.check()));
        checks.sort(Comparator.comparing(Check::key));
        return Verdict.of(checks, verdict.warnings());
    }

    /**
     * What was measured: {@code all 57 requests failed, most often GET / with "…" (57 times); the run goal stopped
     * it after 10s of nothing but failures (failureOnlyTimeout)}.
     */
    public String reason() {
        String counts;
        if (requests == 0) {
            counts = "Locust recorded no requests";
        } else if (failures == requests) {
            counts = requests == 1 ? "its only request failed" : "all " + requests + " requests failed";
        } else {
            counts = String.format(
                    Locale.ROOT,
                    "%d of %d requests failed (%.2f%%; from %d%% on, a run is no measurement)",
                    failures,
                    requests,
                    100.0 * failures / requests,
                    FAILED_PCT);
        }
        return counts
                + (example == null ? "" : ", most often " + example)
                + (earlyStop == null ? "" : "; " + earlyStop);
    }

    /** The check that fails the build for this service, on its error rate, or its request count when it had none. */
    Check check() {
        MetricKey key =
                MetricKey.of(service, requests == 0 ? DefaultMetrics.REQUEST_COUNT : DefaultMetrics.ERROR_RATE_PCT);
        MetricValue current = MetricValue.of(requests == 0 ? 0 : 100.0 * failures / requests);
        String why = requests == 0
                ? "Without requests there is nothing to judge"
                : "Failed requests measure the failure, not the service";
        String message = service + ": no measurement: " + reason() + ". " + why + ", so no rule judges it.";
        return new Check(key, null, current, null, null, RULE, Status.FAIL, message);
    }

    private static String describe(FailureStat failure) {
        String message = failure.message().strip();
        if (message.length() > MAX_EXAMPLE) {
            message = message.substring(0, MAX_EXAMPLE - 1) + "…";
        }
        String request = failure.method().isEmpty() ? failure.name() : failure.method() + " " + failure.name();
        return request + " with \"" + message + "\" (" + failure.occurrences()
                + (failure.occurrences() == 1 ? " time)" : " times)");
    }
}
