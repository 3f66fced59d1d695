package dev.locustmaven.check;

import dev.locustmaven.model.LocustRun;
import dev.locustmaven.model.Measurements;
import dev.locustmaven.model.Verdict;
import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of one check.
 *
 * @param notes facts for the log that are not part of the verdict (a missing baseline file, the files written)
 * @param markdown the Markdown report, also written to {@code report.md}, for notifications
 */
public record CheckResult(
        Verdict verdict,
        LocustRun run,
        Measurements measurements,
        List<String> notes,
        String markdown,
        List<Path> outputs) {

    public CheckResult {
        notes = List.copyOf(notes);
        outputs = List.copyOf(outputs);
    }
}
