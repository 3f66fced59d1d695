package dev.locustmaven.export;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

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
        Path target = file.toAbsolutePath();
        Path temp = null;
        try {
            Files.createDirectories(target.getParent());
            temp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
            try (OutputStream out = Files.newOutputStream(temp)) {
                OpenMetricsTextFormatWriter.create()
                        .write(out, export.snapshotsWithGroupLabels(), EscapingScheme.UNDERSCORE_ESCAPING);
            }
            move(temp, target);
        } catch (IOException e) {
            throw new ExportException("Could not write the OpenMetrics file " + target + ": " + e, e);
        } finally {
            deleteQuietly(temp);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // The temporary file is only left behind if the move failed too; that error is already being thrown.
        }
    }
}
