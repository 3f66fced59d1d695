package dev.locustmaven.report;

import java.time.Instant;

/**
 * Where and when the checked run was made, for the Markdown header. Every field may be {@code null}.
 *
 * @param buildLink a link to the CI build, e.g. a GitHub Actions run
 */
public record ReportContext(Instant time, String gitCommit, String branch, String buildLink) {

    public static ReportContext none() {
        return new ReportContext(null, null, null, null);
    }
}
