package dev.locustmaven.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Other processes write the same history file at the same time; nothing may be lost or torn. */
class HistoryConcurrencyTest {

    private static final Instant OLD = Instant.parse("2020-01-01T00:00:00Z");

    @TempDir
    Path folder;

    private static Process child(String... args) throws IOException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                classPath,
                HistoryChild.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static BufferedReader awaitReady(Process process) throws IOException {
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).as("the child process's first line").isEqualTo("ready");
        return out;
    }

    private static void awaitSuccess(Process process, BufferedReader out) throws Exception {
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        StringBuilder rest = new StringBuilder();
        for (String line; (line = out.readLine()) != null; ) {
            rest.append(line).append('\n');
        }
        assertThat(process.exitValue()).as(rest.toString()).isZero();
    }

    @Test
    void twoProcessesAndTwoThreadsAppendingAtOnceLoseNothing() throws Exception {
        Path file = folder.resolve("history.jsonl");
        HistoryStore store = new HistoryStore(file);
        int perWriter = 150;
        Process other = child("append", file.toString(), String.valueOf(perWriter), "child");
        BufferedReader out = awaitReady(other);
        List<Thread> threads = new ArrayList<>();
        for (String tag : List.of("thread-a", "thread-b")) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < perWriter; i++) {
                    store.append(Records.record(tag + "-" + i, Instant.now(), 100 + i));
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        awaitSuccess(other, out);

        HistoryContents contents = store.read();
        assertThat(contents.corruptLines()).isEmpty();
        assertThat(contents.records()).hasSize(3 * perWriter);
        assertThat(contents.records())
                .extracting(HistoryRecord::runId)
                .doesNotHaveDuplicates()
                .contains("child-0", "child-" + (perWriter - 1), "thread-a-" + (perWriter - 1), "thread-b-0");
        assertThat(Files.readAllLines(file)).hasSize(3 * perWriter);
    }

    @Test
    void checksRecordingTheSameSecondAtOnceNeverShareARunId() throws Exception {
        Path file = folder.resolve("history.jsonl");
        HistoryStore store = new HistoryStore(file);
        Instant second = Instant.parse("2026-03-01T12:00:00Z");
        int perWriter = 40;
        Process other = child("append-new", file.toString(), String.valueOf(perWriter), second.toString());
        BufferedReader out = awaitReady(other);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < perWriter; i++) {
                    store.appendNew(taken ->
                            Records.record(HistoryRecord.newRunId(HistoryChild.LOCAL, second, taken), second, 100));
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        awaitSuccess(other, out);

        List<HistoryRecord> records = store.read().records();
        assertThat(records).hasSize(3 * perWriter);
        assertThat(records)
                .extracting(HistoryRecord::runId)
                .doesNotHaveDuplicates()
                .contains("local-20260301T120000Z", "local-20260301T120000Z-" + 3 * perWriter);
    }

    @Test
    void appendsDuringRepeatedPrunesAreNotLost() throws Exception {
        Path file = folder.resolve("history.jsonl");
        HistoryStore store = new HistoryStore(file);
        int appended = 200;
        Process other = child("append", file.toString(), String.valueOf(appended), "new");
        BufferedReader out = awaitReady(other);
        // every prune removes an old record, so the file is replaced again and again while the child appends
        int prunes = 0;
        while (other.isAlive() || prunes < 20) {
            store.append(Records.record("old-" + prunes, OLD, 1));
            store.prune(0, 365, Instant.now());
            prunes++;
        }
        awaitSuccess(other, out);

        HistoryContents contents = store.read();
        assertThat(contents.corruptLines()).isEmpty();
        assertThat(contents.records()).extracting(HistoryRecord::runId).allMatch(id -> id.startsWith("new-"));
        assertThat(contents.records()).hasSize(appended);
    }

    private boolean awaitTemporaryFile(Process pruner) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && pruner.isAlive()) {
            try (var entries = Files.list(folder)) {
                if (entries.anyMatch(p -> p.getFileName().toString().endsWith(".tmp"))) {
                    return true;
                }
            }
            Thread.sleep(0, 200_000);
        }
        return false;
    }

    @Test
    void killingAPruneMidwayLeavesAnIntactFile() throws Exception {
        Path file = folder.resolve("history.jsonl");
        HistoryStore store = new HistoryStore(file);
        int total = 8_000;
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < total; i++) {
            text.append(HistoryFormat.write(Records.record("run-" + i, OLD.plus(Duration.ofMinutes(i)), 100)))
                    .append('\n');
        }
        Files.writeString(file, text);

        // once as soon as the temporary file of a prune appears (killed while writing it or just after), once later
        for (long delayMs : new long[] {0, 700}) {
            List<HistoryRecord> before = store.read().records();
            Process pruner = child("prune-loop", file.toString(), "37");
            awaitReady(pruner);
            if (delayMs == 0) {
                assertThat(awaitTemporaryFile(pruner))
                        .as("a prune's temporary file appeared")
                        .isTrue();
            } else {
                Thread.sleep(delayMs);
            }
            pruner.destroyForcibly();
            assertThat(pruner.waitFor(30, TimeUnit.SECONDS)).isTrue();

            HistoryContents after = store.read();
            assertThat(after.corruptLines())
                    .as("corrupt lines after a kill at %d ms", delayMs)
                    .isEmpty();
            List<HistoryRecord> records = after.records();
            assertThat(records).isNotEmpty();
            // a consistent state: the newest records, in order, exactly as before the kill
            assertThat(records).isEqualTo(before.subList(before.size() - records.size(), before.size()));
            assertThat(records.get(records.size() - 1).runId()).isEqualTo("run-" + (total - 1));
        }
        // a later prune removes what a killed one left behind
        store.prune(10, 0, Instant.now());
        try (var entries = Files.list(folder)) {
            assertThat(entries).containsExactly(file);
        }
        assertThat(store.read().records()).hasSize(10);
    }
}
