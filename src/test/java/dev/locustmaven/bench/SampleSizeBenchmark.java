package dev.locustmaven.bench;

import dev.locustmaven.model.Baseline;
import dev.locustmaven.model.Check;
import dev.locustmaven.model.LocustPercentiles;
import dev.locustmaven.model.Measurement;
import dev.locustmaven.model.Measurements;
import dev.locustmaven.model.MetricKey;
import dev.locustmaven.model.MetricValue;
import dev.locustmaven.model.ResponseTimes;
import dev.locustmaven.model.Sample;
import dev.locustmaven.model.Status;
import dev.locustmaven.model.Verdict;
import dev.locustmaven.sampling.ChangeBounds;
import dev.locustmaven.sampling.DistributionShift;
import dev.locustmaven.sampling.SamplingError;
import dev.locustmaven.thresholds.Gate;
import dev.locustmaven.thresholds.GateOptions;
import dev.locustmaven.thresholds.ThresholdRule;
import dev.locustmaven.thresholds.ThresholdRules;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * How the threshold gate judges a p95 of a thin endpoint: per run n requests of one endpoint, their response times
 * lognormal with a slow tail, bucketed like Locust's histogram; the p95 computed with Locust's own rule; a baseline
 * from one run or from five runs pooled; the real {@link Gate} with one rule on {@code p95_latency_ms}.
 *
 * <p>Four ways to judge the same runs, per rule:
 *
 * <ul>
 *   <li>(a) the point rule: {@code significance} off, the values compared as plain numbers;
 *   <li>(b) the sample-aware rule as shipped: {@code significance} on at one-sided confidence 0.95;
 *   <li>(c1) the sample-aware rule (0.95) with its fail level lowered until its false FAILs reach those of (a);
 *   <li>(c2) the point rule with its fail level raised until its false FAILs fall to those of (b).
 * </ul>
 *
 * The levels of (c1) and (c2) are set on a separate set of unchanged runs (calibration), then judged by the Gate on the
 * evaluation runs like (a) and (b), so their false-FAIL rates are measured, not fitted.
 *
 * <p>Run: {@code ./mvnw -B -q test-compile -Dinvoker.skip=true}, {@code ./mvnw -B -q dependency:build-classpath
 * -Dmdep.outputFile=target/bench.classpath}, then {@code java -cp target/classes:target/test-classes:$(cat
 * target/bench.classpath) dev.locustmaven.bench.SampleSizeBenchmark [quick] [nofactor]}. Deterministic: every run's
 * draws come from a seed fixed by (set, n, trial, run), and the slowdowns scale the same draws as the unchanged runs.
 * See docs/benchmarks.md for the model and the results.
 */
public final class SampleSizeBenchmark {

    static final int[] SIZES = {20, 35, 50, 100, 200, 500, 1000, 2000};
    static final double MEDIAN_MS = 100;
    static final double SIGMA = 0.4;
    static final double TAIL_SHARE = 0.02;
    static final double TAIL_FACTOR = 3;
    static final double RUN_SIGMA = 0.05;
    static final double CONFIDENCE = GateOptions.DEFAULT_CONFIDENCE;
    static final double[] SLOWDOWNS = {1.5, 2.0};
    static final int POOLED_RUNS = 5;
    static final double FRACTION = 0.95;
    static final MetricKey KEY = new MetricKey("api", "GET /items", "p95_latency_ms");
    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    static final Gate GATE = new Gate();
    static final GateOptions POINT = GateOptions.at(NOW).withSignificance(false, CONFIDENCE);
    static final GateOptions SAMPLE_AWARE = GateOptions.at(NOW).withSignificance(true, CONFIDENCE);

    /** A threshold rule on the endpoint's p95: warning and fail levels in percent. */
    record Rule(double warningPct, double failPct) {
        String name() {
            return "warning +" + number(warningPct) + "% / fail +" + number(failPct) + "%";
        }
    }

    static final List<Rule> RULES = List.of(new Rule(30, 60), new Rule(20, 50));

    /** Where the baseline's value and sample come from. */
    enum BaselineKind {
        ONE_RUN("baseline from 1 run", 1),
        FIVE_RUNS("baseline from 5 runs (median of the p95s, requests pooled)", POOLED_RUNS);

