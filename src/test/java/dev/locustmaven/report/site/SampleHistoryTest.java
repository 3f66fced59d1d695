package dev.locustmaven.report.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the site-report IT's committed files equal to what {@link SampleHistory} writes. To regenerate them after a
 * change of the sample or of a file format, run this test with {@code -Dlocust.regenerateSamples=true}.
 */
class SampleHistoryTest {

    private static final Path IT_PROJECT = Path.of("src/it/site-report");
    private static final List<String> FILES =
            List.of(SampleHistory.HISTORY, SampleHistory.BASELINE, SampleHistory.VERDICT);

    @TempDir
    Path fresh;

    @Test
    void theSiteReportItHoldsTheSampleHistory() throws IOException {
        if (Boolean.getBoolean("locust.regenerateSamples")) {
            SampleHistory.write(IT_PROJECT);
        }
        SampleHistory.write(fresh);

        for (String file : FILES) {
            assertThat(IT_PROJECT.resolve(file))
                    .as("%s is out of date; regenerate it with -Dlocust.regenerateSamples=true", file)
                    .hasSameBinaryContentAs(fresh.resolve(file));
        }
        assertThat(Files.readAllLines(fresh.resolve(SampleHistory.HISTORY))).hasSize(SampleHistory.RUNS);
    }
}
