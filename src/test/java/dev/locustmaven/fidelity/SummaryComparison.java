package dev.locustmaven.fidelity;

import dev.locustmaven.metrics.DefaultMetrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code check}'s numbers against Locust's final summary, row by row and metric by metric: which differ, and by how
 * much for the service as a whole.
 */
record SummaryComparison(FinalSummary summary, CheckReading reading, List<Difference> differences, int compared) {

    /** One number {@code check} reads differently from Locust's summary ({@code null}: {@code check} has none). */
    record Difference(String row, String metric, Double check, Double locust) {}

    private static final double RELATIVE_TOLERANCE = 1e-9;

    static SummaryComparison of(FinalSummary summary, CheckReading reading) {
        List<Difference> differences = new ArrayList<>();
        int compared = 0;
        for (FinalSummary.Row row : summary.rows()) {
            for (String metric : CheckReading.COMPARED) {
                Double locust = locustValue(row, metric);
                Double check = reading.value(row.key(), metric);
                compared++;
                if (!same(check, locust)) {
                    differences.add(new Difference(row.key(), metric, check, locust));
                }
            }
        }
        return new SummaryComparison(summary, reading, List.copyOf(differences), compared);
    }

    /** Locust's value of a default metric in its summary row; {@code null} where Locust has none. */
    static Double locustValue(FinalSummary.Row row, String metric) {
        return switch (metric) {
            case DefaultMetrics.REQUEST_COUNT -> (double) row.requests();
            case DefaultMetrics.FAILURE_COUNT -> (double) row.failures();
            case DefaultMetrics.P50_LATENCY_MS -> row.p50();
            case DefaultMetrics.AVG_LATENCY_MS -> row.requests() == 0 ? null : row.avg();
            case DefaultMetrics.P95_LATENCY_MS -> row.p95();
            case DefaultMetrics.MAX_LATENCY_MS -> row.requests() == 0 ? null : row.max();
            case DefaultMetrics.RPS -> row.rps();
            default -> throw new IllegalArgumentException(metric);
        };
    }

    /** Equal, but for the last bits of floating point sums added up in another order. */
    static boolean same(Double a, Double b) {
        if (a == null || b == null) {
            return a == b;
        }
        return Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(1.0, Math.abs(b));
    }

    boolean equal() {
        return differences.isEmpty();
    }

    /**
     * One table cell: "equal (63 numbers)", or what differs, the service's counts and throughput with figures:
     * "differs in 23 of 63 numbers: requests 216 vs 231 (-6.5%), ...".
     */
    String describe() {
        if (equal()) {
            return "equal (" + compared + " numbers)";
        }
        FinalSummary.Row total = summary.aggregated();
        String aggregated = total.key();
        List<String> parts = new ArrayList<>();
        Double requests = reading.value(aggregated, DefaultMetrics.REQUEST_COUNT);
        if (!same(requests, (double) total.requests())) {
            parts.add("requests " + count(requests) + " vs " + total.requests() + " ("
                    + percent(requests, total.requests()) + ")");
        }
        Double failures = reading.value(aggregated, DefaultMetrics.FAILURE_COUNT);
        if (!same(failures, (double) total.failures())) {
            parts.add("failures " + count(failures) + " vs " + total.failures());
        }
        Double rps = reading.value(aggregated, DefaultMetrics.RPS);
        if (!same(rps, total.rps())) {
            parts.add(String.format(Locale.ROOT, "rps %.2f vs %.2f (%s)", rps, total.rps(), percent(rps, total.rps())));
        }
        Map<String, Integer> rowsPerMetric = new LinkedHashMap<>();
        for (Difference d : differences) {
            if (!(d.row().equals(aggregated)
                    && List.of(DefaultMetrics.REQUEST_COUNT, DefaultMetrics.FAILURE_COUNT, DefaultMetrics.RPS)
                            .contains(d.metric()))) {
                rowsPerMetric.merge(shortName(d.metric()), 1, Integer::sum);
            }
        }
        if (!rowsPerMetric.isEmpty()) {
            List<String> others = new ArrayList<>();
            rowsPerMetric.forEach((metric, rows) -> others.add(metric + " " + rows));
            parts.add("other rows differing: " + String.join(", ", others));
        }
        return "differs in " + differences.size() + " of " + compared + " numbers: " + String.join("; ", parts);
    }

    private static String shortName(String metric) {
        return metric.replace("_latency_ms", "").replace("_count", "s");
    }

    private static String count(Double value) {
        return value == null ? "none" : Long.toString(Math.round(value));
    }

    private static String percent(Double value, double reference) {
        return value == null ? "missing" : String.format(Locale.ROOT, "%+.1f%%", 100 * (value - reference) / reference);
    }
}
