package dev.locustmaven.locust.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.locustmaven.locust.LocustRunException;
import dev.locustmaven.locust.install.LocustFeatures;
import dev.locustmaven.locust.install.LocustInstallation;
import dev.locustmaven.locust.install.LocustVersion;
import dev.locustmaven.locust.process.LocustEnvironment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocustLaunchTest {

    private static final Path EXE = Path.of("/opt/locust/bin/locust");
    private static final Path WORK = Path.of("/project");
    private static final OutputLayout OUT = new OutputLayout(Path.of("/project/target/locust/api"));
    private static final String FILES =
            "/project/target/locust/api/.locust-maven/locust_maven_helper.py,/project/locustfile.py";

    private static LocustInstallation locust(boolean processes, boolean reportsVersion) {
        return new LocustInstallation(
                EXE,
                LocustVersion.parse("2.47.0").orElseThrow(),
                reportsVersion,
                new LocustFeatures(true, true, processes, true),
                "test");
    }

    private static LocustScenario scenario(
            List<String> classes, List<String> tags, List<String> args, Distribution distribution) {
        return new LocustScenario(
                "api",
                List.of(Path.of("/project/locustfile.py")),
                classes,
                tags,
                List.of("slow"),
                10,
                2.5,
                Duration.ofMinutes(1),
                "http://127.0.0.1:8080",
                Map.of("TOKEN", "x"),
                args,
                distribution);
    }

    @Test
    void standaloneCommandIsHeadlessExplicitAndWritesIntoTheServiceFolder() {
        LocustLaunch launch = LocustLaunch.plan(
                locust(true, true),
                scenario(
                        List.of("ApiUser", "SearchUser"),
                        List.of("smoke", "read"),
                        List.of("-s", "5"),
                        Distribution.standalone()),
                OUT,
                WORK,
                () -> 1);

        assertThat(launch.workers()).isEmpty();
        assertThat(launch.main().arguments())
                .containsExactly(
                        "/opt/locust/bin/locust",
                        "-f",
                        FILES,
                        "--headless",
                        "-u",
                        "10",
                        "-r",
                        "2.5",
                        "-t",
                        "60s",
                        "-H",
                        "http://127.0.0.1:8080",
                        "--csv",
                        "/project/target/locust/api/locust",
                        "--html",
                        "/project/target/locust/api/report.html",
                        "--only-summary",
                        "--tags",
                        "smoke",
                        "read",
                        "--exclude-tags",
                        "slow",
                        "-s",
                        "5",
                        "--exit-code-on-error",
                        "42",
                        "ApiUser",
                        "SearchUser");
        assertThat(launch.main().workingDirectory()).isEqualTo(WORK);
        assertThat(launch.main().environment())
                .containsEntry("TOKEN", "x")
                .containsEntry("PYTHONUNBUFFERED", "1")
                .containsEntry(LocustLaunch.FINAL_STATS_ENV, "/project/target/locust/api/final-stats.json")
                .containsEntry(LocustLaunch.STATUS_ENV, "/project/target/locust/api/.locust-maven/status.json")
                .containsEntry(LocustLaunch.VERSION_ENV, "2.47.0");
        assertThat(launch.main().environment().keySet()).noneMatch(k -> k.startsWith("LOCUST_"));
    }

    @Test
    void localWorkersUseProcessesWhereLocustHasIt() {
        LocustLaunch launch = LocustLaunch.plan(
                locust(true, true),
                scenario(List.of(), List.of(), List.of(), Distribution.localWorkers(3)),
                OUT,
                WORK,
                () -> 1);

        assertThat(launch.workers()).isEmpty();
        assertThat(launch.main().arguments())
                .containsSequence("--processes", "3", "--expect-workers-max-wait", "60")
                .doesNotContain("--master");
    }

    @Test
    void withoutProcessesTheMasterGetsSeparateWorkersOnLoopback() {
        LocustLaunch launch = LocustLaunch.plan(
                locust(false, true),
                scenario(List.of("ApiUser"), List.of("smoke"), List.of(), Distribution.localWorkers(2)),
                OUT,
                WORK,
                () -> 40123);

        assertThat(launch.main().arguments())
                .containsSequence(
                        "--master",
                        "--master-bind-host",
                        "127.0.0.1",
                        "--master-bind-port",
                        "40123",
                        "--expect-workers",
                        "2",
                        "--expect-workers-max-wait",
                        "60")
                .endsWith("--exit-code-on-error", "42", "ApiUser");
        assertThat(launch.workers())
                .hasSize(2)
                .allSatisfy(w -> assertThat(w.arguments())
                        .containsExactly(
                                "/opt/locust/bin/locust",
                                "-f",
                                FILES,
                                "--worker",
                                "--master-host",
                                "127.0.0.1",
                                "--master-port",
                                "40123",
                                "--tags",
                                "smoke",
                                "--exclude-tags",
                                "slow"));
    }

    @Test
    void expectWorkersMakesAMasterThatWaitsForWorkersStartedElsewhere() {
        Distribution remote = new Distribution(0, 4, null, 0, Duration.ofMinutes(5));
        LocustLaunch launch = LocustLaunch.plan(
                locust(true, true), scenario(List.of(), List.of(), List.of(), remote), OUT, WORK, () -> 1);

        assertThat(launch.workers()).isEmpty();
        assertThat(launch.main().arguments())
                .containsSequence(
                        "--master",
                        "--master-bind-host",
                        "*",
                        "--master-bind-port",
                        "5557",
                        "--expect-workers",
                        "4",
                        "--expect-workers-max-wait",
                        "300");
    }

    @Test
    void aLocustWithoutVersionCannotHaveLocalWorkers() {
        assertThatThrownBy(() -> LocustLaunch.plan(
                        locust(false, false),
                        scenario(List.of(), List.of(), List.of(), Distribution.localWorkers(2)),
                        OUT,
                        WORK,
                        () -> 1))
                .isInstanceOf(LocustRunException.class)
                .hasMessageContaining("asks for 2 workers")
                .hasMessageContaining("Set locustVersion");
    }

    @Test
    void optionsThePluginOwnsAreRejectedInArguments() {
        for (String owned : List.of("--csv=x", "-u", "-u5", "--json", "--html", "--processes", "-f")) {
            assertThatThrownBy(() -> scenario(List.of(), List.of(), List.of(owned), Distribution.standalone()))
                    .as(owned)
                    .isInstanceOf(LocustRunException.class)
                    .hasMessageContaining("arguments contain '" + owned + "', which the plugin sets itself");
        }
        assertThat(scenario(List.of(), List.of(), List.of("-s", "10", "--loglevel", "DEBUG"), Distribution.standalone())
                        .arguments())
                .hasSize(4);
    }

    @Test
    void theRunTimeOfLocustCoversTheWarmUpAndTheHelperLearnsItsLength() {
        LocustScenario warm = new LocustScenario(
                "api",
                List.of(Path.of("/project/locustfile.py")),
                null,
                null,
                null,
                10,
                2,
                Duration.ofMinutes(1),
                Duration.ofSeconds(20),
                "http://127.0.0.1:8080",
                null,
                null,
                null);

        LocustLaunch launch = LocustLaunch.plan(locust(true, true), warm, OUT, WORK, () -> 1);

        assertThat(launch.main().arguments()).containsSubsequence("-t", "80s");
        assertThat(launch.main().environment()).containsEntry(LocustLaunch.WARM_UP_ENV, "20");
        LocustLaunch cold = LocustLaunch.plan(
                locust(true, true),
                scenario(List.of(), List.of(), List.of(), Distribution.standalone()),
                OUT,
                WORK,
                () -> 1);
        assertThat(cold.main().arguments()).containsSubsequence("-t", "60s");
        // always set, so that a variable of the same name in the build's environment cannot start a warm-up
        assertThat(cold.main().environment()).containsEntry(LocustLaunch.WARM_UP_ENV, "0");
    }

    @Test
    void scenarioValuesAreChecked() {
        assertThatThrownBy(() -> new LocustScenario(
                        "../x",
                        List.of(Path.of("l.py")),
                        null,
                        null,
                        null,
                        1,
                        1,
                        Duration.ofSeconds(5),
                        null,
                        null,
                        null,
                        null))
                .hasMessageContaining("cannot be a folder name");
        assertThatThrownBy(() -> new LocustScenario(
                        "api",
                        List.of(Path.of("l.py")),
                        null,
                        null,
                        null,
                        0,
                        1,
                        Duration.ofSeconds(5),
                        null,
                        null,
                        null,
                        null))
                .hasMessage("Scenario 'api': users must be at least 1 (got 0).");
        assertThatThrownBy(() -> new Distribution(2, 2, null, 0, null)).hasMessageContaining("Set either workers");
    }

    @Test
    void inheritedLocustVariablesAreDroppedButExplicitOnesKept() {
        Map<String, String> env = LocustEnvironment.scrubbed(
                Map.of("LOCUST_USERS", "99", "locust_host", "x", "PATH", "/bin"), Map.of("LOCUST_TAGS", "mine"));

        assertThat(env)
                .containsOnly(
                        Map.entry("PATH", "/bin"),
                        Map.entry("LOCUST_TAGS", "mine"),
                        Map.entry("PYTHONUNBUFFERED", "1"));
    }
}
