package dev.locustmaven.bench;

import dev.locustmaven.baseline.BaselineFile;
import dev.locustmaven.model.Baseline;
import dev.locustmaven.model.Measurements;
import dev.locustmaven.promotion.ReachReport;
import dev.locustmaven.thresholds.FailLevelReach;
import dev.locustmaven.thresholds.FailLevelReach.Reach;
import dev.locustmaven.thresholds.GateOptions;
import dev.locustmaven.thresholds.ThresholdRule;
import dev.locustmaven.thresholds.ThresholdRules;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads committed baselines back through what {@code locust:baseline} prints after promoting: for {@code rag_service
 * index_p95_ms}, the smallest slowdown of every request that one run, and a run as long as you like, shows beyond the
 * seed's fail level (+60%) and warning level (+30%, taken as a fail level here), at the default confidence.
 *
 * <p>Input: the {@code <name>-baseline.json} files that {@code benchmarks/campaign/campaign.py} saves beside its results;
 * the runs a baseline was promoted from come from its {@code metadata.runs}.
 *
 * <p>Run: {@code ./mvnw -B -q test-compile -Dinvoker.skip=true}, {@code ./mvnw -B -q dependency:build-classpath
 * -Dmdep.outputFile=target/bench.classpath}, then {@code java -cp target/classes:target/test-classes:$(cat
 * target/bench.classpath) dev.locustmaven.bench.BaselineReachReplay benchmarks/hostile/results/s11-busy-1run-baseline.json
 * …}.
 */
public final class BaselineReachReplay {

    private BaselineReachReplay() {}

    public static void main(String[] args) {
        System.out.println(
                "| baseline | runs | `index` requests | `+60%`: one run / at best | `+30%`: one run / at best |");
        System.out.println("|---|---:|---:|---|---|");
        for (String file : args) {
            Baseline baseline = BaselineFile.read(Path.of(file));
            int runs = Integer.parseInt(baseline.metadata().getOrDefault("runs", "1"));
            Measurements measurements = baseline.measurements();
            Optional<Reach> fail = index(measurements, runs, "+60%");
            Optional<Reach> warning = index(measurements, runs, "+30%");
            if (fail.isEmpty() || warning.isEmpty()) {
                System.out.println("| " + file + " | no rag_service index_p95_ms with a histogram | | | |");
                continue;
            }
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %d | %d | %s | %s |%n",
                    Path.of(file).getFileName().toString().replace("-baseline.json", ""),
                    runs,
                    fail.get().baselineRequests(),
                    figures(fail.get()),
                    figures(warning.get()));
        }
    }

    private static Optional<Reach> index(Measurements baseline, int runs, String level) {
        ThresholdRules rule = new ThresholdRules(
                List.of(new ThresholdRule("rag_service", "index_p95_ms", null, null, level, null, null, false, null)));
        return FailLevelReach.of(rule, baseline, runs, true, GateOptions.DEFAULT_CONFIDENCE).stream()
                .findFirst();
    }

    private static String figures(Reach reach) {
        return ReachReport.slowdown(reach.oneRun()) + " / " + ReachReport.slowdown(reach.longRun());
    }
}
