package dev.locustmaven.maven;

import dev.locustmaven.check.CheckRequest;
import dev.locustmaven.check.CheckResult;
import dev.locustmaven.check.ComparisonCheck;
import dev.locustmaven.check.Confirmation;
import dev.locustmaven.check.HistoryOptions;
import dev.locustmaven.check.NoMeasurement;
import dev.locustmaven.check.PerformanceCheck;
import dev.locustmaven.check.Publication;
import dev.locustmaven.check.StatisticalChecks;
import dev.locustmaven.compare.Comparison;
import dev.locustmaven.compare.PairedCheck;
import dev.locustmaven.export.PushgatewayExporter;
import dev.locustmaven.history.BuildEnvironment;
import dev.locustmaven.history.HistoryRecording;
import dev.locustmaven.locust.run.ScenarioRunner;
import dev.locustmaven.machine.CalibrationSteps;
import dev.locustmaven.machine.Calibrator;
import dev.locustmaven.machine.MachineMode;
import dev.locustmaven.machine.MachineOptions;
import dev.locustmaven.model.Check;
import dev.locustmaven.model.Status;
import dev.locustmaven.model.Verdict;
import dev.locustmaven.notify.GitHubContext;
import dev.locustmaven.notify.GitHubSettings;
import dev.locustmaven.notify.IssueLevel;
import dev.locustmaven.notify.Secret;
import dev.locustmaven.report.ComparisonConsole;
import dev.locustmaven.report.ConsoleReport;
import dev.locustmaven.report.ReportContext;
import java.io.File;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Settings;

