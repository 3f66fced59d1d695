package dev.locustmaven.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.locustmaven.io.AtomicFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A Grafana dashboard (a provisioning file) that shows the exported metrics over time.
 *
 * <p>A {@code datasource} variable picks the Prometheus data source; a {@code service} variable lists the services
 * that pushed metrics, and a row repeated per selected service holds the latest verdict of that service's checks and
 * the p95 latency, p99 latency, error rate and requests per second over time, each for the whole service and per
 * endpoint. A first row shows the build's latest verdict, when the last run was made, and its checks by status. Every
 * query selects the Pushgateway group by {@code job} and the grouping labels, so several projects can share a job.
 *
 * @param title the dashboard's title
 * @param uid the dashboard's stable id in Grafana (1 to 40 of {@code a-z A-Z 0-9 - _})
 * @param job the Pushgateway job the metrics were pushed under
 * @param groupingKey the further grouping labels of the push (e.g. {@code instance}); may be empty
 * @param services the services selected when the dashboard opens; empty selects all
 */
public record GrafanaDashboard(
        String title, String uid, String job, Map<String, String> groupingKey, List<String> services) {

    /** Grafana's dashboard JSON model version this file is written in (Grafana 11). */
    public static final int SCHEMA_VERSION = 39;

    public static final String P95 = MetricsExport.metricName("p95_latency_ms");
    public static final String P99 = MetricsExport.metricName("p99_latency_ms");
    public static final String ERROR_RATE = MetricsExport.metricName("error_rate_pct");
    public static final String RPS = MetricsExport.metricName("rps");

    private static final Pattern UID = Pattern.compile("[a-zA-Z0-9_-]{1,40}");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private static final int FULL_WIDTH = 24;
    private static final int GRAPH_HEIGHT = 8;

    public GrafanaDashboard {
        if (title == null || title.isBlank()) {
            throw new ExportException("The Grafana dashboard title is empty; set locust.dashboard.title.");
        }
        if (uid == null || !UID.matcher(uid).matches()) {
            throw new ExportException("The Grafana dashboard uid '" + uid
                    + "' must be 1 to 40 letters, digits, '-' or '_'; set locust.dashboard.uid.");
        }
        if (job == null || job.isBlank()) {
            throw new ExportException("The Pushgateway job name is empty; set locust.pushgatewayJob.");
        }
        groupingKey = Map.copyOf(groupingKey == null ? Map.of() : groupingKey);
        services = List.copyOf(services == null ? List.of() : services);
    }

    /**
     * A uid derived from a project name: {@code locust-} + the name with every character Grafana does not take in a
     * uid replaced by {@code -}, cut to Grafana's 40 characters.
     */
    public static String uidFor(String projectName) {
        String uid = "locust-" + projectName.replaceAll("[^a-zA-Z0-9_-]", "-");
        return uid.length() <= 40 ? uid : uid.substring(0, 40);
    }

    /** The dashboard as Grafana's JSON model. */
    public ObjectNode toJson() {
        ObjectNode dashboard = JSON.objectNode();
        dashboard.putNull("id");
        dashboard.put("uid", uid);
        dashboard.put("title", title);
        dashboard.put("description", "Locust load-test results pushed by locust-maven-plugin (job \"" + job + "\").");
        dashboard.putArray("tags").add("locust").add("performance");
        dashboard.put("timezone", "browser");
        dashboard.put("editable", true);
        dashboard.put("graphTooltip", 1);
        dashboard.put("schemaVersion", SCHEMA_VERSION);
        dashboard.put("version", 1);
        dashboard.put("refresh", "");
        ObjectNode time = dashboard.putObject("time");
        time.put("from", "now-30d");
        time.put("to", "now");
        dashboard.putObject("annotations").putArray("list");
        ArrayNode variables = dashboard.putObject("templating").putArray("list");
        variables.add(datasourceVariable());
        variables.add(serviceVariable());
        dashboard.set("panels", panels());
        return dashboard;
    }

    /** Writes the JSON through a temporary file beside {@code file}, so Grafana never provisions half a file. */
    public void write(Path file) {
        try {
            AtomicFile.write(file, MAPPER.writeValueAsString(toJson()) + "\n");
        } catch (IOException e) {
            throw new ExportException("Could not write the Grafana dashboard " + file.toAbsolutePath() + ": " + e, e);
        }
    }

    private ArrayNode panels() {
        ArrayNode panels = JSON.arrayNode();
        int[] id = {0};
        int y = 0;
        panels.add(row(++id[0], "Latest check", y, null));
        y += 1;
        panels.add(verdictStat(
                ++id[0],
                "Verdict",
                grid(0, y, 6, 4),
                "max(" + MetricsExport.VERDICT + selector(equal(MetricsExport.LEVEL, "FAIL")) + " * 2 or "
                        + MetricsExport.VERDICT + selector(equal(MetricsExport.LEVEL, "WARN")) + ")",
                "The build's verdict in the last check: PASS, WARN or FAIL."));
        panels.add(lastRunStat(++id[0], grid(6, y, 6, 4)));
        panels.add(checksByStatus(++id[0], grid(12, y, 12, 4)));
        y += 4;

        panels.add(row(++id[0], "Service $service", y, "service"));
        y += 1;
        String service = equal(MetricsExport.SERVICE, "$service");
        panels.add(verdictStat(
                ++id[0],
                "Latest verdict",
                grid(0, y, 4, GRAPH_HEIGHT),
                "max(" + MetricsExport.CHECK_STATUS + selector(service, equal(MetricsExport.STATUS, "FAIL"))
                        + " * 2 or "
                        + MetricsExport.CHECK_STATUS + selector(service, matching(MetricsExport.STATUS, "WARN|MISSING"))
                        + ")",
                "The worst status of this service's checks in the last check (MISSING counts as WARN here)."));
        int width = (FULL_WIDTH - 4) / 4;
        panels.add(overTime(++id[0], "p95 latency", P95, "ms", grid(4, y, width, GRAPH_HEIGHT)));
        panels.add(overTime(++id[0], "p99 latency", P99, "ms", grid(4 + width, y, width, GRAPH_HEIGHT)));
        panels.add(overTime(++id[0], "Error rate", ERROR_RATE, "percent", grid(4 + 2 * width, y, width, GRAPH_HEIGHT)));
        panels.add(overTime(++id[0], "Requests per second", RPS, "reqps", grid(4 + 3 * width, y, width, GRAPH_HEIGHT)));
        return panels;
    }

    private ObjectNode datasourceVariable() {
        ObjectNode variable = JSON.objectNode();
        variable.put("type", "datasource");
        variable.put("name", "datasource");
        variable.put("label", "Data source");
        variable.put("query", "prometheus");
        variable.put("refresh", 1);
        variable.put("regex", "");
        variable.put("hide", 0);
        variable.putObject("current");
        variable.putArray("options");
        return variable;
    }

    private ObjectNode serviceVariable() {
        String query = "label_values(" + RPS + selector() + ", " + MetricsExport.SERVICE + ")";
        ObjectNode variable = JSON.objectNode();
        variable.put("type", "query");
        variable.put("name", "service");
        variable.put("label", "Service");
        variable.set("datasource", datasource());
        variable.put("query", query);
        variable.put("definition", query);
        variable.put("refresh", 2);
        variable.put("multi", true);
        variable.put("includeAll", true);
        variable.put("sort", 1);
        variable.put("regex", "");
        variable.put("hide", 0);
        ObjectNode current = variable.putObject("current");
        current.put("selected", true);
        ArrayNode text = current.putArray("text");
        ArrayNode value = current.putArray("value");
        if (services.isEmpty()) {
            text.add("All");
            value.add("$__all");
        } else {
            services.forEach(s -> {
                text.add(s);
                value.add(s);
            });
        }
        variable.putArray("options");
        return variable;
    }

    private ObjectNode row(int id, String title, int y, String repeat) {
        ObjectNode row = panel(id, "row", title, grid(0, y, FULL_WIDTH, 1));
        row.remove("datasource");
        row.put("collapsed", false);
        row.putArray("panels");
        if (repeat != null) {
            row.put("repeat", repeat);
        }
        return row;
    }

    private ObjectNode overTime(int id, String title, String metric, String unit, ObjectNode gridPos) {
        ObjectNode panel = panel(id, "timeseries", title, gridPos);
        panel.put(
                "description",
                "The last value pushed by each run, as Prometheus scraped it; endpoints as their own"
                        + " lines. Metric " + metric + ".");
        ObjectNode defaults = panel.putObject("fieldConfig").putObject("defaults");
        defaults.put("unit", unit);
        defaults.put("min", 0);
        ObjectNode custom = defaults.putObject("custom");
        custom.put("drawStyle", "line");
        custom.put("lineInterpolation", "stepAfter");
        custom.put("showPoints", "never");
        custom.put("spanNulls", false);
        ((ObjectNode) panel.get("fieldConfig")).putArray("overrides");
        ObjectNode options = panel.putObject("options");
        ObjectNode legend = options.putObject("legend");
        legend.put("displayMode", "list");
        legend.put("placement", "bottom");
        legend.put("showLegend", true);
        ObjectNode tooltip = options.putObject("tooltip");
        tooltip.put("mode", "multi");
        tooltip.put("sort", "desc");
        String service = equal(MetricsExport.SERVICE, "$service");
        ArrayNode targets = panel.putArray("targets");
        targets.add(target("A", metric + selector(service, equal(MetricsExport.ENDPOINT, "")), "all requests", false));
        targets.add(target(
                "B",
                metric + selector(service, MetricsExport.ENDPOINT + "!=\"\""),
                "{{" + MetricsExport.ENDPOINT + "}}",
                false));
        return panel;
    }

    private ObjectNode verdictStat(int id, String title, ObjectNode gridPos, String expr, String description) {
        ObjectNode panel = stat(id, title, gridPos, "background", "value");
        panel.put("description", description);
        ObjectNode defaults = (ObjectNode) panel.get("fieldConfig").get("defaults");
        ObjectNode mapping = defaults.putArray("mappings").addObject();
        mapping.put("type", "value");
        ObjectNode levels = mapping.putObject("options");
        String[][] names = {{"PASS", "green"}, {"WARN", "orange"}, {"FAIL", "red"}};
        for (int i = 0; i < names.length; i++) {
            ObjectNode level = levels.putObject(Integer.toString(i));
            level.put("text", names[i][0]);
            level.put("color", names[i][1]);
            level.put("index", i);
        }
        ObjectNode thresholds = defaults.putObject("thresholds");
        thresholds.put("mode", "absolute");
        ArrayNode steps = thresholds.putArray("steps");
        steps.addObject().put("color", "green").putNull("value");
        steps.addObject().put("color", "orange").put("value", 1);
        steps.addObject().put("color", "red").put("value", 2);
        defaults.putObject("color").put("mode", "thresholds");
        panel.putArray("targets").add(target("A", expr, "", true));
        return panel;
    }

    private ObjectNode lastRunStat(int id, ObjectNode gridPos) {
        ObjectNode panel = stat(id, "Last run", gridPos, "none", "value");
        panel.put("description", "When the last Locust run was made.");
        ObjectNode defaults = (ObjectNode) panel.get("fieldConfig").get("defaults");
        defaults.put("unit", "dateTimeFromNow");
        panel.putArray("targets")
                .add(target("A", "max(" + MetricsExport.RUN_TIMESTAMP + selector() + ") * 1000", "", true));
        return panel;
    }

    private ObjectNode checksByStatus(int id, ObjectNode gridPos) {
        ObjectNode panel = stat(id, "Checks by status", gridPos, "value", "value_and_name");
        panel.put("description", "How many checked metrics had each status in the last check.");
        ObjectNode fieldConfig = (ObjectNode) panel.get("fieldConfig");
        ((ObjectNode) fieldConfig.get("defaults"))
                .putObject("color")
                .put("mode", "fixed")
                .put("fixedColor", "text");
        ArrayNode overrides = fieldConfig.putArray("overrides");
        String[][] colors = {
            {"FAIL", "red"}, {"MISSING", "purple"}, {"WARN", "orange"}, {"NO_BASELINE", "blue"}, {"PASS", "green"}
        };
        for (String[] color : colors) {
            ObjectNode override = overrides.addObject();
            override.putObject("matcher").put("id", "byName").put("options", color[0]);
            override.putArray("properties")
                    .addObject()
                    .put("id", "color")
                    .putObject("value")
                    .put("mode", "fixed")
                    .put("fixedColor", color[1]);
        }
        panel.putArray("targets")
                .add(target(
                        "A",
                        "sum by (" + MetricsExport.STATUS + ") (" + MetricsExport.CHECK_STATUS + selector() + ")",
                        "{{" + MetricsExport.STATUS + "}}",
                        true));
        return panel;
    }

    private ObjectNode stat(int id, String title, ObjectNode gridPos, String colorMode, String textMode) {
        ObjectNode panel = panel(id, "stat", title, gridPos);
        ObjectNode fieldConfig = panel.putObject("fieldConfig");
        fieldConfig.putObject("defaults");
        fieldConfig.putArray("overrides");
        ObjectNode options = panel.putObject("options");
        ObjectNode reduce = options.putObject("reduceOptions");
        reduce.putArray("calcs").add("lastNotNull");
        reduce.put("fields", "");
        reduce.put("values", false);
        options.put("colorMode", colorMode);
        options.put("graphMode", "none");
        options.put("textMode", textMode);
        options.put("justifyMode", "center");
        options.put("orientation", "auto");
        return panel;
    }

    private ObjectNode panel(int id, String type, String title, ObjectNode gridPos) {
        ObjectNode panel = JSON.objectNode();
        panel.put("id", id);
        panel.put("type", type);
        panel.put("title", title);
        panel.set("gridPos", gridPos);
        panel.set("datasource", datasource());
        return panel;
    }

    private ObjectNode target(String refId, String expr, String legend, boolean instant) {
        ObjectNode target = JSON.objectNode();
        target.put("refId", refId);
        target.set("datasource", datasource());
        target.put("expr", expr);
        target.put("legendFormat", legend);
        target.put("range", !instant);
        target.put("instant", instant);
        return target;
    }

    private static ObjectNode datasource() {
        ObjectNode datasource = JSON.objectNode();
        datasource.put("type", "prometheus");
        datasource.put("uid", "${datasource}");
        return datasource;
    }

    private static ObjectNode grid(int x, int y, int w, int h) {
        ObjectNode grid = JSON.objectNode();
        grid.put("x", x);
        grid.put("y", y);
        grid.put("w", w);
        grid.put("h", h);
        return grid;
    }

    /** {@code {job="…",instance="…",more…}}: the Pushgateway group, then the panel's own matchers. */
    private String selector(String... more) {
        Stream<String> group = Stream.concat(
                Stream.of(equal("job", job)),
                groupingKey.entrySet().stream()
                        .sorted(Map.Entry.comparingByKey())
                        .map(e -> equal(e.getKey(), e.getValue())));
        return Stream.concat(group, Stream.of(more)).collect(Collectors.joining(",", "{", "}"));
    }

    private static String equal(String label, String value) {
        return label + "=" + quoted(value);
    }

    private static String matching(String label, String regex) {
        return label + "=~" + quoted(regex);
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
