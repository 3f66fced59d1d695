package dev.locustmaven.locust.run;

import dev.locustmaven.model.ServiceResult;
import java.time.Duration;
import java.util.List;

/**
 * What one Locust run of one scenario produced.
 *
 * @param exitCode the main Locust process's exit code, or {@code null} if it had to be killed without one
 * @param result the final statistics, or {@code null} when Locust wrote none (it crashed or was killed)
 * @param problem why the run is unusable (Locust could not run, or it recorded no requests), with the likely causes;
 *     {@code null} when the result can be used
 * @param notes further facts worth a warning (partial results, worker totals that differ, an unusual exit code)
 * @param logTail the last lines of Locust's log, to show when something went wrong
 */
public record ScenarioOutcome(
        String service,
        OutputLayout output,
        RunStatus status,
        Integer exitCode,
        ServiceResult result,
        Duration elapsed,
        String problem,
        List<String> notes,
        List<String> logTail) {

    public ScenarioOutcome {
        notes = List.copyOf(notes);
        logTail = List.copyOf(logTail);
    }

    /** True when the run produced numbers that {@code check} can use. */
    public boolean usable() {
        return problem == null;
    }
}
