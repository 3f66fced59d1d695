package dev.locustmaven.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.locustmaven.model.MetricKey;
import dev.locustmaven.model.ResponseTimes;
import dev.locustmaven.model.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SampleJsonTest {

    private static final ResponseTimes SERVICE = ResponseTimes.of(Map.of(10.0, 30L, 12.0, 20L, 300.0, 2L));
    private static final ResponseTimes HEALTH = ResponseTimes.of(Map.of(5.0, 24L, 40.0, 1L));

    @Test
    void samplesSurviveTheRoundTripAndEachHistogramIsWrittenOnce() throws Exception {
        Map<MetricKey, Sample> samples = new TreeMap<>();
        samples.put(MetricKey.of("api", "p95_latency_ms"), new Sample.Quantile(0.95, SERVICE));
        samples.put(MetricKey.of("api", "p50_latency_ms"), new Sample.Quantile(0.5, SERVICE));
        samples.put(MetricKey.of("api", "avg_latency_ms"), new Sample.Mean(SERVICE));
        samples.put(MetricKey.of("api", "error_rate_pct"), new Sample.Proportion(1, 52));
        samples.put(MetricKey.of("api", "rps"), new Sample.Count(52));
        samples.put(new MetricKey("api", "/health", "p95_latency_ms"), new Sample.Quantile(0.95, HEALTH));
        samples.put(MetricKey.of("api", "request_count"), new Sample.Exact(52));

        ObjectNode json = SampleJson.write(samples);
        String text = new ObjectMapper().writeValueAsString(json);
        List<String> problems = new ArrayList<>();
        Map<MetricKey, Sample> read = SampleJson.read(new ObjectMapper().readTree(text), problems::add);

        assertThat(problems).isEmpty();
        assertThat(json.get("histograms").size()).isEqualTo(2);
        assertThat(json.get("histograms").has("api")).isTrue();
        assertThat(json.get("histograms").has("api//health")).isTrue();
        assertThat(json.at("/services/api/p95_latency_ms/histogram").asText()).isEqualTo("api");
        // a value judged as it stands has no entry
        assertThat(json.at("/services/api").has("request_count")).isFalse();
        Map<MetricKey, Sample> expected = new TreeMap<>(samples);
        expected.remove(MetricKey.of("api", "request_count"));
        assertThat(read).isEqualTo(expected);
    }

    @Test
    void aStandInFromCsvColumnsKeepsItsFloors() throws Exception {
        NavigableMap<Double, Double> reported = new TreeMap<>(Map.of(0.5, 20.0, 0.9, 40.0, 0.95, 60.0, 1.0, 90.0));
        ResponseTimes standIn = ResponseTimes.fromReportedPercentiles(reported, 100, 8.0);
        Map<MetricKey, Sample> samples =
                Map.of(MetricKey.of("api", "p95_latency_ms"), new Sample.Quantile(0.95, standIn));

        String text = new ObjectMapper().writeValueAsString(SampleJson.write(samples));
        Map<MetricKey, Sample> read = SampleJson.read(new ObjectMapper().readTree(text), p -> {});

        Sample.Quantile back = (Sample.Quantile) read.get(MetricKey.of("api", "p95_latency_ms"));
        assertThat(back.approximate()).isTrue();
        assertThat(back.times().buckets()).isEqualTo(standIn.buckets());
        assertThat(back.times().floors()).isEqualTo(standIn.floors());
        // the requests between p90 and p95 sit at 60 ms read from above, at 40 ms read from below
        assertThat(standIn.orderStatistic(93)).isEqualTo(60);
        assertThat(standIn.orderStatisticFromBelow(93)).isEqualTo(40);
    }

    @Test
    void anEntryThatDoesNotFitIsReportedAndLeftOut() throws Exception {
        String text = """
                {"histograms": {"api": {"10": 3}},
                 "services": {"api": {"p95_latency_ms": {"kind": "percentile", "fraction": 0.95, "histogram": "gone"},
                                      "error_rate_pct": {"kind": "rate", "requests": 10, "events": -1},
                                      "rps": {"kind": "speed"}}}}
                """;
        List<String> problems = new ArrayList<>();

        Map<MetricKey, Sample> read = SampleJson.read(new ObjectMapper().readTree(text), problems::add);

        assertThat(read).isEmpty();
        assertThat(problems)
                .containsExactlyInAnyOrder(
                        "the sample of api/error_rate_pct is left out: \"events\" must be a whole number of at least 0,"
                                + " not -1",
                        "the sample of api/p95_latency_ms is left out: it names no histogram of \"histograms\""
                                + " (\"histogram\": \"gone\")",
                        "the sample of api/rps is left out: \"kind\" is \"speed\", not percentile, average, rate or"
                                + " throughput");
    }
}
