package dev.locustmaven.locust.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Locust's {@code --json} / {@code --json-file} output: final numbers, with a histogram for exact percentiles. The
 * test's start, which the JSON lacks, comes from Locust's log when the folder has it.
 *
 * <p>An empty JSON file (0 bytes, or {@code []}: Locust writes that to {@code --json-file} when {@code --json} is given
 * too, as its JSON export resets the statistics) is passed over here; {@link ServiceResultsReader} says so, and stops
 * when no other source has the statistics.
 */
public final class JsonStatsSource implements StatsSource {

    private final StatsJsonReader reader = new StatsJsonReader();
    private final LocustLogReader logReader = new LocustLogReader();

    @Override
    public Optional<LocustStats> read(ServiceFiles files) {
        List<Path> usable = files.json().stream().filter(file -> !isEmpty(file)).toList();
        if (usable.isEmpty()) {
            return Optional.empty();
        }
        if (usable.size() > 1) {
            throw new LocustOutputException(
                    files.folder(),
                    "holds several JSON files "
                            + usable.stream()
                                    .map(p -> p.getFileName().toString())
                                    .toList()
                            + "; keep the one Locust's --json or --json-file wrote");
        }
        LocalDateTime start = files.log()
                .map(logReader::read)
                .map(LocustLogReader.LocustLog::testStart)
                .orElse(null);
        return Optional.of(reader.read(usable.get(0), start));
    }

    /** True for a JSON file of 0 bytes, of blanks only, or without a single entry ({@code []}). */
    public static boolean isEmpty(Path file) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new LocustOutputException(file, 0, "cannot be read: " + e.getMessage(), e);
        }
        return new String(content, StandardCharsets.UTF_8).isBlank()
                || new StatsJsonReader().read(file).endpoints().isEmpty();
    }
}
