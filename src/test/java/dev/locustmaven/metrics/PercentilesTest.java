package dev.locustmaven.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locustmaven.model.EndpointStats;
import dev.locustmaven.model.ServiceResult;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    private static final List<Double> FRACTIONS = List.of(0.5, 0.66, 0.75, 0.8, 0.9, 0.95, 0.98, 0.99, 0.999);

    @Test
    void everyEntryMatchesLocustsOwnPercentiles() {
        for (String name : List.of("mcp_server", "rag_service")) {
            ServiceResult service = LocustStatsFixture.service(name, true);
            for (EndpointStats entry : service.endpoints()) {
                assertMatchesLocust(entry, LocustStatsFixture.percentilesOf(name, entry.method(), entry.name()), name);
            }
            assertMatchesLocust(
                    service.aggregated(), LocustStatsFixture.percentilesOf(name, "", EndpointStats.AGGREGATED), name);
        }
    }

    @Test
    void mergedHistogramsGiveLocustsPercentilesOfTheMergedEntry() {
        ServiceResult rag = LocustStatsFixture.service("rag_service", true);
        NavigableMap<Double, Long> merged = Percentiles.merge(rag.endpoints().stream()
                .filter(e -> e.name().equals("query") || e.name().equals("index"))
                .map(EndpointStats::histogram)
                .toList());

        Map<Double, Double> expected = LocustStatsFixture.mergedQueryAndIndexPercentiles();
        for (double fraction : FRACTIONS) {
            assertThat(Percentiles.fromHistogram(merged, fraction))
                    .as("p%s of query+index", fraction)
                    .hasValue(expected.get(fraction));
        }
        assertThat(merged.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(606 + 151);
        // The merged p95 is not the average of the endpoints' p95 values (1600 and 2700).
        assertThat(Percentiles.fromHistogram(merged, 0.95)).hasValue(2100);
    }

    @Test
    void walksFromTheLargestBucketWithoutInterpolation() {
        NavigableMap<Double, Long> histogram = new TreeMap<>(Map.of(10.0, 5L, 20.0, 3L, 500.0, 2L));

        // n = int(10 * p); the first bucket from the top where 10 - processed <= n. Expected values are what
        // locust.stats.calculate_response_time_percentile returns for this histogram.
        assertThat(Percentiles.fromHistogram(histogram, 0.3)).hasValue(10);
        assertThat(Percentiles.fromHistogram(histogram, 0.5)).hasValue(20);
        assertThat(Percentiles.fromHistogram(histogram, 0.79)).hasValue(20);
        assertThat(Percentiles.fromHistogram(histogram, 0.8)).hasValue(500);
        assertThat(Percentiles.fromHistogram(histogram, 0.999)).hasValue(500);
    }

    @Test
    void anEmptyHistogramHasNoPercentile() {
        assertThat(Percentiles.fromHistogram(new TreeMap<>(), 0.95)).isEmpty();
        assertThat(Percentiles.fromHistogram(new TreeMap<>(Map.of(10.0, 0L)), 0.95))
                .isEmpty();
    }

    @Test
    void withoutHistogramTheReportedColumnIsUsedEvenWithAParsedKeyLike999() {
        EndpointStats csvRow = new EndpointStats(
                "GET",
                "/x",
                10,
                0,
                5.0,
                1.0,
                9.0,
                5.0,
                0.0,
                1.0,
                0.0,
                new TreeMap<>(Map.of(0.5, 5.0, 99.9 / 100, 9.0)),
                null);

        assertThat(Percentiles.of(csvRow, 0.5)).hasValue(5);
        assertThat(Percentiles.of(csvRow, 0.999)).hasValue(9);
        assertThat(Percentiles.of(csvRow, 0.95)).isEmpty();
    }

    private static void assertMatchesLocust(EndpointStats entry, Map<Double, Double> expected, String service) {
        for (double fraction : FRACTIONS) {
            OptionalDouble actual = Percentiles.fromHistogram(entry.histogram(), fraction);
            assertThat(actual)
                    .as("%s %s %s p%s", service, entry.method(), entry.name(), fraction)
                    .hasValue(expected.get(fraction));
        }
    }
}
