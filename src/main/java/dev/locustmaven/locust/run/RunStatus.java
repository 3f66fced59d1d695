package dev.locustmaven.locust.run;

/** How a Locust run ended, from its exit code, whether it wrote its final statistics, and why it was stopped. */
public enum RunStatus {
    /** Ran to its end; no request failed and no task raised (exit 0). */
    PASSED("completed"),
    /** Ran to its end; some requests failed or some tasks raised (Locust's {@code --exit-code-on-error}). */
    FAILURES_RECORDED("completed; some requests failed or tasks raised exceptions"),
    /**
     * Ran to its end, and Locust chose another exit code: set by the locustfile or a plugin ({@code
     * environment.process_exit_code}, e.g. locust-plugins' checks use 3), or 2 for an unhandled error in Locust.
     */
    OTHER_EXIT_CODE("completed with an exit code set by the locustfile or an error inside Locust"),
    /** Passed run time plus grace period and was stopped by the plugin; the numbers are partial. */
    TIME_LIMIT("stopped by the plugin at its time limit; results are partial"),
    /**
     * Had nothing but failures for the failure-only timeout and was stopped by the plugin; the numbers are partial,
     * and {@code check} reports the run as no measurement.
     */
    FAILURES_ONLY("stopped by the plugin after nothing but failures; results are partial"),
    /** The build was interrupted and Locust was stopped; the numbers are partial. */
    INTERRUPTED("stopped because the build was interrupted; results are partial"),
    /** Locust exited without finishing the test: bad options, a broken locustfile, workers that never came, a crash. */
    FAILED("failed");

    private final String description;

    RunStatus(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
