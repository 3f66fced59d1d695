package dev.locustmaven.locust.output;

import dev.locustmaven.model.FailureStat;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads Locust's {@code <prefix>_failures.csv}: {@code Method,Name,Error,Occurrences}, with {@code First Seen,Last Seen}
 * added in 2.44.0 (not kept). Rows are in Locust's hash order; the order carries no meaning.
 */
public final class FailuresCsvReader {

    public List<FailureStat> read(Path file) {
        CsvTable table = CsvTable.read(file, CsvTable.Tail.REJECT);
        table.requireColumns("Method", "Name", "Error", "Occurrences");
        return table.rows().stream()
                .map(row -> {
                    String raw = table.text(row, "Error");
                    return new FailureStat(
                            table.text(row, "Method"),
                            table.text(row, "Name"),
                            FailureMessages.normalize(raw),
                            raw,
                            table.count(row, "Occurrences"));
                })
                .toList();
    }
}
