package dev.locustmaven.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locustmaven.export.PushgatewayExporter;
import dev.locustmaven.notify.GitHubContext;
import dev.locustmaven.notify.GitHubSettings;
import dev.locustmaven.notify.StepSummary;
import dev.locustmaven.report.ComparisonMarkdown;
import dev.locustmaven.report.ReportContext;
import dev.locustmaven.report.SampleComparison;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublicationTest {

    @Test
    void aComparisonGoesToTheStepSummaryAndThePullRequestButNotToTheMetricsExports(@TempDir Path tmp) throws Exception {
        Path summary = tmp.resolve("step_summary");
        Files.writeString(summary, "## Unit tests\n\n42 passed\n");
        Path event = tmp.resolve("event.json");
        Files.writeString(event, "{\"number\":42,\"pull_request\":{\"number\":42}}");
        // A pull-request run whose token is missing: the comment is attempted and says why it was not written.
        Map<String, String> env = Map.of(
                StepSummary.VARIABLE,
                summary.toString(),
                "GITHUB_REPOSITORY",
                "octo-org/shop",
                "GITHUB_EVENT_NAME",
                "pull_request",
                "GITHUB_EVENT_PATH",
                event.toString());
        Path openMetrics = tmp.resolve("metrics.om");
        Publication publication = new Publication(
                GitHubSettings.defaults().withCommentOnPullRequest(true),
                GitHubContext.fromEnvironment(env, GitHubContext.Overrides.none()),
                env,
                Optional.of(PushgatewayExporter.forUrl("http://127.0.0.1:1")),
                "locust",
                Map.of(),
                openMetrics);
        String markdown = ComparisonMarkdown.render(SampleComparison.build(), ReportContext.none());

        Publication.Outcome outcome = publication.publishComparison(markdown);

        assertThat(outcome.info()).containsExactly("Added the report to the job summary " + summary);
        assertThat(outcome.warnings()).singleElement().asString().startsWith("No GitHub token: set the");
        assertThat(Files.readString(summary)).isEqualTo("## Unit tests\n\n42 passed\n" + markdown + "\n");
        assertThat(openMetrics).doesNotExist();
    }
}
