package dev.locustmaven.locust.run;

import dev.locustmaven.locust.output.FinalStatsReader;
import dev.locustmaven.locust.output.RunManifestFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The files of one service's run in its folder of the results directory: Locust's CSV files ({@code locust_*.csv}),
 * its HTML report, the full log, the final statistics written by the helper, the run's manifest, and the plugin's
 * working files in
 * {@code .locust-maven/}.
 */
public record OutputLayout(Path directory) {

    public static final String CSV_PREFIX = "locust";
    public static final String LOG = "locust.log";
    public static final String HTML = "report.html";
    static final String HELPER_RESOURCE = "locust_maven_helper.py";
    /** The helper among the plugin's resources, by absolute path (it sits in the folder of the package it served). */
    private static final String HELPER_RESOURCE_PATH = "/dev/locustmaven/locust/" + HELPER_RESOURCE;

    public Path csvPrefix() {
        return directory.resolve(CSV_PREFIX);
    }

    public Path log() {
        return directory.resolve(LOG);
    }

    public Path html() {
        return directory.resolve(HTML);
    }

    public Path manifest() {
        return directory.resolve(RunManifestFile.FILE_NAME);
    }

    public Path finalStats() {
        return directory.resolve(FinalStatsReader.FILE_NAME);
    }

    public Path workerLog(int index) {
        return directory.resolve("worker-" + index + ".log");
    }

    Path workDirectory() {
        return directory.resolve(".locust-maven");
    }

    Path helper() {
        return workDirectory().resolve(HELPER_RESOURCE);
    }

    Path status() {
        return workDirectory().resolve("status.json");
    }

    /** Why the plugin stopped the run early, written before it stops Locust, for the helper's final statistics. */
    Path earlyStop() {
        return workDirectory().resolve("early-stop.txt");
    }

    /** Where each worker writes how many requests it sent, to compare with the master's total. */
    Path workerCounts() {
        return workDirectory().resolve("workers");
    }

    /**
     * Creates the folder and removes what an earlier run left there (Locust overwrites files of the same name but
     * leaves others, and a stale file must never be read as this run's result); then installs the helper.
     */
    void prepare() throws IOException {
        Files.createDirectories(directory);
        try (DirectoryStream<Path> old = Files.newDirectoryStream(directory)) {
            for (Path p : old) {
                String name = p.getFileName().toString();
                boolean ours = (name.startsWith(CSV_PREFIX + "_") && name.endsWith(".csv"))
                        || name.equals(LOG)
                        || name.equals(HTML)
                        || name.equals(FinalStatsReader.FILE_NAME)
                        || name.equals(RunManifestFile.FILE_NAME)
                        || (name.startsWith("worker-") && name.endsWith(".log"));
                if (ours) {
                    Files.delete(p);
                }
            }
        }
        deleteTree(workDirectory());
        Files.createDirectories(workerCounts());
        try (InputStream in = OutputLayout.class.getResourceAsStream(HELPER_RESOURCE_PATH)) {
            if (in == null) {
                throw new IllegalStateException("The plugin's resource " + HELPER_RESOURCE + " is missing");
            }
            Files.copy(in, helper(), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
