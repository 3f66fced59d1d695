package dev.locustmaven.notify;

import static org.assertj.core.api.Assertions.assertThat;

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
