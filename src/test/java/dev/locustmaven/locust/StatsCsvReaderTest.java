package dev.locustmaven.locust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.locustmaven.model.EndpointStats;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
                        "GET /fast (tool user)",
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
        // 2.12.1/csv/run_stats.csv: the median of 'slow endpoint' is the float bucket "240.0", Average is exact.
        EndpointStats slow = endpoint(reader.read(statsFile("2.12.1/csv")), "slow endpoint");

        assertThat(slow.medianMs()).isEqualTo(240.0);
        assertThat(slow.averageMs()).isEqualTo(241.2762495454527);
        assertThat(slow.minMs()).isEqualTo(111.40832699993553);
        assertThat(slow.percentiles()).containsEntry(0.5, 240.0).containsEntry(0.999, 380.0);
        assertThat(slow.averageContentSize()).isEqualTo(14.0);
        assertThat(slow.requestsPerSecond()).isEqualTo(1.5737723348938817);
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
        String content = Fixtures.read(statsFile("2.12.1/csv")).replace("GET,/fast,38,", "GET,/fast,3x8,");
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
