package dev.locustmaven.history;

/**
 * What {@link HistoryStore#appendNew} appended.
 *
 * @param record the record as written, with the run id chosen under the lock
 * @param records the valid records in the file after it, this one included
 */
public record AppendResult(HistoryRecord record, int records) {}
