package dev.locustmaven.locust.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.locustmaven.io.AtomicFile;
import dev.locustmaven.locust.LocustRunException;
import dev.locustmaven.locust.RunLog;
import dev.locustmaven.locust.process.SystemUnderTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Runs every scenario against two systems that are up at the same time, the base and the change, alternating in the
 * order A B B A A B … for a number of pairs, so that whatever the machine does slowly over the series touches both
 * sides alike. Every run has the scenario's settings (users, spawn rate, warm-up, run time); only the host differs.
 *
 * <p>The base is started first, then the change; both stay up until the last run and are stopped also when a run
 * fails or the build is interrupted (their shutdown hooks stop them on Ctrl-C). A system that does not come up, or
 * that is found down before a run, or a run that produced no usable result, stops the series with a message naming
 * the system, the service and the run.
 */
public final class PairedSession {

    /** One of the two systems. */
    public enum Side {
        BASE("base"),
        CHANGE("change");

        private final String folder;

        Side(String folder) {
            this.folder = folder;
        }

        /** {@code base} or {@code change}: its word in messages and its runs' folders. */
        public String folder() {
            return folder;
        }
    }

    /**
     * A system to compare.
     *
     * @param host the base URL its runs use; {@code null} keeps each scenario's own host (the change's)
     */
    public record Target(SystemUnderTest processes, String host) {
        public Target {
            Objects.requireNonNull(processes, "processes");
        }
    }

    private final LocustSession.Launcher launcher;
    private final List<LocustScenario> scenarios;
    private final Target base;
    private final Target change;
    private final RunLog log;

    public PairedSession(
            LocustSession.Launcher launcher, List<LocustScenario> scenarios, Target base, Target change, RunLog log) {
        this.launcher = launcher;
        this.scenarios = List.copyOf(scenarios);
        this.base = base;
        this.change = change;
        this.log = log;
        if (scenarios.isEmpty()) {
            throw new IllegalArgumentException("a comparison needs at least one scenario");
        }
    }

    /**
     * Brings up both systems, runs every scenario {@code pairs} times against each in alternation into {@code layout},
     * writes its manifest, and stops both systems.
     *
     * @throws LocustRunException when a system does not come up or goes down, or a run fails; nothing is judged then
     */
    public void runAll(PairedLayout layout, int pairs) {
        if (pairs < 1) {
            throw new LocustRunException("pairs must be at least 1, not " + pairs + ".");
        }
        clear(layout.root());
        int runs = 2 * pairs;
        log.info("Comparing the change with the base: " + scenarios.size() + " scenario"
                + (scenarios.size() == 1 ? "" : "s") + ", " + pairs + (pairs == 1 ? " pair" : " pairs")
                + " of runs each"
                + " in the order base, change, change, base, …; runs in " + layout.root());
        try (SystemUnderTest.Running baseUp = start(Side.BASE, base, null);
                SystemUnderTest.Running changeUp = start(Side.CHANGE, change, Side.BASE)) {
            for (LocustScenario scenario : scenarios) {
                int run = 0;
                for (int pair = 1; pair <= pairs; pair++) {
                    List<Side> order =
                            pair % 2 == 1 ? List.of(Side.BASE, Side.CHANGE) : List.of(Side.CHANGE, Side.BASE);
                    for (Side side : order) {
                        run++;
                        String where = "run " + run + " of " + runs + " of " + scenario.name() + " (pair " + pair
                                + " of " + pairs + ", the " + side.folder() + ")";
                        requireUp(Side.BASE, baseUp, where);
                        requireUp(Side.CHANGE, changeUp, where);
                        log.info("Pair " + pair + " of " + pairs + " of " + scenario.name() + ": " + side.folder()
                                + " (run " + run + " of " + runs + ")");
                        ScenarioOutcome outcome = launcher.run(
                                on(scenario, side == Side.BASE ? base : change),
                                layout.run(side, pair).resolve(scenario.name()));
                        if (!outcome.usable()) {
                            outcome.logTail().forEach(line -> log.warn("  " + line));
                            throw new LocustRunException("The comparison stops at " + where + ": " + outcome.problem()
                                    + " Both systems are stopped; nothing is judged.");
                        }
                    }
                }
            }
        }
        writeManifest(layout, pairs);
        log.info("Compared " + pairs + (pairs == 1 ? " pair" : " pairs") + " of runs of "
                + String.join(", ", scenarios.stream().map(LocustScenario::name).toList())
                + "; check judges them in the verify phase.");
    }

    /** Starts one system; when it fails, says which, and that the other one is stopped or was never started. */
    private SystemUnderTest.Running start(Side side, Target system, Side startedBefore) {
        log.info("Starting the " + side.folder() + " system.");
        try {
            return system.processes().start(log);
        } catch (LocustRunException e) {
            String other = startedBefore == null
                    ? "the change was not started"
                    : "the " + startedBefore.folder() + " is stopped";
            // the cause may end with the process's log, so it comes last
            throw new LocustRunException(
                    "The " + side.folder() + " system did not start; " + other + ", and no Locust run was made: "
                            + e.getMessage(),
                    e);
        }
    }

    private static void requireUp(Side side, SystemUnderTest.Running running, String where) {
        String exited = running.exited();
        if (exited != null) {
            throw new LocustRunException("The " + side.folder() + " system is down before " + where
                    + "; the comparison stops, and both systems are stopped: " + exited);
        }
    }

    /** The scenario with the system's host, when it has one of its own. */
    private static LocustScenario on(LocustScenario s, Target system) {
        if (system.host() == null) {
            return s;
        }
        return new LocustScenario(
                s.name(),
                s.locustfiles(),
                s.userClasses(),
                s.tags(),
                s.excludeTags(),
                s.users(),
                s.spawnRate(),
                s.runTime(),
                s.warmUp(),
                system.host(),
                s.environment(),
                s.arguments(),
                s.distribution());
    }

    private void writeManifest(PairedLayout layout, int pairs) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("pairs", pairs);
        scenarios.forEach(s -> root.withArray("services").add(s.name()));
        root.put("base_host", base.host());
        root.put("change_host", change.host());
        try {
            AtomicFile.write(
                    layout.manifest(), json.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
        } catch (IOException e) {
            throw new LocustRunException("Cannot write " + layout.manifest() + ": " + e.getMessage(), e);
        }
    }

    /** An earlier comparison's runs must never be judged with this one's. */
    private static void clear(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new LocustRunException("Cannot remove the earlier comparison in " + root + ": " + e.getMessage(), e);
        }
    }
}
