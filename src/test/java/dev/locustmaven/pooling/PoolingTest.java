package dev.locustmaven.pooling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.locustmaven.metrics.Percentiles;
import dev.locustmaven.model.EndpointStats;
import dev.locustmaven.model.ExceptionStat;
import dev.locustmaven.model.FailureStat;
import dev.locustmaven.model.RunInfo;
import dev.locustmaven.model.ServiceResult;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Pooling with numbers worked out by hand. Run 1 lasted 2 s (GET /a only), run 2 lasted 4 s (GET /a and POST /b); the
 * response times of GET /a, sorted, are 10 10 20 30 in run 1 and 20 20 20 40 40 40 in run 2.
 */
class PoolingTest {

    private static final Instant T1 = Instant.parse("2026-03-01T12:00:10Z");
    private static final Instant T2 = Instant.parse("2026-03-01T12:00:00Z");

    private static EndpointStats stats(
            String method,
            String name,
            long requests,
            long failures,
            Double avg,
            Double min,
            Double max,
            Double median,
            Double contentSize,
            Double rps,
            Double failuresPerSecond,
            Map<Double, Double> percentiles,
            Map<Double, Long> histogram) {
        return new EndpointStats(
                method,
                name,
                requests,
                failures,
                avg,
                min,
                max,
                median,
                contentSize,
                rps,
                failuresPerSecond,
                new TreeMap<>(percentiles),
                new TreeMap<>(histogram));
    }

    private static final EndpointStats A1 = stats(
            "GET",
            "/a",
            4,
            1,
            17.5,
            9.0,
            31.0,
            20.0,
            100.0,
            2.0,
            0.5,
            Map.of(0.5, 20.0, 0.95, 30.0),
            Map.of(10.0, 2L, 20.0, 1L, 30.0, 1L));
    private static final EndpointStats A2 = stats(
            "GET",
            "/a",
            6,
            3,
            30.0,
            18.0,
            42.0,
            20.0,
            200.0,
            1.5,
            0.75,
            Map.of(0.5, 20.0, 0.95, 40.0, 0.99, 40.0),
            Map.of(20.0, 3L, 40.0, 3L));
    private static final EndpointStats B2 =
            stats("POST", "/b", 2, 0, 5.0, 4.5, 5.5, 5.0, 10.0, 0.5, 0.0, Map.of(0.5, 5.0, 0.95, 5.0), Map.of(5.0, 2L));

    private static EndpointStats aggregated(
            EndpointStats like,
            long requests,
            long failures,
            Double avg,
            Double min,
            Double max,
            Double contentSize,
            Double rps,
            Double fps,
            Map<Double, Long> histogram) {
        return stats(
                "",
                EndpointStats.AGGREGATED,
                requests,
                failures,
                avg,
                min,
                max,
                like.medianMs(),
                contentSize,
                rps,
                fps,
                like.percentiles(),
                histogram);
    }

    private static ServiceResult run1() {
        return new ServiceResult(
                "api",
                List.of(A1),
                aggregated(A1, 4, 1, 17.5, 9.0, 31.0, 100.0, 2.0, 0.5, A1.histogram()),
                List.of(new FailureStat("GET", "/a", "boom", "CatchResponseError('boom')", 1)),
                List.of(new ExceptionStat(2, "ValueError: x", "Traceback 1", "local")),
                new RunInfo("2.47.0", 4, 2.5, T1, null),
                List.of(Path.of("run-1/final-stats.json")));
    }

    private static ServiceResult run2() {
        return new ServiceResult(
                "api",
                List.of(A2, B2),
                // (30 * 6 + 5 * 2) / 8 = 23.75; content (200 * 6 + 10 * 2) / 8 = 152.5; 8 requests in 4 s
                aggregated(A2, 8, 3, 23.75, 4.5, 42.0, 152.5, 2.0, 0.75, Map.of(5.0, 2L, 20.0, 3L, 40.0, 3L)),
                List.of(
                        new FailureStat("GET", "/a", "boom", "CatchResponseError('boom')", 2),
                        new FailureStat("GET", "/a", "other", "CatchResponseError('other')", 1)),
                List.of(
                        new ExceptionStat(3, "ValueError: x", "Traceback 1", "worker-1, local"),
                        new ExceptionStat(1, "KeyError: y", "Traceback 2", "local")),
                new RunInfo("2.47.0", 4, 4.25, T2, null),
                List.of(Path.of("run-2/final-stats.json")));
    }

