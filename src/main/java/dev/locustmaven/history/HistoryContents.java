package dev.locustmaven.history;

import java.util.List;

/** What a history file holds: the valid records, oldest first, and the lines that are not valid records. */
public record HistoryContents(List<HistoryRecord> records, List<CorruptLine> corruptLines) {

    public HistoryContents {
        records = List.copyOf(records);
        corruptLines = List.copyOf(corruptLines);
    }

    public static HistoryContents empty() {
        return new HistoryContents(List.of(), List.of());
    }
}
