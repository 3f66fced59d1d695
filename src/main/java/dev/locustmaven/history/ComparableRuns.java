package dev.locustmaven.history;

import java.util.List;
import java.util.Objects;

/** Selects the history a service's current run may be compared with. */
public final class ComparableRuns {

    private ComparableRuns() {}

    /**
     * The records of the same segment as the current run (no change was accepted since) whose fingerprint of {@code
     * service} is comparable to the current one, oldest first. Records without the service are left out.
     */
    public static List<HistoryRecord> of(
            List<HistoryRecord> records, String service, Fingerprint current, String segment) {
        return records.stream()
                .filter(r -> Objects.equals(r.segment(), segment))
                .filter(r -> r.fingerprint(service)
                        .map(f -> current == null || f.comparableTo(current))
                        .orElse(false))
                .toList();
    }
}