    @Test
    void countsAddUpAndPercentilesComeFromTheMergedHistogram() {
        PooledResult pooled = Pooling.pool(run1(), run2());

        assertThat(pooled.exact()).isTrue();
        assertThat(pooled.runs()).isEqualTo(2);
        ServiceResult result = pooled.result();
        assertThat(result.service()).isEqualTo("api");
        assertThat(result.endpoints()).extracting(EndpointStats::name).containsExactly("/a", "/b");
        EndpointStats a = result.endpoints().get(0);
        assertThat(a.method()).isEqualTo("GET");
        assertThat(a.requestCount()).isEqualTo(10);
        assertThat(a.failureCount()).isEqualTo(4);
        assertThat(a.histogram())
                .containsExactlyEntriesOf(new TreeMap<>(Map.of(10.0, 2L, 20.0, 4L, 30.0, 1L, 40.0, 3L)));
        // sorted: 10 10 20 20 20 20 30 40 40 40; Locust's rule takes the value at index int(10 * fraction)
        assertThat(a.percentiles()).containsExactlyEntriesOf(new TreeMap<>(Map.of(0.5, 20.0, 0.95, 40.0, 0.99, 40.0)));
        assertThat(a.medianMs()).isEqualTo(20.0);
        // (17.5 * 4 + 30 * 6) / 10
        assertThat(a.averageMs()).isEqualTo(25.0);
        assertThat(a.minMs()).isEqualTo(9.0);
        assertThat(a.maxMs()).isEqualTo(42.0);
        // (100 * 4 + 200 * 6) / 10
        assertThat(a.averageContentSize()).isEqualTo(160.0);
        // 10 requests and 4 failures in 4 / 2.0 + 6 / 1.5 = 6 s
        assertThat(a.requestsPerSecond()).isCloseTo(10.0 / 6, within(1e-12));
        assertThat(a.failuresPerSecond()).isCloseTo(4.0 / 6, within(1e-12));

        // only in run 2: its 2 requests over both runs' 6 s (run 1's duration from its Aggregated row, 4 / 2.0)
        EndpointStats b = result.endpoints().get(1);
        assertThat(b.requestCount()).isEqualTo(2);
        assertThat(b.requestsPerSecond()).isCloseTo(2.0 / 6, within(1e-12));
        assertThat(b.failuresPerSecond()).isEqualTo(0.0);
        assertThat(b.percentiles()).containsExactlyEntriesOf(new TreeMap<>(Map.of(0.5, 5.0, 0.95, 5.0)));
        assertThat(b.averageMs()).isEqualTo(5.0);

        EndpointStats total = result.aggregated();
        assertThat(total.isAggregated()).isTrue();
        assertThat(total.requestCount()).isEqualTo(12);
        assertThat(total.failureCount()).isEqualTo(4);
        // (17.5 * 4 + 23.75 * 8) / 12
        assertThat(total.averageMs()).isCloseTo(260.0 / 12, within(1e-12));
        assertThat(total.minMs()).isEqualTo(4.5);
        assertThat(total.maxMs()).isEqualTo(42.0);
        // sorted: 5 5 10 10 20 20 20 20 30 40 40 40
        assertThat(total.histogram())
                .containsExactlyEntriesOf(new TreeMap<>(Map.of(5.0, 2L, 10.0, 2L, 20.0, 4L, 30.0, 1L, 40.0, 3L)));
        assertThat(total.percentiles())
                .containsExactlyEntriesOf(new TreeMap<>(Map.of(0.5, 20.0, 0.95, 40.0, 0.99, 40.0)));
        assertThat(total.medianMs()).isEqualTo(20.0);
        // 12 requests in 2 + 4 s
        assertThat(total.requestsPerSecond()).isCloseTo(2.0, within(1e-12));
        assertThat(total.failuresPerSecond()).isCloseTo(4.0 / 6, within(1e-12));
        // (100 * 4 + 152.5 * 8) / 12
        assertThat(total.averageContentSize()).isCloseTo(1620.0 / 12, within(1e-12));
    }

