package dev.locustmaven.export;

import static dev.locustmaven.export.ExportFixtures.GROUPING;
import static dev.locustmaven.export.ExportFixtures.JOB;
import static dev.locustmaven.export.ExportFixtures.RUN_TIME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.locustmaven.model.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GrafanaDashboardTest {

    private static final Set<String> PROMQL_WORDS =
            Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on", "ignoring");
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.*),\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\)");

    private final GrafanaDashboard dashboard = new GrafanaDashboard(
            "Locust performance", "locust-quickstart", JOB, GROUPING, List.of("api_gateway", "rag_service"));
    private final JsonNode json = dashboard.toJson();

    @Test
    void hasTheFieldsGrafanaRequiresToProvisionIt() {
        assertThat(json.get("uid").asText()).isEqualTo("locust-quickstart");
        assertThat(json.get("title").asText()).isEqualTo("Locust performance");
        assertThat(json.get("schemaVersion").isInt()).isTrue();
        assertThat(json.get("id").isNull()).isTrue();
        assertThat(json.at("/time/from").asText()).isEqualTo("now-30d");
        assertThat(json.at("/time/to").asText()).isEqualTo("now");
        assertThat(json.at("/templating/list").isArray()).isTrue();
        assertThat(json.get("panels").size()).isGreaterThan(0);
        for (JsonNode panel : panels()) {
            assertThat(panel.get("type").asText()).isIn("row", "timeseries", "stat");
            assertThat(panel.get("title").asText()).isNotBlank();
            JsonNode grid = panel.get("gridPos");
            assertThat(grid.get("w").asInt()).isPositive();
            assertThat(grid.get("h").asInt()).isPositive();
            assertThat(grid.get("x").asInt() + grid.get("w").asInt()).isLessThanOrEqualTo(24);
        }
    }

    @Test
    void panelIdsAreUniqueAndPanelsDoNotOverlap() {
        List<Integer> ids = panels().stream().map(p -> p.get("id").asInt()).toList();
        assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id > 0);
        List<JsonNode> grids = panels().stream().map(p -> p.get("gridPos")).toList();
        for (int i = 0; i < grids.size(); i++) {
            for (int j = i + 1; j < grids.size(); j++) {
                assertThat(overlap(grids.get(i), grids.get(j)))
                        .as("panels %s and %s overlap", ids.get(i), ids.get(j))
                        .isFalse();
            }
        }
    }

    @Test
    void hasAPrometheusDatasourceVariableThatEveryQueryUses() {
        JsonNode datasource = variable("datasource");
        assertThat(datasource.get("type").asText()).isEqualTo("datasource");
        assertThat(datasource.get("query").asText()).isEqualTo("prometheus");
        for (JsonNode panel : panels()) {
            if (!panel.get("type").asText().equals("row")) {
                assertThat(panel.at("/datasource/uid").asText()).isEqualTo("${datasource}");
                assertThat(panel.get("targets")).allSatisfy(target -> {
                    assertThat(target.at("/datasource/type").asText()).isEqualTo("prometheus");
                    assertThat(target.at("/datasource/uid").asText()).isEqualTo("${datasource}");
                });
            }
        }
        assertThat(variable("service").at("/datasource/uid").asText()).isEqualTo("${datasource}");
    }

    @Test
    void aRowPerSelectedServiceShowsLatencyErrorRateRpsAndVerdict() {
        JsonNode service = variable("service");
        assertThat(service.get("multi").asBoolean()).isTrue();
        assertThat(service.get("includeAll").asBoolean()).isTrue();
        assertThat(service.at("/current/value"))
                .extracting(JsonNode::asText)
                .containsExactly("api_gateway", "rag_service");

        List<JsonNode> panels = panels();
        int row = indexOf(panels, p -> "service".equals(p.path("repeat").asText()));
        assertThat(panels.get(row).get("type").asText()).isEqualTo("row");
        List<JsonNode> servicePanels = panels.subList(row + 1, panels.size());
        assertThat(servicePanels)
                .extracting(p -> p.get("title").asText())
                .containsExactlyInAnyOrder(
                        "Latest verdict", "p95 latency", "p99 latency", "Error rate", "Requests per second");
        assertThat(servicePanels)
                .allSatisfy(panel -> assertThat(panel.get("targets"))
                        .allSatisfy(t -> assertThat(t.get("expr").asText()).contains("service=\"$service\"")));
        JsonNode p95 = servicePanels.stream()
                .filter(p -> p.get("title").asText().equals("p95 latency"))
                .findFirst()
                .orElseThrow();
        assertThat(p95.get("type").asText()).isEqualTo("timeseries");
        assertThat(p95.at("/fieldConfig/defaults/unit").asText()).isEqualTo("ms");
        assertThat(p95.get("targets"))
                .extracting(t -> t.get("expr").asText())
                .containsExactly(
                        "locust_p95_latency_ms{job=\"locust\",instance=\"quickstart\",service=\"$service\",endpoint=\"\"}",
                        "locust_p95_latency_ms{job=\"locust\",instance=\"quickstart\",service=\"$service\",endpoint!=\"\"}");
        JsonNode verdict = servicePanels.get(0);
        assertThat(verdict.get("type").asText()).isEqualTo("stat");
        assertThat(verdict.at("/fieldConfig/defaults/mappings/0/options/2/text").asText())
                .isEqualTo("FAIL");
    }

    @Test
    void noServicesConfiguredSelectsAll() {
        JsonNode all = new GrafanaDashboard("t", "u", JOB, Map.of(), List.of()).toJson();
        JsonNode service = StreamSupport.stream(all.at("/templating/list").spliterator(), false)
                .filter(v -> v.get("name").asText().equals("service"))
                .findFirst()
                .orElseThrow();
        assertThat(service.at("/current/value/0").asText()).isEqualTo("$__all");
        assertThat(service.get("query").asText()).isEqualTo("label_values(locust_rps{job=\"locust\"}, service)");
    }

    @Test
    void everyQueryNamesOnlyMetricsTheExportProducesAndSelectsThePushedGroup() {
        MetricsExport export = MetricsExport.of(
                ExportFixtures.measurements(), ExportFixtures.verdict(Status.FAIL), RUN_TIME, JOB, GROUPING);
        List<String> queries = queries();
        Set<String> named = new TreeSet<>();
        for (String query : queries) {
            Set<String> inQuery = metricNames(query);
            assertThat(inQuery).as("metrics in %s", query).isNotEmpty();
            assertThat(query).contains("job=\"locust\"", "instance=\"quickstart\"");
            named.addAll(inQuery);
        }
        assertThat(export.metricNames()).containsAll(named);
        assertThat(named)
                .containsExactlyInAnyOrder(
                        "locust_p95_latency_ms",
                        "locust_p99_latency_ms",
                        "locust_error_rate_pct",
                        "locust_rps",
                        MetricsExport.VERDICT,
                        MetricsExport.CHECK_STATUS,
                        MetricsExport.RUN_TIMESTAMP);
    }

    @Test
    void theNameParserOfThisTestSeesThroughPromQl() {
        assertThat(metricNames("max(a{job=\"x\",l=~\"b|c\"} * 2 or d{e=\"f(g)\"})"))
                .containsExactly("a", "d");
        assertThat(metricNames("sum by (status) (s{job=\"j\"})")).containsExactly("s");
        assertThat(metricNames("label_values(r{job=\"j\"}, service)")).containsExactly("r");
        assertThat(metricNames("max(t) * 1000")).containsExactly("t");
    }

    @Test
    void writesTheJsonToAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("grafana/locust.json");

        dashboard.write(file);

        assertThat(new ObjectMapper().readTree(file.toFile())).isEqualTo(json);
        assertThat(Files.readString(file)).endsWith("}\n");
        assertThat(dir.resolve("grafana")).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void rejectsAUidGrafanaWouldNotTake() {
        assertThatThrownBy(() -> new GrafanaDashboard("t", "has space", JOB, Map.of(), List.of()))
                .isInstanceOf(ExportException.class)
                .hasMessageContaining("uid 'has space'")
                .hasMessageContaining("locust.dashboard.uid");
        assertThatThrownBy(() -> new GrafanaDashboard("t", "x".repeat(41), JOB, Map.of(), List.of()))
                .isInstanceOf(ExportException.class);
        assertThatThrownBy(() -> new GrafanaDashboard(" ", "u", JOB, Map.of(), List.of()))
                .isInstanceOf(ExportException.class)
                .hasMessageContaining("title");
    }

    /** The metric names of a PromQL expression: identifiers that are not functions, keywords, labels or strings. */
    static Set<String> metricNames(String query) {
        Matcher labelValues = LABEL_VALUES.matcher(query);
        String expr = labelValues.matches() ? labelValues.group(1) : query;
        String stripped = expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
                .replaceAll("\\[[^]]*]", " ");
        Set<String> names = new LinkedHashSet<>();
        Matcher identifier =
                Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?").matcher(stripped);
        while (identifier.find()) {
            boolean function = identifier.group(2) != null;
            if (!function && !PROMQL_WORDS.contains(identifier.group(1))) {
                names.add(identifier.group(1));
            }
        }
        return names;
    }

    private List<String> queries() {
        List<String> queries = new ArrayList<>();
        for (JsonNode panel : panels()) {
            panel.path("targets").forEach(t -> queries.add(t.get("expr").asText()));
        }
        json.at("/templating/list").forEach(v -> {
            if (v.get("type").asText().equals("query")) {
                queries.add(v.get("query").asText());
            }
        });
        return queries;
    }

    private List<JsonNode> panels() {
        return StreamSupport.stream(json.get("panels").spliterator(), false).toList();
    }

    private JsonNode variable(String name) {
        return StreamSupport.stream(json.at("/templating/list").spliterator(), false)
                .filter(v -> v.get("name").asText().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no variable " + name));
    }

    private static int indexOf(List<JsonNode> panels, java.util.function.Predicate<JsonNode> test) {
        for (int i = 0; i < panels.size(); i++) {
            if (test.test(panels.get(i))) {
                return i;
            }
        }
        throw new AssertionError("no such panel");
    }

    private static boolean overlap(JsonNode a, JsonNode b) {
        return a.get("x").asInt() < b.get("x").asInt() + b.get("w").asInt()
                && b.get("x").asInt() < a.get("x").asInt() + a.get("w").asInt()
                && a.get("y").asInt() < b.get("y").asInt() + b.get("h").asInt()
                && b.get("y").asInt() < a.get("y").asInt() + a.get("h").asInt();
    }
}
