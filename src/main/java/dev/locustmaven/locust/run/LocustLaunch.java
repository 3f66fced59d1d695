package dev.locustmaven.locust.run;

import dev.locustmaven.locust.LocustDuration;
import dev.locustmaven.locust.LocustRunException;
import dev.locustmaven.locust.install.LocustInstallation;
import dev.locustmaven.locust.process.LocustEnvironment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * The Locust processes of one scenario: the main process (standalone, or the master) and, when the installed Locust
 * cannot fork its own workers, the worker processes.
 *
 * @param main writes the CSV files, the HTML report and (through the helper) the final statistics
 * @param workers empty unless the load runs on separately started local workers
 */
public record LocustLaunch(LocustCommand main, List<LocustCommand> workers) {

    /**
     * The exit code Locust uses when requests failed or tasks raised ({@code --exit-code-on-error}). Locust's default
     * is 1, which also means "crashed", and locust-plugins' checks use 3; this value tells the cases apart.
     */
    public static final int EXIT_CODE_ON_ERROR = 42;

    /** Where the helper writes its status every second. */
    public static final String STATUS_ENV = "LOCUSTMAVEN_STATUS";
    /** Where the helper writes the final statistics. */
    public static final String FINAL_STATS_ENV = "LOCUSTMAVEN_FINAL_STATS";
    /** The detected version, for the final statistics when Locust reports none (Debian). */
    public static final String VERSION_ENV = "LOCUSTMAVEN_LOCUST_VERSION";
    /** The folder where each worker writes how many requests it sent. */
    public static final String WORKER_COUNTS_ENV = "LOCUSTMAVEN_WORKER_COUNTS";
    /** How many seconds the helper lets the load run before it resets Locust's statistics; 0 for no warm-up. */
    public static final String WARM_UP_ENV = "LOCUSTMAVEN_WARM_UP";
    /** Where the plugin writes why it stopped the run early, for the helper's final statistics. */
    public static final String EARLY_STOP_ENV = "LOCUSTMAVEN_EARLY_STOP";

    public LocustLaunch {
        workers = List.copyOf(workers);
    }