    @Test
    void failuresAndExceptionsAddUpPerKeyAndTheRunFactsCombine() {
        ServiceResult result = Pooling.pool(run1(), run2()).result();

        assertThat(result.failures())
                .containsExactly(
                        new FailureStat("GET", "/a", "boom", "CatchResponseError('boom')", 3),
                        new FailureStat("GET", "/a", "other", "CatchResponseError('other')", 1));
        assertThat(result.exceptions())
                .containsExactly(
                        new ExceptionStat(5, "ValueError: x", "Traceback 1", "local, worker-1"),
                        new ExceptionStat(1, "KeyError: y", "Traceback 2", "local"));
        assertThat(result.info()).isEqualTo(new RunInfo("2.47.0", 4, 6.75, T2, null));
        assertThat(result.sources())
                .containsExactly(Path.of("run-1/final-stats.json"), Path.of("run-2/final-stats.json"));
    }

    @Test
    void differingRunFactsAreKeptVisible() {
        ServiceResult one = run1();
        ServiceResult two = run2();
        ServiceResult other = new ServiceResult(
                "api",
                two.endpoints(),
                two.aggregated(),
                two.failures(),
                two.exceptions(),
                new RunInfo("2.12.1", 6, null, null, "stopped after nothing but failures"),
                two.sources());

        RunInfo info = Pooling.pool(one, other).result().info();

        assertThat(info).isEqualTo(new RunInfo("2.47.0, 2.12.1", 6, null, T1, "stopped after nothing but failures"));
    }

    @Test
    void poolingIsAssociative() {
        ServiceResult three = run1();
        ServiceResult stepwise =
                Pooling.pool(Pooling.pool(run1(), run2()).result(), three).result();
        ServiceResult atOnce = Pooling.pool(run1(), run2(), three).result();

        assertThat(stepwise.aggregated().requestCount())
                .isEqualTo(atOnce.aggregated().requestCount());
        assertThat(stepwise.aggregated().histogram())
                .isEqualTo(atOnce.aggregated().histogram());
        assertThat(stepwise.aggregated().percentiles())
                .isEqualTo(atOnce.aggregated().percentiles());
        assertThat(stepwise.aggregated().medianMs())
                .isEqualTo(atOnce.aggregated().medianMs());
        assertThat(stepwise.aggregated().averageMs())
                .isCloseTo(atOnce.aggregated().averageMs(), within(1e-9));
        assertThat(stepwise.aggregated().requestsPerSecond())
                .isCloseTo(atOnce.aggregated().requestsPerSecond(), within(1e-9));
        assertThat(stepwise.endpoints().get(1).requestsPerSecond())
                .isCloseTo(atOnce.endpoints().get(1).requestsPerSecond(), within(1e-9));
        assertThat(stepwise.failures()).isEqualTo(atOnce.failures());
        assertThat(stepwise.info().durationSeconds()).isEqualTo(9.25);
    }

    @Test
    void oneRunIsItself() {
        ServiceResult only = run1();

        PooledResult pooled = Pooling.pool(List.of(only));

        assertThat(pooled.result()).isSameAs(only);
        assertThat(pooled.exact()).isTrue();
        assertThat(pooled.runs()).isEqualTo(1);
    }

    @Test
    void runsOfDifferentServicesOrNoRunsAreRefused() {
        ServiceResult r = run1();
        ServiceResult other = new ServiceResult(
                "orders", r.endpoints(), r.aggregated(), r.failures(), r.exceptions(), r.info(), r.sources());

        assertThatThrownBy(() -> Pooling.pool(r, other))
                .isInstanceOf(PoolingException.class)
                .hasMessage("Only runs of one service can be pooled, not runs of api, orders.");
        assertThatThrownBy(() -> Pooling.pool(List.of()))
                .isInstanceOf(PoolingException.class)
                .hasMessage("There are no runs to pool.");
    }

    /** Run 2 as read from Locust's CSV: no histogram, Locust's own percentile columns. */
    private static ServiceResult csvRun2() {
        ServiceResult r = run2();
        EndpointStats a = stats(
                "GET",
                "/a",
                6,
                3,
                30.0,
                18.0,
                42.0,
                26.0,
                200.0,
                1.5,
                0.75,
                // as parsed from the header "99.9%"
                Map.of(0.5, 20.0, 0.95, 60.0, 0.9990000000000001, 60.0),
                Map.of());
        EndpointStats total = stats(
                "",
                EndpointStats.AGGREGATED,
                8,
                3,
                23.75,
                4.5,
                42.0,
                20.0,
                152.5,
                2.0,
                0.75,
                a.percentiles(),
                Map.of());
        return new ServiceResult(
                "api",
                List.of(a),
                total,
                r.failures(),
                r.exceptions(),
                r.info(),
                List.of(Path.of("run-2/locust_stats.csv")));
    }

