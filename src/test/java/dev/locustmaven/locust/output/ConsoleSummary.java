package dev.locustmaven.locust.output;

import dev.locustmaven.model.LocustPercentiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The final summary tables Locust printed on stderr (kept as {@code console.log} by the fixture generator): what
 * the readers' numbers are checked against. Test code only: the product never parses the console.
 *
 * <p>Rows are keyed {@code "METHOD name"}, Aggregated as {@code " Aggregated"}. A name with a line break spans two
 * console lines; they are joined again.
 */
record ConsoleSummary(Map<String, StatsRow> stats, Map<String, Map<Double, Double>> percentiles) {

    /** One row of the request table; Locust prints Avg, Min, Max and Med truncated to whole milliseconds. */
    record StatsRow(long requests, long failures, long avg, long min, long max, long median, double rps) {}

    private static final Pattern STATS_ROW = Pattern.compile(
            "(?s)(\\S*)\\s+(.*?)\\s+(\\d+)\\s+(\\d+)\\(\\d+\\.\\d+%\\)\\s+\\|\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)"
                    + "\\s+\\|\\s+(\\d+\\.\\d+)\\s+\\d+\\.\\d+\\s*");

    static String key(String method, String name) {
        return method + " " + name;
    }

    static ConsoleSummary read(Path consoleLog) {
        List<String> lines = Fixtures.read(consoleLog).lines().toList();
        int statsHeader = lastIndex(lines, l -> l.startsWith("Type") && l.contains("# fails"));
        int percentileTitle = lastIndex(lines, l -> l.equals("Response time percentiles (approximated)"));
        if (statsHeader < 0 || percentileTitle < 0) {
            throw new IllegalArgumentException(consoleLog + " has no final summary");
        }
        Map<String, StatsRow> stats = new LinkedHashMap<>();
        for (String row : rows(lines, statsHeader + 1)) {
            Matcher m = STATS_ROW.matcher(row);
            if (!m.matches()) {
                throw new IllegalArgumentException("not a stats row: " + row);
            }
            stats.put(
                    key(m.group(1), m.group(2)),
                    new StatsRow(
                            Long.parseLong(m.group(3)),
                            Long.parseLong(m.group(4)),
                            Long.parseLong(m.group(5)),
                            Long.parseLong(m.group(6)),
                            Long.parseLong(m.group(7)),
                            Long.parseLong(m.group(8)),
                            Double.parseDouble(m.group(9))));
        }
        String header = lines.get(percentileTitle + 1);
        List<Double> fractions = new ArrayList<>();
        for (String token : header.trim().split("\\s+")) {
            Double fraction = LocustPercentiles.fractionOfLabel(token);
            if (fraction != null) {
                fractions.add(fraction);
            }
        }
        Pattern percentileRow =
                Pattern.compile("(?s)(\\S*)\\s+(.*?)((?:\\s+(?:\\d+|N/A)){" + fractions.size() + "})\\s+(\\d+)\\s*");
        Map<String, Map<Double, Double>> percentiles = new LinkedHashMap<>();
        for (String row : rows(lines, percentileTitle + 2)) {
            Matcher m = percentileRow.matcher(row);
            if (!m.matches()) {
                throw new IllegalArgumentException("not a percentile row: " + row);
            }
            String[] values = m.group(3).trim().split("\\s+");
            Map<Double, Double> byFraction = new TreeMap<>();
            for (int i = 0; i < fractions.size(); i++) {
                if (!values[i].equals("N/A")) {
                    byFraction.put(fractions.get(i), Double.parseDouble(values[i]));
                }
            }
            percentiles.put(key(m.group(1), m.group(2)), byFraction);
        }
        return new ConsoleSummary(stats, percentiles);
    }

    StatsRow aggregated() {
        return stats.get(key("", "Aggregated"));
    }

    Map<Double, Double> aggregatedPercentiles() {
        return percentiles.get(key("", "Aggregated"));
    }

    /** The table's rows after its header: separators skipped, a line without numbers joined to the next one. */
    private static List<String> rows(List<String> lines, int from) {
        List<String> rows = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (int i = from; i < lines.size() && !lines.get(i).isBlank(); i++) {
            String line = lines.get(i);
            if (line.startsWith("--------|")) {
                continue;
            }
            pending.append(line);
            if (line.matches(".*\\d\\s*$")) {
                rows.add(pending.toString());
                pending.setLength(0);
            } else {
                pending.append('\n');
            }
        }
        return rows;
    }

    private static int lastIndex(List<String> lines, java.util.function.Predicate<String> test) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (test.test(lines.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
