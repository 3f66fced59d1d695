package dev.locustmaven.report.site;

import dev.locustmaven.model.Status;
import java.time.Instant;

/**
 * One recorded run, as the page names it.
 *
 * @param commit may be null
 * @param verdict the run's verdict: PASS, WARN or FAIL
 */
public record RunRef(Instant time, String runId, String commit, Status verdict) {}
