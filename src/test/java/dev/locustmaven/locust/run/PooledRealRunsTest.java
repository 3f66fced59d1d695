package dev.locustmaven.locust.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.locustmaven.locust.RunLog;
import dev.locustmaven.locust.install.TestLocusts;
import dev.locustmaven.model.EndpointStats;
import dev.locustmaven.model.FailureStat;
import dev.locustmaven.model.ServiceResult;
import dev.locustmaven.pooling.PooledResult;
import dev.locustmaven.pooling.Pooling;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two real Locust runs of one service, pooled: the counts are the sums, and the pooled percentiles are those of all
 * response times of both runs together, by the same rule with which Locust computed each run's own.
 */
class PooledRealRunsTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"newest", "oldest"})
    void twoRealRunsPoolIntoTheirSumsAndThePercentilesOfAllTheirResponseTimes(String which) throws Exception {
        Path locustfile = TestLocusts.resource("locustfile.py", dir);
        List<ServiceResult> runs = new ArrayList<>();
        try (TargetServer server = new TargetServer()) {
            LocustScenario scenario = new LocustScenario(
                    "api",
                    List.of(locustfile),
                    List.of("ApiUser"),
                    List.of(),
                    List.of(),
                    3,
                    3,
                    Duration.ofSeconds(3),
                    server.url(),
                    Map.of(),
                    List.of(),
                    Distribution.standalone());
            LocustRunner runner = new LocustRunner(
                    TestLocusts.byName(which),
                    new LocustRunner.Settings(dir, Duration.ZERO, Duration.ofSeconds(30)),
                    RunLog.silent());
            for (int i = 1; i <= 2; i++) {
                ScenarioOutcome outcome = runner.run(scenario, dir.resolve("api-rerun-" + i));
                assertThat(outcome.problem()).isNull();
                runs.add(outcome.result());
            }
        }
        ServiceResult first = runs.get(0);
        ServiceResult second = runs.get(1);

        PooledResult pooled = Pooling.pool(runs);

        assertThat(pooled.exact()).isTrue();
        ServiceResult result = pooled.result();
        List<EndpointStats> rows = new ArrayList<>(result.endpoints());
        rows.add(result.aggregated());
        assertThat(rows).hasSize(5);
        for (EndpointStats row : rows) {
            EndpointStats a = row(first, row);
            EndpointStats b = row(second, row);
            String what = row.method() + " " + row.name();
            assertThat(row.requestCount()).as(what).isPositive().isEqualTo(a.requestCount() + b.requestCount());
            assertThat(row.failureCount()).as(what).isEqualTo(a.failureCount() + b.failureCount());
            List<Double> all = new ArrayList<>(samples(a.histogram()));
            all.addAll(samples(b.histogram()));
            all.sort(null);
            assertThat((long) all.size()).as(what).isEqualTo(row.requestCount());
            // the rule checked against Locust itself, on each run's own response times
            assertThat(percentile(samples(a.histogram()), 0.95))
                    .as(what)
                    .isEqualTo(a.percentiles().get(0.95));
            assertThat(percentile(samples(b.histogram()), 0.95))
                    .as(what)
                    .isEqualTo(b.percentiles().get(0.95));
            assertThat(row.percentiles().get(0.95)).as(what).isEqualTo(percentile(all, 0.95));
            assertThat(row.percentiles().get(0.99)).as(what).isEqualTo(percentile(all, 0.99));
            assertThat(row.percentiles().keySet())
                    .as(what)
                    .isEqualTo(a.percentiles().keySet());
            assertThat(row.minMs()).as(what).isEqualTo(Math.min(a.minMs(), b.minMs()));
            assertThat(row.maxMs()).as(what).isEqualTo(Math.max(a.maxMs(), b.maxMs()));
            assertThat(row.averageMs())
                    .as(what)
                    .isCloseTo(
                            (a.averageMs() * a.requestCount() + b.averageMs() * b.requestCount()) / row.requestCount(),
                            within(1e-9));
            assertThat(row.requestsPerSecond())
                    .as(what)
                    .isCloseTo(
                            row.requestCount()
                                    / (a.requestCount() / a.requestsPerSecond()
                                            + b.requestCount() / b.requestsPerSecond()),
                            within(1e-9))
                    .isBetween(
                            Math.min(a.requestsPerSecond(), b.requestsPerSecond()),
                            Math.max(a.requestsPerSecond(), b.requestsPerSecond()));
        }
        Map<String, Long> failures = result.failures().stream()
                .collect(Collectors.toMap(f -> f.name() + " " + f.rawError(), FailureStat::occurrences));
        Map<String, Long> expected = new java.util.TreeMap<>();
        runs.forEach(r ->
                r.failures().forEach(f -> expected.merge(f.name() + " " + f.rawError(), f.occurrences(), Long::sum)));
        assertThat(failures).isEqualTo(expected).hasSize(2);
        assertThat(result.failures().stream()
                        .mapToLong(FailureStat::occurrences)
                        .sum())
                .isEqualTo(result.aggregated().failureCount());
        assertThat(result.info().durationSeconds())
                .isCloseTo(first.info().durationSeconds() + second.info().durationSeconds(), within(1e-9));
        assertThat(result.info().users()).isEqualTo(3);
        assertThat(result.info().locustVersion()).isEqualTo(first.info().locustVersion());
    }

    private static EndpointStats row(ServiceResult run, EndpointStats like) {
        if (like.isAggregated()) {
            return run.aggregated();
        }
        return run.endpoints().stream()
                .filter(e -> e.method().equals(like.method()) && e.name().equals(like.name()))
                .findFirst()
                .orElseThrow();
    }

    /** Every response time of a histogram, in ascending order. */
    private static List<Double> samples(NavigableMap<Double, Long> histogram) {
        return histogram.entrySet().stream()
                .flatMap(e -> java.util.stream.LongStream.range(0, e.getValue()).mapToObj(i -> e.getKey()))
                .collect(Collectors.toList());
    }

    /**
     * Locust's percentile of sorted response times, worked out from its rule without its buckets: the one at index
     * {@code int(n * fraction)} (the largest for 100%).
     */
    private static double percentile(List<Double> sorted, double fraction) {
        int n = sorted.size();
        return sorted.get((int) Math.min((long) (n * fraction), n - 1));
    }
}
