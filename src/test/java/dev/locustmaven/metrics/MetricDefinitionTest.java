package dev.locustmaven.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MetricDefinitionTest {

    static MetricDefinition metric(
            String name, String service, String requests, String method, String failures, String statistic) {
        return new MetricDefinition(name, service, requests, method, failures, statistic);
    }

    @Test
    void theIssuesExamplesAreValid() {
        List<MetricDefinition> examples = List.of(
                metric("query_p95_ms", "rag_service", "query", null, null, "p95"),
                metric("qdrant_timeout_rate_pct", "rag_service", null, null, "(?i)qdrant.*timeout", "rate_pct"),
                metric("sandbox_violations", "mcp_server", null, null, "(?i)sandbox violation", "count"),
                metric("concurrent_limit_respected", "mcp_server", null, null, "429", "none"),
                metric("sandbox_requests", null, null, "SANDBOX", null, "count"));

        examples.forEach(e -> assertThat(e.validate()).as(e.toString()).isEmpty());
        assertThat(MetricExtractor.validate(examples)).isEmpty();
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        MetricDefinition bad = metric(null, null, "query(", "[", "*oops", null);

        assertThat(bad.validate())
                .containsExactly(
                        "name is missing",
                        "requests 'query(' is not a valid regular expression: Unclosed group near index 6",
                        "method '[' is not a valid regular expression: Unclosed character class near index 0",
                        "failures '*oops' is not a valid regular expression: Dangling meta character '*' near index 0",
                        "statistic is missing; expected one of count, rate_pct, none");
    }

    @Test
    void namesAreCheckedForCharactersAndClashesWithDefaultMetrics() {
        assertThat(metric("query p95", null, "query", null, null, "p95").validate())
                .containsExactly("name 'query p95' may only contain letters, digits, '_', '.' and '-'");
        assertThat(metric("service/x", null, "query", null, null, "p95").validate())
                .containsExactly("name 'service/x' may only contain letters, digits, '_', '.' and '-'");
        assertThat(metric("p95_latency_ms", null, "query", null, null, "p95").validate())
                .containsExactly("name 'p95_latency_ms' is a default metric; choose another name");
    }

    @Test
    void theStatisticMustSuitTheSource() {
        assertThat(metric("a", null, "query", null, null, "p97").validate())
                .containsExactly("statistic 'p97' is unknown; expected one of count, failures, error_rate_pct, rps,"
                        + " avg, min, max, p50, p66, p75, p80, p90, p95, p98, p99, p999 (or, with <failures>, count,"
                        + " rate_pct, none)");
        assertThat(metric("a", null, null, null, null, "rate_pct").validate())
                .containsExactly("statistic 'rate_pct' needs a <failures> pattern");
        assertThat(metric("a", null, null, null, "timeout", "p95").validate())
                .containsExactly("statistic 'p95' does not apply to <failures>; expected one of count, rate_pct, none");
        assertThat(metric("a", null, null, null, null, null).validate())
                .containsExactly("statistic is missing; expected one of count, failures, error_rate_pct, rps, avg,"
                        + " min, max, p50, p66, p75, p80, p90, p95, p98, p99, p999");
    }

    @Test
    void blankTextCountsAsAbsentAndNamesAreTrimmed() {
        MetricDefinition definition = metric("  query_p95_ms\n ", " ", null, "", null, " p95 ");

        assertThat(definition.validate()).isEmpty();
        assertThat(definition.name()).isEqualTo("query_p95_ms");
        assertThat(definition.appliesToEveryService()).isTrue();
        assertThat(definition.method()).isNull();
        assertThat(definition).hasToString("query_p95_ms (service *, statistic p95)");
    }

    @Test
    void aListNamesEachDefinitionAndFindsDuplicatesPerService() {
        List<MetricDefinition> definitions = List.of(
                metric("query_p95_ms", "rag_service", "query", null, null, "p95"),
                metric("query_p95_ms", "other_service", "query", null, null, "p95"),
                metric("query_p95_ms", null, "q.*", null, null, "p95"),
                metric("broken", null, null, null, null, "p42"));

        assertThat(MetricExtractor.validate(definitions))
                .containsExactly(
                        "metric #3 query_p95_ms (service *, requests 'q.*', statistic p95): the name 'query_p95_ms'"
                                + " is already defined by metric #1 for the same service",
                        "metric #3 query_p95_ms (service *, requests 'q.*', statistic p95): the name 'query_p95_ms'"
                                + " is already defined by metric #2 for the same service",
                        "metric #4 broken (service *, statistic p42): statistic 'p42' is unknown; expected one of"
                                + " count, failures, error_rate_pct, rps, avg, min, max, p50, p66, p75, p80, p90, p95,"
                                + " p98, p99, p999 (or, with <failures>, count, rate_pct, none)");
    }

    @Test
    void theExtractorRefusesInvalidDefinitionsBeforeAnyWork() {
        List<MetricDefinition> definitions = List.of(metric("x", null, "(", null, null, "p95"));

        assertThatThrownBy(() -> new MetricExtractor().extract(LocustStatsFixture.run(), definitions))
                .isInstanceOf(InvalidMetricDefinitionException.class)
                .hasMessage("Invalid metric definitions:\n"
                        + "  - metric #1 x (service *, requests '(', statistic p95): requests '(' is not a valid"
                        + " regular expression: Unclosed group near index 1");
    }
}
