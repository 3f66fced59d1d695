package dev.locustmaven.export;

import static dev.locustmaven.export.ExportFixtures.GROUPING;
import static dev.locustmaven.export.ExportFixtures.JOB;
import static dev.locustmaven.export.ExportFixtures.RUN_TIME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.locustmaven.export.Exposition.Sample;
import dev.locustmaven.model.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenMetricsFileTest {

    private final MetricsExport export = MetricsExport.of(
            ExportFixtures.measurements(), ExportFixtures.verdict(Status.WARN), RUN_TIME, JOB, GROUPING);

    @Test
    void writesEveryMetricWithTypeHelpAndTheGroupLabelsAndEndsWithEof(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("locust/metrics.om.txt");

        OpenMetricsFile.write(export, file);

        String text = Files.readString(file);
        assertThat(text).endsWith("# EOF\n");
        assertThat(text.indexOf("# EOF")).isEqualTo(text.length() - "# EOF\n".length());
        Exposition metrics = Exposition.parse(text);
        assertThat(metrics.types.keySet()).containsExactlyInAnyOrderElementsOf(export.metricNames());
        assertThat(metrics.types.values()).containsOnly("gauge");
        assertThat(metrics.helps.keySet()).containsExactlyInAnyOrderElementsOf(export.metricNames());
        assertThat(metrics.samples)
                .allSatisfy(sample -> assertThat(sample.labels())
                        .containsEntry("job", "locust")
                        .containsEntry("instance", "quickstart"));
        assertThat(metrics.find(
                        "locust_p99_latency_ms",
                        Map.of("service", "rag_service", "endpoint", "query", "job", "locust")))
                .get()
                .extracting(Sample::value)
                .isEqualTo(92.0);
        assertThat(metrics.find("locust_verdict", Map.of("level", "WARN")))
                .get()
                .extracting(Sample::value)
                .isEqualTo(1.0);
        assertThat(metrics.find("locust_run_timestamp_seconds", Map.of()))
                .get()
                .extracting(Sample::value)
                .isEqualTo(1_795_867_200.0);
        assertThat(dir.resolve("locust")).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void replacesAnEarlierFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("metrics.om.txt");
        Files.writeString(file, "stale\n");

        OpenMetricsFile.write(export, file);

        assertThat(Files.readString(file)).doesNotContain("stale").startsWith("# TYPE ");
    }

    @Test
    void aFileThatCannotBeWrittenIsNamedInTheMessage(@TempDir Path dir) throws Exception {
        Path blocker = Files.writeString(dir.resolve("not-a-directory"), "");
        Path file = blocker.resolve("metrics.om.txt");

        assertThatThrownBy(() -> OpenMetricsFile.write(export, file))
                .isInstanceOf(ExportException.class)
                .hasMessageContaining("Could not write the OpenMetrics file " + file);
    }
}