        final String label;
        final int runs;

        BaselineKind(String label, int runs) {
            this.label = label;
            this.runs = runs;
        }
    }

    private final int trials;
    private final double runSigma;

    SampleSizeBenchmark(int trials, double runSigma) {
        this.trials = trials;
        this.runSigma = runSigma;
    }

    public static void main(String[] args) {
        List<String> options = Arrays.asList(args);
        boolean quick = options.contains("quick");
        double runSigma = options.contains("nofactor") ? 0 : RUN_SIGMA;
        SampleSizeBenchmark bench = new SampleSizeBenchmark(quick ? 300 : 2000, runSigma);
        long started = System.nanoTime();
        System.out.printf(
                Locale.ROOT,
                "Sample-size benchmark: one endpoint, n requests per run; response times lognormal (median %s ms,"
                        + " sigma %s), %s%% of calls %sx slower, bucketed like Locust's histogram; run-level factor"
                        + " lognormal sigma %s; p95 by Locust's rule; %d trials per cell (unchanged, x1.5, x2), and %d"
                        + " more unchanged to set the levels of (c1) and (c2); Wilson 95%% intervals in brackets%n",
                number(MEDIAN_MS),
                number(SIGMA),
                number(100 * TAIL_SHARE),
                number(TAIL_FACTOR),
                number(runSigma),
                bench.trials,
                bench.trials);
        System.out.printf(
                Locale.ROOT,
                "A single-run baseline's p95 has a finite upper bound at one-sided %s only from %d requests on;"
                        + " below that only the response times as a whole can show a change beyond a level against it.%n",
                number(CONFIDENCE),
                smallestBoundedSample(FRACTION, CONFIDENCE));
        List<Cell> cells = new ArrayList<>();
        for (BaselineKind kind : BaselineKind.values()) {
            for (int n : SIZES) {
                cells.add(bench.cell(kind, n));
            }
        }
        for (int r = 0; r < RULES.size(); r++) {
            for (BaselineKind kind : BaselineKind.values()) {
                print(
                        RULES.get(r),
                        r,
                        kind,
                        cells.stream().filter(c -> c.kind == kind).toList());
            }
        }
        System.out.printf(Locale.ROOT, "%nTotal time: %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    /**
     * The smallest n whose largest response time bounds the {@code fraction} percentile from above, at one-sided
     * {@code confidence}: P(all n at or below the quantile) = fraction^n must be at most 1 - confidence.
     */
    static int smallestBoundedSample(double fraction, double confidence) {
        return (int) Math.ceil(Math.log(1 - confidence) / Math.log(fraction));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The synthetic endpoint

    /** Locust's bucket of a response time: 1 ms below 100, 10 ms below 1,000, 100 ms below 10,000, 1 s above. */
    static double bucket(double ms) {
        if (ms < 100) {
            return Math.rint(ms);
        }
        if (ms < 1_000) {
            return Math.rint(ms / 10) * 10;
        }
        return ms < 10_000 ? Math.rint(ms / 100) * 100 : Math.rint(ms / 1_000) * 1_000;
    }

    /** The histogram of one run of {@code n} requests, every response time multiplied by {@code slowdown}. */
    ResponseTimes run(long seed, int n, double slowdown) {
        SplittableRandom r = new SplittableRandom(seed);
        double median = MEDIAN_MS * Math.exp(runSigma * r.nextGaussian()) * slowdown;
        NavigableMap<Double, Long> histogram = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            double ms = median * Math.exp(SIGMA * r.nextGaussian());
            if (r.nextDouble() < TAIL_SHARE) {
                ms *= TAIL_FACTOR;
            }
            histogram.merge(bucket(ms), 1L, Long::sum);
        }
        return new ResponseTimes(histogram, false);
    }

    static double p95(ResponseTimes times) {
        return LocustPercentiles.percentile(times.buckets(), times.size(), FRACTION);
    }

    static Measurement measurement(ResponseTimes times) {
        return new Measurement(KEY, MetricValue.of(p95(times)), new Sample.Quantile(FRACTION, times));
    }

    /**
     * A baseline as {@code locust:baseline} writes it from {@code runs} runs: the median of their p95s, and the
     * requests of all of them pooled as its sample.
     */
    static Baseline baseline(List<ResponseTimes> runs) {
        double[] values =
                runs.stream().mapToDouble(SampleSizeBenchmark::p95).sorted().toArray();
        Sample sample = new Sample.Quantile(FRACTION, runs.get(0));
        for (int i = 1; i < runs.size(); i++) {
            sample = Sample.pooled(sample, new Sample.Quantile(FRACTION, runs.get(i)));
        }
        return new Baseline(
                "1",
                NOW,
                null,
                "bench",
                Map.of(),
                Map.of(KEY, MetricValue.of(values[values.length / 2])),
                Map.of(),
                Map.of(KEY, sample));
    }

    /** One trial's data: the baseline and the judged run (scaled by a slowdown). */
    record Trial(Baseline baseline, Measurement run) {}

    static long seed(int set, int n, int trial, int run) {
        return ((set * 10_007L + n) * 1_000_003L + trial) * 16 + run;
    }

    /** Set 0 calibrates, set 1 evaluates; runs 0-4 make the baseline, run 5 is judged. */
    Trial trial(int set, BaselineKind kind, int n, int trial, double slowdown) {
        List<ResponseTimes> baselineRuns = new ArrayList<>();
        for (int run = 0; run < kind.runs; run++) {
            baselineRuns.add(run(seed(set, n, trial, run), n, 1));
        }
        return new Trial(baseline(baselineRuns), measurement(run(seed(set, n, trial, POOLED_RUNS), n, slowdown)));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Judging

    static ThresholdRules rules(Double warningPct, String failText) {
        String warning = warningPct == null ? null : "+" + number(warningPct) + "%";
        return ThresholdRules.of(new ThresholdRule(
                KEY.service(), KEY.metric(), KEY.endpoint(), warning, failText, null, null, false, null));
    }

    static Check judge(Trial trial, ThresholdRules rules, GateOptions options) {
        Verdict verdict = GATE.evaluate(Measurements.of(List.of(trial.run())), trial.baseline(), rules, options);
        return verdict.checks().get(0);
    }

    /** The same comparison as {@code Tolerance.reaches} of the gate, for a rise. */
    static boolean reaches(double change, double level) {
        return Math.abs(change - level) <= 1e-9 * Math.max(1, Math.max(Math.abs(change), Math.abs(level)))
                || change > level;
    }

    /** The run's ratio to the baseline, and the change's lower confidence bound as a ratio (at 0.95). */
    static double[] scores(Trial trial) {
        double run = trial.run().value().asDouble();
        double base = trial.baseline().value(KEY).orElseThrow().asDouble();
        ChangeBounds bounds = ChangeBounds.ratio(
                SamplingError.of(trial.run().sample(), run, CONFIDENCE),
                SamplingError.of(trial.baseline().sample(KEY), base, CONFIDENCE));
        double shifted = DistributionShift.between(
                        ((Sample.Quantile) trial.run().sample()).times(),
                        ((Sample.Quantile) trial.baseline().sample(KEY)).times())
                .map(shift -> shift.at(CONFIDENCE).bounds().lower())
                .orElse(0.0);
        // the sample-aware rule FAILs when either lower bound reaches the level (the value's only with its value)
        return new double[] {run / base, Math.max(bounds.lower(), shifted)};
    }

    /**
     * The least fail level (a ratio, at least {@code floor}) at which at most {@code allowed} of {@code scores}
     * reach it: just above the ({@code allowed}+1)-th largest score.
     */
    static double levelAllowing(double[] scores, int allowed, double floor) {
        double[] sorted = scores.clone();
        Arrays.sort(sorted);
        if (allowed >= sorted.length) {
            return floor;
        }
        double next = sorted[sorted.length - 1 - allowed];
        return next < floor ? floor : next + 1e-6;
    }

    /** A relative fail level as the rule's text, rounded up so that it stays above the score it clears. */
    static String levelText(double ratio) {
        BigDecimal pct = BigDecimal.valueOf((ratio - 1) * 100).setScale(4, RoundingMode.CEILING);
        return "+" + pct.stripTrailingZeros().toPlainString() + "%";
    }

    /** A level as shown in the table: {@code +82.4%}. */
    static String shown(double ratio) {
        return String.format(Locale.ROOT, "+%.1f%%", (ratio - 1) * 100);
    }

    /** The levels of (c1) and (c2) for one rule, set on unchanged runs, as shown. */
    record Calibration(String sampleAwareLevel, String pointLevel) {}

    // Outcome columns, counted per (rule, scenario).
    static final int A_FAIL = 0;
    static final int B_FAIL = 1;
    static final int B_INCONCLUSIVE = 2;
    static final int C1_FAIL = 3;
    static final int C1_INCONCLUSIVE = 4;
    static final int C2_FAIL = 5;
    static final int COLUMNS = 6;

    /** The results of one (baseline kind, n): per rule its calibration and counts[scenario][column]. */
    static final class Cell {
        final BaselineKind kind;
        final int n;
        final int trials;
        final Calibration[] calibrations = new Calibration[RULES.size()];
        final long[][][] counts = new long[RULES.size()][1 + SLOWDOWNS.length][COLUMNS];
        double seconds;

        Cell(BaselineKind kind, int n, int trials) {
            this.kind = kind;
            this.n = n;
            this.trials = trials;
        }
    }

    Cell cell(BaselineKind kind, int n) {
        long started = System.nanoTime();
        Cell cell = new Cell(kind, n, trials);
        double[][] calibration = IntStream.range(0, trials)
                .parallel()
                .mapToObj(t -> scores(trial(0, kind, n, t, 1)))
                .toArray(double[][]::new);
        double[] ratios = Arrays.stream(calibration).mapToDouble(s -> s[0]).toArray();
        double[] lowers = Arrays.stream(calibration).mapToDouble(s -> s[1]).toArray();
        List<ThresholdRules[]> judged = new ArrayList<>();
        for (int r = 0; r < RULES.size(); r++) {
            Rule rule = RULES.get(r);
            double level = 1 + rule.failPct() / 100;
            int pointFails = 0;
            int sampleFails = 0;
            for (double[] s : calibration) {
                pointFails += reaches(s[0] - 1, level - 1) ? 1 : 0;
                sampleFails += reaches(s[1] - 1, level - 1) ? 1 : 0;
            }
            double lowest = 1 + 1e-6;
            double c1 = levelAllowing(lowers, pointFails, lowest);
            double c2 = levelAllowing(ratios, sampleFails, level);
            String failText = "+" + number(rule.failPct()) + "%";
            String c2Text = c2 == level ? failText : levelText(c2);
            cell.calibrations[r] =
                    new Calibration(c1 == lowest ? "> +0% (lowest)" : shown(c1), c2 == level ? failText : shown(c2));
            judged.add(new ThresholdRules[] {
                rules(rule.warningPct(), failText), rules(null, levelText(c1)), rules(null, c2Text)
            });
        }
        for (int s = 0; s <= SLOWDOWNS.length; s++) {
            double slowdown = s == 0 ? 1 : SLOWDOWNS[s - 1];
            int scenario = s;
            long[] totals = IntStream.range(0, trials)
                    .parallel()
                    .mapToObj(t -> outcomes(trial(1, kind, n, t, slowdown), judged))
                    .reduce(new long[RULES.size() * COLUMNS], SampleSizeBenchmark::sum);
            for (int r = 0; r < RULES.size(); r++) {
                System.arraycopy(totals, r * COLUMNS, cell.counts[r][scenario], 0, COLUMNS);
            }
        }
        cell.seconds = (System.nanoTime() - started) / 1e9;
        System.err.printf(Locale.ROOT, "  %s, n = %d: %.1f s%n", kind, n, cell.seconds);
        return cell;
    }

    static long[] outcomes(Trial trial, List<ThresholdRules[]> judged) {
        long[] out = new long[RULES.size() * COLUMNS];
        for (int r = 0; r < judged.size(); r++) {
            ThresholdRules[] rules = judged.get(r);
            Check point = judge(trial, rules[0], POINT);
            Check sampleAware = judge(trial, rules[0], SAMPLE_AWARE);
            Check c1 = judge(trial, rules[1], SAMPLE_AWARE);
            Check c2 = judge(trial, rules[2], POINT);
            boolean pointFail = point.status() == Status.FAIL;
            boolean sampleFail = sampleAware.status() == Status.FAIL;
            // a breach of the fail level by value that sampling error leaves open: the gate's inconclusive WARN
            boolean inconclusive = pointFail && sampleAware.status() == Status.WARN && sampleAware.inconclusive();
            // a FAIL without a breach by value is the response times as a whole moving beyond the level
            if (pointFail && !(sampleFail || inconclusive)) {
                throw new IllegalStateException("a fail-level breach neither FAILs nor WARNs inconclusively: "
                        + point.message() + " / " + sampleAware.message());
            }
            int base = r * COLUMNS;
            out[base + A_FAIL] += pointFail ? 1 : 0;
            out[base + B_FAIL] += sampleFail ? 1 : 0;
            out[base + B_INCONCLUSIVE] += inconclusive ? 1 : 0;
            out[base + C1_FAIL] += c1.status() == Status.FAIL ? 1 : 0;
            out[base + C1_INCONCLUSIVE] += c1.status() == Status.WARN && c1.inconclusive() ? 1 : 0;
            out[base + C2_FAIL] += c2.status() == Status.FAIL ? 1 : 0;
        }
        return out;
    }

    static long[] sum(long[] a, long[] b) {
        long[] s = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            s[i] = a[i] + b[i];
        }
        return s;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Output

    private static void print(Rule rule, int r, BaselineKind kind, List<Cell> cells) {
        System.out.printf(Locale.ROOT, "%n%s on p95_latency_ms, %s%n", rule.name(), kind.label);
        System.out.printf(
                Locale.ROOT,
                "  %5s  %-38s %-17s %-17s %-17s %-17s %-17s %-17s%n",
                "n",
                "rule",
                "A/A: false FAIL",
                "x1.5: FAIL",
                "x2: FAIL",
                "A/A: inconcl.",
                "x1.5: inconcl.",
                "x2: inconcl.");
        for (Cell cell : cells) {
            long[][] c = cell.counts[r];
            Calibration cal = cell.calibrations[r];
            row(cell.n, "(a) point (significance off)", c, A_FAIL, -1, cell.trials);
            row(-1, "(b) sample-aware 0.95 (shipped)", c, B_FAIL, B_INCONCLUSIVE, cell.trials);
            row(-1, "(c1) sample-aware, fail " + cal.sampleAwareLevel(), c, C1_FAIL, C1_INCONCLUSIVE, cell.trials);
            row(-1, "(c2) point, fail " + cal.pointLevel(), c, C2_FAIL, -1, cell.trials);
        }
        System.out.println("  (c1): the sample-aware rule's fail level lowered to (a)'s false FAILs; (c2): the point"
                + " rule's fail level raised to (b)'s; both set on separate unchanged runs. inconcl.: a WARN whose value"
                + " breaks the fail level within sampling error");
    }

    private static void row(int n, String name, long[][] counts, int fail, int inconclusive, int trials) {
        StringBuilder line =
                new StringBuilder(String.format(Locale.ROOT, "  %5s  %-38s", n < 0 ? "" : Integer.toString(n), name));
        for (long[] scenario : counts) {
            line.append(' ').append(String.format(Locale.ROOT, "%-17s", wilson(scenario[fail], trials)));
        }
        for (int s = 0; s < counts.length; s++) {
            line.append(' ')
                    .append(String.format(
                            Locale.ROOT, "%-17s", inconclusive < 0 ? "-" : wilson(counts[s][inconclusive], trials)));
        }
        System.out.println(line);
    }

    /** {@code 12.3 [10.9-13.8]}: the rate in percent and its Wilson 95% interval. */
    static String wilson(long events, long n) {
        double[] ci = wilsonInterval(events, n);
        return String.format(Locale.ROOT, "%4.1f [%.1f-%.1f]", 100.0 * events / n, 100 * ci[0], 100 * ci[1]);
    }

    static double[] wilsonInterval(long events, long n) {
        double z = 1.959963984540054;
        double p = (double) events / n;
        double z2 = z * z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
