package dev.locustmaven.bench;

import dev.locustmaven.statistical.ChangePoint;
import dev.locustmaven.statistical.ChangePointDetector;
import dev.locustmaven.statistical.GateMode;
import dev.locustmaven.statistical.GroupVerdict;
import dev.locustmaven.statistical.HolmCorrection;
import dev.locustmaven.statistical.MetricDirection;
import dev.locustmaven.statistical.SeriesInput;
import dev.locustmaven.statistical.SeriesPoint;
import dev.locustmaven.statistical.SeriesVerdict;
import dev.locustmaven.statistical.StatisticalGate;
import dev.locustmaven.statistical.StatisticalGateSettings;
import dev.locustmaven.statistical.StatisticalStatus;
import dev.locustmaven.statistical.StatisticalVerdict;
import dev.locustmaven.statistical.TestOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.DoubleFunction;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * The detection benchmark of issue 4: synthetic builds of 40 series each, judged online by our statistical gate and by
 * re-implementations of the anchors' rules, under the protocol of {@code reference/regression-detection.md} §10-§11.
 *
 * <p>Run: {@code ./mvnw -B -o -q test-compile -Dinvoker.skip=true && java -cp target/classes:target/test-classes
 * dev.locustmaven.bench.DetectionBenchmark [quick]}. Deterministic: every draw comes from a seed fixed by (trial,
 * build, run), so every rule sees the same data. See docs/benchmarks.md for the model and the results.
 */
public final class DetectionBenchmark {

    static final int SERIES = 40;
    static final int WARM = 30;
    static final int JUDGED = 60;
    static final int HORIZON = 5;
    static final int CREEP_BUILDS = 20;
    static final int CONFIRM_RUNS = 2;
    static final int SPAN = 68;
    static final double TARGET_BUILD_FPR = 0.01;
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final int nullProjects;
    private final int trials;

    DetectionBenchmark(int nullProjects, int trials) {
        this.nullProjects = nullProjects;
        this.trials = trials;
    }

