package dev.locustmaven.export;

import dev.locustmaven.model.Check;
import dev.locustmaven.model.Measurement;
import dev.locustmaven.model.Measurements;
import dev.locustmaven.model.MetricKey;
import dev.locustmaven.model.Status;
import dev.locustmaven.model.Verdict;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * One run's measurements and verdict as Prometheus gauges, ready to be pushed to a Pushgateway or written as an
 * OpenMetrics file.
 *
 * <p>Every measured metric becomes its own gauge, named {@code locust_} + the metric name (see {@link #metricName}),
 * labelled by {@code service} and {@code endpoint} ({@code ""} for the service as a whole). Three more gauges describe
 * the decision: {@value #VERDICT}{@code {level}} (1 for the build's level, 0 for the other two),
 * {@value #CHECK_STATUS}{@code {service,endpoint,metric,status}} (1 for the checked metric's status, 0 for the others)
 * and {@value #RUN_TIMESTAMP}. The help text of a gauge depends on its name only, so that pushes of several projects
 * into one Pushgateway stay consistent.
 */
public final class MetricsExport {

    public static final String PREFIX = "locust_";
    public static final String VERDICT = "locust_verdict";
    public static final String CHECK_STATUS = "locust_check_status";
    public static final String RUN_TIMESTAMP = "locust_run_timestamp_seconds";

    public static final String SERVICE = "service";
    public static final String ENDPOINT = "endpoint";
    public static final String METRIC = "metric";
    public static final String STATUS = "status";
    public static final String LEVEL = "level";

    /** The levels a verdict can have, in the order {@value #VERDICT} lists them. */
    public static final List<Status> VERDICT_LEVELS = List.of(Status.PASS, Status.WARN, Status.FAIL);

    /** When one metric has several checks (several rules), the exported status is the first of these it has. */
    private static final List<Status> WORST_FIRST =
            List.of(Status.FAIL, Status.MISSING, Status.WARN, Status.NO_BASELINE, Status.PASS);

    private static final Set<String> OWN_SERIES = Set.of(VERDICT, CHECK_STATUS, RUN_TIMESTAMP);
    /** Suffixes that OpenMetrics reserves for counters, histograms and info metrics; a gauge may not end in them. */
    private static final List<String> RESERVED_SUFFIXES = List.of("_total", "_created", "_bucket", "_info");

    private static final Pattern INVALID_NAME_CHAR = Pattern.compile("[^a-zA-Z0-9_:]");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Set<String> OWN_LABELS = Set.of("job", SERVICE, ENDPOINT, METRIC, STATUS, LEVEL);

    private final String job;
    private final Map<String, String> groupingKey;
    private final Map<String, Gauge> gauges;
    private final List<String> warnings;

    private MetricsExport(
            String job, Map<String, String> groupingKey, Map<String, Gauge> gauges, List<String> warnings) {
        this.job = job;
        this.groupingKey = groupingKey;
        this.gauges = gauges;
        this.warnings = warnings;
    }

    /**
     * Builds the gauges of one run.
     *
     * @param runTime when the run was made; the value of {@value #RUN_TIMESTAMP}
     * @param job the Pushgateway job (and the {@code job} label Prometheus stores)
     * @param groupingKey further labels that, with the job, name the Pushgateway group this run replaces, e.g.
     *     {@code instance=my-service}
     * @throws ExportException when the job is blank or a grouping label name is not a valid, free Prometheus label name
     */
    public static MetricsExport of(
            Measurements measurements, Verdict verdict, Instant runTime, String job, Map<String, String> groupingKey) {
        Objects.requireNonNull(measurements, "measurements");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(runTime, "runTime");
        if (job == null || job.isBlank()) {
            throw new ExportException("The Pushgateway job name is empty; set locust.pushgatewayJob.");
        }
        Map<String, String> grouping = validGroupingKey(groupingKey == null ? Map.of() : groupingKey);

        List<String> warnings = new ArrayList<>();
        Map<String, Gauge> gauges = new TreeMap<>();
        for (Measurement measurement : measurements.all()) {
            MetricKey key = measurement.key();
            String name = metricName(key.metric());
            Gauge gauge = gauges.computeIfAbsent(name, n -> new Gauge(n, measuredHelp(n)));
            Labels labels = Labels.of(SERVICE, key.service(), ENDPOINT, endpointLabel(key));
            if (!gauge.add(labels, measurement.value().asDouble())) {
                warnings.add("Metric " + key.displayName()
                        + " is not exported: another metric of the same service and endpoint" + " is also exported as "
                        + name + ". Rename one of them.");
            }
        }

        Gauge verdictGauge = new Gauge(
                VERDICT, "Verdict of the last Locust check: 1 for its level (PASS, WARN or FAIL), 0 for the others.");
        VERDICT_LEVELS.forEach(
                level -> verdictGauge.add(Labels.of(LEVEL, level.name()), verdict.level() == level ? 1 : 0));
        gauges.put(VERDICT, verdictGauge);

        Gauge statusGauge = new Gauge(
                CHECK_STATUS,
                "Status of each checked metric in the last Locust check: 1 for its status, 0 for the others;"
                        + " with several rules on one metric, the worst status.");
        worstStatusByKey(verdict.checks()).forEach((key, worst) -> {
            for (Status status : Status.values()) {
                statusGauge.add(
                        Labels.of(
                                SERVICE,
                                key.service(),
                                ENDPOINT,
                                endpointLabel(key),
                                METRIC,
                                key.metric(),
                                STATUS,
                                status.name()),
                        status == worst ? 1 : 0);
            }
        });
        gauges.put(CHECK_STATUS, statusGauge);

        Gauge timestamp = new Gauge(RUN_TIMESTAMP, "When the last Locust run was made, in seconds since the epoch.");
        timestamp.add(Labels.EMPTY, runTime.toEpochMilli() / 1000.0);
        gauges.put(RUN_TIMESTAMP, timestamp);

        return new MetricsExport(
                job, Collections.unmodifiableMap(grouping), Collections.unmodifiableMap(gauges), List.copyOf(warnings));
    }

    /**
     * The gauge name of a measured metric: {@code locust_} + the name with every character outside
     * {@code [a-zA-Z0-9_:]} replaced by {@code _}; {@code _value} is appended when that name is one of the three
     * decision gauges or ends in a suffix OpenMetrics reserves ({@code _total}, {@code _created}, {@code _bucket},
     * {@code _info}). So {@code p95_latency_ms} is {@code locust_p95_latency_ms} and {@code requests_total} is
     * {@code locust_requests_total_value}.
     */
    public static String metricName(String measuredMetric) {
        String name = PREFIX + INVALID_NAME_CHAR.matcher(measuredMetric).replaceAll("_");
        boolean reserved =
                OWN_SERIES.contains(name) || RESERVED_SUFFIXES.stream().anyMatch(name::endsWith);
        return reserved ? name + "_value" : name;
    }

    public String job() {
        return job;
    }

    /** The grouping labels besides {@code job}, sorted by name. */
    public Map<String, String> groupingKey() {
        return groupingKey;
    }

    /** Every gauge name this export holds. */
    public Set<String> metricNames() {
        return Collections.unmodifiableSet(new TreeSet<>(gauges.keySet()));
    }

    /** Metrics that could not be exported, each as a sentence. */
    public List<String> warnings() {
        return warnings;
    }

    /** The gauges as pushed: the Pushgateway adds {@code job} and the grouping labels itself. */
    public MetricSnapshots snapshots() {
        return render(Labels.EMPTY);
    }

    /**
     * The gauges as Prometheus stores them after scraping the Pushgateway with {@code honor_labels: true}: every
     * series also carries {@code job} and the grouping labels.
     */
    public MetricSnapshots snapshotsWithGroupLabels() {
        Labels group = Labels.of("job", job);
        for (Map.Entry<String, String> label : groupingKey.entrySet()) {
            group = group.add(label.getKey(), label.getValue());
        }
        return render(group);
    }

    private MetricSnapshots render(Labels extra) {
        List<MetricSnapshot> snapshots = new ArrayList<>();
        for (Gauge gauge : gauges.values()) {
            GaugeSnapshot.Builder builder =
                    GaugeSnapshot.builder().name(gauge.name).help(gauge.help);
            gauge.points.forEach((labels, value) -> builder.dataPoint(GaugeDataPointSnapshot.builder()
                    .labels(extra.isEmpty() ? labels : labels.merge(extra))
                    .value(value)
                    .build()));
            snapshots.add(builder.build());
        }
        return new MetricSnapshots(snapshots);
    }

    private static String measuredHelp(String gaugeName) {
        return "Locust metric " + gaugeName.substring(PREFIX.length())
                + " of the last run, per service and endpoint (an empty endpoint is the whole service).";
    }

    private static String endpointLabel(MetricKey key) {
        return key.endpoint() == null ? "" : key.endpoint();
    }

    private static Map<MetricKey, Status> worstStatusByKey(List<Check> checks) {
        Map<MetricKey, Status> worst = new TreeMap<>();
        for (Check check : checks) {
            worst.merge(
                    check.key(), check.status(), (a, b) -> WORST_FIRST.indexOf(a) <= WORST_FIRST.indexOf(b) ? a : b);
        }
        return worst;
    }

    private static Map<String, String> validGroupingKey(Map<String, String> groupingKey) {
        Map<String, String> valid = new TreeMap<>();
        for (Map.Entry<String, String> label : groupingKey.entrySet()) {
            String name = label.getKey();
            if (name == null || !LABEL_NAME.matcher(name).matches() || name.startsWith("__")) {
                throw new ExportException("Pushgateway grouping label '" + name
                        + "' is not a Prometheus label name ([a-zA-Z_][a-zA-Z0-9_]*, not starting with __).");
            }
            if (OWN_LABELS.contains(name)) {
                throw new ExportException("Pushgateway grouping label '" + name
                        + "' is taken: the exported series use the labels " + new TreeSet<>(OWN_LABELS) + ".");
            }
            if (label.getValue() == null || label.getValue().isEmpty()) {
                throw new ExportException("Pushgateway grouping label '" + name + "' has no value.");
            }
            valid.put(name, label.getValue());
        }
        return valid;
    }

    /** The data points of one gauge, in label order; a label set is taken once. */
    private static final class Gauge {
        private final String name;
        private final String help;
        private final Map<Labels, Double> points = new LinkedHashMap<>();

        Gauge(String name, String help) {
            this.name = name;
            this.help = help;
        }

        boolean add(Labels labels, double value) {
            return points.putIfAbsent(labels, value) == null;
        }
    }
}
