package dev.locustmaven.export;

import dev.locustmaven.io.AtomicFile;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a run's metrics in the OpenMetrics text format, with the same names and labels that Prometheus stores when it
 * scrapes the Pushgateway ({@code job} and the grouping labels included), for tools that read files: node_exporter's
 * textfile collector after a rename, {@code promtool}, an artifact archived by CI.
 */
public final class OpenMetricsFile {

    private OpenMetricsFile() {}

    /**
     * Writes the file through a temporary file beside it, so a reader never sees half of it.
     *
     * @throws ExportException naming the file when it cannot be written
     */
    public static void write(MetricsExport export, Path file) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            OpenMetricsTextFormatWriter.create()
                    .write(out, export.snapshotsWithGroupLabels(), EscapingScheme.UNDERSCORE_ESCAPING);
            AtomicFile.write(file, out.toByteArray());
        } catch (IOException e) {
            throw new ExportException("Could not write the OpenMetrics file " + file.toAbsolutePath() + ": " + e, e);
        }
    }
}
