package dev.locustmaven.locust.output;

import dev.locustmaven.model.ExceptionStat;
import dev.locustmaven.model.FailureStat;
import dev.locustmaven.model.RunInfo;
import dev.locustmaven.model.ServiceResult;
import java.io.IOException;
import java.nio.file.Files;
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
            return Optional.of(withManifest(
                    FinalStatsReader.read(
                            files.finalStats().get(), folder.getFileName().toString()),
                    files));
        }
        String service = folder.getFileName().toString();
        List<Path> emptyJson =
                files.json().stream().filter(JsonStatsSource::isEmpty).toList();
        Optional<LocustStats> answer = firstAnswer(files);
        if (answer.isEmpty() && !emptyJson.isEmpty()) {
            throw new LocustOutputException(emptyJson.get(0), emptyJson(emptyJson.get(0)));
        }
        LocustStats stats = answer.orElseThrow(() -> new LocustOutputException(
                folder,
                "holds Locust output but no request statistics: expected "
                        + (files.prefix() == null ? "<prefix>" : files.prefix()) + ServiceFiles.STATS
                        + " (--csv) or the JSON of --json / --json-file"));
        List<String> warnings = new ArrayList<>();
        for (Path empty : emptyJson) {
            warnings.add(service + ": " + empty.getFileName() + " " + emptyJson(empty) + " The statistics come from "
                    + stats.source().getFileName() + " instead.");
        }
        LocustLogReader.LocustLog locustLog = files.log().map(log::read).orElse(null);
        if (files.statsCsv().isPresent()
                && stats.source().equals(files.statsCsv().get())) {
            StaleCsv.warning(service, stats.source(), stats.aggregated(), locustLog)
                    .ifPresent(warnings::add);
        }
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
        return Optional.of(withManifest(
                new ServiceResult(
                        service,
                        stats.endpoints(),
                        stats.aggregated(),
                        failureStats,
                        exceptionStats,
                        runInfo(files, stats, locustLog),
                        read,
                        warnings),
                files));
    }

    /** The result with the run's manifest in its facts, when the folder has one. */
    private static ServiceResult withManifest(ServiceResult result, ServiceFiles files) {
        if (files.manifest().isEmpty()) {
            return result;
        }
        return new ServiceResult(
                result.service(),
                result.endpoints(),
                result.aggregated(),
                result.failures(),
                result.exceptions(),
                result.info().withManifest(RunManifestFile.read(files.manifest().get())),
                result.sources(),
                result.warnings());
    }

    /** What an empty JSON file probably means, after the file's name. */
    private static String emptyJson(Path file) {
        try {
            if (Files.size(file) == 0) {
                return "is empty (0 bytes): Locust writes its JSON when the run ends, so the run died or was killed"
                        + " before that (Locust 2.37.0 also wrote --json-file empty; use 2.37.10 or newer).";
            }
        } catch (IOException e) {
            throw new LocustOutputException(file, 0, "cannot be read: " + e.getMessage(), e);
        }
        return "holds no statistics ([]): Locust writes [] to --json-file when --json is given too (its JSON export"
                + " resets the statistics); give it --json-file alone. A run without a single request writes [] as"
                + " well.";
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
    private RunInfo runInfo(ServiceFiles files, LocustStats stats, LocustLogReader.LocustLog locustLog) {
        RunInfo fromHistory = files.historyCsv().map(history::read).orElse(RunInfo.unknown());
        String version = locustLog == null ? null : locustLog.version();
        boolean spanKnown = stats.spanSeconds() != null;
        return new RunInfo(
                version,
                fromHistory.users(),
                spanKnown ? stats.spanSeconds() : fromHistory.durationSeconds(),
                spanKnown ? stats.firstRequest() : fromHistory.startTime());
    }
}
