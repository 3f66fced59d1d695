package dev.locustmaven.locust.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.locustmaven.model.EndpointStats;
import dev.locustmaven.model.LocustPercentiles;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StatsCsvReaderTest {

    private final StatsCsvReader reader = new StatsCsvReader();

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {"2.12.1/csv", "2.12.1/distributed", "2.47.0/csv", "2.47.0/json-file"})
    void readsNamesWithCommaQuotesAndLineBreakAndTheCustomRequestType(String fixture) {
        LocustStats stats = reader.read(statsFile(fixture));

        assertThat(stats.endpoints())
                .extracting(e -> e.method() + " " + e.name())
                .contains(
                        "POST /orders [create], \"bulk\"",
                        "GET /export\nweekly report",
                        "GET slow endpoint",
                        "SANDBOX tool call");
        assertThat(stats.endpoints()).noneMatch(EndpointStats::isAggregated);
        assertThat(stats.endpoints())
                .as("a CSV has no histogram")
                .allMatch(e -> e.histogram().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.12.1/csv", "2.12.1/distributed", "2.47.0/csv", "2.47.0/distributed"})
    void aggregatedIsTheLastRowAndSumsTheEntriesOfTheSameWrite(String fixture) {
        LocustStats stats = reader.read(statsFile(fixture));

        EndpointStats aggregated = stats.aggregated();
        assertThat(aggregated.isAggregated()).isTrue();
        assertThat(aggregated.requestCount())
                .isEqualTo(stats.endpoints().stream()
                        .mapToLong(EndpointStats::requestCount)
                        .sum());
        assertThat(aggregated.failureCount())
                .isEqualTo(stats.endpoints().stream()
                        .mapToLong(EndpointStats::failureCount)
                        .sum());
        assertThat(aggregated.percentiles()).containsOnlyKeys(LocustPercentiles.REPORTED);
        assertThat(aggregated.maxMs())
                .isEqualTo(stats.endpoints().stream()
                        .map(EndpointStats::maxMs)
                        .max(Double::compare)
                        .orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.12.1/csv", "2.47.0/csv"})
    void theCsvLagsLocustsFinalSummaryButNeverRunsAhead(String fixture) {
        LocustStats stats = reader.read(statsFile(fixture));
        ConsoleSummary console = Fixtures.console(fixture);

        assertThat(stats.aggregated().requestCount())
                .isPositive()
                .isLessThanOrEqualTo(console.aggregated().requests());
        for (EndpointStats endpoint : stats.endpoints()) {
            ConsoleSummary.StatsRow row = console.stats().get(ConsoleSummary.key(endpoint.method(), endpoint.name()));
            assertThat(row).as(endpoint.name()).isNotNull();
            assertThat(endpoint.requestCount()).isLessThanOrEqualTo(row.requests());
        }
    }

    @Test
    void keepsIntAndFloatCellsAsLocustWroteThem() {
        // 'slow endpoint' has no quotes or commas, so a plain split of its row is an independent oracle.
        Path file = statsFile("2.12.1/csv");
        List<String> lines = Fixtures.read(file).lines().toList();
        List<String> header = List.of(lines.get(0).split(","));
        List<String> row = List.of(lines.stream()
                .filter(l -> l.startsWith("GET,slow endpoint,"))
                .findFirst()
                .orElseThrow()
                .split(","));
        Function<String, Double> cell = column -> Double.valueOf(row.get(header.indexOf(column)));

        EndpointStats slow = endpoint(reader.read(file), "slow endpoint");

        // 2.12.1 writes buckets of 100 ms and more as floats ("240.0"), and exact values as long floats.
        assertThat(row.get(header.indexOf("Median Response Time"))).contains(".");
        assertThat(slow.medianMs()).isEqualTo(cell.apply("Median Response Time"));
        assertThat(slow.averageMs()).isEqualTo(cell.apply("Average Response Time"));
        assertThat(slow.minMs()).isEqualTo(cell.apply("Min Response Time"));
        assertThat(slow.maxMs()).isEqualTo(cell.apply("Max Response Time"));
        assertThat(slow.averageContentSize()).isEqualTo(cell.apply("Average Content Size"));
        assertThat(slow.requestsPerSecond()).isEqualTo(cell.apply("Requests/s"));
        assertThat(slow.percentiles())
                .containsEntry(0.5, cell.apply("50%"))
                .containsEntry(0.999, cell.apply("99.9%"))
                .containsEntry(0.9999, cell.apply("99.99%"))
                .containsEntry(1.0, cell.apply("100%"));
        assertThat(slow.requestCount()).isEqualTo(cell.apply("Request Count").longValue());
    }

    @Test
    void aRunWithoutRequestsHasNoLatenciesAndNoPercentiles() {
        // Real 2.12.1 output of a run that never started: one Aggregated row, 0 requests, N/A percentiles.
        LocustStats stats = reader.read(Fixtures.file("2.12.1/no-requests", "nohl_stats.csv"));

        assertThat(stats.endpoints()).isEmpty();
        assertThat(stats.aggregated().requestCount()).isZero();
        assertThat(stats.aggregated().averageMs()).isNull();
        assertThat(stats.aggregated().minMs()).isNull();
        assertThat(stats.aggregated().medianMs()).isNull();
        assertThat(stats.aggregated().percentiles()).isEmpty();
        assertThat(stats.aggregated().requestsPerSecond()).isZero();
    }

    @Test
    void mapsColumnsByHeaderNameNotPosition() throws IOException {
        Path original = statsFile("2.47.0/csv");
        Path reversed = temp.resolve("run_stats.csv");
        try (CSVParser parser = CSVParser.parse(original, StandardCharsets.UTF_8, CSVFormat.RFC4180);
                StringWriter out = new StringWriter();
                CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            for (CSVRecord record : parser) {
                List<String> cells = new ArrayList<>(record.toList());
                Collections.reverse(cells);
                printer.printRecord(cells);
            }
            printer.flush();
            Files.writeString(reversed, out.toString());
        }

        LocustStats fromOriginal = reader.read(original);
        LocustStats fromReversed = reader.read(reversed);

        assertThat(fromReversed.endpoints()).isEqualTo(fromOriginal.endpoints());
        assertThat(fromReversed.aggregated()).isEqualTo(fromOriginal.aggregated());
    }

    @Test
    void aMissingRequiredColumnIsNamedWithTheFile() {
        Path file = Fixtures.write(
                temp.resolve("run_stats.csv"),
                Fixtures.read(statsFile("2.47.0/csv")).replaceFirst("Request Count", "Requests"));

        assertThatThrownBy(() -> reader.read(file))
                .isInstanceOf(LocustOutputException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("line 1")
                .hasMessageContaining("missing required column 'Request Count'");
    }

    @Test
    void anEmptyFileMeansTheRunDiedEarly() {
        Path file = Fixtures.write(temp.resolve("run_stats.csv"), "");

        assertThatThrownBy(() -> reader.read(file))
                .isInstanceOf(LocustOutputException.class)
                .hasMessageStartingWith(file + ": the file is empty")
                .hasMessageContaining("died early");
    }

    @Test
    void aBadNumberIsReportedWithItsLineCountingLineBreaksInsideNames() {
        // Row 1 ('/export\nweekly report') spans lines 2-3, so the row of /fast starts on line 4.
        String content = Fixtures.read(statsFile("2.12.1/csv")).replaceFirst("\nGET,/fast,\\d+,", "\nGET,/fast,3x8,");
        Path file = Fixtures.write(temp.resolve("run_stats.csv"), content);

        assertThatThrownBy(() -> reader.read(file))
                .isInstanceOf(LocustOutputException.class)
                .hasMessage(file + ", line 4: column 'Request Count' holds '3x8', expected a whole number");
    }

    @Test
    void aCutOffFileIsRejectedAsTruncated() {
        String content = Fixtures.read(statsFile("2.47.0/csv"));
        Path file = Fixtures.write(temp.resolve("run_stats.csv"), content.substring(0, content.length() - 40));

        assertThatThrownBy(() -> reader.read(file))
                .isInstanceOf(LocustOutputException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("truncated");
    }

    @Test
    void malformedCsvIsReportedWithTheFile() {
        String content = Fixtures.read(statsFile("2.47.0/csv")).replace("GET,/fast,", "GET,\"/fast\"x,");
        Path file = Fixtures.write(temp.resolve("run_stats.csv"), content);

        assertThatThrownBy(() -> reader.read(file))
                .isInstanceOf(LocustOutputException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("malformed CSV");
    }

    @Test
    void aFileWithoutAggregatedRowIsRejected() {
        String content = Fixtures.read(statsFile("2.47.0/csv"));
        String withoutLast = content.substring(0, content.lastIndexOf(",Aggregated,"));
        Path file = Fixtures.write(temp.resolve("run_stats.csv"), withoutLast);

        assertThatThrownBy(() -> reader.read(file))
                .isInstanceOf(LocustOutputException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("no Aggregated row");
    }

    static EndpointStats endpoint(LocustStats stats, String name) {
        return stats.endpoints().stream()
                .filter(e -> e.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static Path statsFile(String fixture) {
        String prefix = fixture.endsWith("distributed") ? "dist" : "run";
        return Fixtures.file(fixture, prefix + "_stats.csv");
    }
}
