package dev.locustmaven.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locustmaven.machine.Calibration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The optional {@code calibration} of a history line: written after {@code runs}, absent in older lines. */
class HistoryCalibrationTest {

    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    @TempDir
    Path folder;

    @Test
    void aRecordKeepsItsCalibrationAndALineWithoutOneStillReads() throws IOException {
        HistoryStore store = new HistoryStore(folder.resolve("h.jsonl"));
        HistoryRecord older = Records.record("run-1", T0, 640);
        HistoryRecord calibrated = Records.record("run-2", T0.plusSeconds(60), 650)
                .withCalibration(new Calibration(1, 16.94321, 0.0151519));
        store.append(older);
        store.append(calibrated);

        List<String> lines = Files.readAllLines(store.file());
        assertThat(lines.get(0)).doesNotContain("calibration");
        assertThat(lines.get(1))
                .contains("\"runs\":1,\"calibration\":{\"method\":1,\"cpu_loop_ms\":16.94,"
                        + "\"loopback_round_trip_ms\":0.01515},\"services\":");
        HistoryContents contents = store.read();
        assertThat(contents.corruptLines()).isEmpty();
        assertThat(contents.records().get(0).calibration()).isNull();
        assertThat(contents.records().get(0)).isEqualTo(older);
        assertThat(contents.records().get(1).calibration()).isEqualTo(new Calibration(1, 16.94, 0.01515));
    }

    @Test
    void aLineOfAnEarlierVersionReadsWithoutACalibration() throws IOException {
        Path file = folder.resolve("h.jsonl");
        Files.writeString(
                file,
                "{\"schema\":1,\"time\":\"2026-03-01T12:00:00Z\",\"run_id\":\"old\",\"verdict\":\"PASS\",\"runs\":1,"
                        + "\"services\":{\"api\":{\"metrics\":{\"rps\":2.5}}}}\n",
                StandardCharsets.UTF_8);

        HistoryContents contents = new HistoryStore(file).read();

        assertThat(contents.corruptLines()).isEmpty();
        assertThat(contents.records())
                .singleElement()
                .satisfies(r -> assertThat(r.calibration()).isNull());
    }

    @Test
    void unknownKeysOfACalibrationAreSkippedAndAMalformedOneIsReported() throws IOException {
        Path file = folder.resolve("h.jsonl");
        String head = "{\"schema\":1,\"time\":\"2026-03-01T12:00:00Z\",\"run_id\":\"x\",\"verdict\":\"PASS\",";
        Files.writeString(
                file,
                head + "\"calibration\":{\"method\":1,\"cpu_loop_ms\":20,\"loopback_round_trip_ms\":0.02,"
                        + "\"disk_ms\":3}}\n"
                        + head + "\"calibration\":{\"method\":1,\"cpu_loop_ms\":20}}\n"
                        + head + "\"calibration\":{\"method\":1,\"cpu_loop_ms\":-1,\"loopback_round_trip_ms\":0.02}}\n"
                        + head + "\"calibration\":\"fast\"}\n",
                StandardCharsets.UTF_8);

        HistoryContents contents = new HistoryStore(file).read();

        assertThat(contents.records())
                .singleElement()
                .satisfies(r -> assertThat(r.calibration()).isEqualTo(new Calibration(1, 20, 0.02)));
        assertThat(contents.corruptLines())
                .extracting(CorruptLine::problem)
                .containsExactly(
                        "\"calibration\" needs method, cpu_loop_ms and loopback_round_trip_ms",
                        "\"calibration\": cpu_loop_ms must be a positive number, not -1.0",
                        "\"calibration\" must be an object");
    }
}
