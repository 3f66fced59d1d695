package dev.locustmaven.locust.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.locustmaven.locust.LocustRunException;
import dev.locustmaven.locust.install.TestLocusts;
import dev.locustmaven.locust.process.BackgroundProcessSpec;
import dev.locustmaven.locust.process.SystemUnderTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The order of a comparison's runs, the host and folder of each, and how the series stops, with real background
 * processes and a Locust stand-in (the real Locust runs in the compare ITs).
 */
class PairedSessionTest {

    private static final String BASE_HOST = "http://127.0.0.1:1/";
    private static final String CHANGE_HOST = "http://127.0.0.1:2/";

    @TempDir
    Path dir;

    private final TestLocusts.Lines log = new TestLocusts.Lines();
    /** What each run was: its host, its folder relative to the comparison's, and whether both systems were up. */
    private final List<String> runs = new ArrayList<>();

    @AfterEach
    void nothingIsLeftRunning() {
        started()
                .forEach(pid -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive))
                        .as("process %d", pid)
                        .isEmpty());
    }

    @Test
    void eachScenarioRunsBaseChangeChangeBaseAgainstItsOwnHostWithBothSystemsUp() throws Exception {
        PairedLayout layout = PairedLayout.in(dir.resolve("locust"));

        session(process("base", "sleep", "600"), this::record).runAll(layout, 2);

        assertThat(runs)
                .containsExactly(
                        BASE_HOST + " base-1/api up",
                        CHANGE_HOST + " change-1/api up",
                        CHANGE_HOST + " change-2/api up",
                        BASE_HOST + " base-2/api up",
                        BASE_HOST + " base-1/orders up",
                        CHANGE_HOST + " change-1/orders up",
                        CHANGE_HOST + " change-2/orders up",
                        BASE_HOST + " base-2/orders up");
        assertThat(log.info)
                .containsSubsequence(
                        "Starting the base system.",
                        "Starting the change system.",
                        "Pair 1 of 2 of api: base (run 1 of 4)",
                        "Pair 1 of 2 of api: change (run 2 of 4)",
                        "Pair 2 of 2 of api: change (run 3 of 4)",
                        "Pair 2 of 2 of api: base (run 4 of 4)",
                        "Pair 1 of 2 of orders: base (run 1 of 4)",
                        "Compared 2 pairs of runs of api, orders; check judges them in the verify phase.");
        assertThat(Files.readString(layout.manifest())).contains("\"pairs\" : 2", "\"api\", \"orders\"");
    }

    @Test
    void aBaseFoundDownBeforeTheFirstRunStopsTheChangeAndNoRunIsMade() {
        // the change is ready only after half a second, by when the base has surely exited
        BackgroundProcessSpec slowChange = new BackgroundProcessSpec(
                "change",
                List.of("sh", "-c", "sleep 0.5; echo ready; exec sleep 600"),
                dir,
                Map.of(),
                null,
                "ready",
                null,
                dir.resolve("change.log"));
        PairedSession session = session(process("base", "sh", "-c", "echo no jar; exit 3"), slowChange, this::record);

        assertThatThrownBy(() -> session.runAll(PairedLayout.in(dir.resolve("locust")), 2))
                .isInstanceOf(LocustRunException.class)
                .hasMessageStartingWith("The base system is down before run 1 of 4 of api (pair 1 of 2, the base); the"
                        + " comparison stops, and both systems are stopped: Process 'base' exited with code 3; see ")
                .hasMessageEndingWith("no jar");
        assertThat(runs).isEmpty();
        assertThat(log.info).anyMatch(line -> line.startsWith("Stopped process 'change'"));
    }

    @Test
    void aBaseThatDoesNotStartLeavesTheChangeUnstarted() {
        BackgroundProcessSpec missing =
                process("base", dir.resolve("no-such-program").toString());

        assertThatThrownBy(() -> session(missing, this::record).runAll(PairedLayout.in(dir.resolve("locust")), 1))
                .isInstanceOf(LocustRunException.class)
                .hasMessageStartingWith("The base system did not start; the change was not started, and no Locust run"
                        + " was made: Cannot start process 'base' (");
        assertThat(log.info).noneMatch(line -> line.startsWith("Starting the change system."));
    }

    @Test
    void anUnusableRunStopsTheSeriesAndNothingIsLeftToJudge() {
        PairedLayout layout = PairedLayout.in(dir.resolve("locust"));
        LocustSession.Launcher secondFails = (scenario, output) -> {
            ScenarioOutcome outcome = record(scenario, output);
            return runs.size() < 2
                    ? outcome
                    : new ScenarioOutcome(
                            scenario.name(),
                            null,
                            RunStatus.FAILED,
                            1,
                            null,
                            Duration.ZERO,
                            "Locust recorded no requests.",
                            List.of(),
                            List.of());
        };

        assertThatThrownBy(() ->
                        session(process("base", "sleep", "600"), secondFails).runAll(layout, 2))
                .hasMessage("The comparison stops at run 2 of 4 of api (pair 1 of 2, the change): Locust recorded no"
                        + " requests. Both systems are stopped; nothing is judged.");
        assertThat(runs).hasSize(2);
        assertThat(layout.manifest()).doesNotExist();
    }

    private PairedSession session(BackgroundProcessSpec base, LocustSession.Launcher launcher) {
        return session(base, process("change", "sleep", "600"), launcher);
    }

    private PairedSession session(
            BackgroundProcessSpec base, BackgroundProcessSpec change, LocustSession.Launcher launcher) {
        return new PairedSession(
                launcher,
                List.of(scenario("api"), scenario("orders")),
                new PairedSession.Target(new SystemUnderTest(List.of(base), null, null), BASE_HOST),
                new PairedSession.Target(new SystemUnderTest(List.of(change), null, null), null),
                log);
    }

    private ScenarioOutcome record(LocustScenario scenario, Path output) {
        boolean up = started().stream().allMatch(SessionFixtures::alive);
        runs.add(scenario.host() + " " + dir.resolve("locust/compare").relativize(output) + (up ? " up" : " down"));
        return SessionFixtures.passed(scenario);
    }

    private BackgroundProcessSpec process(String name, String... command) {
        return SessionFixtures.process(dir, name, command);
    }

    private static LocustScenario scenario(String name) {
        return SessionFixtures.scenario(
                name, CHANGE_HOST, Duration.ofSeconds(1), Duration.ZERO, Distribution.standalone());
    }

    private List<Long> started() {
        return SessionFixtures.started(log);
    }
}
