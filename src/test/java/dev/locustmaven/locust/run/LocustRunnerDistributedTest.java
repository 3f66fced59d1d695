package dev.locustmaven.locust.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.locustmaven.locust.LocustRunException;
import dev.locustmaven.locust.RunLog;
import dev.locustmaven.locust.install.LocustFeatures;
import dev.locustmaven.locust.install.LocustInstallation;
import dev.locustmaven.locust.install.TestLocusts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Local workers with the newest Locust: forked by {@code --processes}, or started as separate processes. */
class LocustRunnerDistributedTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void twoLocalWorkersSendWhatTheMasterRecords(boolean processesOption) throws Exception {
        LocustInstallation newest = TestLocusts.newest();
        LocustInstallation locust = processesOption
                ? newest
                : new LocustInstallation(
                        newest.executable(),
                        newest.version(),
                        true,
                        new LocustFeatures(true, true, false, true),
                        "test venv, as if it had no --processes");
        Path locustfile = TestLocusts.resource("locustfile.py", dir);
        TestLocusts.Lines log = new TestLocusts.Lines();
        try (TargetServer server = new TargetServer()) {
            LocustScenario scenario = new LocustScenario(
                    "dist",
                    List.of(locustfile),
                    List.of("CleanUser"),
                    List.of(),
                    List.of(),
                    4,
                    4,
                    Duration.ofSeconds(4),
                    server.url(),
                    Map.of(),
                    List.of(),
                    Distribution.localWorkers(2));
            ScenarioOutcome outcome = new LocustRunner(
                            locust, new LocustRunner.Settings(dir, Duration.ofSeconds(2), Duration.ofSeconds(30)), log)
                    .run(scenario, dir.resolve("out"));

            assertThat(outcome.problem()).isNull();
            assertThat(outcome.status()).isEqualTo(RunStatus.PASSED);
            assertThat(outcome.notes()).isEmpty();
            long recorded = outcome.result().aggregated().requestCount();
            List<TestLocusts.ConsoleRow> console =
                    TestLocusts.finalSummary(outcome.output().log());
            assertThat(recorded)
                    .isPositive()
                    .isEqualTo(console.get(console.size() - 1).requests());
            assertThat(log.info)
                    .contains("dist: 2 workers sent " + recorded + " requests; the master recorded " + recorded + ".");
            assertThat(outcome.result().info().users()).isEqualTo(4);
            assertThat(Files.exists(outcome.output().workerLog(1))).isEqualTo(!processesOption);
            assertThat(log.info).anySatisfy(l -> assertThat(l).contains(", 2 workers, "));
        }
    }

    @Test
    void debiansLocustCannotRunWorkersAndSaysWhatToDo() throws Exception {
        Path locustfile = TestLocusts.resource("locustfile.py", dir);
        LocustScenario scenario = new LocustScenario(
                "dist",
                List.of(locustfile),
                List.of(),
                List.of(),
                List.of(),
                2,
                2,
                Duration.ofSeconds(3),
                "http://127.0.0.1:1",
                Map.of(),
                List.of(),
                Distribution.localWorkers(2));
        LocustRunner runner = new LocustRunner(
                TestLocusts.debian(),
                new LocustRunner.Settings(dir, Duration.ZERO, Duration.ofSeconds(10)),
                RunLog.silent());

        assertThatThrownBy(() -> runner.run(scenario, dir.resolve("out")))
                .isInstanceOf(LocustRunException.class)
                .hasMessageContaining("cannot run distributed: it reports an empty version (Debian's python3-locust")
                .hasMessageContaining("Set locustVersion");
    }
}
