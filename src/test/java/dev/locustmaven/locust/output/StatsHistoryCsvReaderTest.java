package dev.locustmaven.locust.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.locustmaven.model.RunInfo;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StatsHistoryCsvReaderTest {

    private final StatsHistoryCsvReader reader = new StatsHistoryCsvReader();

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {"2.12.1/csv", "2.47.0/csv"})
    void readsPeakUsersAndTheSpanOfTheRowsWithData(String fixture) {
        Path file = Fixtures.file(fixture, "run_stats_history.csv");
        // The first row is written at the test's start, before any user; data starts with the second.
        String firstRow = Fixtures.read(file).lines().skip(1).findFirst().orElseThrow();
        String firstDataRow = Fixtures.read(file).lines().skip(2).findFirst().orElseThrow();
        assertThat(firstRow).startsWith(firstRow.split(",")[0] + ",0,,Aggregated,");

        RunInfo info = reader.read(file);

        assertThat(info.users()).isEqualTo(5);
        assertThat(info.startTime())
                .isEqualTo(Instant.ofEpochSecond(Long.parseLong(firstDataRow.split(",")[0])));
        // The history loses its tail before 2.46.3, so the span is at most the run's 8 or 10 s.
        assertThat(info.durationSeconds()).isBetween(2.0, 10.0);
        assertThat(info.locustVersion()).isNull();
    }

    @Test
    void aHistoryThatLostEverythingButItsFirstRowSaysNothing() {
        // 2.12.1 flushed the history every 10 s or 8 KB and never at exit: this 8 s run kept only the first row.
        Path file = Fixtures.file("2.12.1/hook-json", "run_stats_history.csv");
        assertThat(Fixtures.read(file).lines()).hasSize(2);

        assertThat(reader.read(file)).isEqualTo(RunInfo.unknown());
    }

    @Test
    void dropsARowTheFileEndsInTheMiddleOf() {
        String content = Fixtures.read(Fixtures.file("2.47.0/csv", "run_stats_history.csv"));
        int lastRowStart = content.lastIndexOf("\n", content.length() - 3) + 1;
        String lastTimestamp = content.substring(lastRowStart, content.indexOf(',', lastRowStart));
        Path cut = Fixtures.write(temp.resolve("run_stats_history.csv"), content.substring(0, lastRowStart + 30));

        RunInfo whole = reader.read(Fixtures.file("2.47.0/csv", "run_stats_history.csv"));
        RunInfo truncated = reader.read(cut);

        assertThat(truncated.users()).isEqualTo(whole.users());
        assertThat(truncated.startTime()).isEqualTo(whole.startTime());
        // The cut row was one of the last timestamp's group, whose other rows are complete.
        assertThat(truncated.durationSeconds()).isEqualTo(whole.durationSeconds());
        assertThat(truncated.startTime().plusMillis(Math.round(whole.durationSeconds() * 1000)))
                .isEqualTo(Instant.ofEpochSecond(Long.parseLong(lastTimestamp)));
    }

    @Test
    void dropsARowCutInsideAQuotedNameWithALineBreak() {
        String content = Fixtures.read(Fixtures.file("2.47.0/csv", "run_stats_history.csv"));
        int cutAt = content.lastIndexOf("\"/export\n") + "\"/export\n".length();
        Path cut = Fixtures.write(temp.resolve("run_stats_history.csv"), content.substring(0, cutAt));

        RunInfo info = reader.read(cut);

        assertThat(info.users()).isEqualTo(5);
    }

    @Test
    void anEmptyHistoryIsReportedWithTheFile() {
        Path file = Fixtures.write(temp.resolve("run_stats_history.csv"), "");

        assertThatThrownBy(() -> reader.read(file))
                .isInstanceOf(LocustOutputException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("empty");
    }

    @Test
    void aBadTimestampIsReportedWithItsLine() {
        String content = Fixtures.read(Fixtures.file("2.12.1/no-requests", "nohl_stats_history.csv"));
        String[] lines = content.split("\r\n");
        lines[2] = "yesterday" + lines[2].substring(lines[2].indexOf(','));
        Path file = Fixtures.write(temp.resolve("nohl_stats_history.csv"), String.join("\r\n", lines) + "\r\n");

        assertThatThrownBy(() -> reader.read(file))
                .isInstanceOf(LocustOutputException.class)
                .hasMessageStartingWith(file + ", line 3: column 'Timestamp' holds 'yesterday'");
    }
}
