package dev.locustmaven.check;

import dev.locustmaven.export.ExportException;
import dev.locustmaven.export.MetricsExport;
import dev.locustmaven.export.OpenMetricsFile;
import dev.locustmaven.export.PushgatewayExporter;
import dev.locustmaven.notify.GitHubContext;
import dev.locustmaven.notify.GitHubSettings;
import dev.locustmaven.notify.NotificationResult;
import dev.locustmaven.notify.RegressionNotifier;
import dev.locustmaven.notify.StepSummary;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tells people and systems about a verdict: the GitHub step summary, regression issues and pull-request comments,
 * the Prometheus Pushgateway and an OpenMetrics file. Each is optional, and none can change the verdict: a failure is
 * a warning for the log.
 *
 * @param pushgateway empty when nothing is pushed
 * @param openMetricsFile {@code null} when no file is written
 */
public record Publication(
        GitHubSettings github,
        GitHubContext githubContext,
        Map<String, String> environment,
        Optional<PushgatewayExporter> pushgateway,
        String job,
        Map<String, String> groupingKey,
        Path openMetricsFile) {

    /** What was done ({@code info}) and what went wrong ({@code warnings}), for the log. */
    public record Outcome(List<String> info, List<String> warnings) {}

    public Outcome publish(CheckResult result, Instant runTime) {
        List<String> info = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        NotificationResult notified = RegressionNotifier.of(github, githubContext)
                .notify(result.verdict(), result.markdown())
                .plus(StepSummary.append(environment, result.markdown()));
        info.addAll(notified.actions());
        info.addAll(notified.notes());
        warnings.addAll(notified.warnings());

        if (pushgateway.isEmpty() && openMetricsFile == null) {
            return new Outcome(info, warnings);
        }
        try {
            MetricsExport export = MetricsExport.of(result.measurements(), result.verdict(), runTime, job, groupingKey);
            warnings.addAll(export.warnings());
            pushgateway.ifPresent(gateway -> gateway.push(export)
                    .ifPresentOrElse(
                            warnings::add, () -> info.add("Pushed the run's metrics to " + gateway.url() + ".")));
            if (openMetricsFile != null) {
                OpenMetricsFile.write(export, openMetricsFile);
                info.add("Wrote the run's metrics to " + openMetricsFile + ".");
            }
        } catch (ExportException e) {
            warnings.add(e.getMessage() + " The verdict is not affected.");
        }
        return new Outcome(info, warnings);
    }

    /**
     * Publishes a paired comparison's report: the step summary and the pull-request comment. It opens no issue and
     * exports no metrics (the comparison's numbers are relative to a base that exists only in this build).
     */
    public Outcome publishComparison(String markdown) {
        NotificationResult notified = RegressionNotifier.of(github, githubContext)
                .commentOnPullRequest(markdown, "target/locust/" + ComparisonCheck.MARKDOWN)
                .plus(StepSummary.append(environment, markdown));
        List<String> info = new ArrayList<>(notified.actions());
        info.addAll(notified.notes());
        return new Outcome(info, notified.warnings());
    }
}
