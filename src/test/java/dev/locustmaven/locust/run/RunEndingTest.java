package dev.locustmaven.locust.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locustmaven.locust.run.RunEnding.Stop;
import dev.locustmaven.model.EndpointStats;
import dev.locustmaven.model.ExceptionStat;
import dev.locustmaven.model.ServiceResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every status and message of the end of a run, from the facts the runner saw; no Locust needed. */
class RunEndingTest {

    private static final Path LOG = Path.of("/r/api/locust.log");
    private static final Path DIR = Path.of("/r/api");
    private static final String SEE_LOG = " See /r/api/locust.log; its last lines are above.";
    private static final String NO_REQUESTS_TAIL = "the User classes have no tasks, or their wait_time is longer than"
            + " the run time 10s; the tasks make requests without Locust's clients (HttpUser.client,"
            + " FastHttpUser.client), so no request events are fired. See /r/api/locust.log.";

    private static LocustScenario scenario(List<String> tags, List<String> userClasses) {
        return new LocustScenario(
                "api",
                List.of(Path.of("locustfile.py")),
                userClasses,
                tags,
                List.of(),
                5,
                1,
                Duration.ofSeconds(10),
                Duration.ZERO,
                "http://127.0.0.1:1",
                Map.of(),
                List.of(),
                Distribution.standalone());
    }

    private static ServiceResult result(long requests, long failures, List<ExceptionStat> exceptions) {
        TreeMap<Double, Double> percentiles = new TreeMap<>(Map.of(0.95, 120.0));
        EndpointStats aggregated = new EndpointStats(
                "",
                EndpointStats.AGGREGATED,
                requests,
                failures,
                40.0,
                1.0,
                200.0,
                35.0,
                10.0,
                2.5,
                0.0,
                percentiles,
                new TreeMap<>());
        return new ServiceResult("api", List.of(), aggregated, List.of(), exceptions, null, List.of());
    }

    private static final ServiceResult MEASURED = result(100, 0, List.of());
    private static final String SUMMARY = "100 requests, 0 failed (0.00%), 2.5 req/s, avg 40.0 ms, p95 120 ms";

    private static RunEnding.Facts facts(
            Stop stop, Integer exitCode, ServiceResult result, Integer finalCode, Long lastRequests, boolean host) {
        return facts(scenario(List.of(), List.of()), stop, exitCode, result, finalCode, lastRequests, host);
    }

    private static RunEnding.Facts facts(
            LocustScenario scenario,
            Stop stop,
            Integer exitCode,
            ServiceResult result,
            Integer finalCode,
            Long lastRequests,
            boolean host) {
        return new RunEnding.Facts(scenario, "2.31.8", LOG, DIR, stop, exitCode, result, finalCode, lastRequests, host);
    }

