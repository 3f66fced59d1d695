package dev.locustmaven.locust.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.locustmaven.locust.LocustRunException;
import dev.locustmaven.locust.RunLog;
import dev.locustmaven.locust.install.LocustInstallation;
import dev.locustmaven.locust.install.TestLocusts;
import dev.locustmaven.locust.output.ResultsDirectoryReader;
import dev.locustmaven.locust.output.RunManifestFile;
import dev.locustmaven.model.EndpointStats;
import dev.locustmaven.model.RunManifest;
import dev.locustmaven.model.ServiceResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real Locust runs, oldest (Debian's 2.12.1) and newest, against a server on 127.0.0.1: the results the runner
 * returns, and the results {@code check} reads back from the results directory, equal Locust's final console summary.
 */
class LocustRunnerTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"newest", "oldest", "debian"})
    void finalStatisticsEqualLocustsFinalSummary(String which) throws Exception {
        LocustInstallation locust = TestLocusts.byName(which);
        Path work = Files.createDirectories(dir.resolve("project"));
        Path locustfile = TestLocusts.resource("locustfile.py", work);
        // a stray config file in the working directory must not change the run (it would ask for 7 users)
        Files.writeString(work.resolve("locust.conf"), "users = 7\nspawn-rate = 7\nloglevel = DEBUG\n");
        TestLocusts.Lines log = new TestLocusts.Lines();
        try (TargetServer server = new TargetServer()) {
            LocustScenario scenario = new LocustScenario(
                    "api",
                    List.of(locustfile),
                    List.of("ApiUser"),
                    List.of(),
                    List.of(),
                    3,
                    3,
                    Duration.ofSeconds(4),
                    server.url(),
                    Map.of(),
                    List.of(),
                    Distribution.standalone());
            LocustRunner runner = new LocustRunner(
                    locust, new LocustRunner.Settings(work, Duration.ofSeconds(1), Duration.ofSeconds(30)), log);

            ScenarioOutcome outcome = runner.run(scenario, dir.resolve("results/api"));

            assertThat(outcome.problem()).isNull();
            assertThat(outcome.status()).isEqualTo(RunStatus.FAILURES_RECORDED);
            assertThat(outcome.exitCode()).isEqualTo(LocustLaunch.EXIT_CODE_ON_ERROR);
            ServiceResult result = outcome.result();
            List<TestLocusts.ConsoleRow> console =
                    TestLocusts.finalSummary(outcome.output().log());
            assertEqualsConsoleSummary(result, console);
            // what check reads: the results directory, where final-stats.json wins over Locust's CSV files
            ServiceResult readBack = new ResultsDirectoryReader()
                    .read(dir.resolve("results"))
                    .service("api")
                    .orElseThrow();
            assertThat(readBack.sources()).containsExactly(dir.resolve("results/api/final-stats.json"));
            assertEqualsConsoleSummary(readBack, console);
            assertThat(readBack)
                    .usingRecursiveComparison()
                    .ignoringFields("info.manifest")
                    .isEqualTo(result);
            // what ran, beside the results, for check's fingerprint
            RunManifest manifest = readBack.info().manifest();
            assertThat(manifest)
                    .isEqualTo(RunManifestFile.read(dir.resolve("results/api/" + RunManifestFile.FILE_NAME)));
            assertThat(List.of(
                            manifest.users(),
                            manifest.spawnRate(),
                            manifest.runTimeSeconds(),
                            manifest.warmUpSeconds()))
                    .containsExactly(3, 3.0, 4.0, 0.0);
            assertThat(manifest.userClasses()).containsExactly("ApiUser");
            assertThat(manifest.tags()).isEmpty();
            assertThat(manifest.locustVersion()).isEqualTo(locust.version().text());
            assertThat(manifest.pythonVersion()).matches("3\\.\\d+\\.\\d+");
            assertThat(manifest.locustfileSha256())
                    .isEqualTo(HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(locustfile))));
            assertThat(manifest.host()).isEqualTo(server.url());
            EndpointStats fast = result.endpoints().stream()
                    .filter(e -> e.name().equals("/fast"))
                    .findFirst()
                    .orElseThrow();
            assertThat(fast.histogram().values().stream()
                            .mapToLong(Long::longValue)
                            .sum())
                    .isEqualTo(fast.requestCount());
            assertThat(fast.percentiles()).containsKeys(0.5, 0.95, 0.99, 1.0);
            assertThat(result.failures())
                    .anySatisfy(f -> assertThat(f.message()).isEqualTo("no results for \"q\", sorry"));
            assertThat(result.info().users()).isEqualTo(3);
            assertThat(result.info().locustVersion()).isEqualTo(locust.version().text());
            assertThat(outcome.output().csvPrefix().resolveSibling("locust_stats.csv"))
                    .isRegularFile();
            assertThat(outcome.output().html()).isRegularFile();
            assertThat(Files.readString(outcome.output().log())).doesNotContain("/DEBUG/");
            assertThat(log.info)
                    .anySatisfy(
                            l -> assertThat(l)
                                    .matches(
                                            "api: 0:0\\d of 0:04, \\d+ users, \\d+\\.\\d req/s, \\d+\\.\\d\\d% failed, p95 .+, \\d+ requests"));
        }
    }

    /** Aggregated and every request entry: requests and failures as Locust's final console table has them. */
    private static void assertEqualsConsoleSummary(ServiceResult result, List<TestLocusts.ConsoleRow> console) {
        TestLocusts.ConsoleRow aggregated = console.get(console.size() - 1);
        assertThat(aggregated.name()).isEqualTo("Aggregated");
        assertThat(result.aggregated().requestCount()).isPositive().isEqualTo(aggregated.requests());
        assertThat(result.aggregated().failureCount()).isPositive().isEqualTo(aggregated.failures());
        assertThat(result.endpoints())
                .extracting(e -> new TestLocusts.ConsoleRow(e.method(), e.name(), e.requestCount(), e.failureCount()))
                .containsExactlyElementsOf(console.subList(0, console.size() - 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"newest", "oldest"})
    void aWarmUpRunsBeforeTheFullRunTimeAndIsNotMeasured(String which) throws Exception {
        Path locustfile = TestLocusts.resource("locustfile.py", dir);
        TestLocusts.Lines log = new TestLocusts.Lines();
        try (TargetServer server = new TargetServer()) {
            LocustScenario scenario = new LocustScenario(
                    "api",
                    List.of(locustfile),
                    List.of("CleanUser"),
                    List.of(),
                    List.of(),
                    2,
                    2,
                    Duration.ofSeconds(4),
                    Duration.ofSeconds(3),
                    server.url(),
                    Map.of(),
                    List.of(),
                    Distribution.standalone());

            ScenarioOutcome outcome = new LocustRunner(
                            TestLocusts.byName(which),
                            new LocustRunner.Settings(dir, Duration.ofSeconds(1), Duration.ofSeconds(30)),
                            log)
                    .run(scenario, dir.resolve("out"));

            assertThat(outcome.problem()).isNull();
            assertThat(outcome.status()).isEqualTo(RunStatus.PASSED);
            JsonNode stats =
                    new ObjectMapper().readTree(outcome.output().finalStats().toFile());
            long reset = Math.round(stats.path("measure_start_time").asDouble() * 1000);
            List<Long> hits = List.copyOf(server.hitTimes);
            long before = hits.stream().filter(t -> t < reset).count();
            long after = hits.size() - before;
            long reported = outcome.result().aggregated().requestCount();
            assertThat(before).as("requests in the warm-up").isGreaterThan(20);
            // a request in flight at the reset arrived before it but is recorded after it (one per user), and on a
            // loaded machine the reset's own time lags a little behind the requests the server saw
            assertThat(reported).isBetween(after - 2, after + Math.max(2, after / 10));
            long first = hits.stream().min(Long::compare).orElseThrow();
            long last = hits.stream().max(Long::compare).orElseThrow();
            assertThat((last - first) / 1000.0).as("load seconds").isBetween(6.5, 7.5);
            assertThat((last - reset) / 1000.0).as("measured seconds").isBetween(3.6, 4.2);
            assertThat(outcome.result().info().durationSeconds()).isBetween(3.8, 4.5);
            // Locust's own CSV covers the measured part as well (before 2.x's final write it may lag a second behind)
            String csv = Files.readString(outcome.output().csvPrefix().resolveSibling("locust_stats.csv"));
            Matcher aggregated = Pattern.compile(",Aggregated,(\\d+),").matcher(csv);
            assertThat(aggregated.find()).isTrue();
            assertThat(Long.parseLong(aggregated.group(1))).isPositive().isLessThanOrEqualTo(reported);
            assertThat(log.info)
                    .anySatisfy(l -> assertThat(l)
                            .matches("api: warming up, 0:0[0-3] of 0:03, \\d+ users, \\d+\\.\\d req/s,"
                                    + " \\d+\\.\\d\\d% failed, p95 .+, \\d+ requests \\(not measured\\)"))
                    .anySatisfy(l -> assertThat(l).matches("api: 0:0[0-4] of 0:04, 2 users, .+"))
                    .anySatisfy(l -> assertThat(l)
                            .startsWith("api: " + reported + " requests, 0 failed")
                            .contains(" in the 4s after a 3s warm-up; exit code 0; "))
                    .anySatisfy(l -> assertThat(l).contains(", warm-up 3s (not measured), run time 4s, "));
            assertThat(log.info).noneMatch(l -> l.startsWith("api: warming up, 0:0") && l.contains(" of 0:04"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"newest", "oldest", "debian"})
    void aSlowStartDoesNotShortenTheRun(String which) throws Exception {
        // its import keeps the CPU busy for 3 s while gevent's loop does not run, as a starved CI machine does
        Path locustfile = TestLocusts.resource("slow_start_locustfile.py", dir);
        try (TargetServer server = new TargetServer()) {
            LocustScenario scenario = new LocustScenario(
                    "slowstart",
                    List.of(locustfile),
                    List.of(),
                    List.of(),
                    List.of(),
                    1,
                    1,
                    Duration.ofSeconds(4),
                    server.url(),
                    Map.of(),
                    List.of(),
                    Distribution.standalone());

            ScenarioOutcome outcome = new LocustRunner(
                            TestLocusts.byName(which),
                            new LocustRunner.Settings(dir, Duration.ZERO, Duration.ofSeconds(30)),
                            RunLog.silent())
                    .run(scenario, dir.resolve("out"));

            assertThat(outcome.problem()).isNull();
            JsonNode finalStats = new ObjectMapper()
                    .readTree(dir.resolve("out/final-stats.json").toFile());
            double ranSeconds = finalStats.path("test_stop_time").asDouble()
                    - finalStats.path("test_start_time").asDouble();
            // without the helper refreshing gevent's clock, Locust stopped this 4 s run after 0.2 to 0.4 s
            assertThat(ranSeconds).isBetween(3.8, 6.0);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"newest", "oldest", "debian"})
    void aRunWithoutRequestsIsAProblemThatNamesTheLikelyCauses(String which) throws Exception {
        Path locustfile = TestLocusts.resource("locustfile.py", dir);
        // no host anywhere: 2.12.1 logs an error in every user and ends with exit code 2, newer versions stop at once
        LocustScenario scenario = new LocustScenario(
                "nohost",
                List.of(locustfile),
                List.of("CleanUser"),
                List.of(),
                List.of(),
                1,
                1,
                Duration.ofSeconds(2),
                null,
                Map.of(),
                List.of(),
                Distribution.standalone());

        ScenarioOutcome outcome = new LocustRunner(
                        TestLocusts.byName(which),
                        new LocustRunner.Settings(dir, Duration.ZERO, Duration.ofSeconds(30)),
                        RunLog.silent())
                .run(scenario, dir.resolve("out"));

        assertThat(outcome.result().aggregated().requestCount()).isZero();
        assertThat(outcome.usable()).isFalse();
        assertThat(outcome.problem())
                .startsWith("Locust recorded no requests in scenario 'nohost'. Likely causes: no host: set host"
                        + " (-Dlocust.host) or a host attribute on the User class; ")
                .contains("have no tasks, or their wait_time is longer than the run time 2s");
    }

    @Test
    void anInterruptedBuildStopsLocustAndKeepsWhatItWrote() throws Exception {
        Path locustfile = TestLocusts.resource("locustfile.py", dir);
        try (TargetServer server = new TargetServer()) {
            LocustScenario scenario = new LocustScenario(
                    "long",
                    List.of(locustfile),
                    List.of("CleanUser"),
                    List.of(),
                    List.of(),
                    2,
                    2,
                    Duration.ofMinutes(10),
                    server.url(),
                    Map.of(),
                    List.of(),
                    Distribution.localWorkers(2));
            TestLocusts.Lines log = new TestLocusts.Lines();
            LocustRunner runner = new LocustRunner(
                    TestLocusts.newest(), new LocustRunner.Settings(dir, Duration.ZERO, Duration.ofSeconds(30)), log);
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            Thread build = new Thread(() -> {
                try {
                    runner.run(scenario, dir.resolve("out"));
                } catch (Throwable t) {
                    thrown.set(t);
                }
            });
            build.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (server.hits.get() < 20 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            build.interrupt();
            build.join(Duration.ofSeconds(60).toMillis());

            assertThat(build.isAlive()).isFalse();
            assertThat(thrown.get())
                    .isInstanceOf(LocustRunException.class)
                    .hasMessage("The build was interrupted while scenario 'long' ran; Locust was stopped and its"
                            + " output kept in " + dir.resolve("out") + ".");
            assertThat(log.warn).startsWith("The build was interrupted; stopping Locust of scenario 'long'.");
            assertThat(log.warn.get(1))
                    .startsWith("Scenario 'long' was stopped because the build was interrupted; results are partial: ");
            assertThat(dir.resolve("out/final-stats.json")).isRegularFile();
            assertThat(ProcessHandle.allProcesses()
                            .filter(p -> p.info().commandLine().orElse("").contains(dir.toString())))
                    .isEmpty();
        }
    }
}
