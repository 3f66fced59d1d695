package dev.locustmaven.locust.output;

import dev.locustmaven.model.ExceptionStat;
import dev.locustmaven.model.FailureStat;
import dev.locustmaven.model.RunInfo;
import dev.locustmaven.model.ServiceResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads one service folder of the results directory into a {@link ServiceResult}; the folder's name is the service.
 *
 * <p>A folder written by the {@code run} goal holds {@value FinalStatsReader#FILE_NAME}, Locust's final numbers as
 * its helper recorded them; that file wins over everything else.
 *
 * <p>Request statistics come from the first of its {@link StatsSource}s that has them, by default Locust's JSON
 * (final numbers) before {@code _stats.csv} (up to a second stale). Failures and exceptions always come from
 * Locust's CSV files, the only place that has them. Run facts come from the history CSV (peak users), the statistics
 * source where it knows the run's span (JSON), and Locust's log (version).
 */
public final class ServiceResultsReader {

    private final List<StatsSource> sources;
    private final FailuresCsvReader failures = new FailuresCsvReader();
    private final ExceptionsCsvReader exceptions = new ExceptionsCsvReader();
    private final StatsHistoryCsvReader history = new StatsHistoryCsvReader();
    private final LocustLogReader log = new LocustLogReader();

    /** Reads with {@link #defaultSources()}. */
    public ServiceResultsReader() {
        this(defaultSources());
    }

    /** Reads with the given sources, the most final first. */
    public ServiceResultsReader(List<StatsSource> sources) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("at least one stats source is needed");
        }
        this.sources = List.copyOf(sources);
    }

    /** Locust's JSON, then {@code _stats.csv}. */
    public static List<StatsSource> defaultSources() {
        return List.of(new JsonStatsSource(), new CsvStatsSource());
    }

    /** A reader that asks {@code source} before all of this reader's sources. */
    public ServiceResultsReader preferring(StatsSource source) {
        List<StatsSource> ordered = new ArrayList<>();
        ordered.add(source);
        ordered.addAll(sources);
        return new ServiceResultsReader(ordered);
    }

    public List<StatsSource> sources() {
        return sources;
    }

    /**
     * The service's results, or empty when the folder holds no Locust output at all.
     *
     * @throws LocustOutputException when Locust output is there but cannot be read, or holds no request statistics
     */
    public Optional<ServiceResult> read(Path folder) {
        ServiceFiles files = ServiceFiles.find(folder);
        if (!files.hasLocustOutput()) {
            return Optional.empty();
        }
        if (files.finalStats().isPresent()) {
            // The run goal's own record of Locust's final numbers, failure messages included: nothing is more final.
            return Optional.of(FinalStatsReader.read(
                    files.finalStats().get(), folder.getFileName().toString()));
        }
        LocustStats stats = firstAnswer(files)
                .orElseThrow(() -> new LocustOutputException(
                        folder,
                        "holds Locust output but no request statistics: expected "
                                + (files.prefix() == null ? "<prefix>" : files.prefix()) + ServiceFiles.STATS
                                + " (--csv) or the JSON of --json / --json-file"));
        List<FailureStat> failureStats = files.failuresCsv().map(failures::read).orElse(List.of());
        List<ExceptionStat> exceptionStats =
                files.exceptionsCsv().map(exceptions::read).orElse(List.of());
        List<Path> read = Stream.of(
                        Optional.of(stats.source()),
                        files.failuresCsv(),
                        files.exceptionsCsv(),
                        files.historyCsv(),
                        files.log())
                .flatMap(Optional::stream)
                .toList();
        return Optional.of(new ServiceResult(
                folder.getFileName().toString(),
                stats.endpoints(),
                stats.aggregated(),
                failureStats,
                exceptionStats,
                runInfo(files, stats),
                read));
    }

    private Optional<LocustStats> firstAnswer(ServiceFiles files) {
        for (StatsSource source : sources) {
            Optional<LocustStats> stats = source.read(files);
            if (stats.isPresent()) {
                return stats;
            }
        }
        return Optional.empty();
    }

    /** The span from the final source when it has one: the history file loses its last seconds before 2.46.3. */
    private RunInfo runInfo(ServiceFiles files, LocustStats stats) {
        RunInfo fromHistory = files.historyCsv().map(history::read).orElse(RunInfo.unknown());
        String version = files.log().flatMap(log::version).orElse(null);
        boolean spanKnown = stats.spanSeconds() != null;
        return new RunInfo(
                version,
                fromHistory.users(),
                spanKnown ? stats.spanSeconds() : fromHistory.durationSeconds(),
                spanKnown ? stats.firstRequest() : fromHistory.startTime());
    }
}
