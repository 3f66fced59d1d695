package dev.locustmaven.locust.run;

import dev.locustmaven.locust.install.TestLocusts;
import dev.locustmaven.locust.process.BackgroundProcessSpec;
import dev.locustmaven.model.EndpointStats;
import dev.locustmaven.model.RunInfo;
import dev.locustmaven.model.ServiceResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the session tests share: scenarios, a Locust stand-in's result, the processes they start and find again. */
final class SessionFixtures {

    private SessionFixtures() {}

    static LocustScenario scenario(
            String name, String host, Duration runTime, Duration warmUp, Distribution distribution) {
        return new LocustScenario(
                name,
                List.of(Path.of("locustfile.py")),
                List.of(),
                List.of(),
                List.of(),
                1,
                1,
                runTime,
                warmUp,
                host,
                Map.of(),
                List.of(),
                distribution);
    }

    /** A service's result of {@code requests} requests, all at {@code p95} ms. */
    static ServiceResult result(String service, long requests, double p95) {
        EndpointStats total = new EndpointStats(
                "",
                EndpointStats.AGGREGATED,
                requests,
                0,
                p95,
                p95,
                p95,
                p95,
                0.0,
                requests / 2.0,
                0.0,
                new TreeMap<>(Map.of(0.95, p95)),
                new TreeMap<>(Map.of(p95, requests)));
        return new ServiceResult(
                service, List.of(), total, List.of(), List.of(), new RunInfo("2.47.0", 1, 2.0, null), List.of());
    }

    /** What a Locust stand-in returns: the scenario passed, 10 requests at 20 ms. */
    static ScenarioOutcome passed(LocustScenario scenario) {
        return new ScenarioOutcome(
                scenario.name(),
                null,
                RunStatus.PASSED,
                0,
                result(scenario.name(), 10, 20.0),
                Duration.ZERO,
                null,
                List.of(),
                List.of());
    }

    static BackgroundProcessSpec process(Path dir, String name, String... command) {
        return new BackgroundProcessSpec(
                name, List.of(command), dir, Map.of(), null, null, null, dir.resolve(name + ".log"));
    }

    /** The pids of the processes the session logged as started, in order. */
    static List<Long> started(TestLocusts.Lines log) {
        return log.info.stream()
                .filter(l -> l.startsWith("Started process"))
                .map(l -> Long.parseLong(l.replaceAll(".*\\(pid (\\d+)\\).*", "$1")))
                .toList();
    }

    static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
