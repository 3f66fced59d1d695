package dev.locustmaven.history;

import java.time.Instant;
import java.util.List;

/**
 * Where a service's fingerprint changed in the history, so that the runs before it are no longer compared with the
 * runs from it on.
 *
 * @param runId the first run with the new fingerprint; {@code null} when that is the run being checked
 * @param time when that run was made
 * @param changes what changed, as {@link Fingerprint#changesFrom}
 */
public record SegmentBreak(String runId, Instant time, List<String> changes) {

    public SegmentBreak {
        changes = List.copyOf(changes);
    }

    /**
     * {@code Locust 2.43.4 -> 2.47.0: median semantics changed; history before run X not compared} (or {@code before
     * this run} when it starts with the run being checked).
     */
    public String describe() {
        return String.join("; ", changes) + "; history before " + (runId == null ? "this run" : "run " + runId)
                + " not compared";
    }
}
