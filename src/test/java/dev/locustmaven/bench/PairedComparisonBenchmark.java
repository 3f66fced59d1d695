package dev.locustmaven.bench;

import dev.locustmaven.compare.Measure;
import dev.locustmaven.compare.Pair;
import dev.locustmaven.compare.PairedChange;
import dev.locustmaven.compare.PairedStatistics;
import dev.locustmaven.model.LocustPercentiles;
import dev.locustmaven.model.Measurement;
import dev.locustmaven.model.MetricKey;
import dev.locustmaven.model.MetricValue;
import dev.locustmaven.model.ResponseTimes;
import dev.locustmaven.model.Sample;
import dev.locustmaven.sampling.ChangeBounds;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NavigableMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * How the paired interval of a p95 behaves, and why {@link PairedStatistics} keeps the wider of the pairs' t interval
 * and the runs' sampling interval rather than another combination.
 *
 * <p>Model: one endpoint, n requests per run, its p95 or its average judged, response times lognormal (median 40 ms, sigma 0.35), 2% of calls 3x
 * slower, bucketed like Locust's histogram; p95 by Locust's rule. Each pair of runs shares a machine factor
 * (lognormal, sigma 0.2: a busy runner, the same for the base and the change of one pair), and each run has its own
 * factor on top (sigma {@code within}: how much the machine changes between the two runs of a pair). The change is
 * the base with every response time multiplied by {@code ratio}.
 *
 * <p>Four intervals from the same runs, one-sided 0.95 each side: {@code union} (as shipped), {@code mover} (the two
 * added in quadrature on the log scale), {@code t} (between pairs alone), {@code sampling} (the pooled runs alone).
 * Per cell it prints how often the interval covers the true ratio (nominal 90%), how often its lower bound lies above
 * 1 (the change is told slower), and how often a rule {@code fail +10%} fails (estimate and lower bound at or above
 * 1.1).
 *
 * <p>Run: {@code ./mvnw -B -q test-compile -Dinvoker.skip=true}, {@code ./mvnw -B -q dependency:build-classpath
 * -Dmdep.outputFile=target/bench.classpath}, then {@code java -cp target/classes:target/test-classes:$(cat
 * target/bench.classpath) dev.locustmaven.bench.PairedComparisonBenchmark [quick]}. Deterministic: the seeds are fixed
 * by (cell, trial, run).
 */
public final class PairedComparisonBenchmark {

    private static final MetricKey KEY = new MetricKey("shop", "GET /search", "p95_latency_ms");
    private static final MetricKey AVERAGE = new MetricKey("shop", "GET /search", "avg_latency_ms");
    private static final double MEDIAN_MS = 40;
    private static final double SIGMA = 0.35;
    private static final double TAIL_SHARE = 0.02;
    private static final double TAIL_FACTOR = 3;
    private static final double PAIR_SIGMA = 0.2;
    private static final double CONFIDENCE = 0.95;
    private static final double FAIL_LEVEL = 1.1;

    private record Method(String name, Function<PairedChange, ChangeBounds> bounds) {}

    private static final List<Method> METHODS = List.of(
            new Method("union", p -> new ChangeBounds(p.lower(), p.upper())),
            new Method("mover", PairedComparisonBenchmark::mover),
            new Method("t", p -> p.betweenPairs() == null ? p.sampling() : p.betweenPairs()),
            new Method("sampling", PairedChange::sampling));

