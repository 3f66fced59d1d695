package dev.locustmaven.report.site;

import dev.locustmaven.baseline.BaselineFile;
import dev.locustmaven.history.BuildEnvironment;
import dev.locustmaven.history.Fingerprint;
import dev.locustmaven.history.HistoryRecord;
import dev.locustmaven.history.HistoryStore;
import dev.locustmaven.model.Baseline;
import dev.locustmaven.model.Measurement;
import dev.locustmaven.model.Measurements;
import dev.locustmaven.model.MetricKey;
import dev.locustmaven.model.MetricValue;
import dev.locustmaven.model.Verdict;
import dev.locustmaven.report.VerdictJson;
import dev.locustmaven.thresholds.Gate;
import dev.locustmaven.thresholds.GateOptions;
import dev.locustmaven.thresholds.ThresholdRule;
import dev.locustmaven.thresholds.ThresholdRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A made-up but realistic project history for the report's tests and the {@code site-report} IT: two services over
 * {@link #RUNS} daily runs, where {@code api_gateway}'s p95 latency steps from about 650 ms to about 1000 ms at run
 * index {@link #STEP} (and its throughput drops), while {@code rag_service} creeps slowly upwards. Every run is checked
 * by the real {@link Gate} against the baseline under {@link #thresholds()}, so each record's verdict and the final
 * {@code verdict.json} are what {@code locust:check} would have written; the history goes through the real
 * {@link HistoryStore}, so its lines are the store's format.
 *
 * <p>The numbers come from a seeded {@link Random}, so the files are the same on every machine; {@code
 * SampleHistoryTest} keeps the IT's copy equal to what this class writes.
 */
final class SampleHistory {

    static final int RUNS = 36;
    /** The first run (0-based) at api_gateway's slower level. */
    static final int STEP = 24;

    static final Instant START = Instant.parse("2026-10-20T06:00:00Z");
    static final String HISTORY = "docs/performance-trends.jsonl";
    static final String BASELINE = "docs/performance-baselines.json";
    static final String VERDICT = "perf/verdict.json";

    private static final String BASELINE_JSON = """
            {
              "version": "2026-10-19",
              "effective_from": "2026-10-19T12:00:00Z",
              "valid_until": "2027-01-19T12:00:00Z",
              "updated_by": "locust:baseline",
              "metadata": {
                "git_commit": "%s",
                "locust_version": "2.47.0",
                "runs": 5,
                "test_environment": "ci"
              },
              "api_gateway": {
                "avg_latency_ms": 420,
                "error_rate_pct": 0.2,
                "p95_latency_ms": 650,
                "rps": 2.5
              },
              "rag_service": {
                "avg_latency_ms": 780,
                "error_rate_pct": 0.1,
                "p95_latency_ms": 1200,
                "rps": 5.0
              }
            }
            """;

    private SampleHistory() {}

    /** Writes the history, the baseline and the latest verdict under {@code project}; returns the verdict. */
    static Verdict write(Path project) throws IOException {
        return write(project, RUNS);
    }

    /** As {@link #write(Path)}, with only the first {@code runs} runs. */
    static Verdict write(Path project, int runs) throws IOException {
        return write(project, runs, Duration.ofDays(1));
    }

    /** As {@link #write(Path, int)}, with the runs {@code spacing} apart instead of a day. */
    static Verdict write(Path project, int runs, Duration spacing) throws IOException {
        Path baselineFile = project.resolve(BASELINE);
        Files.createDirectories(baselineFile.getParent());
        Files.writeString(baselineFile, BASELINE_JSON.formatted(commit(-1)), StandardCharsets.UTF_8);
        Baseline baseline = BaselineFile.read(baselineFile);
        Path historyFile = project.resolve(HISTORY);
        Files.deleteIfExists(historyFile);
        HistoryStore store = new HistoryStore(historyFile);
        Random random = new Random(20261020L);
        Verdict verdict = null;
        Instant time = null;
        for (int run = 0; run < runs; run++) {
            time = START.plus(spacing.multipliedBy(run));
            Map<MetricKey, MetricValue> metrics = metrics(run, random);
            verdict = new Gate()
                    .evaluate(measurements(metrics), baseline, new ThresholdRules(thresholds()), GateOptions.at(time));
            store.append(HistoryRecord.of(
                    time,
                    runId(run),
                    new BuildEnvironment(commit(run), "main", "https://ci.example.org/builds/" + (1000 + run), null),
                    HistoryRecord.segmentOf(baseline),
                    verdict.level(),
                    1,
                    Map.of(
                            "api_gateway", fingerprint("ApiGatewayUser"),
                            "rag_service", fingerprint("RagServiceUser")),
                    metrics,
                    Map.of()));
        }
        if (verdict != null) {
            VerdictJson.write(project.resolve(VERDICT), verdict, time);
        }
        return verdict;
    }

    static List<ThresholdRule> thresholds() {
        return List.of(
                rule("p95_latency_ms", "+20%", "+50%"),
                rule("error_rate_pct", "+0.5", "+1"),
                rule("rps", "-20%", "-40%"));
    }

    /** The made-up git commit of a run: 40 hex digits, the same on every machine. */
    static String commit(int run) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(("run " + run).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The run id {@link #write} gives run {@code run} (0-based). */
    static String runId(int run) {
        Instant time = START.plus(Duration.ofDays(run));
        return "ci-" + (1000 + run) + "-" + time.toString().replaceAll("[-:]", "");
    }

    private static ThresholdRule rule(String metric, String warning, String fail) {
        return new ThresholdRule(null, metric, null, warning, fail, null, null, false, null);
    }

    private static Fingerprint fingerprint(String userClass) {
        return new Fingerprint(10, 2.0, 60.0, List.of(userClass), "2.47.0", "Linux", "amd64", 2, "ci");
    }

    private static Map<MetricKey, MetricValue> metrics(int run, Random random) {
        Map<MetricKey, MetricValue> metrics = new TreeMap<>();
        boolean slow = run >= STEP;
        double apiP95 = (slow ? 1000 : 650) * noise(random, 0.04);
        double apiRps = (slow ? 2.1 : 2.5) * noise(random, 0.03);
        double apiErrors = Math.max(0, 0.2 + random.nextGaussian() * 0.08);
        service(metrics, "api_gateway", apiP95, apiP95 * 0.65, apiRps, apiErrors);
        double ragP95 = 1200 * (1 + 0.004 * run) * noise(random, 0.03);
        double ragRps = 5.0 * noise(random, 0.03);
        double ragErrors = Math.max(0, 0.1 + random.nextGaussian() * 0.05);
        service(metrics, "rag_service", ragP95, ragP95 * 0.65, ragRps, ragErrors);
        return metrics;
    }

    private static void service(
            Map<MetricKey, MetricValue> metrics, String service, double p95, double avg, double rps, double errors) {
        long requests = Math.round(rps * 60);
        metrics.put(MetricKey.of(service, "p95_latency_ms"), MetricValue.of(Math.round(p95)));
        metrics.put(MetricKey.of(service, "avg_latency_ms"), MetricValue.of(Math.round(avg)));
        metrics.put(MetricKey.of(service, "rps"), MetricValue.of(round(rps, 3)));
        metrics.put(MetricKey.of(service, "error_rate_pct"), MetricValue.of(round(errors, 3)));
        metrics.put(MetricKey.of(service, "request_count"), MetricValue.of(requests));
    }

    private static Measurements measurements(Map<MetricKey, MetricValue> metrics) {
        List<Measurement> list = new ArrayList<>();
        metrics.forEach((key, value) -> list.add(new Measurement(key, value, 150)));
        return Measurements.of(list);
    }

    private static double noise(Random random, double relative) {
        return 1 + random.nextGaussian() * relative;
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
