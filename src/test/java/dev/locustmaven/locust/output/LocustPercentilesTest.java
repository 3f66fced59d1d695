package dev.locustmaven.locust.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locustmaven.model.EndpointStats;
import dev.locustmaven.model.LocustPercentiles;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocustPercentilesTest {

    @Test
    void walksTheBucketsFromTheLargestWithoutInterpolating() {
        // Expected values printed by Locust 2.47.0's calculate_response_time_percentile for the same input.
        NavigableMap<Double, Long> oneToTen = new TreeMap<>();
        IntStream.rangeClosed(1, 10).forEach(i -> oneToTen.put((double) i, 1L));

        assertThat(LocustPercentiles.reported(oneToTen, 10).values())
                .containsExactly(6.0, 7.0, 8.0, 9.0, 10.0, 10.0, 10.0, 10.0, 10.0, 10.0, 10.0);
    }

    @Test
    void returnsBucketsOfAnySizeAsTheyAre() {
        NavigableMap<Double, Long> histogram =
                new TreeMap<>(Map.of(2.0, 50L, 13.0, 7L, 100.0, 1L, 380.0, 3L, 1200.0, 1L));

        assertThat(LocustPercentiles.reported(histogram, 62).values())
                .containsExactly(2.0, 2.0, 2.0, 2.0, 13.0, 380.0, 380.0, 1200.0, 1200.0, 1200.0, 1200.0);
    }

    @Test
    void anEmptyHistogramHasNoPercentilesAndNoMedian() {
        assertThat(LocustPercentiles.percentile(new TreeMap<>(), 0, 0.5)).isZero();
        assertThat(LocustPercentiles.reported(new TreeMap<>(), 0)).isEmpty();
        assertThat(LocustPercentiles.median(new TreeMap<>(), 0, null, null)).isNull();
    }

    @Test
    void theMedianIsClampedToTheExactExtremes() {
        NavigableMap<Double, Long> histogram = new TreeMap<>(Map.of(3.0, 2L));

        assertThat(LocustPercentiles.median(histogram, 2, 2.41, 2.64)).isEqualTo(2.64);
        assertThat(LocustPercentiles.median(histogram, 2, 3.2, 3.4)).isEqualTo(3.2);
        assertThat(LocustPercentiles.median(histogram, 2, 2.6, 3.4)).isEqualTo(3.0);
    }

    @Test
    void readsLocustsPercentileLabels() {
        assertThat(LocustPercentiles.fractionOfLabel("50%")).isEqualTo(0.5);
        assertThat(LocustPercentiles.fractionOfLabel("99.9%")).isEqualTo(0.999);
        assertThat(LocustPercentiles.fractionOfLabel("99.99%")).isEqualTo(0.9999);
        assertThat(LocustPercentiles.fractionOfLabel("99.5%")).isEqualTo(0.995);
        assertThat(LocustPercentiles.fractionOfLabel("100%")).isEqualTo(1.0);
        assertThat(LocustPercentiles.fractionOfLabel("Name")).isNull();
        assertThat(LocustPercentiles.fractionOfLabel("%")).isNull();
    }

    /** Fixtures whose console printed every entry's percentile row next to a JSON of the same, final stats. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "2.12.1/hook-json/hook_stats.json",
                "2.12.1/distributed/hook_stats.json",
                "2.47.0/distributed/hook_stats.json"
            })
    void everyEntryMatchesLocustsPercentileTable(String json) {
        String fixture = json.substring(0, json.lastIndexOf('/'));
        LocustStats stats = new StatsJsonReader().read(Fixtures.file(fixture, json.substring(fixture.length() + 1)));
        ConsoleSummary console = Fixtures.console(fixture);

        for (EndpointStats endpoint : stats.endpoints()) {
            assertThat(endpoint.percentiles())
                    .as(endpoint.method() + " " + endpoint.name())
                    .isEqualTo(console.percentiles().get(ConsoleSummary.key(endpoint.method(), endpoint.name())));
        }
        assertThat(console.percentiles()).hasSize(stats.endpoints().size() + 1);
        assertThat(stats.aggregated().percentiles()).isEqualTo(console.aggregatedPercentiles());
    }

    @Test
    void theMergedHistogramMatchesLocustsAggregatedRowOf2_47Json() {
        // With --json, 2.47.0 prints the per-entry rows after resetting them, but Aggregated keeps its values.
        LocustStats stats = new StatsJsonReader().read(Fixtures.file("2.47.0/json-stdout", "stdout.json"));

        assertThat(stats.aggregated().percentiles())
                .isEqualTo(Fixtures.console("2.47.0/json-stdout").aggregatedPercentiles());
    }

    @Test
    void bucketWidthsFollowLocustsRounding() {
        assertThat(LocustPercentiles.bucketWidth(7)).isEqualTo(1);
        assertThat(LocustPercentiles.bucketWidth(99)).isEqualTo(1);
        assertThat(LocustPercentiles.bucketWidth(100)).isEqualTo(10);
        assertThat(LocustPercentiles.bucketWidth(990)).isEqualTo(10);
        assertThat(LocustPercentiles.bucketWidth(1600)).isEqualTo(100);
        assertThat(LocustPercentiles.bucketWidth(12000)).isEqualTo(1000);
    }
}
