package dev.locustmaven.locust.output;

import java.util.Optional;

/** Locust's {@code <prefix>_stats.csv}: always there with {@code --csv}, but up to a second behind the run's end. */
public final class CsvStatsSource implements StatsSource {

    private final StatsCsvReader reader = new StatsCsvReader();

    @Override
    public Optional<LocustStats> read(ServiceFiles files) {
        return files.statsCsv().map(reader::read);
    }
}
