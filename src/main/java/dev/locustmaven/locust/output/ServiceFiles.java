package dev.locustmaven.locust.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The Locust output files in one service folder: the four CSV files of {@code --csv <prefix>} (any one prefix), JSON
 * files, and Locust's log.
 *
 * @param prefix the {@code --csv} prefix of the CSV files, {@code null} when there are none
 * @param json every {@code *.json} file, by name
 * @param log {@code console.log} or {@code locust.log} (Locust's stderr), if present
 * @param finalStats the final statistics the {@code run} goal's helper wrote ({@value FinalStatsReader#FILE_NAME})
 * @param manifest what the {@code run} goal ran ({@value RunManifestFile#FILE_NAME}), if present
 */
public record ServiceFiles(
        Path folder,
        String prefix,
        Optional<Path> statsCsv,
        Optional<Path> failuresCsv,
        Optional<Path> exceptionsCsv,
        Optional<Path> historyCsv,
        List<Path> json,
        Optional<Path> log,
        Optional<Path> finalStats,
        Optional<Path> manifest) {

    static final String STATS = "_stats.csv";
    static final String FAILURES = "_failures.csv";
    static final String EXCEPTIONS = "_exceptions.csv";
    static final String HISTORY = "_stats_history.csv";
    private static final List<String> CSV_SUFFIXES = List.of(HISTORY, STATS, FAILURES, EXCEPTIONS);
    private static final List<String> LOG_NAMES = List.of("console.log", "locust.log");

    public ServiceFiles {
        json = List.copyOf(json);
    }

    /** Lists the folder (not its sub-folders). Two different CSV prefixes are an error: which run is meant? */
    public static ServiceFiles find(Path folder) {
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new LocustOutputException(folder, 0, "cannot be listed: " + e.getMessage(), e);
        }
        TreeMap<String, List<String>> byPrefix = new TreeMap<>();
        TreeMap<String, Path> csvBySuffix = new TreeMap<>();
        List<Path> json = new ArrayList<>();
        Optional<Path> log = Optional.empty();
        Optional<Path> finalStats = Optional.empty();
        Optional<Path> manifest = Optional.empty();
        for (Path file : files) {
            String name = file.getFileName().toString();
            Optional<String> suffix =
                    CSV_SUFFIXES.stream().filter(name::endsWith).findFirst();
            if (suffix.isPresent()) {
                String prefix = name.substring(0, name.length() - suffix.get().length());
                byPrefix.computeIfAbsent(prefix, p -> new ArrayList<>()).add(name);
                csvBySuffix.put(suffix.get(), file);
            } else if (name.equals(FinalStatsReader.FILE_NAME)) {
                finalStats = Optional.of(file);
            } else if (name.equals(RunManifestFile.FILE_NAME)) {
                manifest = Optional.of(file);
            } else if (name.endsWith(".json")) {
                json.add(file);
            } else if (log.isEmpty() && LOG_NAMES.contains(name)) {
                log = Optional.of(file);
            }
        }
        if (byPrefix.size() > 1) {
            throw new LocustOutputException(
                    folder,
                    "holds Locust CSV files of " + byPrefix.size() + " different --csv prefixes "
                            + new TreeSet<>(byPrefix.keySet()) + " ("
                            + String.join(
                                    ", ",
                                    byPrefix.values().stream()
                                            .flatMap(List::stream)
                                            .toList())
                            + "); keep the files of one run per service folder");
        }
        return new ServiceFiles(
                folder,
                byPrefix.isEmpty() ? null : byPrefix.firstKey(),
                Optional.ofNullable(csvBySuffix.get(STATS)),
                Optional.ofNullable(csvBySuffix.get(FAILURES)),
                Optional.ofNullable(csvBySuffix.get(EXCEPTIONS)),
                Optional.ofNullable(csvBySuffix.get(HISTORY)),
                json,
                log,
                finalStats,
                manifest);
    }

    /** True when the folder holds any Locust CSV or JSON file. */
    public boolean hasLocustOutput() {
        return prefix != null || !json.isEmpty() || finalStats.isPresent();
    }
}
