package dev.locustmaven.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Selects the history a service's current run may be compared with. A change of anything in the service's fingerprint
 * (a Locust upgrade, another user count, an edited locustfile) starts a new comparable segment: the runs before it are
 * not compared, even those that happen to match the current run again.
 */
public final class ComparableRuns {

    private ComparableRuns() {}

    /**
     * The records of the same segment as the current run (no change was accepted since) that have the service and
     * were made after the last change of its fingerprint, oldest first.
     */
    public static List<HistoryRecord> of(
            List<HistoryRecord> records, String service, Fingerprint current, String segment) {
        List<HistoryRecord> withService = withService(records, service, segment);
        int from = 0;
        for (int i = 0; i < withService.size(); i++) {
            if (current != null
                    && !withService.get(i).fingerprint(service).orElseThrow().comparableTo(current)) {
                from = i + 1;
            }
        }
        return withService.subList(from, withService.size());
    }

    /**
     * Where the current run's comparable segment began with a change of the fingerprint: at the first record after the
     * last one that differs, or at the current run itself (no run id) when the latest record differs; empty when no
     * earlier record of the service differs.
     */
    public static Optional<SegmentBreak> lastBreak(
            List<HistoryRecord> records, String service, Fingerprint current, String segment, Instant now) {
        if (current == null) {
            return Optional.empty();
        }
        List<HistoryRecord> withService = withService(records, service, segment);
        for (int i = withService.size() - 1; i >= 0; i--) {
            Fingerprint earlier = withService.get(i).fingerprint(service).orElseThrow();
            if (!earlier.comparableTo(current)) {
                boolean latest = i == withService.size() - 1;
                HistoryRecord first = latest ? null : withService.get(i + 1);
                return Optional.of(new SegmentBreak(
                        first == null ? null : first.runId(),
                        first == null ? now : first.time(),
                        current.changesFrom(earlier)));
            }
        }
        return Optional.empty();
    }

    /** Every change of the service's fingerprint from one recorded run to the next, oldest first. */
    public static List<SegmentBreak> breaks(List<HistoryRecord> records, String service) {
        List<SegmentBreak> breaks = new ArrayList<>();
        Fingerprint previous = null;
        for (HistoryRecord record : records) {
            Optional<Fingerprint> fingerprint = record.fingerprint(service);
            if (fingerprint.isEmpty()) {
                continue;
            }
            if (previous != null && !previous.comparableTo(fingerprint.get())) {
                breaks.add(new SegmentBreak(
                        record.runId(), record.time(), fingerprint.get().changesFrom(previous)));
            }
            previous = fingerprint.get();
        }
        return breaks;
    }

    private static List<HistoryRecord> withService(List<HistoryRecord> records, String service, String segment) {
        return records.stream()
                .filter(r -> Objects.equals(r.segment(), segment))
                .filter(r -> r.fingerprint(service).isPresent())
                .toList();
    }
}
