package dev.locustmaven.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.locustmaven.locust.process.BackgroundProcessSpec;
import dev.locustmaven.locust.run.Distribution;
import dev.locustmaven.locust.run.LocustScenario;
import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScenarioResolverTest {

    private static final Path BASE = Path.of("/project");

    private static ScenarioResolver resolver(Scenario defaults) {
        return new ScenarioResolver(
                new ScenarioResolver.Defaults(defaults, "my-service", BASE, "*", 5557, Duration.ofSeconds(60)));
    }

    private static Scenario defaults() {
        Scenario d = new Scenario();
        d.setLocustfile("locustfile.py");
        d.setUsers(5);
        d.setSpawnRate("2.5");
        d.setRunTime("30s");
        d.setHost("http://127.0.0.1:8080");
        d.setEnvironment(Map.of("A", "plugin", "B", "plugin"));
        d.setWorkers(0);
        d.setExpectWorkers(0);
        return d;
    }

    @Test
    void withoutScenariosTheDefaultsMakeOneNamedAfterTheService() {
        List<LocustScenario> scenarios = resolver(defaults()).resolve(null);

        assertThat(scenarios).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("my-service");
            assertThat(s.locustfiles()).containsExactly(Path.of("/project/locustfile.py"));
            assertThat(s.users()).isEqualTo(5);
            assertThat(s.spawnRate()).isEqualTo(2.5);
            assertThat(s.runTime()).isEqualTo(Duration.ofSeconds(30));
            assertThat(s.distribution()).isEqualTo(Distribution.standalone());
        });
    }

    @Test
    void aScenarioOverridesTheDefaultsAndMergesTheEnvironment() {
        Scenario s = new Scenario();
        s.setName("gateway");
        s.setLocustfile("load/a.py, load/b.py");
        s.setUsers(20);
        s.setRunTime("2m");
        s.setUserClasses(List.of("GatewayUser"));
        s.setEnvironment(Map.of("B", "scenario"));
        s.setWorkers(2);

        LocustScenario resolved = resolver(defaults()).resolve(List.of(s)).get(0);

        assertThat(resolved.name()).isEqualTo("gateway");
        assertThat(resolved.locustfiles())
                .containsExactly(Path.of("/project/load/a.py"), Path.of("/project/load/b.py"));
        assertThat(resolved.users()).isEqualTo(20);
        assertThat(resolved.spawnRate()).isEqualTo(2.5);
        assertThat(resolved.runTime()).isEqualTo(Duration.ofMinutes(2));
        assertThat(resolved.host()).isEqualTo("http://127.0.0.1:8080");
        assertThat(resolved.userClasses()).containsExactly("GatewayUser");
        assertThat(resolved.environment()).containsOnly(Map.entry("A", "plugin"), Map.entry("B", "scenario"));
        assertThat(resolved.distribution().localWorkers()).isEqualTo(2);
    }

    @Test
    void theWarmUpIsNoneByDefaultAndAScenarioMayOverrideIt() {
        assertThat(resolver(defaults()).resolve(null).get(0).warmUp()).isZero();
        Scenario d = defaults();
        d.setWarmUp("0s");
        assertThat(resolver(d).resolve(null).get(0).warmUp()).isZero();
        d.setWarmUp("1m");
        Scenario own = new Scenario();
        own.setName("own");
        own.setWarmUp("15s");
        Scenario inherited = new Scenario();
        inherited.setName("inherited");

        List<LocustScenario> scenarios = resolver(d).resolve(List.of(own, inherited));

        assertThat(scenarios.get(0).warmUp()).isEqualTo(Duration.ofSeconds(15));
        assertThat(scenarios.get(0).loadTime()).isEqualTo(Duration.ofSeconds(45));
        assertThat(scenarios.get(1).warmUp()).isEqualTo(Duration.ofMinutes(1));
        own.setWarmUp("soon");
        assertThatThrownBy(() -> resolver(d).resolve(List.of(own)))
                .hasMessageStartingWith("warmUp of scenario 'own' 'soon' is not a duration");
        own.setWarmUp("10s");
        own.setWorkers(2);
        assertThatThrownBy(() -> resolver(d).resolve(List.of(own)))
                .hasMessage("Scenario 'own': warmUp cannot be combined with workers or expectWorkers yet, because the"
                        + " workers' statistics of the warm-up would still reach the measured results. Run the warm-up"
                        + " without workers, or set warmUp to 0s.");
    }

    @Test
    void badValuesNameTheScenario() {
        Scenario unnamed = new Scenario();
        assertThatThrownBy(() -> resolver(defaults()).resolve(List.of(unnamed)))
                .hasMessageStartingWith("Scenario #1 has no name");
        Scenario s = new Scenario();
        s.setName("api");
        s.setSpawnRate("fast");
        assertThatThrownBy(() -> resolver(defaults()).resolve(List.of(s)))
                .hasMessage(
                        "spawnRate 'fast' of scenario 'api' is not a number of users per second, such as 2 or 0.5.");
        s.setSpawnRate(null);
        s.setRunTime("10 minutes");
        assertThatThrownBy(() -> resolver(defaults()).resolve(List.of(s)))
                .hasMessageStartingWith("runTime of scenario 'api' '10 minutes' is not a duration");
    }

    @Test
    void processesGetTheirCommandFolderAndLogFile() {
        BackgroundProcessConfig c = new BackgroundProcessConfig();
        c.setName("sut");
        c.setCommandLine("python3 -m http.server --bind 127.0.0.1 '80 80'");
        c.setReadyUrl("http://127.0.0.1:8080/");
        c.setReadyTimeout("90s");
        BackgroundProcessConfig listed = new BackgroundProcessConfig();
        listed.setCommand(List.of("java", "-jar", "app.jar"));
        listed.setWorkingDirectory(new File("/elsewhere"));

        List<BackgroundProcessSpec> specs =
                ScenarioResolver.processes(List.of(c, listed), BASE, Path.of("/project/target/locust-processes"));

        assertThat(specs.get(0).command())
                .containsExactly("python3", "-m", "http.server", "--bind", "127.0.0.1", "80 80");
        assertThat(specs.get(0).readyUrl()).isEqualTo(URI.create("http://127.0.0.1:8080/"));
        assertThat(specs.get(0).readyTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(specs.get(0).workingDirectory()).isEqualTo(BASE);
        assertThat(specs.get(0).logFile()).isEqualTo(Path.of("/project/target/locust-processes/sut.log"));
        assertThat(specs.get(1).name()).isEqualTo("process-2");
        assertThat(specs.get(1).workingDirectory()).isEqualTo(Path.of("/elsewhere"));
        assertThat(specs.get(1).readyTimeout()).isEqualTo(BackgroundProcessSpec.DEFAULT_READY_TIMEOUT);
    }

    @Test
    void anEmptyEnvironmentValueIsTheEmptyString() {
        // <environment><DEBUG></DEBUG></environment> reaches the mojo as a null value, which a process cannot take
        java.util.Map<String, String> empty = new java.util.HashMap<>();
        empty.put("DEBUG", null);
        BackgroundProcessConfig c = new BackgroundProcessConfig();
        c.setCommand(List.of("java", "-jar", "app.jar"));
        c.setEnvironment(empty);
        Scenario s = new Scenario();
        s.setName("api");
        s.setEnvironment(empty);

        List<BackgroundProcessSpec> specs =
                ScenarioResolver.processes(List.of(c), BASE, Path.of("/project/target/locust-processes"));
        LocustScenario resolved = resolver(defaults()).resolve(List.of(s)).get(0);

        assertThat(specs.get(0).environment()).containsOnly(Map.entry("DEBUG", ""));
        assertThat(resolved.environment()).contains(Map.entry("DEBUG", ""));
    }
}