    /**
     * Builds the command lines: always headless, every option explicit, output into {@code layout}.
     *
     * @param workingDirectory where Locust runs (relative paths in the locustfile resolve against it)
     * @param freePort gives a free TCP port on 127.0.0.1 for a master with separately started local workers
     * @throws LocustRunException when the scenario needs something this Locust cannot do
     */
    public static LocustLaunch plan(
            LocustInstallation locust,
            LocustScenario scenario,
            OutputLayout layout,
            Path workingDirectory,
            IntSupplier freePort) {
        Distribution distribution = scenario.distribution();
        if (distribution.localWorkers() > 0 && !locust.reportsVersion()) {
            throw new LocustRunException("Scenario '" + scenario.name() + "' asks for " + distribution.localWorkers()
                    + " workers, but " + locust.describe() + " cannot run distributed: it reports an empty version"
                    + " (Debian's python3-locust package), so its master rejects its own workers as 'old (pre 2.0)'."
                    + " Set locustVersion (for example -Dlocust.locustVersion=2.47.0) to let the plugin install"
                    + " Locust, or run without workers.");
        }
        Map<String, String> env = environment(locust, scenario, layout);
        String locustfiles = locustfiles(layout, scenario);

        List<String> main = new ArrayList<>(List.of(locust.executable().toString(), "-f", locustfiles, "--headless"));
        main.addAll(List.of("-u", Integer.toString(scenario.users())));
        main.addAll(List.of("-r", scenario.spawnRateText()));
        // Locust's run time covers the warm-up too; the helper resets the statistics when the warm-up ends
        main.addAll(List.of("-t", LocustDuration.toLocust(scenario.loadTime())));
        if (scenario.host() != null) {
            main.addAll(List.of("-H", scenario.host()));
        }
        main.addAll(List.of("--csv", layout.csvPrefix().toString()));
        main.addAll(List.of("--html", layout.html().toString()));
        // the helper reports progress, so Locust's own 2-second tables would only bloat the log
        main.add("--only-summary");
        addTags(main, scenario);

        List<LocustCommand> workers = new ArrayList<>();
        if (distribution.localWorkers() > 0 && locust.features().processes()) {
            main.addAll(List.of("--processes", Integer.toString(distribution.localWorkers())));
            addMaxWait(main, locust, distribution);
        } else if (distribution.localWorkers() > 0) {
            int port = freePort.getAsInt();
            main.addAll(List.of("--master", "--master-bind-host", "127.0.0.1"));
            main.addAll(List.of("--master-bind-port", Integer.toString(port)));
            main.addAll(List.of("--expect-workers", Integer.toString(distribution.localWorkers())));
            addMaxWait(main, locust, distribution);
            for (int i = 0; i < distribution.localWorkers(); i++) {
                List<String> worker =
                        new ArrayList<>(List.of(locust.executable().toString(), "-f", locustfiles));
                worker.addAll(
                        List.of("--worker", "--master-host", "127.0.0.1", "--master-port", Integer.toString(port)));
                addTags(worker, scenario);
                workers.add(new LocustCommand(worker, env, workingDirectory));
            }
        } else if (distribution.expectWorkers() > 0) {
            main.addAll(List.of("--master", "--master-bind-host", distribution.masterBindHost()));
            main.addAll(List.of("--master-bind-port", Integer.toString(distribution.masterBindPort())));
            main.addAll(List.of("--expect-workers", Integer.toString(distribution.expectWorkers())));
            addMaxWait(main, locust, distribution);
        }
        main.addAll(scenario.arguments());
        // a single-valued option before the positional User classes, so that no nargs option (--tags) swallows them
        main.addAll(List.of("--exit-code-on-error", Integer.toString(EXIT_CODE_ON_ERROR)));
        main.addAll(scenario.userClasses());
        return new LocustLaunch(new LocustCommand(main, env, workingDirectory), workers);
    }

    private static String locustfiles(OutputLayout layout, LocustScenario scenario) {
        List<String> files = new ArrayList<>();
        files.add(layout.helper().toAbsolutePath().toString());
        for (Path file : scenario.locustfiles()) {
            String text = file.toAbsolutePath().toString();
            if (text.contains(",")) {
                throw new LocustRunException("Locustfile path " + file + " contains a comma, which Locust reads as a"
                        + " separator between locustfiles; rename or move it.");
            }
            files.add(text);
        }
        return String.join(",", files);
    }

    private static void addTags(List<String> args, LocustScenario scenario) {
        if (!scenario.tags().isEmpty()) {
            args.add("--tags");
            args.addAll(scenario.tags());
        }
        if (!scenario.excludeTags().isEmpty()) {
            args.add("--exclude-tags");
            args.addAll(scenario.excludeTags());
        }
    }

    private static void addMaxWait(List<String> args, LocustInstallation locust, Distribution distribution) {
        if (locust.features().expectWorkersMaxWait()) {
            args.addAll(List.of(
                    "--expect-workers-max-wait",
                    Long.toString(Math.max(1, distribution.workerTimeout().toSeconds()))));
        }
    }

    private static Map<String, String> environment(
            LocustInstallation locust, LocustScenario scenario, OutputLayout layout) {
        Map<String, String> own = new HashMap<>();
        own.put(STATUS_ENV, layout.status().toAbsolutePath().toString());
        own.put(FINAL_STATS_ENV, layout.finalStats().toAbsolutePath().toString());
        own.put(WORKER_COUNTS_ENV, layout.workerCounts().toAbsolutePath().toString());
        own.put(EARLY_STOP_ENV, layout.earlyStop().toAbsolutePath().toString());
        own.put(WARM_UP_ENV, Long.toString(scenario.warmUp().toSeconds()));
        if (locust.version() != null) {
            own.put(VERSION_ENV, locust.version().text());
        }
        Map<String, String> env = LocustEnvironment.scrubbed(scenario.environment());
        env.putAll(own);
        return env;
    }
}
