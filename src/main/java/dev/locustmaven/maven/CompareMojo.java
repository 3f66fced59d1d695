package dev.locustmaven.maven;

import dev.locustmaven.failure.ConfigurationException;
import dev.locustmaven.locust.RunLog;
import dev.locustmaven.locust.run.PairedLayout;
import dev.locustmaven.locust.run.PairedSession;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Measures the change against its base on the same machine at the same time: brings up both systems (the base from
 * {@code <base>}, the change from {@code <processes>} and {@code <host>}, as {@code run} would test it), and runs
 * every scenario against them in the order base, change, change, base, … for {@code pairs} pairs, every run with the
 * same settings. The runs go to {@code <resultsDirectory>/compare/}; {@code check}, in the verify phase, judges the
 * change relative to the base and fails the build there. Fails when a system does not start or goes down, or a run
 * produces no result.
 */
@Mojo(name = "compare", defaultPhase = LifecyclePhase.INTEGRATION_TEST, threadSafe = true)
public class CompareMojo extends AbstractRunMojo {

    /** The base system: {@code host} (required), {@code processes}, {@code waitFor} and {@code waitForTimeout}. */
    @Parameter
    private BaseSystem base;

    /** How many pairs of runs (one of the base, one of the change) each scenario makes. */
    @Parameter(property = "locust.pairs", defaultValue = "3")
    private int pairs;

    /** Skips this goal only; {@code locust.skip} skips every goal but the site's page. */
    @Parameter(property = "locust.compare.skip", defaultValue = "false")
    private boolean skipCompare;

    @Override
    protected String goal() {
        return "compare";
    }

    @Override
    protected boolean skipsGoal() {
        return skipCompare;
    }

    @Override
    protected void run() {
        if (base == null || base.getHost() == null || base.getHost().isBlank()) {
            throw new ConfigurationException("locust:compare needs the base system's URL in <base><host>"
                    + " (and usually its <processes>); the change is the system <host> and <processes> describe.");
        }
        if (pairs < 1) {
            throw new ConfigurationException("pairs (locust.pairs) must be at least 1, not " + pairs + ".");
        }
        requireOwnProcessNames();
        RunLog log = new MavenRunLog(getLog());
        PairedSession.Target baseTarget = new PairedSession.Target(
                system(base.getProcesses(), base.getWaitFor(), base.getWaitForTimeout(), "base."),
                base.getHost().trim());
        PairedSession.Target changeTarget = new PairedSession.Target(
                system(processes, waitFor, waitForTimeout, ""), host == null || host.isBlank() ? null : host.trim());
        new PairedSession(runner(log)::run, scenarios(), baseTarget, changeTarget, log)
                .runAll(PairedLayout.in(resultsDirectory.toPath()), pairs);
    }

    /** Each process's name names its log file, so the base's and the change's must differ. */
    private void requireOwnProcessNames() {
        Set<String> names = new HashSet<>();
        for (List<BackgroundProcessConfig> list : List.of(
                base.getProcesses() == null ? List.<BackgroundProcessConfig>of() : base.getProcesses(),
                processes == null ? List.<BackgroundProcessConfig>of() : processes)) {
            for (BackgroundProcessConfig process : list) {
                if (process.getName() != null && !names.add(process.getName())) {
                    throw new ConfigurationException("Two processes are named '" + process.getName()
                            + "'; give the base's and the change's processes names of their own (a name also names"
                            + " the process's log file).");
                }
            }
        }
    }
}
