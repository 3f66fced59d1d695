package dev.locustmaven.locust.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.locustmaven.model.EndpointStats;
import dev.locustmaven.model.RunManifest;
import dev.locustmaven.model.ServiceResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceResultsReaderTest {

    private final ServiceResultsReader reader = new ServiceResultsReader();

    @TempDir
    Path temp;

    @Test
    void theRunGoalsFinalStatisticsWinOverLocustsCsvFiles() {
        // Written by Locust 2.47.0 with the plugin's helper beside the fixture locustfile; the CSV lags behind it.
        Path folder = Fixtures.copy("2.47.0/run-goal", temp.resolve("web_api"));
        ConsoleSummary console = Fixtures.console("2.47.0/run-goal");

        ServiceResult result = reader.read(folder).orElseThrow();

        assertThat(result.sources()).containsExactly(folder.resolve(FinalStatsReader.FILE_NAME));
        assertThat(result.aggregated().requestCount())
                .isEqualTo(console.aggregated().requests());
        assertThat(result.aggregated().failureCount())
                .isEqualTo(console.aggregated().failures());
        assertThat(result.failures())
                .extracting(f -> f.message())
                .contains("empty search results", "order rejected: \"bulk\" qty isn't allowed");
        assertThat(result.info().locustVersion()).isEqualTo("2.47.0");
        assertThat(result.info().users()).isEqualTo(5);
    }

    @Test
    void prefersLocustsJsonAndTakesFailuresAndExceptionsFromTheCsvs() {
        Path folder = Fixtures.copy("2.47.0/json-stdout", temp.resolve("web_api"));

        ServiceResult result = reader.read(folder).orElseThrow();

        assertThat(result.service()).isEqualTo("web_api");
        assertThat(result.sources().get(0)).isEqualTo(folder.resolve("stdout.json"));
        assertThat(result.aggregated().requestCount())
                .isEqualTo(Fixtures.console("2.47.0/json-stdout").aggregated().requests());
        assertThat(result.endpoints()).allMatch(e -> !e.histogram().isEmpty());
        assertThat(result.failures())
                .extracting(f -> f.message())
                .contains("empty search results", "order rejected: \"bulk\" qty isn't allowed");
        assertThat(result.exceptions()).extracting(e -> e.message()).containsExactly("task blew up");
        assertThat(result.sources())
                .contains(
                        folder.resolve("run_failures.csv"),
                        folder.resolve("run_exceptions.csv"),
                        folder.resolve("run_stats_history.csv"),
                        folder.resolve("console.log"))
                .doesNotContain(folder.resolve("run_stats.csv"));
        assertThat(result.info().locustVersion()).isEqualTo("2.47.0");
        assertThat(result.info().users()).isEqualTo(5);
        assertThat(result.info().durationSeconds()).isBetween(6.0, 8.5);
    }

    @Test
    void fallsBackToTheStatsCsvWhenThereIsNoJson() {
        Path folder = Fixtures.folder("2.12.1/csv");

        ServiceResult result = reader.read(folder).orElseThrow();

        assertThat(result.service()).isEqualTo("csv");
        assertThat(result.sources().get(0)).isEqualTo(folder.resolve("run_stats.csv"));
        assertThat(result.endpoints()).allMatch(e -> e.histogram().isEmpty());
        // Debian's 2.12.1 logs "Starting Locust " without a version.
        assertThat(result.info().locustVersion()).isNull();
        assertThat(result.info().users()).isEqualTo(5);
        assertThat(result.info().durationSeconds()).isPositive();
        assertThat(result.info().startTime()).isNotNull();
    }

    @Test
    void readsTheVersionOfTheDistributedMaster() {
        ServiceResult result =
                reader.read(Fixtures.folder("2.12.1/distributed")).orElseThrow();

        assertThat(result.info().locustVersion()).isEqualTo("2.12.1");
        assertThat(result.failures()).extracting(f -> f.message()).contains("empty search results");
    }

    @Test
    void takesTheCsvWhenTheJsonFileHoldsAnEmptyList() {
        // What --json-file gets when --json is given too: the first export empties the stats.
        Path folder = Fixtures.copy("2.47.0/json-file", temp.resolve("svc"));
        Fixtures.write(folder.resolve("stats.json"), "[]");

        ServiceResult result = reader.read(folder).orElseThrow();

        assertThat(result.sources().get(0)).isEqualTo(folder.resolve("run_stats.csv"));
        assertThat(result.aggregated().requestCount()).isPositive();
    }

    @Test
    void aPreferredSourceIsAskedFirstAndTheOthersStayInLine() {
        Path folder = Fixtures.copy("2.47.0/json-stdout", temp.resolve("svc"));
        EndpointStats only = new EndpointStats(
                "", "Aggregated", 7, 0, 1.0, 1.0, 1.0, 1.0, 0.0, 1.0, 0.0, new TreeMap<>(), new TreeMap<>());
        StatsSource finalFile = files ->
                Optional.of(new LocustStats(files.folder().resolve("final.json"), List.of(), only, null, null));
        StatsSource nothing = files -> Optional.empty();

        ServiceResultsReader preferring = reader.preferring(finalFile);
        ServiceResultsReader passingOver = reader.preferring(nothing);

        assertThat(preferring.sources()).hasSize(3).endsWith(reader.sources().toArray(StatsSource[]::new));
        assertThat(preferring.read(folder).orElseThrow().aggregated().requestCount())
                .isEqualTo(7);
        assertThat(passingOver.read(folder).orElseThrow().sources().get(0)).isEqualTo(folder.resolve("stdout.json"));
    }

    @Test
    void aFolderWithoutLocustOutputIsPassedOver() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("notes"));
        Fixtures.write(folder.resolve("README.txt"), "not a Locust run");
        Files.copy(Fixtures.file("2.12.1/csv", "console.log"), folder.resolve("console.log"));

        assertThat(reader.read(folder)).isEmpty();
    }

    @Test
    void twoCsvPrefixesAreAnErrorNamingTheFolder() throws Exception {
        Path folder = Fixtures.copy("2.12.1/csv", temp.resolve("svc"));
        Files.copy(folder.resolve("run_stats.csv"), folder.resolve("old_stats.csv"));

        assertThatThrownBy(() -> reader.read(folder))
                .isInstanceOf(LocustOutputException.class)
                .hasMessageStartingWith(folder.toString())
                .hasMessageContaining("[old, run]");
    }

    @Test
    void anEmptyStatsCsvSaysTheRunDiedEarly() {
        Path folder = Fixtures.copy("2.12.1/csv", temp.resolve("svc"));
        Fixtures.write(folder.resolve("run_stats.csv"), "");

        assertThatThrownBy(() -> reader.read(folder))
                .isInstanceOf(LocustOutputException.class)
                .hasMessageStartingWith(folder.resolve("run_stats.csv") + ": the file is empty")
                .hasMessageContaining("died early");
    }

    @Test
    void failuresWithoutStatsAreAnError() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("svc"));
        Files.copy(Fixtures.file("2.12.1/csv", "run_failures.csv"), folder.resolve("run_failures.csv"));

        assertThatThrownBy(() -> reader.read(folder))
                .isInstanceOf(LocustOutputException.class)
                .hasMessageStartingWith(folder.toString())
                .hasMessageContaining("no request statistics")
                .hasMessageContaining("run_stats.csv");
    }

    @Test
    void severalJsonFilesAreAnError() throws Exception {
        Path folder = Fixtures.copy("2.47.0/json-file", temp.resolve("svc"));
        Files.copy(folder.resolve("stats.json"), folder.resolve("other.json"));

        assertThatThrownBy(() -> reader.read(folder))
                .isInstanceOf(LocustOutputException.class)
                .hasMessageStartingWith(folder.toString())
                .hasMessageContaining("other.json")
                .hasMessageContaining("stats.json");
    }

    @Test
    void theRunGoalsManifestJoinsTheRunsFactsAndABadOneNamesFileAndField() throws Exception {
        Path folder = Fixtures.copy("2.47.0/run-goal", temp.resolve("api"));
        Path manifest = folder.resolve(RunManifestFile.FILE_NAME);
        RunManifest written = new RunManifest(
                4,
                2.0,
                30.0,
                5.0,
                List.of("ApiUser"),
                List.of("smoke", "!slow"),
                "2.47.0",
                "3.11.7",
                "ab12",
                "http://h");
        RunManifestFile.write(manifest, written);

        assertThat(reader.read(folder).orElseThrow().info().manifest()).isEqualTo(written);

        Files.writeString(manifest, "{\"format\":1,\"users\":\"four\"}");
        assertThatThrownBy(() -> reader.read(folder))
                .isInstanceOf(LocustOutputException.class)
                .hasMessage(manifest + ": \"users\" must be a whole number, not \"four\"");
    }
}
