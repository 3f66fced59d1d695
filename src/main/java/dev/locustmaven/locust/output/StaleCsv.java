package dev.locustmaven.locust.output;

import dev.locustmaven.model.EndpointStats;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * How stale Locust's {@code _stats.csv} probably is. Locust rewrites it once a second and not always at exit, so at the
 * run's end it can be up to about a second old and miss that second's requests. With Locust's log the age is measured:
 * the log's span from the test start to {@code --run-time limit reached}, less the span the CSV covers (its Aggregated
 * requests over its requests per second); without it, only the bound can be said.
 */
public final class StaleCsv {

    /** Below this many estimated missing requests the CSV is taken as current. */
    private static final double NEGLIGIBLE = 0.5;

    public static final String ADVICE =
            "for final numbers give Locust --json-file (2.37.10 or newer) or run it through the" + " plugin's run goal";

    private StaleCsv() {}

    /** The warning for the service's statistics read from {@code csv}, empty when the CSV is measured as current. */
    static Optional<String> warning(String service, Path csv, EndpointStats aggregated, LocustLogReader.LocustLog log) {
        String file = csv.getFileName().toString();
        Double rps = aggregated.requestsPerSecond();
        long requests = aggregated.requestCount();
        if (rps == null || rps <= 0 || requests == 0) {
            return Optional.empty();
        }
        if (log != null && log.testStart() != null && log.runTimeLimit() != null) {
            double logSpan =
                    Duration.between(log.testStart(), log.runTimeLimit()).toMillis() / 1000.0;
            double age = Math.max(0, logSpan - requests / rps);
            double missing = age * rps;
            if (missing < NEGLIGIBLE) {
                return Optional.empty();
            }
            return Optional.of(String.format(
                    Locale.ROOT,
                    "%s: %s is %.2f s older than the run's end in Locust's log (it covers %.2f of %.2f s): about %d"
                            + " request%s (%.1f%%) %s missing from its numbers. Locust rewrites it once a second and"
                            + " not always at exit; %s.",
                    service,
                    file,
                    age,
                    logSpan - age,
                    logSpan,
                    Math.round(missing),
                    Math.round(missing) == 1 ? "" : "s",
                    100 * missing / (requests + missing),
                    Math.round(missing) == 1 ? "is" : "are",
                    ADVICE));
        }
        return Optional.of(String.format(
                Locale.ROOT,
                "%s: %s may be up to about 1 s older than the run's end (Locust rewrites it once a second and not"
                        + " always at exit): up to about %d requests (%.1f%% of this run) may be missing from its"
                        + " numbers; keep Locust's log (console.log) beside it to measure it, or %s.",
                service,
                file,
                Math.round(rps),
                100 * rps / requests,
                ADVICE));
    }
}
