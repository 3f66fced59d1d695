package dev.locustmaven.locust.output;

import dev.locustmaven.locust.run.PairedLayout;
import dev.locustmaven.model.LocustRun;
import dev.locustmaven.model.ServiceResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads a results directory, one sub-folder per service named after it, into a {@link LocustRun}. Sub-folders without
 * Locust output (and hidden ones) are passed over; a directory where no sub-folder has any is an error.
 */
public final class ResultsDirectoryReader {

    private final ServiceResultsReader services;

    public ResultsDirectoryReader() {
        this(new ServiceResultsReader());
    }

    public ResultsDirectoryReader(ServiceResultsReader services) {
        this.services = services;
    }

    public LocustRun read(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new LocustOutputException(
                    directory,
                    Files.exists(directory)
                            ? "is not a directory; expected the results directory with one folder per service"
                            : "does not exist; expected the results directory with one folder per service (did the"
                                    + " Locust run write its output somewhere else?)");
        }
        List<Path> folders = subFolders(directory);
        List<ServiceResult> results = new ArrayList<>();
        for (Path folder : folders) {
            services.read(folder).ifPresent(results::add);
        }
        if (results.isEmpty()) {
            throw new LocustOutputException(directory, noOutput(directory, folders));
        }
        return new LocustRun(results);
    }

    /**
     * The names of the directory's service folders, in name order: the folders that hold Locust output, not hidden
     * (the confirmation runs' {@code .reruns}) and not the paired comparison's; none when the directory does not exist.
     */
    public static List<String> serviceFolders(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        return subFolders(directory).stream()
                .filter(folder -> !folder.getFileName().toString().equals(PairedLayout.FOLDER))
                .filter(folder -> ServiceFiles.find(folder).hasLocustOutput())
                .map(folder -> folder.getFileName().toString())
                .toList();
    }

    private static List<Path> subFolders(Path directory) {
        try (Stream<Path> listing = Files.list(directory)) {
            return listing.filter(Files::isDirectory)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new LocustOutputException(directory, 0, "cannot be listed: " + e.getMessage(), e);
        }
    }

    private static String noOutput(Path directory, List<Path> folders) {
        String expected = "expected one folder per service, each holding Locust's --csv files (<prefix>_stats.csv ...)"
                + " and/or the JSON of --json / --json-file";
        if (ServiceFiles.find(directory).hasLocustOutput()) {
            return "holds Locust output directly, but no service folder with any; " + expected
                    + ". Move the files into a folder named after the service";
        }
        Optional<String> names = folders.isEmpty()
                ? Optional.empty()
                : Optional.of(String.join(
                        ", ",
                        folders.stream().map(p -> p.getFileName().toString()).toList()));
        return "no Locust output in "
                + names.map(n -> "any of its folders (" + n + ")").orElse("it (it has no folders)") + "; " + expected;
    }
}
