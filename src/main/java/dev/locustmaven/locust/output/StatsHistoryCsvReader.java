package dev.locustmaven.locust.output;

import dev.locustmaven.model.RunInfo;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Reads what Locust's {@code <prefix>_stats_history.csv} says about the run: the peak user count and the span of its
 * rows with data (users or requests; the first row, at the test's start, has neither).
 *
 * <p>Before 2.46.3 Locust never closed this file, so its last seconds are usually lost (with a short run, everything
 * but the first row), and the file may end in the middle of a row; that row is dropped. The span is therefore a lower
 * bound of the run's length, and a history without data says nothing: users, start and span are then {@code null}.
 */
public final class StatsHistoryCsvReader {

    private static final String TIMESTAMP = "Timestamp";
    private static final String USER_COUNT = "User Count";
    private static final String TOTAL_REQUEST_COUNT = "Total Request Count";

    /** The peak users, the first row's time and the span to the last complete row; the Locust version is unknown. */
    public RunInfo read(Path file) {
        CsvTable table = CsvTable.read(file, CsvTable.Tail.DROP_CUT_ROW);
        table.requireColumns(TIMESTAMP, USER_COUNT, TOTAL_REQUEST_COUNT);
        int peakUsers = 0;
        Instant first = null;
        Instant last = null;
        for (CsvTable.Row row : table.rows()) {
            Instant time = timestamp(table, row);
            int users = Math.toIntExact(table.count(row, USER_COUNT));
            if (users == 0 && table.count(row, TOTAL_REQUEST_COUNT) == 0) {
                continue;
            }
            peakUsers = Math.max(peakUsers, users);
            first = first == null || time.isBefore(first) ? time : first;
            last = last == null || time.isAfter(last) ? time : last;
        }
        if (first == null) {
            return RunInfo.unknown();
        }
        Double span = last.equals(first) ? null : (last.toEpochMilli() - first.toEpochMilli()) / 1000.0;
        return new RunInfo(null, peakUsers == 0 ? null : peakUsers, span, first);
    }

    /** Epoch seconds in every 2.x release; an ISO-8601 instant is accepted too. */
    private static Instant timestamp(CsvTable table, CsvTable.Row row) {
        String cell = table.text(row, TIMESTAMP).strip();
        try {
            BigDecimal seconds = new BigDecimal(cell);
            return Instant.ofEpochMilli(seconds.movePointRight(3).longValue());
        } catch (NumberFormatException notEpoch) {
            try {
                return Instant.parse(cell);
            } catch (DateTimeParseException notIso) {
                throw new LocustOutputException(
                        table.file(),
                        row.line(),
                        "column 'Timestamp' holds '" + cell + "', expected epoch seconds or an ISO-8601 time");
            }
        }
    }
}
