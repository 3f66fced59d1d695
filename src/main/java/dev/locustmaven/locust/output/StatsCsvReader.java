package dev.locustmaven.locust.output;

import dev.locustmaven.model.EndpointStats;
import dev.locustmaven.model.LocustPercentiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads Locust's {@code <prefix>_stats.csv}: one row per (method, name) entry, then Aggregated.
 *
 * <p>Locust rewrites this file every second and not at exit, so its numbers can lag the run's end by up to a second;
 * prefer a final source where there is one. Aggregated is the last row with an empty {@code Type}: a request of the
 * user's named {@code Aggregated} cannot be told apart from it by name.
 */
public final class StatsCsvReader {

    static final String TYPE = "Type";
    static final String NAME = "Name";
    static final String REQUEST_COUNT = "Request Count";
    static final String FAILURE_COUNT = "Failure Count";

    public LocustStats read(Path file) {
        CsvTable table = CsvTable.read(file, CsvTable.Tail.REJECT);
        table.requireColumns(TYPE, NAME, REQUEST_COUNT, FAILURE_COUNT);
        Map<Double, String> percentileColumns = percentileColumns(table);
        List<EndpointStats> rows = new ArrayList<>();
        int aggregatedIndex = -1;
        for (CsvTable.Row row : table.rows()) {
            if (table.text(row, TYPE).isEmpty()) {
                aggregatedIndex = rows.size();
            }
            rows.add(entry(table, row, percentileColumns));
        }
        if (aggregatedIndex < 0) {
            throw new LocustOutputException(
                    file, "no Aggregated row (a row with an empty Type); Locust always writes one last");
        }
        EndpointStats aggregated = rows.remove(aggregatedIndex);
        return new LocustStats(file, rows, aggregated, null, null);
    }

    private static Map<Double, String> percentileColumns(CsvTable table) {
        Map<Double, String> columns = new TreeMap<>();
        for (String header : table.header()) {
            Double fraction = LocustPercentiles.fractionOfLabel(header);
            if (fraction != null) {
                columns.putIfAbsent(fraction, header);
            }
        }
        return columns;
    }

    private static EndpointStats entry(CsvTable table, CsvTable.Row row, Map<Double, String> percentileColumns) {
        long requests = table.count(row, REQUEST_COUNT);
        // With no request Locust writes 0 for median, min, max and average: there is no latency, not a zero one.
        boolean timed = requests > 0;
        TreeMap<Double, Double> percentiles = new TreeMap<>();
        percentileColumns.forEach((fraction, column) -> {
            Double value = table.number(row, column);
            if (value != null && timed) {
                percentiles.put(fraction, value);
            }
        });
        return new EndpointStats(
                table.text(row, TYPE),
                table.text(row, NAME),
                requests,
                table.count(row, FAILURE_COUNT),
                timed ? table.number(row, "Average Response Time") : null,
                timed ? table.number(row, "Min Response Time") : null,
                timed ? table.number(row, "Max Response Time") : null,
                timed ? table.number(row, "Median Response Time") : null,
                timed ? table.number(row, "Average Content Size") : null,
                table.number(row, "Requests/s"),
                table.number(row, "Failures/s"),
                percentiles,
                new TreeMap<>());
    }
}
