package dev.locustmaven.statistical;

import java.time.Instant;

/**
 * One run's value of one series, with what identifies the run.
 *
 * @param runId the history record's run id; runs of the same build share it, which lets the gate line up the series of
 *     one build (may be null, then the time stands in)
 * @param time when the run was recorded (may be null for hand-made series)
 * @param commit the git commit of the run (may be null)
 */
public record SeriesPoint(String runId, Instant time, String commit, double value) {

    /** What lines this run up with the other series of the same build. */
    String buildKey() {
        return runId != null ? runId : String.valueOf(time);
    }
}
