package dev.locustmaven.locust.run;

import dev.locustmaven.locust.LocustDuration;
import dev.locustmaven.model.ServiceResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the end of a Locust run means: from what the runner saw (why it stopped Locust, if it did; the exit code; the
 * final statistics and the exit code the helper wrote into them) to the run's status, why it is unusable, and the
 * facts worth a warning. Reads nothing and runs nothing, so every message can be tested without Locust.
 */
public final class RunEnding {

    /** Why the runner stopped Locust before it ended on its own; {@code NONE} when it did not. */
    public enum Stop {
        NONE,
        TIME_LIMIT,
        FAILURES_ONLY,
        INTERRUPTED
    }

    /**
     * What the runner saw at the end of one run.
     *
     * @param locustVersion how the installed Locust names itself in messages, e.g. {@code 2.31.8}
     * @param log Locust's log file, named in messages
     * @param directory the run's output folder, named in messages
     * @param exitCode the main process's exit code; {@code null} when it had to be killed without one
     * @param result the final statistics; {@code null} when Locust wrote none
     * @param finalStatsExitCode the exit code the helper wrote into the final statistics; {@code null} for none
     * @param lastRecordedRequests the requests Locust's last live status counted; {@code null} without a status
     * @param logAsksForHost whether Locust's log says it needs a base host (read only for a run without requests)
     */
    public record Facts(
            LocustScenario scenario,
            String locustVersion,
            Path log,
            Path directory,
            Stop stop,
            Integer exitCode,
            ServiceResult result,
            Integer finalStatsExitCode,
            Long lastRecordedRequests,
            boolean logAsksForHost) {}

    /**
     * @param problem why the run is unusable, with the likely causes; {@code null} when its result can be used
     * @param notes further facts worth a warning
     */
    public record Interpretation(RunStatus status, String problem, List<String> notes) {
        public Interpretation {
            notes = List.copyOf(notes);
        }
    }

    private RunEnding() {}

    public static Interpretation interpret(Facts facts) {
        RunStatus status = status(facts);
        LocustScenario scenario = facts.scenario();
        ServiceResult result = facts.result();
        Integer exitCode = facts.exitCode();
        String problem = null;
        if (status == RunStatus.FAILED) {
            problem = failure(facts);
        } else if (result == null) {
            problem = "Locust wrote no final statistics before it was stopped"
                    + (facts.lastRecordedRequests() == null
                            ? ""
                            : "; it had recorded " + facts.lastRecordedRequests() + " requests")
                    + ". What it wrote is kept in " + facts.directory()
                    + " (its CSV files lag up to a second behind).";
        } else if (result.aggregated().requestCount() == 0) {
            problem = noRequests(facts);
        }
        List<String> notes = new ArrayList<>();
        if (status == RunStatus.TIME_LIMIT || status == RunStatus.INTERRUPTED) {
            notes.add("Scenario '" + scenario.name() + "' was " + status.description()
                    + (result == null ? "." : ": " + LocustRunner.summary(result) + "."));
        }
        if (status == RunStatus.OTHER_EXIT_CODE) {
            notes.add("Locust of scenario '" + scenario.name() + "' exited with code " + exitCode
                    + (exitCode == 2
                            ? ", which means an unhandled error inside Locust; see " + facts.log()
                            : ", set by the locustfile or a Locust plugin (environment.process_exit_code)")
                    + ".");
        }
        return new Interpretation(status, problem, notes);
    }

    /** A run that ran to its end (not stopped by the plugin or the build) whose final statistics are whole. */
    public static boolean ranToItsEnd(RunStatus status) {
        return status != RunStatus.TIME_LIMIT && status != RunStatus.INTERRUPTED && status != RunStatus.FAILURES_ONLY;
    }

    private static RunStatus status(Facts facts) {
        Integer exitCode = facts.exitCode();
        // the helper writes the exit code Locust is about to end with: equal only when Locust shut down normally
        boolean shutDownNormally = facts.result() != null
                && facts.finalStatsExitCode() != null
                && facts.finalStatsExitCode().equals(exitCode);
        return switch (facts.stop()) {
            case INTERRUPTED -> RunStatus.INTERRUPTED;
            case TIME_LIMIT -> RunStatus.TIME_LIMIT;
            case FAILURES_ONLY -> RunStatus.FAILURES_ONLY;
            case NONE -> {
                if (!shutDownNormally) {
                    yield RunStatus.FAILED;
                } else if (exitCode == 0) {
                    yield RunStatus.PASSED;
                } else if (exitCode == LocustLaunch.EXIT_CODE_ON_ERROR) {
                    yield RunStatus.FAILURES_RECORDED;
                }
                yield RunStatus.OTHER_EXIT_CODE;
            }
        };
    }

    private static String failure(Facts facts) {
        String name = facts.scenario().name();
        Integer exitCode = facts.exitCode();
        String where = " See " + facts.log() + "; its last lines are above.";
        if (exitCode == null) {
            return "Locust of scenario '" + name + "' did not exit." + where;
        }
        if (exitCode == 2 && facts.result() == null) {
            return "Locust rejected its command line (exit code 2) in scenario '" + name
                    + "': an option in arguments that this Locust " + facts.locustVersion()
                    + " does not know, or an invalid value." + where;
        }
        if (exitCode == 1 && facts.result() == null) {
            return "Locust could not run scenario '" + name + "' (exit code 1): typically a locustfile"
                    + " that fails to import, an unknown User class in userClasses, no User class at all, or"
                    + " workers that never connected." + where;
        }
        return "Locust of scenario '" + name + "' ended with exit code " + exitCode
                + " without finishing its test"
                + (exitCode > 128 ? " (killed by signal " + (exitCode - 128) + ")" : "")
                + "." + where;
    }

    private static String noRequests(Facts facts) {
        LocustScenario scenario = facts.scenario();
        ServiceResult result = facts.result();
        List<String> causes = new ArrayList<>();
        if (facts.logAsksForHost()) {
            causes.add("no host: set host (-Dlocust.host) or a host attribute on the User class");
        }
        if (!result.exceptions().isEmpty()) {
            causes.add("tasks raised exceptions before making a request, e.g. "
                    + result.exceptions().get(0).message());
        }
        if (!scenario.tags().isEmpty() || !scenario.excludeTags().isEmpty()) {
            causes.add(
                    "tags " + scenario.tags() + " / excludeTags " + scenario.excludeTags() + " leave no task to run");
        }
        causes.add("the User classes" + (scenario.userClasses().isEmpty() ? "" : " " + scenario.userClasses())
                + " have no tasks, or their wait_time is longer than the run time "
                + LocustDuration.toLocust(scenario.runTime()));
        causes.add("the tasks make requests without Locust's clients (HttpUser.client, FastHttpUser.client), so"
                + " no request events are fired");
        return "Locust recorded no requests in scenario '" + scenario.name() + "'. Likely causes: "
                + String.join("; ", causes) + ". See " + facts.log() + ".";
    }
}