/**
 * Compares what Locust measured with the committed baseline under the threshold rules, writes the verdict
 * ({@code verdict.json}, {@code report.md}, {@code TEST-locust.xml}) and fails the build on a FAIL verdict. After
 * {@code compare} ({@code <resultsDirectory>/compare/pairs.json} exists) it judges the change against the base
 * measured in the same build instead, under the same rules, and writes {@code comparison.json}, {@code comparison.md}
 * and {@code TEST-locust-compare.xml}.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractThresholdMojo {

    /**
     * Fails the build when the verdict is FAIL (or WARN with {@code failOnWarning}); with {@code false} the verdict is
     * only logged and written, and the build goes on whatever it is.
     */
    @Parameter(property = "locust.haltOnFailure", defaultValue = "true")
    private boolean haltOnFailure;

    /** Fails the build when the verdict is WARN too. */
    @Parameter(property = "locust.failOnWarning", defaultValue = "false")
    private boolean failOnWarning;

    /** Where {@code verdict.json}, {@code report.md} and {@code TEST-locust.xml} are written. */
    @Parameter(property = "locust.reportDirectory", defaultValue = "${project.build.directory}/locust")
    private File reportDirectory;

    /** The verdict from which a GitHub regression issue is opened: {@code FAIL}, {@code WARN} or {@code OFF}. */
    @Parameter(property = "locust.github.issueLevel", defaultValue = "FAIL")
    private String githubIssueLevel;

    /** Comma-separated labels of a regression issue; also how the plugin finds its open issues again. */
    @Parameter(property = "locust.github.labels", defaultValue = "performance,regression,ci")
    private String githubLabels;

    /** Comma-separated branches whose runs may open, comment on and close issues; default: the default branch. */
    @Parameter(property = "locust.github.branches")
    private String githubBranches;

    /** Also open and comment on regression issues from pull-request runs. */
    @Parameter(property = "locust.github.issueOnPullRequest", defaultValue = "false")
    private boolean githubIssueOnPullRequest;

    /** A passing run comments on and closes the open regression issues the plugin opened for its branch. */
    @Parameter(property = "locust.github.closeOnRecovery", defaultValue = "false")
    private boolean githubCloseOnRecovery;

    /** In a pull-request run, keep one comment with the report on the pull request, updated on every run. */
    @Parameter(property = "locust.github.commentOnPullRequest", defaultValue = "false")
    private boolean githubCommentOnPullRequest;

    /** The name of the environment variable that holds the GitHub token (never the token itself). */
    @Parameter(property = "locust.github.tokenVariable", defaultValue = "GITHUB_TOKEN")
    private String githubTokenVariable;

    /** The id of a {@code <server>} in settings.xml whose password is the GitHub token; wins over the variable. */
    @Parameter(property = "locust.github.serverId")
    private String githubServerId;

    /** The GitHub REST API base; default {@code GITHUB_API_URL}, else {@code https://api.github.com}. */
    @Parameter(property = "locust.github.apiUrl")
    private String githubApiUrl;

    /** {@code owner/name} of the repository; default {@code GITHUB_REPOSITORY}. */
    @Parameter(property = "locust.github.repository")
    private String githubRepository;

    /** The branch of this run; default from the CI's variables. */
    @Parameter(property = "locust.github.branch")
    private String githubBranch;

    /** The commit named in issues and comments; default from the CI's variables. */
    @Parameter(property = "locust.github.commit")
    private String githubCommit;

    /** The link to the CI run; default from the CI's variables. */
    @Parameter(property = "locust.github.runUrl")
    private String githubRunUrl;

    /** The pull request number; setting it makes this a pull-request run. */
    @Parameter(property = "locust.github.pullRequest")
    private Integer githubPullRequest;

    /** The root-cause checklist of a new regression issue; default: the plugin's own checklist. */
    @Parameter
    private List<String> githubChecklist;

    /** Base URL of a Prometheus Pushgateway to push the run's metrics to; none by default. */
    @Parameter(property = "locust.pushgatewayUrl")
    private String pushgatewayUrl;

    /** Where to write the run's metrics in the OpenMetrics text format; none by default. */
    @Parameter(property = "locust.openMetricsFile")
    private File openMetricsFile;

    @Parameter(defaultValue = "${settings}", readonly = true)
    private Settings settings;

    /**
     * Whether this run is appended to the history file: {@code auto} records CI builds of a branch only (not a build on
     * a developer's machine, not a pull- or merge-request build), {@code true} always, {@code false} never. The history
     * is read for trends and the statistical gate either way; the build log says which applied.
     */
    @Parameter(property = "locust.recordHistory", defaultValue = "auto")
    private String recordHistory;

    /** After appending, keep only the newest this many records; 0 keeps all. */
    @Parameter(property = "locust.historyMaxRuns", defaultValue = "0")
    private int historyMaxRuns;

    /** After appending, drop the records older than this many days; 0 keeps all. */
    @Parameter(property = "locust.historyMaxAgeDays", defaultValue = "0")
    private int historyMaxAgeDays;

    /**
     * The statistical gate over the comparable history: {@code off}, {@code warn} (findings warn) or {@code fail}
     * (findings significant after Holm's correction fail the build).
     */
    @Parameter(property = "locust.statisticalGate", defaultValue = "warn")
    private String statisticalGate;

    /** Comparable runs since the last accepted change a series needs before the statistical gate judges it; 10. */
    @Parameter(property = "locust.minHistory")
    private Integer minHistory;

    /**
     * When a rule fails for a service, rerun its scenario up to this many times and decide on the reruns pooled into
     * one result, as if Locust had measured them as one longer run (the first run only raised the question); it stops
     * early once the pooled reruns settle every rule of the service beyond sampling error, one way or the other.
     * Default: 4 when the {@code run} goal ran in this build (it leaves the scenarios to rerun), else 0.
     */
    @Parameter(property = "locust.confirmRuns")
    private Integer confirmRuns;

    /**
     * How many times as slow as when quiet (its calibration against the quietest fifth of the earlier builds') the
     * machine is when it counts as overloaded: with {@code locust.machineCalibration=reclassify}, every latency
     * failure of an overloaded build is reported as a warning, "machine overloaded", instead of a regression, unless
     * it goes beyond what its service's other endpoints share by more than its fail level. At
     * least 1.5; {@code off} never counts a machine as overloaded.
     */
    @Parameter(property = "locust.machineOverloadFactor", defaultValue = "3")
    private String machineOverloadFactor;

    /** Skips this goal only; {@code locust.skip} skips every goal but the site's page. */
    @Parameter(property = "locust.check.skip", defaultValue = "false")
    private boolean skipCheck;

    @Override
    protected String goal() {
        return "check";
    }

    @Override
    protected boolean skipsGoal() {
        return skipCheck;
    }

    @Override
    protected void run() throws MojoFailureException {
        Publication publication = publication();
        Instant now = Instant.now();
        if (ComparisonCheck.ranIn(resultsDirectory.toPath())) {
            judgeComparison(publication, now);
            return;
        }
        double overloadFactor = MachineOptions.parseOverloadFactor(machineOverloadFactor);
        MachineOptions machine = CalibrationSteps.forCheck(
                        MachineMode.parse(machineCalibration),
                        resultsDirectory.toPath(),
                        new Calibrator(),
                        new MavenRunLog(getLog()))
                .withOverloadFactor(overloadFactor);
        CheckResult result = new PerformanceCheck()
                .check(new CheckRequest(
                        resultsDirectory.toPath(),
                        baselineFile.toPath(),
                        reportDirectory.toPath(),
                        thresholdRules(),
                        metrics(),
                        now,
                        reportContext(publication, now),
                        history(),
                        significanceOn(),
                        confidence(),
                        machine,
                        confirmation()));
        result.notes().forEach(getLog()::info);
        result.warnings().forEach(getLog()::warn);
        result.trends().forEach(getLog()::warn);
        log(result.verdict());
        getLog().info("Verdict written to " + result.outputs().get(0));
        Publication.Outcome published = publication.publish(result, now);
        published.info().forEach(getLog()::info);
        published.warnings().forEach(getLog()::warn);
        decide(result.verdict());
    }

    /** Where and when the reports say the build ran: the commit, branch and CI run GitHub knows of. */
    private static ReportContext reportContext(Publication publication, Instant now) {
        return new ReportContext(
                now,
                publication.githubContext().commit(),
                publication.githubContext().branch(),
                publication.githubContext().runUrl());
    }

    /**
     * After {@code compare}: the change judged against the base measured in this build, its outputs, and the build's
     * failure on a FAIL. The history, the Pushgateway and the issues are left alone: their numbers are of runs, not of
     * a change relative to a base.
     */
    private void judgeComparison(Publication publication, Instant now) throws MojoFailureException {
        ComparisonCheck.Result result = new ComparisonCheck()
                .check(new ComparisonCheck.Request(
                        resultsDirectory.toPath(),
                        reportDirectory.toPath(),
                        thresholdRules(),
                        metrics(),
                        now,
                        reportContext(publication, now),
                        significanceOn(),
                        confidence()));
        Comparison comparison = result.comparison();
        for (String line : ComparisonConsole.lines(comparison)) {
            if (line.startsWith(Status.FAIL + " ") || line.startsWith(Status.MISSING + " ")) {
                getLog().error(line);
            } else if (line.startsWith(Status.WARN + " ") || line.startsWith(Status.NO_BASELINE + " ")) {
                getLog().warn(line);
            } else {
                getLog().info(line);
            }
        }
        getLog().info("Comparison written to " + result.outputs().get(0));
        Publication.Outcome published = publication.publishComparison(result.markdown());
        published.info().forEach(getLog()::info);
        published.warnings().forEach(getLog()::warn);
        if (!haltOnFailure) {
            return;
        }
        List<PairedCheck> failing =
                comparison.checks().stream().filter(PairedCheck::failsBuild).toList();
        if (comparison.level() == Status.FAIL) {
            throw new MojoFailureException("Performance regression against the base: " + failing.size() + " check"
                    + (failing.size() == 1 ? "" : "s") + " failed.\n  "
                    + String.join(
                            "\n  ", failing.stream().map(PairedCheck::message).toList()));
        }
        if (comparison.level() == Status.WARN && failOnWarning) {
            List<PairedCheck> warnings = comparison.withStatus(Status.WARN);
            throw new MojoFailureException("Performance warnings fail the build (locust.failOnWarning): "
                    + warnings.size() + " check" + (warnings.size() == 1 ? "" : "s") + " warned.\n  "
                    + String.join(
                            "\n  ", warnings.stream().map(PairedCheck::message).toList()));
        }
    }

    /** The confirmation runs: the {@code run} goal of this build left its scenario runner in the project context. */
    private Confirmation confirmation() {
        Object runner = project == null ? null : project.getContextValue(RunMojo.SCENARIO_RUNNER_KEY);
        if (!(runner instanceof ScenarioRunner scenarios)) {
            if (confirmRuns != null && confirmRuns > 0) {
                getLog().warn("locust.confirmRuns=" + confirmRuns
                        + " needs the run goal in the same build to rerun the scenarios; no confirmation runs.");
            }
            return Confirmation.none();
        }
        return new Confirmation(scenarios, confirmRuns == null ? Confirmation.DEFAULT_RUNS : confirmRuns);
    }

    private HistoryOptions history() {
        Path folder = project != null && project.getBasedir() != null
                ? project.getBasedir().toPath()
                : Path.of("").toAbsolutePath();
        HistoryRecording recording = HistoryRecording.decide(recordHistory, System.getenv());
        getLog().info(recording.describe(historyFile.toPath()));
        return new HistoryOptions(
                historyFile.toPath(),
                recording.record(),
                testEnvironment,
                historyMaxRuns,
                historyMaxAgeDays,
                BuildEnvironment.detect(folder),
                StatisticalChecks.settings(statisticalGate, minHistory));
    }

    /** Binds the notification and export parameters, so that a wrong one fails before any work. */
    private Publication publication() {
        Map<String, String> environment = System.getenv();
        Secret token = null;
        String tokenSource = null;
        if (githubServerId != null && settings != null && settings.getServer(githubServerId) != null) {
            token = Secret.of(settings.getServer(githubServerId).getPassword());
            tokenSource = "server '" + githubServerId + "' in settings.xml";
        }
        GitHubSettings github = GitHubSettings.defaults()
                .withIssueLevel(IssueLevel.parse(githubIssueLevel))
                .withLabels(GitHubSettings.splitList(githubLabels))
                .withBranches(GitHubSettings.splitList(githubBranches))
                .withIssueOnPullRequest(githubIssueOnPullRequest)
                .withCloseOnRecovery(githubCloseOnRecovery)
                .withCommentOnPullRequest(githubCommentOnPullRequest);
        if (githubChecklist != null && !githubChecklist.isEmpty()) {
            github = github.withChecklist(githubChecklist);
        }
        GitHubContext context = GitHubContext.fromEnvironment(
                environment,
                new GitHubContext.Overrides(
                        githubApiUrl,
                        githubRepository,
                        token,
                        tokenSource,
                        githubTokenVariable,
                        githubBranch,
                        githubCommit,
                        githubRunUrl,
                        githubPullRequest));
        Optional<PushgatewayExporter> pushgateway = pushgatewayUrl == null || pushgatewayUrl.isBlank()
                ? Optional.empty()
                : Optional.of(PushgatewayExporter.forUrl(pushgatewayUrl));
        Map<String, String> grouping = pushgatewayInstance == null || pushgatewayInstance.isBlank()
                ? Map.of()
                : Map.of("instance", pushgatewayInstance);
        return new Publication(
                github,
                context,
                environment,
                pushgateway,
                pushgatewayJob,
                grouping,
                openMetricsFile == null ? null : openMetricsFile.toPath());
    }

    private void log(Verdict verdict) {
        for (ConsoleReport.Line line : ConsoleReport.statusLines(verdict)) {
            switch (line.level()) {
                case ERROR -> getLog().error(line.text());
                case WARNING -> getLog().warn(line.text());
                case INFO -> getLog().info(line.text());
            }
        }
    }

    private void decide(Verdict verdict) throws MojoFailureException {
        if (!haltOnFailure) {
            return;
        }
        List<Check> failing =
                verdict.checks().stream().filter(Check::failsBuild).toList();
        if (verdict.level() == Status.FAIL) {
            // a service that is down is no regression: say what happened
            boolean nothingMeasured = failing.stream().allMatch(c -> NoMeasurement.RULE.equals(c.rule()));
            String header = nothingMeasured
                    ? "No measurement: " + failing.size() + " service" + (failing.size() == 1 ? "" : "s")
                            + " measured nothing."
                    : "Performance regression: " + failing.size() + " check" + (failing.size() == 1 ? "" : "s")
                            + " failed.";
            throw new MojoFailureException(header + "\n  " + String.join("\n  ", describe(failing)));
        }
        if (verdict.level() == Status.WARN && failOnWarning) {
            List<Check> warnings = verdict.withStatus(Status.WARN);
            throw new MojoFailureException("Performance warnings fail the build (locust.failOnWarning): "
                    + warnings.size() + " check" + (warnings.size() == 1 ? "" : "s") + " warned.\n  "
                    + String.join("\n  ", describe(warnings)));
        }
    }

    private static List<String> describe(List<Check> checks) {
        return checks.stream().map(Check::message).toList();
    }
}
