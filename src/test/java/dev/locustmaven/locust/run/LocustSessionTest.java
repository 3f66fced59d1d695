package dev.locustmaven.locust.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.locustmaven.locust.LocustRunException;
import dev.locustmaven.locust.install.TestLocusts;
import dev.locustmaven.locust.process.BackgroundProcessSpec;
import dev.locustmaven.locust.process.SystemUnderTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The life cycle of the system under test across one service's confirmation runs. The system is a real, idle process
 * ({@code sleep}); Locust is a stand-in that notes which process was up during each run and returns a fixed result.
 */
class LocustSessionTest {

    @TempDir
    Path dir;

    private final TestLocusts.Lines log = new TestLocusts.Lines();
    /** The pid of the system under test during each run, or -1 when none was alive. */
    private final List<Long> upDuringRun = new ArrayList<>();
    /** The warm-up of each run, in seconds. */
    private final List<Long> warmUps = new ArrayList<>();

    @AfterEach
    void nothingIsLeftRunning() {
        started()
                .forEach(pid -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive))
                        .as("process %d", pid)
                        .isEmpty());
    }

    private BackgroundProcessSpec idle(String name) {
        return SessionFixtures.process(dir, name, "sleep", "600");
    }

    private static LocustScenario scenario(String name) {
        return scenario(name, Duration.ofSeconds(1), Duration.ZERO, Distribution.standalone());
    }

    private static LocustScenario scenario(String name, Duration runTime, Duration warmUp, Distribution distribution) {
        return SessionFixtures.scenario(name, null, runTime, warmUp, distribution);
    }

    /** A Locust stand-in: notes the live process of the system under test, then "measures" 10 requests. */
    private ScenarioOutcome fakeRun(LocustScenario scenario, Path output) {
        upDuringRun.add(
                started().stream().filter(SessionFixtures::alive).findFirst().orElse(-1L));
        warmUps.add(scenario.warmUp().toSeconds());
        return SessionFixtures.passed(scenario);
    }

    private List<Long> started() {
        return SessionFixtures.started(log);
    }

    private List<Path> outputs(int n) {
        List<Path> outputs = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            outputs.add(dir.resolve("api-rerun-" + i));
        }
        return outputs;
    }

    private LocustSession session(LocustSession.Launcher launcher, boolean restart, BackgroundProcessSpec... specs) {
        return new LocustSession(
                launcher,
                List.of(scenario("api"), scenario("orders")),
                new SystemUnderTest(List.of(specs), null, null),
                log,
                restart);
    }

    @Test
    void theSystemStaysUpForAllRunsOfAServiceAndStopsAfterTheLast() {
        LocustSession session = session(this::fakeRun, false, idle("sut"));

        RerunSeries series = session.runs("api", outputs(3), s -> false);

        assertThat(started()).hasSize(1);
        long pid = started().get(0);
        assertThat(upDuringRun).containsExactly(pid, pid, pid);
        // only the run that met a freshly started system warms it up first, as long as its run time
        assertThat(warmUps).containsExactly(1L, 0L, 0L);
        assertThat(series.runs()).extracting(RerunSeries.Run::number).containsExactly(1, 2, 3);
        assertThat(series.runs()).extracting(RerunSeries.Run::outputDirectory).containsExactlyElementsOf(outputs(3));
        assertThat(series.settled()).isFalse();
        assertThat(series.stoppedEarly()).isFalse();
        assertThat(log.info)
                .containsSubsequence(
                        "Confirmation run 1 of 3 of api: starting the system under test, kept up until the last run"
                                + " of api; warmed up for 1s after each start (not measured)",
                        "Started process 'sut' (pid " + pid + "): sleep 600; output in " + dir.resolve("sut.log"),
                        "Confirmation run 2 of 3 of api (system under test kept up)",
                        "Confirmation run 3 of 3 of api (system under test kept up)",
                        "Stopping the system under test after 3 confirmation runs of api.",
                        "Stopped process 'sut' (pid " + pid + ").");
        assertThat(log.warn).isEmpty();
    }

    @Test
    void aFreshStartIsWarmedUpForTheRunTimeAtMost30sUnlessTheScenarioSetsItsOwnWarmUpOrRunsWorkers() {
        assertThat(scenario("api", Duration.ofMinutes(2), Duration.ZERO, Distribution.standalone())
                        .afterFreshStart()
                        .warmUp())
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(scenario("api", Duration.ofSeconds(20), Duration.ZERO, Distribution.standalone())
                        .afterFreshStart()
                        .warmUp())
                .isEqualTo(Duration.ofSeconds(20));
        LocustScenario ownWarmUp =
                scenario("api", Duration.ofMinutes(2), Duration.ofSeconds(5), Distribution.standalone());
        assertThat(ownWarmUp.afterFreshStart()).isSameAs(ownWarmUp);
        LocustScenario workers = scenario("api", Duration.ofMinutes(2), Duration.ZERO, Distribution.localWorkers(2));
        assertThat(workers.afterFreshStart()).isSameAs(workers);
    }

    @Test
    void restartBetweenRunsStartsAFreshSystemForEveryRun() {
        LocustSession session = session(this::fakeRun, true, idle("sut"));

        session.runs("api", outputs(3), s -> false);

        List<Long> pids = started();
        assertThat(pids).hasSize(3).doesNotHaveDuplicates();
        assertThat(upDuringRun).containsExactlyElementsOf(pids);
        assertThat(warmUps).containsExactly(1L, 1L, 1L);
        assertThat(log.info.stream().filter(l -> l.startsWith("Stopped process 'sut'")))
                .hasSize(3);
        assertThat(log.info)
                .containsSubsequence(
                        "Confirmation run 1 of 3 of api: starting the system under test, restarted before every run"
                                + " (restartBetweenRuns); warmed up for 1s after each start (not measured)",
                        "Confirmation run 2 of 3 of api: restarting the system under test (restartBetweenRuns)",
                        "Stopped process 'sut' (pid " + pids.get(0) + ").",
                        "Started process 'sut' (pid " + pids.get(1) + "): sleep 600; output in "
                                + dir.resolve("sut.log"),
                        "Confirmation run 3 of 3 of api: restarting the system under test (restartBetweenRuns)",
                        "Stopping the system under test after 3 confirmation runs of api.",
                        "Stopped process 'sut' (pid " + pids.get(2) + ").");
    }

    @Test
    void aSettledSeriesStopsEarlyAndPoolsItsRuns() {
        LocustSession session = session(this::fakeRun, false, idle("sut"));
        List<Long> pooledCounts = new ArrayList<>();

        RerunSeries series = session.runs("api", outputs(4), s -> {
            pooledCounts.add(s.pooled().orElseThrow().result().aggregated().requestCount());
            return s.runs().size() == 2;
        });

        assertThat(upDuringRun).hasSize(2);
        assertThat(pooledCounts).containsExactly(10L, 20L);
        assertThat(series.settled()).isTrue();
        assertThat(series.stoppedEarly()).isTrue();
        assertThat(series.results()).hasSize(2);
        assertThat(series.pooledWith(SessionFixtures.result("api", 5, 20.0))
                        .result()
                        .aggregated()
                        .requestCount())
                .isEqualTo(25);
        assertThat(series.pooled(r -> false)).isEmpty();
        assertThat(series.pooled(r -> true).orElseThrow().runs()).isEqualTo(2);
        assertThat(log.info)
                .containsSubsequence(
                        "Confirmation run 2 of 4 of api (system under test kept up)",
                        "api needs no further confirmation run after 2 of 4; the remaining 2 are not run.",
                        "Stopping the system under test after 2 confirmation runs of api.",
                        "Stopped process 'sut' (pid " + started().get(0) + ").");
    }

    @Test
    void aRunThatCannotStartIsRecordedAndTheSystemStaysUpForTheNext() {
        int[] calls = {0};
        LocustSession session = session(
                (scenario, output) -> {
                    if (++calls[0] == 2) {
                        throw new LocustRunException("the locustfile x.py does not exist");
                    }
                    return fakeRun(scenario, output);
                },
                false,
                idle("sut"));

        RerunSeries series = session.runs("api", outputs(3), s -> false);

        assertThat(started()).hasSize(1);
        assertThat(series.runs())
                .extracting(RerunSeries.Run::error)
                .containsExactly(null, "the locustfile x.py does" + " not exist", null);
        assertThat(series.runs()).extracting(RerunSeries.Run::usable).containsExactly(true, false, true);
        assertThat(series.pooled().orElseThrow().runs()).isEqualTo(2);
        assertThat(log.info)
                .contains("Confirmation run 2 of 3 of api could not run: the locustfile x.py does not" + " exist");
    }

    @Test
    void theSystemIsStoppedWhenARunOrThePredicateFails() {
        LocustSession failing = session(
                (scenario, output) -> {
                    fakeRun(scenario, output);
                    throw new IllegalStateException("bug");
                },
                false,
                idle("sut"));
        LocustSession throwingPredicate = session(this::fakeRun, false, idle("sut"));

        assertThatThrownBy(() -> failing.runs("api", outputs(2), s -> false)).hasMessage("bug");
        assertThatThrownBy(() -> throwingPredicate.runs("api", outputs(2), s -> {
                    throw new IllegalArgumentException("predicate");
                }))
                .hasMessage("predicate");

        assertThat(started()).hasSize(2);
        assertThat(log.info.stream().filter(l -> l.startsWith("Stopped process 'sut'")))
                .hasSize(2);
    }

    @Test
    void aSessionClosedByItsCallerStopsTheSystemOnce() {
        LocustSession session = session(this::fakeRun, false, idle("sut"));

        try (ServiceSession runs = session.session("orders", 0)) {
            runs.next(dir.resolve("a"));
            runs.next(dir.resolve("b"));
            assertThat(runs.runsStarted()).isEqualTo(2);
            assertThat(runs.service()).isEqualTo("orders");
            runs.close();
        }

        assertThat(started()).hasSize(1);
        assertThat(log.info)
                .containsSubsequence(
                        "Confirmation run 1 of orders: starting the system under test, kept up until the last run of"
                                + " orders; warmed up for 1s after each start (not measured)",
                        "Confirmation run 2 of orders (system under test kept up)",
                        "Stopping the system under test after 2 confirmation runs of orders.");
        assertThat(log.info.stream().filter(l -> l.startsWith("Stopping the system under test")))
                .hasSize(1);
        assertThatThrownBy(() -> session.session("nope", 1))
                .hasMessage("No scenario named 'nope'; the configured ones are [api, orders].");
    }

    @Test
    void aProcessThatDiedSinceTheLastRunIsStartedAgainWithAWarning() throws Exception {
        LocustSession session = session(
                (scenario, output) -> {
                    ScenarioOutcome outcome = fakeRun(scenario, output);
                    if (upDuringRun.size() == 1) {
                        ProcessHandle sut = ProcessHandle.of(started().get(0)).orElseThrow();
                        sut.destroyForcibly();
                        sut.onExit().orTimeout(10, TimeUnit.SECONDS).join();
                    }
                    return outcome;
                },
                false,
                idle("sut"));

        session.runs("api", outputs(2), s -> false);

        List<Long> pids = started();
        assertThat(pids).hasSize(2);
        assertThat(upDuringRun).containsExactlyElementsOf(pids);
        // the process started again is as cold as the first
        assertThat(warmUps).containsExactly(1L, 1L);
        assertThat(log.warn)
                .singleElement()
                .asString()
                .startsWith("Confirmation run 2 of 2 of api: Process 'sut' exited with code ")
                .contains("; see " + dir.resolve("sut.log"))
                .endsWith("Starting the system under test again.");
    }

    @Test
    void aSystemThatDoesNotComeUpFailsThatRunAndIsTriedAgainForTheNext() {
        BackgroundProcessSpec broken = new BackgroundProcessSpec(
                "broken", List.of("false"), dir, Map.of(), null, "ready", null, dir.resolve("broken.log"));
        LocustSession session = session(this::fakeRun, false, broken);

        RerunSeries series = session.runs("api", outputs(2), s -> false);

        assertThat(upDuringRun).isEmpty();
        assertThat(series.runs())
                .allSatisfy(r -> assertThat(r.error()).startsWith("Process 'broken' never logged a line matching"));
        assertThat(series.pooled()).isEmpty();
        assertThat(log.info)
                .containsSubsequence(
                        "Confirmation run 1 of 2 of api: starting the system under test, kept up until the last run"
                                + " of api; warmed up for 1s after each start (not measured)",
                        "Confirmation run 2 of 2 of api: starting the system under test again");
    }

    @Test
    void withoutProcessesThereIsNothingToKeepUp() {
        LocustSession session =
                new LocustSession(this::fakeRun, List.of(scenario("api")), SystemUnderTest.none(), log, false);

        RerunSeries series = session.runs("api", outputs(2), s -> false);

        assertThat(series.results()).hasSize(2);
        // a system the build does not start is never freshly started, so no run warms it up
        assertThat(warmUps).containsExactly(0L, 0L);
        assertThat(log.info).containsExactly("Confirmation run 1 of 2 of api", "Confirmation run 2 of 2 of api");
    }

    @Test
    void aRunnerOfItsOwnRunsEveryRunSeparately() {
        List<Path> ran = new ArrayList<>();
        ScenarioRunner runner = new ScenarioRunner() {
            @Override
            public List<String> services() {
                return List.of("api");
            }

            @Override
            public ScenarioOutcome run(String service, Path outputDirectory) {
                ran.add(outputDirectory);
                return fakeRun(scenario(service), outputDirectory);
            }
        };

        RerunSeries series = runner.runs("api", outputs(3), s -> s.results().size() == 2);

        assertThat(ran).containsExactlyElementsOf(outputs(2));
        assertThat(series.settled()).isTrue();
        assertThat(series.pooled().orElseThrow().result().aggregated().requestCount())
                .isEqualTo(20);
    }
}
