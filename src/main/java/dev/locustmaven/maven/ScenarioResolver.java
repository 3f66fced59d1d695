package dev.locustmaven.maven;

import dev.locustmaven.locust.LocustDuration;
import dev.locustmaven.locust.LocustRunException;
import dev.locustmaven.locust.process.BackgroundProcessSpec;
import dev.locustmaven.locust.process.CommandLine;
import dev.locustmaven.locust.run.Distribution;
import dev.locustmaven.locust.run.LocustScenario;
import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the {@code run} goal's configuration into the core's scenarios and processes: a scenario's own value, else the
 * plugin-level default. Kept apart from the mojo so that the rules can be tested without Maven.
 */
final class ScenarioResolver {

    /**
     * Plugin-level settings that are not per scenario.
     *
     * @param defaults the plugin-level values of every scenario parameter
     * @param defaultName the service name when no scenario is configured
     */
    record Defaults(
            Scenario defaults,
            String defaultName,
            Path baseDirectory,
            String masterBindHost,
            int masterBindPort,
            Duration workerTimeout) {}

    private final Defaults d;

    ScenarioResolver(Defaults defaults) {
        this.d = defaults;
    }

    /** One scenario per configured {@code <scenario>}, or one from the defaults alone when there are none. */
    List<LocustScenario> resolve(List<Scenario> configured) {
        List<Scenario> list = configured == null || configured.isEmpty() ? List.of(named(d.defaultName())) : configured;
        List<LocustScenario> scenarios = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            scenarios.add(resolve(list.get(i), i));
        }
        return scenarios;
    }

    private static Scenario named(String name) {
        Scenario s = new Scenario();
        s.setName(name);
        return s;
    }

    private LocustScenario resolve(Scenario s, int index) {
        Scenario p = d.defaults();
        String name = s.getName();
        if (name == null || name.isBlank()) {
            throw new LocustRunException("Scenario #" + (index + 1) + " has no name; give each <scenario> a <name>,"
                    + " the service name its results are stored under.");
        }
        String locustfile = or(s.getLocustfile(), p.getLocustfile());
        if (locustfile == null || locustfile.isBlank()) {
            throw new LocustRunException(
                    "Scenario '" + name + "' has no locustfile; set locustfile" + " (-Dlocust.locustfile).");
        }
        List<Path> locustfiles = Arrays.stream(locustfile.split(","))
                .map(String::trim)
                .filter(f -> !f.isEmpty())
                .map(f -> d.baseDirectory().resolve(f).normalize())
                .toList();
        Map<String, String> environment = new HashMap<>(variables(p.getEnvironment()));
        environment.putAll(variables(s.getEnvironment()));
        int workers = or(s.getWorkers(), p.getWorkers(), 0);
        int expectWorkers = or(s.getExpectWorkers(), p.getExpectWorkers(), 0);
        return new LocustScenario(
                name,
                locustfiles,
                or(s.getUserClasses(), p.getUserClasses()),
                or(s.getTags(), p.getTags()),
                or(s.getExcludeTags(), p.getExcludeTags()),
                or(s.getUsers(), p.getUsers(), 1),
                spawnRate(name, or(s.getSpawnRate(), p.getSpawnRate())),
                LocustDuration.parse(or(s.getRunTime(), p.getRunTime()), "runTime of scenario '" + name + "'"),
                warmUp(name, or(s.getWarmUp(), p.getWarmUp())),
                or(s.getHost(), p.getHost()),
                environment,
                or(s.getArguments(), p.getArguments()),
                new Distribution(workers, expectWorkers, d.masterBindHost(), d.masterBindPort(), d.workerTimeout()));
    }

    private static Duration warmUp(String scenario, String text) {
        return text == null || text.isBlank()
                ? Duration.ZERO
                : LocustDuration.parse(text, "warmUp of scenario '" + scenario + "'");
    }

    private static double spawnRate(String scenario, String text) {
        if (text == null || text.isBlank()) {
            return 1;
        }
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new LocustRunException("spawnRate '" + text + "' of scenario '" + scenario
                    + "' is not a number of users per second, such as 2 or 0.5.");
        }
    }

    /** The background processes, each with its command, folder and log file resolved. */
    static List<BackgroundProcessSpec> processes(
            List<BackgroundProcessConfig> configured, Path baseDirectory, Path logDirectory) {
        List<BackgroundProcessSpec> specs = new ArrayList<>();
        if (configured == null) {
            return specs;
        }
        for (int i = 0; i < configured.size(); i++) {
            BackgroundProcessConfig c = configured.get(i);
            String name = c.getName() == null || c.getName().isBlank() ? "process-" + (i + 1) : c.getName();
            List<String> command;
            if (c.getCommand() != null && !c.getCommand().isEmpty()) {
                command = c.getCommand();
            } else if (c.getCommandLine() != null) {
                command = CommandLine.split(c.getCommandLine());
            } else {
                throw new LocustRunException("Process '" + name + "' has neither commandLine nor command.");
            }
            specs.add(new BackgroundProcessSpec(
                    name,
                    command,
                    c.getWorkingDirectory() == null
                            ? baseDirectory
                            : c.getWorkingDirectory().toPath(),
                    variables(c.getEnvironment()),
                    c.getReadyUrl() == null || c.getReadyUrl().isBlank()
                            ? null
                            : URI.create(c.getReadyUrl().trim()),
                    c.getReadyLogPattern(),
                    c.getReadyTimeout() == null
                            ? null
                            : LocustDuration.parse(c.getReadyTimeout(), "readyTimeout of process '" + name + "'"),
                    c.getLogFile() == null
                            ? logDirectory.resolve(name + ".log")
                            : c.getLogFile().toPath()));
        }
        return specs;
    }

    static Path path(File file) {
        return file == null ? null : file.toPath();
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    private static int or(Integer value, Integer fallback, int last) {
        return value != null ? value : fallback != null ? fallback : last;
    }

    /**
     * Environment variables as the pom gives them: an empty element ({@code <NAME></NAME>}) arrives as null, which a
     * process cannot take, and means the empty string.
     */
    private static Map<String, String> variables(Map<String, String> configured) {
        Map<String, String> variables = new HashMap<>();
        if (configured != null) {
            configured.forEach((name, value) -> variables.put(name, value == null ? "" : value));
        }
        return variables;
    }
}
