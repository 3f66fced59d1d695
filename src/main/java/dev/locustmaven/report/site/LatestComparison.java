package dev.locustmaven.report.site;

import java.util.List;

/**
 * The latest paired comparison ({@code comparison.json} of {@code locust:check} after {@code locust:compare}), as the
 * page shows it: every value already in words.
 *
 * @param generatedAt when check wrote it, as ISO-8601 text; {@code null} when the file does not say
 */
public record LatestComparison(String verdict, String generatedAt, int pairs, double confidence, List<Row> rows) {

    public LatestComparison {
        rows = List.copyOf(rows);
    }

    /** One check: the values of both sides, the change and its interval, in the outputs' words. */
    public record Row(
            String service,
            String endpoint,
            String metric,
            String base,
            String change,
            String changeVsBase,
            String interval,
            String status) {}
}