    static Stream<Arguments> endings() {
        return Stream.of(
                Arguments.of(
                        "ran to its end, exit 0",
                        facts(Stop.NONE, 0, MEASURED, 0, null, false),
                        RunStatus.PASSED,
                        null,
                        List.of()),
                Arguments.of(
                        "ran to its end, failures recorded",
                        facts(
                                Stop.NONE,
                                LocustLaunch.EXIT_CODE_ON_ERROR,
                                MEASURED,
                                LocustLaunch.EXIT_CODE_ON_ERROR,
                                null,
                                false),
                        RunStatus.FAILURES_RECORDED,
                        null,
                        List.of()),
                Arguments.of(
                        "an exit code of the locustfile",
                        facts(Stop.NONE, 3, MEASURED, 3, null, false),
                        RunStatus.OTHER_EXIT_CODE,
                        null,
                        List.of("Locust of scenario 'api' exited with code 3, set by the locustfile or a Locust plugin"
                                + " (environment.process_exit_code).")),
                Arguments.of(
                        "an unhandled error inside Locust after its statistics",
                        facts(Stop.NONE, 2, MEASURED, 2, null, false),
                        RunStatus.OTHER_EXIT_CODE,
                        null,
                        List.of("Locust of scenario 'api' exited with code 2, which means an unhandled error inside"
                                + " Locust; see /r/api/locust.log.")),
                Arguments.of(
                        "killed without an exit code",
                        facts(Stop.NONE, null, null, null, null, false),
                        RunStatus.FAILED,
                        "Locust of scenario 'api' did not exit." + SEE_LOG,
                        List.of()),
                Arguments.of(
                        "a command line Locust rejects",
                        facts(Stop.NONE, 2, null, null, null, false),
                        RunStatus.FAILED,
                        "Locust rejected its command line (exit code 2) in scenario 'api': an option in arguments"
                                + " that this Locust 2.31.8 does not know, or an invalid value." + SEE_LOG,
                        List.of()),
                Arguments.of(
                        "a locustfile that does not import",
                        facts(Stop.NONE, 1, null, null, null, false),
                        RunStatus.FAILED,
                        "Locust could not run scenario 'api' (exit code 1): typically a locustfile that fails to"
                                + " import, an unknown User class in userClasses, no User class at all, or workers"
                                + " that never connected." + SEE_LOG,
                        List.of()),
                Arguments.of(
                        "killed by a signal",
                        facts(Stop.NONE, 137, null, null, null, false),
                        RunStatus.FAILED,
                        "Locust of scenario 'api' ended with exit code 137 without finishing its test (killed by"
                                + " signal 9)." + SEE_LOG,
                        List.of()),
                Arguments.of(
                        "final statistics of another exit code",
                        facts(Stop.NONE, 3, MEASURED, 0, null, false),
                        RunStatus.FAILED,
                        "Locust of scenario 'api' ended with exit code 3 without finishing its test." + SEE_LOG,
                        List.of()),
                Arguments.of(
                        "stopped at the time limit, no final statistics",
                        facts(Stop.TIME_LIMIT, null, null, null, 42L, false),
                        RunStatus.TIME_LIMIT,
                        "Locust wrote no final statistics before it was stopped; it had recorded 42 requests. What"
                                + " it wrote is kept in /r/api (its CSV files lag up to a second behind).",
                        List.of("Scenario 'api' was stopped by the plugin at its time limit; results are partial.")),
                Arguments.of(
                        "stopped at the time limit, with final statistics",
                        facts(Stop.TIME_LIMIT, 0, MEASURED, 0, null, false),
                        RunStatus.TIME_LIMIT,
                        null,
                        List.of("Scenario 'api' was stopped by the plugin at its time limit; results are partial: "
                                + SUMMARY + ".")),
                Arguments.of(
                        "interrupted before any status",
                        facts(Stop.INTERRUPTED, null, null, null, null, false),
                        RunStatus.INTERRUPTED,
                        "Locust wrote no final statistics before it was stopped. What it wrote is kept in /r/api"
                                + " (its CSV files lag up to a second behind).",
                        List.of("Scenario 'api' was stopped because the build was interrupted; results are"
                                + " partial.")),
                Arguments.of(
                        "stopped after nothing but failures",
                        facts(Stop.FAILURES_ONLY, 0, result(30, 30, List.of()), 0, null, false),
                        RunStatus.FAILURES_ONLY,
                        null,
                        List.of()),
                Arguments.of(
                        "no requests",
                        facts(Stop.NONE, 0, result(0, 0, List.of()), 0, null, false),
                        RunStatus.PASSED,
                        "Locust recorded no requests in scenario 'api'. Likely causes: " + NO_REQUESTS_TAIL,
                        List.of()),
                Arguments.of(
                        "no requests, no host, tasks that raise, tags",
                        facts(
                                scenario(List.of("smoke"), List.of("ApiUser")),
                                Stop.NONE,
                                0,
                                result(0, 0, List.of(new ExceptionStat(3, "KeyError: 'id'", "", ""))),
                                0,
                                null,
                                true),
                        RunStatus.PASSED,
                        "Locust recorded no requests in scenario 'api'. Likely causes: no host: set host"
                                + " (-Dlocust.host) or a host attribute on the User class; tasks raised exceptions"
                                + " before making a request, e.g. KeyError: 'id'; tags [smoke] / excludeTags []"
                                + " leave no task to run; the User classes [ApiUser] have no tasks, or their"
                                + " wait_time is longer than the run time 10s; the tasks make requests without"
                                + " Locust's clients (HttpUser.client, FastHttpUser.client), so no request events are"
                                + " fired. See /r/api/locust.log.",
                        List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endings")
    void interpretsTheEndOfARun(
            String what, RunEnding.Facts facts, RunStatus status, String problem, List<String> notes) {
        RunEnding.Interpretation end = RunEnding.interpret(facts);

        assertThat(end.status()).isEqualTo(status);
        assertThat(end.problem()).isEqualTo(problem);
        assertThat(end.notes()).containsExactlyElementsOf(notes);
    }

    @Test
    void onlyARunThePluginDidNotStopRanToItsEnd() {
        assertThat(Stream.of(RunStatus.values()).filter(RunEnding::ranToItsEnd))
                .containsExactly(
                        RunStatus.PASSED, RunStatus.FAILURES_RECORDED, RunStatus.OTHER_EXIT_CODE, RunStatus.FAILED);
    }
}