    public static void main(String[] args) {
        boolean quick = args.length > 0 && args[0].equals("quick");
        long started = System.nanoTime();
        DetectionBenchmark bench = quick ? new DetectionBenchmark(20, 100) : new DetectionBenchmark(60, 300);
        System.out.printf(
                Locale.ROOT,
                "Detection benchmark: %d series per build, %d warm builds, null: %d projects x %d judged builds,"
                        + " events: %d trials each, confirmation runs %d (drawn only when a rule asks)%n",
                SERIES,
                WARM,
                bench.nullProjects,
                JUDGED,
                bench.trials,
                CONFIRM_RUNS);
        for (Noise noise : quick ? List.of(Noise.GAUSS5_SHARED) : Noise.ALL) {
            bench.run(noise, noise == Noise.GAUSS5_SHARED);
        }
        System.out.printf(Locale.ROOT, "%nTotal time: %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The synthetic world

    enum Family {
        GAUSS,
        HEAVY,
        AR
    }

    /**
     * @param rho the share of the variance that is per-build runner bias (a rerun in the same job keeps it)
     * @param shared true when the runner bias of a build is common to all its series (one runner runs them all)
     */
    record Noise(String name, Family family, double sigma, double rho, boolean shared) {
        static final Noise GAUSS5_SHARED =
                new Noise("gauss5, rho .5, bias shared by the build", Family.GAUSS, .05, .5, true);
        static final List<Noise> ALL = List.of(
                GAUSS5_SHARED,
                new Noise("gauss5, rho .5, bias per series", Family.GAUSS, .05, .5, false),
                new Noise("heavy5 (t3, 3% bad runners +30%), rho .5, shared", Family.HEAVY, .05, .5, true),
                new Noise("ar5 (AR(1) phi .6 on the bias), rho .5, shared", Family.AR, .05, .5, true));
    }

    enum Kind {
        NONE,
        STEP_ONE,
        STEP_ALL,
        SPIKE,
        TRANSIENT,
        CREEP
    }

    record Event(String label, Kind kind, double size, int horizon) {}

    static final List<Event> EVENTS = List.of(
            new Event("+5% one", Kind.STEP_ONE, .05, HORIZON),
            new Event("+10% one", Kind.STEP_ONE, .10, HORIZON),
            new Event("+20% one", Kind.STEP_ONE, .20, HORIZON),
            new Event("+10% all", Kind.STEP_ALL, .10, HORIZON),
            new Event("+20% all", Kind.STEP_ALL, .20, HORIZON),
            new Event("spike", Kind.SPIKE, .30, 1),
            new Event("2-build +20%", Kind.TRANSIENT, .20, 2),
            new Event("creep", Kind.CREEP, .005, CREEP_BUILDS));

    /** One project: 40 series, their noise, and an event in series 0 (or all) from build {@code start}. */
    static final class World {
        final Noise noise;
        final long seed;
        final Event event;
        final int start;
        final double[] base = new double[SERIES];
        final double[][] bias;

        World(Noise noise, long seed, Event event, int start, int builds) {
            this.noise = noise;
            this.seed = seed;
            this.event = event;
            this.start = start;
            SplittableRandom rng = new SplittableRandom(seed);
            for (int s = 0; s < SERIES; s++) {
                base[s] = 50 + 950 * rng.nextDouble();
            }
            bias = new double[builds][SERIES];
            double[] ar = new double[SERIES];
            for (int b = 0; b < builds; b++) {
                SplittableRandom r = rng(b, -1);
                boolean badRunner = noise.family == Family.HEAVY && r.nextDouble() < 0.03;
                double common = draw(r);
                for (int s = 0; s < SERIES; s++) {
                    double e = noise.shared ? common : draw(r);
                    if (noise.family == Family.AR) {
                        double phi = 0.6;
                        ar[s] = b == 0 ? e : phi * ar[s] + Math.sqrt(1 - phi * phi) * e;
                        e = ar[s];
                    }
                    bias[b][s] = Math.sqrt(noise.rho) * noise.sigma * e + (badRunner ? Math.log(1.3) : 0);
                }
                if (noise.shared && noise.family == Family.AR) {
                    Arrays.fill(bias[b], bias[b][0]);
                }
            }
        }

        private double draw(SplittableRandom r) {
            return noise.family == Family.HEAVY ? tNoise(r) : r.nextGaussian();
        }

        SplittableRandom rng(int build, int run) {
            return new SplittableRandom(seed * 1_000_003L + build * 101L + run + 7);
        }

        /** The values of every series in run {@code run} of build {@code b}. */
        double[] run(int b, int run) {
            SplittableRandom r = rng(b, run);
            double[] values = new double[SERIES];
            for (int s = 0; s < SERIES; s++) {
                double w = Math.sqrt(1 - noise.rho) * noise.sigma * draw(r);
                values[s] = base[s] * Math.exp(bias[b][s] + w) * factor(s, b, run);
            }
            return values;
        }

        private double factor(int s, int b, int run) {
            if (b < start) {
                return 1;
            }
            boolean hit = s == 0 || event.kind == Kind.STEP_ALL;
            if (!hit) {
                return 1;
            }
            return switch (event.kind) {
                case NONE -> 1;
                case STEP_ONE, STEP_ALL -> 1 + event.size;
                case SPIKE -> b == start && run == 0 ? 1 + event.size : 1;
                case TRANSIENT -> b < start + 2 ? 1 + event.size : 1;
                case CREEP -> 1 + event.size * (b - start + 1);
            };
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Rules

    /**
     * What a rule made of one build. The build fails when {@code any} exceeds the rule's threshold; the event was
     * caught when {@code target} (the score of the changed series, or of its group) does. Scores let one simulation
     * serve both the shipped threshold and the calibrated one.
     */
    record Outcome(double any, double target, boolean wantsConfirmation) {}

    interface Rule {
        String name();

        /** The threshold the rule ships with, on its score scale. */
        double shippedThreshold();

        /**
         * @param history recorded values per series, oldest first, {@code builds} of them
         * @param runs the current build's runs per series ({@code runs[s]} has one value per run)
         * @param baseline each series' committed baseline (one run, promoted at the end of the warm-up)
         */
        Outcome judge(double[][] history, int builds, double[][] runs, double[] baseline);

        /** True when the rule's confirmation decision depends on its threshold (then only the shipped one is valid). */
        default boolean confirmationDependsOnThreshold() {
            return false;
        }
    }

    /** A per-series rule: a score per series, the build fails when any score passes the threshold. */
    abstract static class ScoreRule implements Rule {
        final String name;
        final double threshold;
        final boolean confirm;

        ScoreRule(String name, double threshold, boolean confirm) {
            this.name = name;
            this.threshold = threshold;
            this.confirm = confirm;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public double shippedThreshold() {
            return threshold;
        }

        @Override
        public boolean confirmationDependsOnThreshold() {
            return confirm;
        }

        abstract double score(double[] history, int builds, double current, double baseline);

        @Override
        public Outcome judge(double[][] history, int builds, double[][] runs, double[] baseline) {
            double any = Double.NEGATIVE_INFINITY;
            double target = Double.NEGATIVE_INFINITY;
            for (int s = 0; s < SERIES; s++) {
                double score = score(history[s], builds, median(runs[s]), baseline[s]);
                any = Math.max(any, score);
                if (s == 0) {
                    target = score;
                }
            }
            return new Outcome(any, target, confirm && any > threshold && runs[0].length == 1);
        }
    }

    /** The seed document: fail when a single run is more than +50% above the committed (single-run) baseline. */
    static final class SeedRule extends ScoreRule {
        SeedRule(String name, boolean confirm) {
            super(name, 1.5, confirm);
        }

        @Override
        double score(double[] history, int builds, double current, double baseline) {
            return current / baseline;
        }
    }

    /** github-action-benchmark: alert when the current value is more than 200% of the previous run's. */
    static final class PreviousRunRule extends ScoreRule {
        PreviousRunRule(String name) {
            super(name, 2.0, false);
        }

        @Override
        double score(double[] history, int builds, double current, double baseline) {
            return current / history[builds - 1];
        }
    }

    /**
     * Bencher's t_test threshold: Student-t prediction interval of the last 64 values (mean, Bessel sd,
     * sd·√(1+1/n), n − 1 df), upper boundary 0.99. Score = −log10 of the upper-tail probability.
     */
    static final class BencherRule extends ScoreRule {
        BencherRule(String name) {
            super(name, 2.0, false);
        }

        @Override
        double score(double[] history, int builds, double current, double baseline) {
            int from = Math.max(0, builds - 64);
            int n = builds - from;
            double mean = 0;
            for (int i = from; i < builds; i++) {
                mean += history[i];
            }
            mean /= n;
            double ss = 0;
            for (int i = from; i < builds; i++) {
                ss += (history[i] - mean) * (history[i] - mean);
            }
            double sd = Math.sqrt(ss / (n - 1));
            double t = (current - mean) / (sd * Math.sqrt(1 + 1.0 / n));
            return -Math.log10(Math.max(1e-300, TDistribution.of(n - 1).survivalProbability(t)));
        }
    }

    /**
     * Hunter-like (as in the reference note §10): the strongest E-Divisive split of the last 30 runs plus the current
     * one, Otava's Student t-test; flag an upward change within the last 5 runs at p < 0.001. Score = −log10 p.
     */
    static final class HunterRule extends ScoreRule {
        private static final ChangePointDetector SPLITTER = new ChangePointDetector(50, 0.001, 0, 1);

        HunterRule(String name) {
            super(name, 3.0, false);
        }

        @Override
        double score(double[] history, int builds, double current, double baseline) {
            int from = Math.max(0, builds - 30);
            double[] series = Arrays.copyOf(Arrays.copyOfRange(history, from, builds), builds - from + 1);
            series[series.length - 1] = current;
            ChangePoint split = SPLITTER.strongestSplit(series);
            if (split == null || split.index() < series.length - 5 || split.meanAfter() <= split.meanBefore()) {
                return 0;
            }
            return -Math.log10(Math.max(1e-300, split.pValue()));
        }
    }

    /**
     * Our statistical gate in fail mode, fed the way the check goal feeds it. Score = −log10 of the smallest
     * Holm-adjusted p-value among the tests whose worse-direction effect reaches minEffect, so the build fails at α
     * exactly when the score exceeds −log10 α. Confirmation runs follow the gate's own (fixed) confirmation level.
     */
    static final class OurGate implements Rule {
        final String name;
        final StatisticalGate gate;
        final boolean confirm;

        OurGate(String name, StatisticalGateSettings settings, boolean confirm) {
            this.name = name;
            this.gate = new StatisticalGate(settings.withMode(GateMode.FAIL));
            this.confirm = confirm;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public double shippedThreshold() {
            return -Math.log10(gate.settings().alpha());
        }

        @Override
        public Outcome judge(double[][] history, int builds, double[][] runs, double[] baseline) {
            List<SeriesInput> inputs = new ArrayList<>(SERIES);
            int from = Math.max(0, builds - SPAN);
            for (int s = 0; s < SERIES; s++) {
                List<SeriesPoint> points = new ArrayList<>(builds - from);
                for (int b = from; b < builds; b++) {
                    points.add(new SeriesPoint(BUILD_IDS[b], BUILD_TIMES[b], null, history[s][b]));
                }
                List<Double> current = new ArrayList<>(runs[s].length);
                for (double v : runs[s]) {
                    current.add(v);
                }
                inputs.add(new SeriesInput(
                        "s" + s, "svc latency", MetricDirection.LOWER_IS_BETTER, points, current, false));
            }
            StatisticalVerdict verdict = gate.evaluate(inputs);
            List<TestOutcome> family = new ArrayList<>();
            List<Boolean> isTarget = new ArrayList<>();
            for (SeriesVerdict v : verdict.series()) {
                for (TestOutcome t : new TestOutcome[] {v.immediate(), v.persistence()}) {
                    if (t != null) {
                        family.add(t);
                        isTarget.add(v.id().equals("s0"));
                    }
                }
            }
            for (GroupVerdict g : verdict.groups()) {
                for (TestOutcome t : new TestOutcome[] {g.immediate(), g.persistence()}) {
                    if (t != null) {
                        family.add(t);
                        isTarget.add(true);
                    }
                }
            }
            double[] adjusted = HolmCorrection.adjust(
                    family.stream().mapToDouble(TestOutcome::pValue).toArray());
            double any = 0;
            double target = 0;
            double minEffect = gate.settings().minEffect();
            for (int i = 0; i < family.size(); i++) {
                if (family.get(i).worseEffect() < minEffect) {
                    continue;
                }
                double score = -Math.log10(Math.max(1e-300, adjusted[i]));
                any = Math.max(any, score);
                if (isTarget.get(i)) {
                    target = Math.max(target, score);
                }
            }
            boolean fails = verdict.level() == StatisticalStatus.FAIL;
            if (fails != any > shippedThreshold()) {
                throw new IllegalStateException("score and verdict disagree: " + any + " vs " + verdict.level());
            }
            return new Outcome(any, target, confirm && verdict.confirmationWanted());
        }
    }

    static final String[] BUILD_IDS = new String[1000];
    static final Instant[] BUILD_TIMES = new Instant[1000];

    static {
        for (int i = 0; i < BUILD_IDS.length; i++) {
            BUILD_IDS[i] = "b" + i;
            BUILD_TIMES[i] = T0.plus(Duration.ofHours(i));
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Simulation

    /** Judges the builds of one world from {@code firstJudged} on; returns what happened per judged build. */
    static List<Outcome> simulate(World world, Rule rule, int firstJudged, int judged, int[] extraRuns) {
        int builds = firstJudged + judged;
        double[][] history = new double[SERIES][builds];
        double[] baseline = new double[SERIES];
        List<Outcome> outcomes = new ArrayList<>(judged);
        for (int b = 0; b < builds; b++) {
            double[] first = world.run(b, 0);
            if (b == WARM - 1) {
                System.arraycopy(first, 0, baseline, 0, SERIES);
            }
            if (b < firstJudged) {
                for (int s = 0; s < SERIES; s++) {
                    history[s][b] = first[s];
                }
                continue;
            }
            double[][] runs = new double[SERIES][];
            for (int s = 0; s < SERIES; s++) {
                runs[s] = new double[] {first[s]};
            }
            Outcome outcome = rule.judge(history, b, runs, baseline);
            if (outcome.wantsConfirmation()) {
                double[][] more = new double[CONFIRM_RUNS][];
                for (int r = 0; r < CONFIRM_RUNS; r++) {
                    more[r] = world.run(b, r + 1);
                }
                for (int s = 0; s < SERIES; s++) {
                    runs[s] = new double[CONFIRM_RUNS + 1];
                    runs[s][0] = first[s];
                    for (int r = 0; r < CONFIRM_RUNS; r++) {
                        runs[s][r + 1] = more[r][s];
                    }
                }
                extraRuns[0] += CONFIRM_RUNS;
                outcome = rule.judge(history, b, runs, baseline);
            }
            for (int s = 0; s < SERIES; s++) {
                history[s][b] = median(runs[s]);
            }
            outcomes.add(outcome);
        }
        return outcomes;
    }

    /** A rule's scores on the null: the build scores and the extra runs it drew. */
    record NullResult(double[] scores, int extraRuns) {
        double failRate(double threshold) {
            return (double) Arrays.stream(scores).filter(s -> s > threshold).count() / scores.length;
        }

        double extraPerBuild() {
            return (double) extraRuns / scores.length;
        }

        /** The smallest threshold that fails at most {@link #TARGET_BUILD_FPR} of the null builds. */
        double calibratedThreshold() {
            double[] sorted = scores.clone();
            Arrays.sort(sorted);
            int allowed = (int) Math.floor(TARGET_BUILD_FPR * sorted.length);
            return sorted[sorted.length - 1 - allowed];
        }
    }

    NullResult nullScores(Noise noise, Rule rule) {
        List<double[]> perProject = parallel(nullProjects, p -> {
            World world = new World(noise, 1000 + p, NO_EVENT, Integer.MAX_VALUE, WARM + JUDGED);
            int[] extra = {0};
            List<Outcome> outcomes = simulate(world, rule, WARM, JUDGED, extra);
            double[] result = new double[outcomes.size() + 1];
            for (int i = 0; i < outcomes.size(); i++) {
                result[i] = outcomes.get(i).any();
            }
            result[outcomes.size()] = extra[0];
            return result;
        });
        double[] scores = new double[nullProjects * JUDGED];
        int extra = 0;
        for (int p = 0; p < perProject.size(); p++) {
            System.arraycopy(perProject.get(p), 0, scores, p * JUDGED, JUDGED);
            extra += (int) perProject.get(p)[JUDGED];
        }
        return new NullResult(scores, extra);
    }

    static final Event NO_EVENT = new Event("none", Kind.NONE, 0, 0);

    /** Per trial, the outcomes of the builds from the event's first build on. */
    List<List<Outcome>> eventOutcomes(Noise noise, Rule rule, Event event, int count) {
        return parallel(count, t -> {
            int warm = WARM + (int) (new SplittableRandom(77_000 + t).nextDouble() * 30);
            World world = new World(noise, 500_000 + t, event, warm, warm + event.horizon());
            return simulate(world, rule, warm, event.horizon(), new int[1]);
        });
    }

    /** Detection at the event's first build and within its horizon, at {@code threshold}. */
    static double[] detection(List<List<Outcome>> trials, Event event, double threshold) {
        int atFirst = 0;
        int within = 0;
        for (List<Outcome> outcomes : trials) {
            boolean caught = false;
            for (int k = 0; k < outcomes.size() && !caught; k++) {
                Outcome o = outcomes.get(k);
                boolean hit = event.kind() == Kind.SPIKE || event.kind() == Kind.STEP_ALL
                        ? o.any() > threshold
                        : o.target() > threshold;
                if (hit) {
                    caught = true;
                    atFirst += k == 0 ? 1 : 0;
                }
            }
            within += caught ? 1 : 0;
        }
        return new double[] {(double) atFirst / trials.size(), (double) within / trials.size()};
    }

    static <T> List<T> parallel(int count, java.util.function.IntFunction<T> task) {
        return java.util.stream.IntStream.range(0, count)
                .parallel()
                .mapToObj(task)
                .toList();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Report

    void run(Noise noise, boolean main) {
        long started = System.nanoTime();
        StatisticalGateSettings defaults = StatisticalGateSettings.DEFAULTS;
        List<Rule> rules = new ArrayList<>();
        rules.add(new OurGate("ours: PI + persistence + runner shift, confirm", defaults, true));
        rules.add(new OurGate("ours without runner-shift correction", defaults.withRunnerShiftAdjustment(false), true));
        if (main) {
            rules.add(new OurGate("ours without confirmation runs", defaults, false));
        }
        rules.add(new SeedRule("seed: single run > +50% of baseline", false));
        if (main) {
            rules.add(new SeedRule("seed +50%, confirmed (median of 3)", true));
        }
        rules.add(new PreviousRunRule("github-action-benchmark: 200% of previous"));
        rules.add(new BencherRule("Bencher t_test, 64 runs, upper 0.99"));
        rules.add(new HunterRule("Hunter-like E-Divisive, p < 0.001, last 5"));
        List<Event> events = main ? EVENTS : SHORT_EVENTS;
        int count = main ? trials : trials / 2;

        System.out.printf(Locale.ROOT, "%n=== %s ===%n", noise.name());
        StringBuilder shipped = new StringBuilder();
        StringBuilder calibrated = new StringBuilder();
        for (Rule rule : rules) {
            NullResult nulls = nullScores(noise, rule);
            List<List<List<Outcome>>> byEvent = new ArrayList<>();
            for (Event e : events) {
                byEvent.add(eventOutcomes(noise, rule, e, count));
            }
            shipped.append(row(rule.name(), nulls, rule.shippedThreshold(), events, byEvent));
            if (!rule.confirmationDependsOnThreshold()) {
                double t = nulls.calibratedThreshold();
                calibrated.append(
                        row(rule.name() + String.format(Locale.ROOT, " @ %.3g", t), nulls, t, events, byEvent));
            }
        }
        System.out.println("As shipped (each rule's own default threshold):");
        System.out.println(header(events));
        System.out.print(shipped);
        System.out.printf(
                Locale.ROOT,
                "Calibrated (each threshold set on the null so that at most %.0f%% of builds fail):%n",
                100 * TARGET_BUILD_FPR);
        System.out.println(header(events));
        System.out.print(calibrated);
        System.out.printf(Locale.ROOT, "(%.1f s)%n", (System.nanoTime() - started) / 1e9);
    }

    static final List<Event> SHORT_EVENTS = List.of(EVENTS.get(1), EVENTS.get(2), EVENTS.get(4), EVENTS.get(5));

    private static String header(List<Event> events) {
        StringBuilder line =
                new StringBuilder(String.format(Locale.ROOT, "  %-56s %7s %6s", "rule", "falseF", "extra"));
        for (Event e : events) {
            line.append(String.format(Locale.ROOT, " %13s", e.label()));
        }
        return line.toString();
    }

    private static String row(
            String name, NullResult nulls, double threshold, List<Event> events, List<List<List<Outcome>>> byEvent) {
        StringBuilder line = new StringBuilder(String.format(
                Locale.ROOT, "  %-56s %7.4f %6.3f", truncate(name), nulls.failRate(threshold), nulls.extraPerBuild()));
        DoubleFunction<String> f = v -> String.format(Locale.ROOT, "%.2f", v);
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            double[] d = detection(byEvent.get(i), e, threshold);
            String cell = switch (e.kind()) {
                case SPIKE -> f.apply(d[0]);
                case TRANSIENT, CREEP -> f.apply(d[1]);
                default -> f.apply(d[0]) + "/" + f.apply(d[1]);
            };
            line.append(String.format(Locale.ROOT, " %13s", cell));
        }
        return line.append(System.lineSeparator()).toString();
    }

    private static String truncate(String text) {
        return text.length() <= 56 ? text : text.substring(0, 55) + "…";
    }

    /** Student t with 3 degrees of freedom, scaled to unit variance. */
    static double tNoise(SplittableRandom r) {
        double chi = 0;
        for (int k = 0; k < 3; k++) {
            double g = r.nextGaussian();
            chi += g * g;
        }
        return r.nextGaussian() / Math.sqrt(chi / 3) / Math.sqrt(3);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }
}
