package dev.locustmaven.locust;

import dev.locustmaven.model.RunInfo;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Reads what Locust's {@code <prefix>_stats_history.csv} says about the run: the peak user count and the span its
 * rows cover.
 *
 * <p>Before 2.46.3 Locust never closed this file, so its last seconds are usually lost and the file may end in the
 * middle of a row; that row is dropped. The span is therefore a lower bound of the run's length.
 */
public final class StatsHistoryCsvReader {

    private static final String TIMESTAMP = "Timestamp";
    private static final String USER_COUNT = "User Count";

    /** The peak users, the first row's time and the span to the last complete row; the Locust version is unknown. */
    public RunInfo read(Path file) {
        CsvTable table = CsvTable.read(file, CsvTable.Tail.DROP_CUT_ROW);
        table.requireColumns(TIMESTAMP, USER_COUNT);
        Integer peakUsers = null;
        Instant first = null;
        Instant last = null;
        for (CsvTable.Row row : table.rows()) {
            int users = Math.toIntExact(table.count(row, USER_COUNT));
            peakUsers = peakUsers == null ? users : Math.max(peakUsers, users);
            Instant time = timestamp(table, row);
            first = first == null || time.isBefore(first) ? time : first;
            last = last == null || time.isAfter(last) ? time : last;
        }
        Double span = first == null ? null : (last.toEpochMilli() - first.toEpochMilli()) / 1000.0;
        return new RunInfo(null, peakUsers, span, first);
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
