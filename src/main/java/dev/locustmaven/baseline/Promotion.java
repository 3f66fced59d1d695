package dev.locustmaven.baseline;

import dev.locustmaven.baseline.BaselineChange.Kind;
import dev.locustmaven.model.Baseline;
import dev.locustmaven.model.Measurements;
import dev.locustmaven.model.MetricKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The result of a promotion: the new document, ready for {@link BaselineFile#write}, and what changed.
 *
 * @param previous the old baseline, {@code null} when there was no file
 * @param changes one entry per metric of the old or the new baseline, in key order
 */
public record Promotion(BaselineDocument document, Baseline previous, List<BaselineChange> changes) {

    public Promotion {
        changes = List.copyOf(changes);
    }

    /** The values measured now (added, changed or unchanged), with their samples; not those kept from before. */
    public Measurements measured() {
        Set<MetricKey> now = changes.stream()
                .filter(c -> c.kind() == Kind.ADDED || c.kind() == Kind.CHANGED || c.kind() == Kind.UNCHANGED)
                .map(BaselineChange::key)
                .collect(Collectors.toSet());
        return Measurements.of(document.baseline().measurements().all().stream()
                .filter(m -> now.contains(m.key()))
                .toList());
    }

    public List<BaselineChange> changes(Kind kind) {
        return changes.stream().filter(c -> c.kind() == kind).toList();
    }

    /**
     * What to print: the new version header, one line per added, changed, kept or skipped metric (unchanged ones only
     * counted), and a count line.
     */
    public List<String> lines() {
        Baseline next = document.baseline();
        List<String> lines = new ArrayList<>();
        lines.add("Baseline version " + (previous == null || previous.version() == null ? "(none)" : previous.version())
                + " -> " + next.version() + ", effective from " + next.effectiveFrom()
                + (next.validUntil() == null ? ", no expiry" : ", valid until " + next.validUntil()));
        changes.stream().filter(c -> c.kind() != Kind.UNCHANGED).forEach(c -> lines.add("  " + c.describe()));
        lines.add(changes(Kind.CHANGED).size() + " changed, "
                + changes(Kind.ADDED).size() + " added, "
                + changes(Kind.UNCHANGED).size() + " unchanged, "
                + changes(Kind.KEPT).size() + " kept"
                + (changes(Kind.SKIPPED).isEmpty()
                        ? ""
                        : ", " + changes(Kind.SKIPPED).size() + " skipped")
                + "; nothing removed");
        return lines;
    }
}
