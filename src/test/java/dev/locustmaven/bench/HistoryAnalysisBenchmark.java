package dev.locustmaven.bench;

import dev.locustmaven.history.BuildEnvironment;
import dev.locustmaven.history.ComparableRuns;
import dev.locustmaven.history.Fingerprint;
import dev.locustmaven.history.HistoryContents;
import dev.locustmaven.history.HistoryRecord;
import dev.locustmaven.history.HistoryStore;
import dev.locustmaven.model.MetricKey;
import dev.locustmaven.model.MetricValue;
import dev.locustmaven.model.Status;
import dev.locustmaven.statistical.ChangePointDetector;
import dev.locustmaven.statistical.MetricDirection;
import dev.locustmaven.statistical.RunnerShift;
import dev.locustmaven.statistical.SeriesInput;
import dev.locustmaven.statistical.SeriesPoint;
import dev.locustmaven.statistical.StatisticalGate;
import dev.locustmaven.statistical.StatisticalGateSettings;
import dev.locustmaven.statistical.TrendAnalysis;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Times what the check goal does with the history on every build: read the file, select the comparable runs, run the
 * statistical gate on the current build, find the change points of every series over the whole history, and compute
 * the trends. For 1,000, 5,000 and 20,000 records of 50 series (10 endpoints × 5 metrics).
 *
 * <p>Run: {@code ./mvnw -B -o -q test-compile -Dinvoker.skip=true && java -cp
 * target/classes:target/test-classes:$(cat target/bench.classpath) dev.locustmaven.bench.HistoryAnalysisBenchmark},
 * with the classpath file written by {@code ./mvnw -B -o -q dependency:build-classpath
 * -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=runtime}.
 */
public final class HistoryAnalysisBenchmark {

    static final String SERVICE = "api";
    static final String[] METRICS = {"p50_latency_ms", "p95_latency_ms", "p99_latency_ms", "avg_latency_ms", "rps"};
    static final int ENDPOINTS = 10;
    static final Fingerprint FINGERPRINT =
            new Fingerprint(20, 5.0, 60.0, List.of("ApiUser"), "2.47.0", "Linux", "amd64", 2, "ci");
    static final String SEGMENT = "baseline 2026-01-01 2026-01-01T00:00:00Z";

    private HistoryAnalysisBenchmark() {}