    public static void main(String[] args) {
        boolean quick = args.length > 0 && args[0].equals("quick");
        int trials = quick ? 100 : 250;
        System.out.printf(
                Locale.ROOT,
                "Paired p95 benchmark: %d trials per cell; lognormal median %.0f ms sigma %.2f, %.0f%% of calls %.0fx;"
                        + " pair factor sigma %.2f; one-sided confidence %.2f; FAIL = estimate and lower bound >= %.2f%n",
                trials,
                MEDIAN_MS,
                SIGMA,
                TAIL_SHARE * 100,
                TAIL_FACTOR,
                PAIR_SIGMA,
                CONFIDENCE,
                FAIL_LEVEL);
        System.out.println("metric  within  k     n  ratio  method    covers  lower>1   FAIL");
        int cell = 0;
        for (boolean average : new boolean[] {false, true}) {
            for (double within : new double[] {0.03, 0.08}) {
                for (int k : new int[] {2, 3, 5}) {
                    for (int n : new int[] {30, 100, 400, 1000}) {
                        for (double ratio : new double[] {1.0, 1.1, 1.2}) {
                            cell++;
                            int[][] counts = new int[METHODS.size()][3];
                            for (int trial = 0; trial < trials; trial++) {
                                PairedChange paired = PairedStatistics.of(
                                        Measure.RATIO,
                                        pairs(cell * 1_000_003L + trial, k, n, within, ratio, average),
                                        CONFIDENCE);
                                for (int m = 0; m < METHODS.size(); m++) {
                                    ChangeBounds b = METHODS.get(m).bounds().apply(paired);
                                    counts[m][0] += b.lower() <= ratio && ratio <= b.upper() ? 1 : 0;
                                    counts[m][1] += b.lower() > 1 ? 1 : 0;
                                    counts[m][2] += paired.estimate() >= FAIL_LEVEL && b.lower() >= FAIL_LEVEL ? 1 : 0;
                                }
                            }
                            for (int m = 0; m < METHODS.size(); m++) {
                                System.out.printf(
                                        Locale.ROOT,
                                        "%-6s  %6.2f %2d %5d  %5.2f  %-8s  %5.1f%%   %5.1f%%  %5.1f%%%n",
                                        average ? "avg" : "p95",
                                        within,
                                        k,
                                        n,
                                        ratio,
                                        METHODS.get(m).name(),
                                        100.0 * counts[m][0] / trials,
                                        100.0 * counts[m][1] / trials,
                                        100.0 * counts[m][2] / trials);
                            }
                        }
                    }
                }
            }
        }
    }

    /** The two intervals added in quadrature on the log scale around the estimate (MOVER). */
    private static ChangeBounds mover(PairedChange p) {
        if (p.betweenPairs() == null) {
            return p.sampling();
        }
        double e = p.estimate();
        double down = Math.hypot(
                Math.log(e / p.betweenPairs().lower()),
                Math.log(e / p.sampling().lower()));
        double up = Math.hypot(
                Math.log(p.betweenPairs().upper() / e), Math.log(p.sampling().upper() / e));
        return new ChangeBounds(e * Math.exp(-down), e * Math.exp(up));
    }

    private static List<Pair> pairs(long seed, int k, int n, double within, double ratio, boolean average) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            double machine = Math.exp(PAIR_SIGMA * r.nextGaussian());
            pairs.add(new Pair(
                    run(r, n, machine * Math.exp(within * r.nextGaussian()), average),
                    run(r, n, machine * Math.exp(within * r.nextGaussian()) * ratio, average)));
        }
        return pairs;
    }

    private static Measurement run(SplittableRandom r, int n, double factor, boolean average) {
        NavigableMap<Double, Long> histogram = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            double ms = MEDIAN_MS * factor * Math.exp(SIGMA * r.nextGaussian());
            if (r.nextDouble() < TAIL_SHARE) {
                ms *= TAIL_FACTOR;
            }
            histogram.merge(SampleSizeBenchmark.bucket(ms), 1L, Long::sum);
        }
        ResponseTimes times = new ResponseTimes(histogram, false);
        if (average) {
            return new Measurement(AVERAGE, MetricValue.of(times.mean()), new Sample.Mean(times));
        }
        double p95 = LocustPercentiles.percentile(histogram, n, 0.95);
        return new Measurement(KEY, MetricValue.of(p95), new Sample.Quantile(0.95, times));
    }

    private PairedComparisonBenchmark() {}
}
