package dev.locustmaven.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locustmaven.model.MetricKey;
import dev.locustmaven.model.MetricValue;
import dev.locustmaven.model.Status;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryStoreTest {

    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    @TempDir
    Path folder;

    @Test
    void appendsOneLinePerRecordAndReadsThemBack() throws IOException {
        HistoryStore store = new HistoryStore(folder.resolve("docs/performance-trends.jsonl"));
        HistoryRecord first = Records.record("run-1", T0, 640.5);
        HistoryRecord second = Records.record("run-2", T0.plusSeconds(60), 650);
        store.append(first);
        store.append(second);

        List<String> lines = Files.readAllLines(store.file());
        assertThat(lines).hasSize(2).allSatisfy(l -> assertThat(l).startsWith("{\"schema\":1,\"time\":"));
        assertThat(lines.get(1))
                .contains("\"run_id\":\"run-2\"")
                .contains("\"endpoints\":{\"GET /users/{id}\":{\"p95_latency_ms\":651}}")
                .contains("\"concurrent_limit_respected\":true")
                .contains("\"fingerprint\":{\"users\":10,\"spawn_rate\":2.0,\"run_time_s\":60.0,"
                        + "\"user_classes\":[\"WebsiteUser\"],\"locust_version\":\"2.47.0\"");

        HistoryContents contents = store.read();
        assertThat(contents.corruptLines()).isEmpty();
        assertThat(contents.records()).containsExactly(first, second);
        HistoryRecord read = contents.records().get(0);
        assertThat(read.value(new MetricKey("api", "GET /users/{id}", "p95_latency_ms")))
                .hasValue(641.5);
        assertThat(read.metrics().get(MetricKey.of("mcp", "concurrent_limit_respected")))
                .isEqualTo(MetricValue.of(true));
        assertThat(read.fingerprint("api")).contains(Records.FINGERPRINT);
        assertThat(read.gitCommit()).isEqualTo("abc123");
        assertThat(read.buildUrl()).isEqualTo("https://ci.example/1");
    }

    @Test
    void appendNewChoosesTheRunIdFromTheIdsInTheFileWhenItWrites() {
        HistoryStore store = new HistoryStore(folder.resolve("h.jsonl"));
        BuildEnvironment local = new BuildEnvironment(null, null, null, null);
        // another check recorded the same second after this one read the history
        new HistoryStore(store.file()).append(Records.record("local-20260301T120000Z", T0, 1));

        AppendResult appended =
                store.appendNew(taken -> Records.record(HistoryRecord.newRunId(local, T0, taken), T0, 2));

        assertThat(appended.record().runId()).isEqualTo("local-20260301T120000Z-2");
        assertThat(appended.records()).isEqualTo(2);
        assertThat(store.read().records())
                .extracting(HistoryRecord::runId)
                .containsExactly("local-20260301T120000Z", "local-20260301T120000Z-2");
    }

    @Test
    void aMissingFileReadsAsEmpty() {
        HistoryStore store = new HistoryStore(folder.resolve("none.jsonl"));
        assertThat(store.read()).isEqualTo(HistoryContents.empty());
        assertThat(store.prune(10, 10, T0)).isEqualTo(new PruneResult(0, 0, 0));
        assertThat(Files.exists(store.file())).isFalse();
    }

    @Test
    void corruptLinesAreReportedWithTheirNumbersAndKept() throws IOException {
        Path file = folder.resolve("history.jsonl");
        HistoryStore store = new HistoryStore(file);
        store.append(Records.record("run-1", T0, 600));
        Files.writeString(
                file,
                "{\"schema\":1,\"time\":\"2026-03-01\n"
                        + "\n"
                        + "[1,2]\n"
                        + "{\"schema\":2,\"time\":\"2026-03-01T12:00:00Z\",\"run_id\":\"x\",\"verdict\":\"PASS\"}\n"
                        + "{\"schema\":1,\"time\":\"yesterday\",\"run_id\":\"x\",\"verdict\":\"PASS\"}\n"
                        + "{\"schema\":1,\"time\":\"2026-03-01T12:00:00Z\",\"run_id\":\"x\",\"verdict\":\"PASS\","
                        + "\"services\":{\"api\":{\"metrics\":{\"rps\":\"fast\"}}}}\n",
                StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        store.append(Records.record("run-2", T0.plusSeconds(60), 610));

        HistoryContents contents = store.read();
        assertThat(contents.records()).extracting(HistoryRecord::runId).containsExactly("run-1", "run-2");
        assertThat(contents.corruptLines()).extracting(CorruptLine::lineNumber).containsExactly(2, 4, 5, 6, 7);
        assertThat(contents.corruptLines().get(0).problem()).startsWith("not valid JSON: ");
        assertThat(contents.corruptLines().get(1).problem()).isEqualTo("not a JSON object");
        assertThat(contents.corruptLines().get(2).problem())
                .isEqualTo("schema 2 is not the schema this plugin reads (1); a newer plugin version wrote it");
        assertThat(contents.corruptLines().get(3).problem())
                .contains("ISO-8601")
                .contains("yesterday");
        assertThat(contents.corruptLines().get(4).problem())
                .isEqualTo("metric \"rps\" of service \"api\" must be a number or a boolean, not \"fast\"");
        assertThat(contents.corruptLines().get(4).message(file))
                .isEqualTo(file + " line 7: " + contents.corruptLines().get(4).problem()
                        + " (the line is kept in the file and skipped)");

        // pruning removes the old record and keeps every corrupt line, in place
        PruneResult result = store.prune(1, 0, T0.plusSeconds(120));
        assertThat(result).isEqualTo(new PruneResult(1, 1, 5));
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(6);
        assertThat(lines.get(0)).isEqualTo("{\"schema\":1,\"time\":\"2026-03-01");
        assertThat(lines.get(5)).contains("\"run_id\":\"run-2\"");
        assertThat(store.read().corruptLines()).hasSize(5);
    }

    @Test
    void anUnterminatedLastLineIsEndedBeforeTheNextAppend() throws IOException {
        Path file = folder.resolve("history.jsonl");
        Files.writeString(file, "{\"broken\": tru");
        HistoryStore store = new HistoryStore(file);
        store.append(Records.record("run-1", T0, 600));
        HistoryContents contents = store.read();
        assertThat(contents.records()).hasSize(1);
        assertThat(contents.corruptLines()).extracting(CorruptLine::lineNumber).containsExactly(1);
    }

    @Test
    void prunesByCountAndByAgeAndLeavesAnUntouchedFileAlone() throws IOException {
        Path file = folder.resolve("history.jsonl");
        HistoryStore store = new HistoryStore(file);
        for (int i = 0; i < 10; i++) {
            store.append(Records.record("run-" + i, T0.plus(Duration.ofDays(i)), 600 + i));
        }
        Instant now = T0.plus(Duration.ofDays(9));
        assertThat(store.prune(8, 0, now)).isEqualTo(new PruneResult(8, 2, 0));
        assertThat(store.read().records())
                .extracting(HistoryRecord::runId)
                .startsWith("run-2")
                .endsWith("run-9");
        // age: runs 2..9 are 7..0 days old; keep at most 5 days
        assertThat(store.prune(0, 5, now)).isEqualTo(new PruneResult(6, 2, 0));
        assertThat(store.read().records()).extracting(HistoryRecord::runId).startsWith("run-4");

        byte[] before = Files.readAllBytes(file);
        Object key = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class)
                .fileKey();
        assertThat(store.prune(100, 100, now)).isEqualTo(new PruneResult(6, 0, 0));
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class)
                        .fileKey())
                .isEqualTo(key);
        try (var leftovers = Files.list(folder)) {
            assertThat(leftovers).containsExactly(file);
        }
    }

    @Test
    void recordsWriteNonFiniteNumbersAsAbsent() {
        HistoryStore store = new HistoryStore(folder.resolve("h.jsonl"));
        HistoryRecord record = new HistoryRecord(
                1,
                T0,
                "r",
                null,
                null,
                null,
                null,
                Status.WARN,
                3,
                Map.of(),
                Map.of(
                        MetricKey.of("api", "rps"),
                        MetricValue.of(Double.NaN),
                        MetricKey.of("api", "n"),
                        MetricValue.of(3)));
        store.append(record);
        HistoryRecord read = store.read().records().get(0);
        assertThat(read.metrics()).containsOnlyKeys(MetricKey.of("api", "n"));
        assertThat(read.runs()).isEqualTo(3);
        assertThat(read.verdict()).isEqualTo(Status.WARN);
        assertThat(read.segment()).isNull();
    }
}
