package dev.locustmaven.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetricFormatTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "p95_latency_ms | ' ms' | ' ms'",
                "error_rate_pct | %     | %",
                "rps            | ''    | ' req/s'",
                "query_rps      | ''    | ' req/s'",
                "requests       | ''    | ''",
                "rps_total      | ''    | ''"
            })
    void aMetricsUnitComesFromItsNameAndOnlyThresholdMessagesNameARate(
            String metric, String unit, String unitWithRate) {
        assertThat(MetricFormat.unit(metric)).isEqualTo(unit);
        assertThat(MetricFormat.unitWithRate(metric)).isEqualTo(unitWithRate);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "0.012345   | 0.012      | 0.0123",
                "0.00005    | 0.00005    | < 0.0001",
                "0.00000001 | < 0.000001 | < 0.0001",
                "0.5        | 0.5        | 0.5000"
            })
    void aProbabilityHasTwoSignificantDigitsInSentencesAndFourDecimalsInColumns(
            double p, String sentence, String column) {
        assertThat(MetricFormat.probability(p)).isEqualTo(sentence);
        assertThat(MetricFormat.probabilityColumn(p)).isEqualTo(column);
    }
}