    @Test
    void withoutAHistogramPercentilesAreRequestWeightedMeansAndMarkedApproximate() {
        PooledResult pooled = Pooling.pool(run1(), csvRun2());

        assertThat(pooled.exact()).isFalse();
        EndpointStats a = pooled.result().endpoints().get(0);
        // weights 4 (run 1's histogram) and 6 (run 2's requests): p95 (30 * 4 + 60 * 6) / 10, median (20 * 4 + 26 * 6)
        // / 10; only run 2 reported the 99.9th percentile, and run 1's histogram has it: 30
        assertThat(a.percentiles().get(0.95)).isEqualTo(48.0);
        assertThat(a.percentiles().get(0.5)).isEqualTo(20.0);
        assertThat(a.percentiles().get(0.999)).isEqualTo(48.0);
        assertThat(a.percentiles()).hasSize(3);
        assertThat(a.medianMs()).isEqualTo(23.6);
        assertThat(a.histogram()).isEmpty();
        assertThat(Percentiles.of(a, 0.95)).hasValue(48.0);
        // what does not need a histogram is still exact
        assertThat(a.requestCount()).isEqualTo(10);
        assertThat(a.averageMs()).isEqualTo(25.0);
        assertThat(a.requestsPerSecond()).isCloseTo(10.0 / 6, within(1e-12));
        assertThat(pooled.approximations())
                .containsExactly(
                        "GET /a: percentiles and median are the request-weighted means of the runs' values, not"
                                + " percentiles of the pooled run, because run 2 (run-2/locust_stats.csv) has no"
                                + " response-time histogram",
                        "Aggregated: percentiles and median are the request-weighted means of the runs' values, not"
                                + " percentiles of the pooled run, because run 2 (run-2/locust_stats.csv) has no"
                                + " response-time histogram");
        assertThatThrownBy(pooled::requireExact)
                .isInstanceOf(PoolingException.class)
                .hasMessageStartingWith("The 2 runs of api cannot be pooled exactly: GET /a: percentiles and median"
                        + " are the request-weighted means");
        assertThat(Pooling.pool(run1(), run2()).requireExact()).isNotNull();
    }

    @Test
    void withoutADurationRatesAreMeansAndMarkedApproximate() {
        ServiceResult r = run1();
        EndpointStats noRate =
                stats("GET", "/a", 4, 1, 17.5, 9.0, 31.0, 20.0, 100.0, 0.0, 0.0, A1.percentiles(), A1.histogram());
        ServiceResult unknownDuration = new ServiceResult(
                "api",
                List.of(noRate),
                aggregated(A1, 4, 1, 17.5, 9.0, 31.0, 100.0, 0.0, 0.0, A1.histogram()),
                r.failures(),
                r.exceptions(),
                new RunInfo("2.47.0", 4, null, T1),
                List.of(Path.of("run-1/final-stats.json")));
        ServiceResult knownSpan = new ServiceResult(
                "api",
                List.of(noRate),
                aggregated(A1, 4, 1, 17.5, 9.0, 31.0, 100.0, 0.0, 0.0, A1.histogram()),
                r.failures(),
                r.exceptions(),
                new RunInfo("2.47.0", 4, 6.0, T1),
                List.of(Path.of("run-1/final-stats.json")));

        PooledResult approximate = Pooling.pool(unknownDuration, run2());
        PooledResult spanned = Pooling.pool(knownSpan, run2());

        // the mean of 0 and 1.5
        assertThat(approximate.result().endpoints().get(0).requestsPerSecond()).isEqualTo(0.75);
        assertThat(approximate.approximations())
                .contains("GET /a: requests and failures per second are the means of the runs' rates, because the"
                        + " duration of run 1 (run-1/final-stats.json) is unknown");
        // without a rate, run 1's measured span: 10 requests in 6 + 4 s
        assertThat(spanned.exact()).isTrue();
        assertThat(spanned.result().endpoints().get(0).requestsPerSecond()).isCloseTo(1.0, within(1e-12));
    }
}
