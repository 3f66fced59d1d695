package dev.locustmaven.notify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/** Appends the Markdown report to the job summary page of GitHub Actions ({@code GITHUB_STEP_SUMMARY}). */
public final class StepSummary {

    public static final String VARIABLE = "GITHUB_STEP_SUMMARY";

    private StepSummary() {}

    /** Appends when {@code GITHUB_STEP_SUMMARY} is set; does nothing otherwise. */
    public static NotificationResult append(Map<String, String> env, String markdownReport) {
        String file = env.get(VARIABLE);
        if (file == null || file.isBlank()) {
            return NotificationResult.empty();
        }
        return append(Path.of(file), markdownReport);
    }

    public static NotificationResult append(Path file, String markdownReport) {
        String text = markdownReport.endsWith("\n") ? markdownReport + "\n" : markdownReport + "\n\n";
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return new NotificationResult(
                    java.util.List.of("Added the report to the job summary " + file),
                    java.util.List.of(),
                    java.util.List.of());
        } catch (IOException e) {
            return NotificationResult.warning("Could not add the report to the job summary " + file + ": " + e);
        }
    }
}
