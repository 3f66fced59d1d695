package dev.locustmaven.check;

import dev.locustmaven.model.LocustRun;
import dev.locustmaven.model.Measurements;
import dev.locustmaven.model.Verdict;
import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of one check.
 *
 * @param measurements the metrics judged: those of the services that are a measurement (see {@link NoMeasurement})
 * @param notes facts for the log that are not part of the verdict (a missing baseline file, the files written)
 * @param markdown the Markdown report, also written to {@code report.md}, for notifications
 * @param warnings problems that do not change the verdict but deserve a warning (corrupt history lines, a history
 *     that could not be written)
 * @param trends one line per notable trend of the history, for the log
 */
public record CheckResult(
        Verdict verdict,
        LocustRun run,
        Measurements measurements,
        List<String> notes,
        String markdown,
        List<Path> outputs,
        List<String> warnings,
        List<String> trends) {

    public CheckResult {
        notes = List.copyOf(notes);
        outputs = List.copyOf(outputs);
        warnings = List.copyOf(warnings);
        trends = List.copyOf(trends);
    }

    /** A result without history warnings or trends. */
    public CheckResult(
            Verdict verdict,
            LocustRun run,
            Measurements measurements,
            List<String> notes,
            String markdown,
            List<Path> outputs) {
        this(verdict, run, measurements, notes, markdown, outputs, List.of(), List.of());
    }
}
