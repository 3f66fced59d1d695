package dev.locustmaven.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locustmaven.report.ComparisonMarkdown;
import dev.locustmaven.report.ReportContext;
import dev.locustmaven.report.SampleComparison;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StepSummaryTest {

    @Test
    void appendsTheReportToTheSummaryFile(@TempDir Path tmp) throws Exception {
        Path summary = tmp.resolve("step_summary");
        Files.writeString(summary, "## Unit tests\n\n42 passed\n");
        Map<String, String> env = Map.of(StepSummary.VARIABLE, summary.toString());

        NotificationResult result = StepSummary.append(env, "# Performance check: PASS\n\n| a | b |");

        assertThat(result.actions()).containsExactly("Added the report to the job summary " + summary);
        assertThat(Files.readString(summary))
                .isEqualTo("## Unit tests\n\n42 passed\n# Performance check: PASS\n\n| a | b |\n\n");
    }

    @Test
    void aComparisonIsAppendedAfterTheSummaryOfTheEarlierSteps(@TempDir Path tmp) throws Exception {
        Path summary = tmp.resolve("step_summary");
        String earlier = "## Locust check: PASS\n\n3 passed against the baseline.\n";
        Files.writeString(summary, earlier);
        String comparison = ComparisonMarkdown.render(SampleComparison.build(), ReportContext.none());

        NotificationResult result = StepSummary.append(Map.of(StepSummary.VARIABLE, summary.toString()), comparison);

        assertThat(result.warnings()).isEmpty();
        assertThat(Files.readString(summary)).isEqualTo(earlier + comparison + "\n");
        assertThat(Files.readString(summary))
                .contains("#### orders\n\n| Metric | Base | Change | Change vs base | Interval | Rule | Status |\n"
                        + "|---|---:|---:|---:|---|---|---|\n"
                        + "| error_rate_pct | 0.5% | 0.5% | +0 pp | -0.292 pp to +0.292 pp | warning +0.5 / fail +1 |"
                        + " PASS |\n");
    }

    @Test
    void doesNothingOutsideGitHubActions() {
        assertThat(StepSummary.append(Map.of(), "report").all()).isEmpty();
    }

    @Test
    void anUnwritableSummaryIsAWarning(@TempDir Path tmp) {
        Path missingFolder = tmp.resolve("no/such/folder/summary");

        NotificationResult result = StepSummary.append(missingFolder, "report");

        assertThat(result.warnings())
                .singleElement()
                .asString()
                .startsWith("Could not add the report to the job summary " + missingFolder);
    }
}
