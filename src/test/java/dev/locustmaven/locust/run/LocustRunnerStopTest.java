package dev.locustmaven.locust.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locustmaven.locust.RunLog;
import dev.locustmaven.locust.install.LocustFeatures;
import dev.locustmaven.locust.install.LocustInstallation;
import dev.locustmaven.locust.install.LocustVersion;
import dev.locustmaven.locust.install.TestLocusts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fake {@code locust} script provokes what real Locust rarely does on demand: a hang and a crash. */
class LocustRunnerStopTest {

    private static final LocustFeatures ALL = new LocustFeatures(true, true, true, true);

    @TempDir
    Path dir;

    @Test
    void aHangingRunIsStoppedAtItsTimeLimitWithEveryProcessItStarted() throws Exception {
        Path pids = dir.resolve("pids");
        // ignores SIGTERM, like a Locust whose event loop is blocked, and starts a child and a grandchild that do too
        Path fake = script(
                "hanging-locust",
                "#!/bin/sh\n"
                        + "trap '' TERM\n"
                        + "echo $$ >> '" + pids + "'\n"
                        + "sleep 300 &\n"
                        + "echo $! >> '" + pids + "'\n"
                        + "sh -c 'sleep 301 & echo $! >> \"" + pids + "\"; wait' &\n"
                        + "echo $! >> '" + pids + "'\n"
                        + "echo 'Starting Locust 2.47.0'\n"
                        + "while true; do sleep 1; done\n");
        TestLocusts.Lines log = new TestLocusts.Lines();
        LocustRunner runner = runner(fake, Duration.ofSeconds(30), log);

        long start = System.nanoTime();
        ScenarioOutcome outcome = runner.run(scenario(Duration.ofSeconds(1)), dir.resolve("out"));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        List<Long> started =
                Files.readAllLines(pids).stream().map(Long::parseLong).toList();
        assertThat(started).hasSize(4);
        assertThat(started)
                .allSatisfy(pid -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive))
                        .isEmpty());
        assertThat(outcome.status()).isEqualTo(RunStatus.TIME_LIMIT);
        assertThat(outcome.exitCode()).isNotNull();
        assertThat(outcome.problem()).startsWith("Locust wrote no final statistics before it was stopped");
        assertThat(outcome.logTail()).contains("Starting Locust 2.47.0");
        assertThat(log.warn)
                .contains("Scenario 'svc' has not started its test within 2s (startTimeout); stopping Locust.");
        // start timeout 2 s + SIGTERM grace 10 s + SIGKILL, and not much more
        assertThat(took).isLessThan(Duration.ofSeconds(25));
    }

    @Test
    void realLocustStuckInStoppingItsUsersIsKilledAndItsPartialResultsKept() throws Exception {
        Path locustfile = TestLocusts.resource("hanging_locustfile.py", dir);
        TestLocusts.Lines log = new TestLocusts.Lines();
        try (TargetServer server = new TargetServer()) {
            LocustScenario scenario = new LocustScenario(
                    "stuck",
                    List.of(locustfile),
                    List.of(),
                    List.of(),
                    List.of(),
                    3,
                    3,
                    Duration.ofSeconds(2),
                    server.url(),
                    Map.of(),
                    List.of("--stop-timeout", "600"),
                    Distribution.standalone());
            ScenarioOutcome outcome = new LocustRunner(
                            TestLocusts.newest(),
                            new LocustRunner.Settings(dir, Duration.ZERO, Duration.ofSeconds(3)),
                            log)
                    .run(scenario, dir.resolve("out"));

            assertThat(outcome.status()).isEqualTo(RunStatus.TIME_LIMIT);
            assertThat(outcome.problem()).isNull();
            assertThat(outcome.result().aggregated().requestCount()).isPositive();
            assertThat(outcome.notes())
                    .singleElement()
                    .asString()
                    .startsWith("Scenario 'stuck' was stopped by the plugin at its time limit; results are partial: ")
                    .contains(outcome.result().aggregated().requestCount() + " requests");
            assertThat(Files.readString(outcome.output().log())).contains("Got SIGTERM signal");
            assertThat(ProcessHandle.allProcesses()
                            .filter(p -> p.info().commandLine().orElse("").contains(dir.toString())))
                    .isEmpty();
        }
    }

    @Test
    void aTestOfNothingButFailuresIsStoppedEarlyAndItsFinalStatisticsSayWhy() throws Exception {
        // nothing listens on the port: every request is refused, as when the host is down
        String host = "http://127.0.0.1:" + LocustRunner.freePort();
        TestLocusts.Lines log = new TestLocusts.Lines();
        LocustScenario scenario = new LocustScenario(
                "down",
                List.of(TestLocusts.resource("locustfile.py", dir)),
                List.of("CleanUser"),
                List.of(),
                List.of(),
                2,
                2,
                Duration.ofMinutes(2),
                host,
                Map.of(),
                List.of(),
                Distribution.standalone());

        long start = System.nanoTime();
        ScenarioOutcome outcome = new LocustRunner(
                        TestLocusts.newest(),
                        new LocustRunner.Settings(
                                dir, Duration.ZERO, Duration.ofSeconds(30), null, Duration.ofSeconds(2)),
                        log)
                .run(scenario, dir.resolve("out"));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(outcome.status()).isEqualTo(RunStatus.FAILURES_ONLY);
        assertThat(outcome.problem()).isNull();
        long requests = outcome.result().aggregated().requestCount();
        assertThat(requests).isPositive();
        assertThat(outcome.result().aggregated().failureCount()).isEqualTo(requests);
        assertThat(outcome.result().info().earlyStop())
                .isEqualTo("the run goal stopped it after 2s of nothing but failures (failureOnlyTimeout)");
        assertThat(log.warn)
                .singleElement()
                .asString()
                .matches("Scenario 'down' has had nothing but failures for 2s \\(failureOnlyTimeout\\): all \\d+"
                        + " requests failed; stopping Locust instead of waiting out its run time of 120s\\.");
        assertThat(log.info)
                .anyMatch(l -> l.startsWith("down: " + requests + " requests, " + requests + " failed (100.00%)")
                        && l.contains("; exit code 42; stopped by the plugin after nothing but failures; results are"
                                + " partial. Results in "));
        // Python's start, 2 s of failures, Locust's shutdown: far from the run time of 2 minutes
        assertThat(took).isLessThan(Duration.ofSeconds(40));
    }

    @Test
    void aCrashIsReportedWithTheEndOfTheLog() throws Exception {
        Path fake = script(
                "crashing-locust",
                "#!/bin/sh\n"
                        + "echo 'Traceback (most recent call last):' >&2\n"
                        + "echo \"SyntaxError: expected ':'\" >&2\n"
                        + "exit 1\n");
        ScenarioOutcome outcome = runner(fake, Duration.ofSeconds(30), RunLog.silent())
                .run(scenario(Duration.ofSeconds(5)), dir.resolve("out"));

        assertThat(outcome.status()).isEqualTo(RunStatus.FAILED);
        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.result()).isNull();
        assertThat(outcome.problem()).startsWith("Locust could not run scenario 'svc' (exit code 1)");
        assertThat(outcome.logTail())
                .containsExactly("Traceback (most recent call last):", "SyntaxError: expected ':'");
    }

    private LocustRunner runner(Path fake, Duration grace, RunLog log) {
        LocustInstallation locust =
                new LocustInstallation(fake, LocustVersion.parse("2.47.0").orElseThrow(), true, ALL, "test");
        return new LocustRunner(
                locust,
                new LocustRunner.Settings(dir, Duration.ZERO, grace, Duration.ofSeconds(2), Duration.ZERO),
                log);
    }

    private LocustScenario scenario(Duration runTime) throws Exception {
        Path locustfile = Files.writeString(dir.resolve("locustfile.py"), "# never read by the fake\n");
        return new LocustScenario(
                "svc",
                List.of(locustfile),
                List.of(),
                List.of(),
                List.of(),
                1,
                1,
                runTime,
                "http://127.0.0.1:1",
                Map.of(),
                List.of(),
                Distribution.standalone());
    }

    private Path script(String name, String text) throws Exception {
        Path file = Files.writeString(dir.resolve(name), text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
