package dev.locustmaven.locust;

/** How a Locust run ended, from its exit code, whether it wrote its final statistics, and why it was stopped. */
public enum RunStatus {
    /** Ran to its end; no request failed and no task raised (exit 0). */
    PASSED(true, "completed"),
    /** Ran to its end; some requests failed or some tasks raised (Locust's {@code --exit-code-on-error}). */
    FAILURES_RECORDED(true, "completed; some requests failed or tasks raised exceptions"),
    /**
     * Ran to its end, and Locust chose another exit code: set by the locustfile or a plugin ({@code
     * environment.process_exit_code}, e.g. locust-plugins' checks use 3), or 2 for an unhandled error in Locust.
     */
    OTHER_EXIT_CODE(true, "completed with an exit code set by the locustfile or an error inside Locust"),
    /** Passed run time plus grace period and was stopped by the plugin; the numbers are partial. */
    TIME_LIMIT(true, "stopped by the plugin at its time limit; results are partial"),
    /** The build was interrupted and Locust was stopped; the numbers are partial. */
    INTERRUPTED(true, "stopped because the build was interrupted; results are partial"),
    /** Locust exited without finishing the test: bad options, a broken locustfile, workers that never came, a crash. */
    FAILED(false, "failed");

    private final boolean finished;
    private final String description;

    RunStatus(boolean finished, String description) {
        this.finished = finished;
        this.description = description;
    }

    /** Whether Locust got as far as shutting down a test (so results may exist). */
    public boolean finished() {
        return finished;
    }

    public String description() {
        return description;
    }
}