    public static void main(String[] args) throws IOException {
        Path folder = Files.createTempDirectory("history-benchmark");
        int[] sizes = {1_000, 5_000, 20_000};
        Map<Integer, Path> files = new LinkedHashMap<>();
        for (int size : sizes) {
            files.put(size, write(folder.resolve("history-" + size + ".jsonl"), size));
        }
        System.out.printf(
                Locale.ROOT,
                "History analysis benchmark: %d series (%d endpoints x %d metrics); median of 5 timed rounds after 2"
                        + " warm-up rounds%n",
                ENDPOINTS * METRICS.length,
                ENDPOINTS,
                METRICS.length);
        System.out.printf(
                Locale.ROOT,
                "%8s %8s | %8s %8s %10s %8s %9s %12s %14s | %8s%n",
                "records",
                "file MB",
                "read",
                "gate",
                "changes",
                "trends",
                "total",
                "per 1k recs",
                "x (size x)",
                "wall");
        System.out.println("                  | CPU ms of the analysing thread                              | ms");
        double firstTotal = 0;
        int firstSize = sizes[0];
        for (int size : sizes) {
            Path file = files.get(size);
            double[][] rounds = new double[5][];
            // rounds: 2 to warm the JIT up, 5 timed
            for (int round = -2; round < 5; round++) {
                double[] timing = analyse(file);
                if (round >= 0) {
                    rounds[round] = timing;
                }
            }
            double[] median = new double[6];
            for (int column = 0; column < 6; column++) {
                double[] values = new double[5];
                for (int round = 0; round < 5; round++) {
                    values[round] = rounds[round][column];
                }
                Arrays.sort(values);
                median[column] = values[2];
            }
            double perThousand = median[4] / (size / 1000.0);
            if (firstTotal == 0) {
                firstTotal = median[4];
            }
            double growth = median[4] / firstTotal;
            System.out.printf(
                    Locale.ROOT,
                    "%8d %8.1f | %8.0f %8.1f %10.0f %8.1f %9.0f %12.1f %14s | %8.0f%n",
                    size,
                    Files.size(file) / 1e6,
                    median[0],
                    median[1],
                    median[2],
                    median[3],
                    median[4],
                    perThousand,
                    String.format(Locale.ROOT, "%.1f (%.0f)", growth, (double) size / firstSize),
                    median[5]);
        }
        for (Path file : files.values()) {
            Files.delete(file);
        }
        Files.delete(folder);
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** This thread's CPU time in nanoseconds: unlike the wall clock, it does not count waiting for a shared CPU. */
    private static long cpu() {
        return THREADS.getCurrentThreadCpuTime();
    }

    /** CPU times (ms): read, gate, change points, trends, total; then the total wall time (ms). */
    static double[] analyse(Path file) {
        long wall = System.nanoTime();
        long t0 = cpu();
        HistoryContents contents = new HistoryStore(file).read();
        long t1 = cpu();
        List<HistoryRecord> comparable = ComparableRuns.of(contents.records(), SERVICE, FINGERPRINT, SEGMENT);
        // the newest record plays the current build
        HistoryRecord current = comparable.get(comparable.size() - 1);
        List<HistoryRecord> history = comparable.subList(0, comparable.size() - 1);
        Map<MetricKey, List<SeriesPoint>> series = series(history);
        List<SeriesInput> inputs = new ArrayList<>();
        series.forEach((key, points) -> inputs.add(new SeriesInput(
                key.toString(),
                RunnerShift.groupOf(key.service(), key.metric()),
                MetricDirection.of(key.metric()),
                points,
                List.of(current.value(key).orElseThrow()),
                false)));
        new StatisticalGate(StatisticalGateSettings.DEFAULTS).evaluate(inputs);
        long t2 = cpu();
        ChangePointDetector detector = ChangePointDetector.defaults();
        int changePoints = 0;
        for (List<SeriesPoint> points : series.values()) {
            changePoints += detector.detect(
                            points.stream().mapToDouble(SeriesPoint::value).toArray())
                    .size();
        }
        long t3 = cpu();
        TrendAnalysis trends = TrendAnalysis.defaults();
        series.forEach((key, points) -> trends.analyse(points, MetricDirection.of(key.metric())));
        long t4 = cpu();
        if (changePoints < 0) {
            throw new IllegalStateException();
        }
        return new double[] {
            (t1 - t0) / 1e6,
            (t2 - t1) / 1e6,
            (t3 - t2) / 1e6,
            (t4 - t3) / 1e6,
            (t4 - t0) / 1e6,
            (System.nanoTime() - wall) / 1e6
        };
    }

    /** Each series' points in run order. */
    static Map<MetricKey, List<SeriesPoint>> series(List<HistoryRecord> records) {
        Map<MetricKey, List<SeriesPoint>> series = new HashMap<>();
        for (HistoryRecord record : records) {
            record.metrics().forEach((key, value) -> {
                if (value instanceof MetricValue.Numeric) {
                    series.computeIfAbsent(key, k -> new ArrayList<>())
                            .add(new SeriesPoint(record.runId(), record.time(), record.gitCommit(), value.asDouble()));
                }
            });
        }
        return new TreeMap<>(series);
    }

    /** A history of {@code size} runs with two real shifts (a +15% regression and its fix) in endpoint 3. */
    static Path write(Path file, int size) throws IOException {
        SplittableRandom random = new SplittableRandom(size);
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        BuildEnvironment build = new BuildEnvironment("0123456789abcdef0123456789abcdef01234567", "main", null, "1");
        List<HistoryRecord> records = new ArrayList<>(size);
        for (int run = 0; run < size; run++) {
            double runner = 0.03 * random.nextGaussian();
            Map<MetricKey, MetricValue> metrics = new TreeMap<>();
            for (int e = 0; e < ENDPOINTS; e++) {
                double regression = e == 3 && run > size / 2 && run < 3 * size / 4 ? 1.15 : 1.0;
                double base = (50 + 20 * e) * Math.exp(runner + 0.03 * random.nextGaussian()) * regression;
                String endpoint = "GET /api/v1/resource" + e + "/{id}";
                metrics.put(new MetricKey(SERVICE, endpoint, "p50_latency_ms"), MetricValue.of(round(base)));
                metrics.put(new MetricKey(SERVICE, endpoint, "p95_latency_ms"), MetricValue.of(round(base * 1.8)));
                metrics.put(new MetricKey(SERVICE, endpoint, "p99_latency_ms"), MetricValue.of(round(base * 2.5)));
                metrics.put(new MetricKey(SERVICE, endpoint, "avg_latency_ms"), MetricValue.of(round(base * 1.1)));
                metrics.put(new MetricKey(SERVICE, endpoint, "rps"), MetricValue.of(round(2000 / base)));
            }
            Instant time = start.plus(Duration.ofMinutes(30L * run));
            HistoryRecord record = HistoryRecord.of(
                    time,
                    HistoryRecord.newRunId(build, time, Set.of()),
                    build,
                    SEGMENT,
                    Status.PASS,
                    1,
                    Map.of(SERVICE, FINGERPRINT),
                    metrics,
                    Map.of());
            records.add(record);
        }
        new HistoryStore(file).appendAll(records);
        return file;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
