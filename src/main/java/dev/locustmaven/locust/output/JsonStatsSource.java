package dev.locustmaven.locust.output;

import java.util.Optional;

/**
 * Locust's {@code --json} / {@code --json-file} output: final numbers, with a histogram for exact percentiles.
 *
 * <p>An empty list is passed over when there is a stats CSV: Locust writes {@code []} to {@code --json-file} when
 * {@code --json} is given too (its JSON export resets the stats), and the CSV then still holds the numbers.
 */
public final class JsonStatsSource implements StatsSource {

    private final StatsJsonReader reader = new StatsJsonReader();

    @Override
    public Optional<LocustStats> read(ServiceFiles files) {
        if (files.json().isEmpty()) {
            return Optional.empty();
        }
        if (files.json().size() > 1) {
            throw new LocustOutputException(
                    files.folder(),
                    "holds several JSON files "
                            + files.json().stream()
                                    .map(p -> p.getFileName().toString())
                                    .toList()
                            + "; keep the one Locust's --json or --json-file wrote");
        }
        LocustStats stats = reader.read(files.json().get(0));
        boolean emptied = stats.endpoints().isEmpty() && files.statsCsv().isPresent();
        return emptied ? Optional.empty() : Optional.of(stats);
    }
}
