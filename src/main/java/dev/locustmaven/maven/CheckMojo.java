package dev.locustmaven.maven;

import dev.locustmaven.check.CheckRequest;
import dev.locustmaven.check.CheckResult;
import dev.locustmaven.check.PerformanceCheck;
import dev.locustmaven.gate.ThresholdRule;
import dev.locustmaven.model.Check;
import dev.locustmaven.model.Status;
import dev.locustmaven.model.Verdict;
import dev.locustmaven.report.ConsoleReport;
import dev.locustmaven.report.ReportContext;
import java.io.File;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Compares what Locust measured with the committed baseline under the threshold rules, writes the verdict
 * ({@code verdict.json}, {@code report.md}, {@code TEST-locust.xml}) and fails the build on a FAIL verdict.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractLocustMojo {

    /**
     * The threshold rules. Each names a {@code service} (absent or {@code *}: every service), a {@code metric} (a name
     * or a glob such as {@code *_p95_ms}), optionally an {@code endpoint}, and a {@code warning} and/or {@code fail}
     * level: {@code +20%} (relative change, the sign says which way is worse), {@code +0.5} (absolute change), or a
     * fixed limit such as {@code > 1}, {@code >= 800}, {@code == false}.
     */
    @Parameter
    private List<ThresholdRule> thresholds = new ArrayList<>();

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

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping the Locust check (locust.skip).");
            return;
        }
        CheckResult result;
        try {
            result = new PerformanceCheck()
                    .run(new CheckRequest(
                            resultsDirectory.toPath(),
                            baselineFile.toPath(),
                            reportDirectory.toPath(),
                            thresholds == null ? List.of() : thresholds,
                            metrics(),
                            Instant.now(),
                            ReportContext.none()));
        } catch (RuntimeException e) {
            throw Failures.asExecutionException(e);
        }
        result.notes().forEach(getLog()::info);
        log(result.verdict());
        getLog().info("Verdict written to " + result.outputs().get(0));
        decide(result.verdict());
    }

    private void log(Verdict verdict) {
        for (String line : ConsoleReport.lines(verdict)) {
            if (line.startsWith("FAIL") || line.startsWith("MISSING")) {
                getLog().error(line);
            } else if (line.startsWith("WARN") || line.startsWith("NO_BASELINE")) {
                getLog().warn(line);
            } else {
                getLog().info(line);
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
            throw new MojoFailureException("Performance regression: " + failing.size() + " check"
                    + (failing.size() == 1 ? "" : "s") + " failed.\n  " + String.join("\n  ", describe(failing)));
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
