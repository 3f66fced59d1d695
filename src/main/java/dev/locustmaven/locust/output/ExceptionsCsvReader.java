package dev.locustmaven.locust.output;

import dev.locustmaven.model.ExceptionStat;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads Locust's {@code <prefix>_exceptions.csv}: {@code Count,Message,Traceback,Nodes}, one row per distinct
 * exception raised inside a task (not a failed request), with a multi-line traceback. {@code Nodes} is
 * {@code local}, or the worker ids joined with {@code ", "}.
 */
public final class ExceptionsCsvReader {

    public List<ExceptionStat> read(Path file) {
        CsvTable table = CsvTable.read(file, CsvTable.Tail.REJECT);
        table.requireColumns("Count", "Message", "Traceback", "Nodes");
        return table.rows().stream()
                .map(row -> new ExceptionStat(
                        table.count(row, "Count"),
                        table.text(row, "Message"),
                        table.text(row, "Traceback"),
                        table.text(row, "Nodes")))
                .toList();
    }
}
