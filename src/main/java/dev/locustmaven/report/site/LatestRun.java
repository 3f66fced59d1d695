package dev.locustmaven.report.site;

import dev.locustmaven.history.Fingerprint;
import dev.locustmaven.model.Status;
import dev.locustmaven.model.Verdict;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The latest checked run.
 *
 * @param level PASS, WARN or FAIL
 * @param verdict the checks of {@code verdict.json}; null when only the history knows the run (a fresh clone)
 * @param time when the run was checked, null when unknown
 * @param runId the history's run id, null when the run is not in the history
 * @param commit may be null
 * @param branch may be null
 * @param buildUrl the CI build, may be null
 * @param fingerprints how each service's run was made, empty when unknown
 */
public record LatestRun(
        Status level,
        Verdict verdict,
        Instant time,
        String runId,
        String commit,
        String branch,
        String buildUrl,
        Map<String, Fingerprint> fingerprints) {

    public LatestRun {
        fingerprints = Collections.unmodifiableMap(new TreeMap<>(fingerprints));
    }
}
