package dev.locustmaven.locust.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.locustmaven.locust.LocustRunException;
import dev.locustmaven.locust.RunLog;
import dev.locustmaven.locust.install.TestLocusts;
import dev.locustmaven.locust.run.Distribution;
import dev.locustmaven.locust.run.LocustRunner;
import dev.locustmaven.locust.run.LocustScenario;
import dev.locustmaven.locust.run.LocustSession;
import dev.locustmaven.locust.run.RerunSeries;
import dev.locustmaven.locust.run.RunStatus;
import dev.locustmaven.locust.run.ScenarioOutcome;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Background processes on this machine: a Python HTTP server as the service under test. */
class SystemUnderTestTest {

    @TempDir
    Path dir;

    private BackgroundProcessSpec httpServer(int port, URI readyUrl, String readyLog) {
        return new BackgroundProcessSpec(
                "sut",
                List.of("python3", "-u", "-m", "http.server", "--bind", "127.0.0.1", Integer.toString(port)),
                dir,
                Map.of(),
                readyUrl,
                readyLog,
                Duration.ofSeconds(30),
                dir.resolve("logs/sut.log"));
    }

    @Test
    void aProcessIsReadyWhenItsUrlAnswersAndIsStoppedOnClose() throws Exception {
        int port = LocustRunner.freePort();
        URI url = URI.create("http://127.0.0.1:" + port + "/");
        TestLocusts.Lines log = new TestLocusts.Lines();
        SystemUnderTest system = new SystemUnderTest(List.of(httpServer(port, url, null)), url, Duration.ofSeconds(5));

        long pid;
        try (SystemUnderTest.Running running = system.start(log)) {
            pid = Long.parseLong(log.info.get(0).replaceAll(".*\\(pid (\\d+)\\).*", "$1"));
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).contains(true);
            UrlProbe.await(url, Duration.ofSeconds(1), "test", () -> null);
        }

        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(log.info)
                .contains(
                        "Process 'sut' is ready.",
                        "Waiting up to 5s for " + url,
                        "Stopped process 'sut' (pid " + pid + ").");
        assertThat(Files.readString(dir.resolve("logs/sut.log"))).contains("GET / HTTP/1.1");
    }

    @Test
    void aProcessCanBeReadyByALogLine() {
        int port = LocustRunner.freePort();
        TestLocusts.Lines log = new TestLocusts.Lines();
        SystemUnderTest system = new SystemUnderTest(
                List.of(httpServer(port, null, "Serving HTTP on 127\\.0\\.0\\.1 port \\d+")), null, null);

        try (SystemUnderTest.Running running = system.start(log)) {
            UrlProbe.await(URI.create("http://127.0.0.1:" + port + "/"), Duration.ofSeconds(2), "test", () -> null);
        }
        assertThat(log.info).contains("Process 'sut' is ready.");
    }

    @Test
    void aProcessThatExitsEarlyIsReportedWithItsOutput() {
        BackgroundProcessSpec failing = new BackgroundProcessSpec(
                "broken",
                List.of("python3", "-c", "import sys; print('port already in use'); sys.exit(4)"),
                null,
                Map.of(),
                URI.create("http://127.0.0.1:" + LocustRunner.freePort() + "/"),
                null,
                Duration.ofSeconds(30),
                dir.resolve("broken.log"));

        assertThatThrownBy(() -> new SystemUnderTest(List.of(failing), null, null).start(RunLog.silent()))
                .isInstanceOf(LocustRunException.class)
                .hasMessageContaining("Process 'broken': readyUrl http://127.0.0.1:")
                .hasMessageContaining("never answered: it exited with code 4; see " + dir.resolve("broken.log"))
                .hasMessageEndingWith("port already in use");
    }

    @Test
    void waitForGivesUpAfterItsTimeout() {
        int port = LocustRunner.freePort();
        SystemUnderTest system = new SystemUnderTest(
                List.of(), URI.create("http://127.0.0.1:" + port + "/health"), Duration.ofSeconds(1));

        assertThatThrownBy(() -> system.start(RunLog.silent()))
                .isInstanceOf(LocustRunException.class)
                .hasMessageStartingWith("waitFor http://127.0.0.1:" + port + "/health did not answer within 1s (last"
                        + " attempt: ConnectException");
    }

    @Test
    void processesAreStoppedWhenARunCannotStart() {
        int port = LocustRunner.freePort();
        TestLocusts.Lines log = new TestLocusts.Lines();
        LocustScenario missing = new LocustScenario(
                "sut",
                List.of(dir.resolve("missing.py")),
                List.of(),
                List.of(),
                List.of(),
                1,
                1,
                Duration.ofSeconds(2),
                null,
                Map.of(),
                List.of(),
                Distribution.standalone());
        LocustSession session = new LocustSession(
                new LocustRunner(
                        TestLocusts.newest(), new LocustRunner.Settings(dir, Duration.ZERO, Duration.ZERO), log),
                List.of(missing),
                new SystemUnderTest(List.of(httpServer(port, null, null)), null, null),
                log);

        assertThatThrownBy(() -> session.runAll(dir.resolve("results")))
                .hasMessageContaining("the locustfile " + dir.resolve("missing.py") + " does not exist");
        long pid = Long.parseLong(log.info.get(0).replaceAll(".*\\(pid (\\d+)\\).*", "$1"));
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(log.info).contains("Stopped process 'sut' (pid " + pid + ").");
    }

    @Test
    void aRerunBringsTheSystemUpAgainAndStopsIt() throws Exception {
        int port = LocustRunner.freePort();
        URI url = URI.create("http://127.0.0.1:" + port + "/");
        Files.writeString(dir.resolve("fast"), "ok");
        Path locustfile = TestLocusts.resource("locustfile.py", dir);
        LocustScenario scenario = new LocustScenario(
                "sut",
                List.of(locustfile),
                List.of("CleanUser"),
                List.of(),
                List.of(),
                2,
                2,
                Duration.ofSeconds(2),
                url.toString(),
                Map.of(),
                List.of(),
                Distribution.standalone());
        TestLocusts.Lines log = new TestLocusts.Lines();
        LocustSession session = new LocustSession(
                new LocustRunner(
                        TestLocusts.newest(),
                        new LocustRunner.Settings(dir, Duration.ZERO, Duration.ofSeconds(30)),
                        log),
                List.of(scenario),
                new SystemUnderTest(List.of(httpServer(port, url, null)), null, null),
                log);

        ScenarioOutcome outcome = session.run("sut", dir.resolve("rerun-1"));

        assertThat(session.services()).containsExactly("sut");
        assertThat(outcome.status()).isEqualTo(RunStatus.PASSED);
        assertThat(outcome.result().aggregated().requestCount()).isPositive();
        assertThat(log.info).anySatisfy(l -> assertThat(l).startsWith("Stopped process 'sut'"));
        Optional<String> pid = log.info.stream()
                .filter(l -> l.startsWith("Started process"))
                .map(l -> l.replaceAll(".*\\(pid (\\d+)\\).*", "$1"))
                .findFirst();
        assertThat(ProcessHandle.of(Long.parseLong(pid.orElseThrow())).filter(ProcessHandle::isAlive))
                .isEmpty();
        assertThatThrownBy(() -> session.run("nope", dir.resolve("x")))
                .hasMessage("No scenario named 'nope'; the configured ones are [sut].");
    }

    @Test
    void confirmationRunsOfAServiceShareOneRunningSystem() throws Exception {
        int port = LocustRunner.freePort();
        URI url = URI.create("http://127.0.0.1:" + port + "/");
        Files.writeString(dir.resolve("fast"), "ok");
        Path locustfile = TestLocusts.resource("locustfile.py", dir);
        LocustScenario scenario = new LocustScenario(
                "sut",
                List.of(locustfile),
                List.of("CleanUser"),
                List.of(),
                List.of(),
                2,
                2,
                Duration.ofSeconds(2),
                url.toString(),
                Map.of(),
                List.of(),
                Distribution.standalone());
        TestLocusts.Lines log = new TestLocusts.Lines();
        LocustSession session = new LocustSession(
                new LocustRunner(
                        TestLocusts.newest(),
                        new LocustRunner.Settings(dir, Duration.ZERO, Duration.ofSeconds(30)),
                        log)::run,
                List.of(scenario),
                new SystemUnderTest(List.of(httpServer(port, url, null)), null, null),
                log,
                false);

        RerunSeries series =
                session.runs("sut", List.of(dir.resolve("sut-rerun-1"), dir.resolve("sut-rerun-2")), s -> false);

        assertThat(series.runs()).allSatisfy(r -> assertThat(r.usable()).isTrue());
        List<String> started =
                log.info.stream().filter(l -> l.startsWith("Started process")).toList();
        assertThat(started).hasSize(1);
        long pid = Long.parseLong(started.get(0).replaceAll(".*\\(pid (\\d+)\\).*", "$1"));
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(log.info)
                .containsSubsequence(
                        "Confirmation run 1 of 2 of sut: starting the system under test, kept up until the last run"
                                + " of sut; warmed up for 2s after each start (not measured)",
                        started.get(0),
                        "Process 'sut' is ready.",
                        "Confirmation run 2 of 2 of sut (system under test kept up)",
                        "Stopping the system under test after 2 confirmation runs of sut.",
                        "Stopped process 'sut' (pid " + pid + ").");
        // the first run warmed the fresh server up; the second, on the same server, did not
        List<String> scenarioLines =
                log.info.stream().filter(l -> l.startsWith("Scenario 'sut'")).toList();
        assertThat(scenarioLines).hasSize(2);
        assertThat(scenarioLines.get(0)).contains(", warm-up 2s (not measured), run time 2s,");
        assertThat(scenarioLines.get(1)).doesNotContain("warm-up");
        // one server answered both runs and the warm-up: its log holds the requests of all three
        long served = Files.readAllLines(dir.resolve("logs/sut.log")).stream()
                .filter(l -> l.matches(".*\"GET /+fast HTTP/1.1\" 200.*"))
                .count();
        long pooled = series.pooled().orElseThrow().result().aggregated().requestCount();
        assertThat(pooled)
                .isEqualTo(series.results().get(0).aggregated().requestCount()
                        + series.results().get(1).aggregated().requestCount());
        // (the warm-up lasted as long as a run, at the same pace; requests in flight when a run stops may be counted
        // by one side only, so only roughly)
        long smaller = Math.min(
                series.results().get(0).aggregated().requestCount(),
                series.results().get(1).aggregated().requestCount());
        assertThat(served).isBetween(pooled + smaller / 2, pooled + 2 * smaller + 2);
    }
}
