package dev.locustmaven.statistical;

import dev.locustmaven.model.MetricFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The statistical layer for one build. For every series with at least {@code minHistory} comparable runs since the
 * last accepted change it runs the immediate gate (robust prediction interval) and, with enough history, the
 * persistence gate; series of a runner-shift group are judged after removing their build's common shift, and each
 * group's shift is judged too. All p-values of the build form one family: Holm at {@code alpha} decides failures,
 * Benjamini-Hochberg at {@code warnFdr} warnings, and Holm at {@code confirmAlpha} asks for confirmation runs. A test
 * only counts when its change in the worse direction is at least {@code minEffect}.
 *
 * <p>Use: evaluate with the first run; if {@link StatisticalVerdict#confirmationWanted()} and confirmation runs are
 * allowed, rerun the scenarios and evaluate again with every run's values (the gate judges their median). The history
 * record of the build should then hold the medians.
 */
public final class StatisticalGate {

    private final StatisticalGateSettings settings;
    private final PredictionIntervalGate immediate;
    private final PersistenceGate persistence;

    public StatisticalGate(StatisticalGateSettings settings) {
        this.settings = settings;
        this.immediate = new PredictionIntervalGate(settings.gate());
        this.persistence = new PersistenceGate(settings.gate());
    }

    public StatisticalGateSettings settings() {
        return settings;
    }

    public StatisticalVerdict evaluate(List<SeriesInput> inputs) {
        if (settings.mode() == GateMode.OFF) {
            List<SeriesVerdict> off = inputs.stream()
                    .map(i -> notTested(i, "not tested: the statistical gate is off"))
                    .toList();
            return new StatisticalVerdict(StatisticalStatus.PASS, off, List.of(), false);
        }
        boolean singleRun = inputs.stream().allMatch(i -> i.currentRuns().size() == 1);
        Map<SeriesInput, String> skipped = new IdentityHashMap<>();
        List<PreparedSeries> testable = new ArrayList<>();
        for (SeriesInput input : inputs) {
            double current = input.current();
            String problem = PreparedSeries.problem(input, current, span());
            if (problem == null && input.history().size() < settings.minHistory()) {
                problem = "not tested: " + input.history().size() + " comparable runs since the last accepted change, "
                        + settings.minHistory() + " needed";
            }
            if (problem != null) {
                skipped.put(input, problem);
            } else {
                testable.add(new PreparedSeries(input, current, span()));
            }
        }
        List<RunnerShift> shifts = settings.adjustForRunnerShift() ? correctForRunnerShifts(testable) : List.of();

        List<Judged> judged = new ArrayList<>();
        for (PreparedSeries series : testable) {
            judged.add(judge(series));
        }
        List<JudgedGroup> groups = new ArrayList<>();
        for (RunnerShift shift : shifts) {
            groups.add(judge(shift));
        }
        Decisions decisions = decide(judged, groups);

        List<SeriesVerdict> seriesVerdicts = new ArrayList<>();
        StatisticalStatus level = StatisticalStatus.PASS;
        boolean confirm = false;
        Map<SeriesInput, SeriesVerdict> byInput = new IdentityHashMap<>();
        for (Judged j : judged) {
            if (j.tests.isEmpty()) {
                // the group's shift was known for too few of this series' runs
                byInput.put(
                        j.series.input,
                        notTested(
                                j.series.input,
                                "not tested: only " + j.series.tested.length + " of its runs have a known common shift"
                                        + " of " + j.series.shift.group + ", " + settings.minHistory() + " needed"));
                continue;
            }
            StatisticalStatus status = decisions.status(j.tests, j.series.input.warnOnly());
            boolean wanted = singleRun && decisions.confirm(j.tests);
            confirm |= wanted;
            level = worse(level, status);
            byInput.put(
                    j.series.input,
                    new SeriesVerdict(
                            j.series.input.id(),
                            status,
                            j.immediate,
                            j.persistence,
                            j.series.shift != null,
                            wanted,
                            null));
        }
        for (SeriesInput input : inputs) {
            seriesVerdicts.add(byInput.containsKey(input) ? byInput.get(input) : notTested(input, skipped.get(input)));
        }
        List<GroupVerdict> groupVerdicts = new ArrayList<>();
        for (JudgedGroup g : groups) {
            StatisticalStatus status = decisions.status(g.tests, false);
            boolean wanted = singleRun && decisions.confirm(g.tests);
            confirm |= wanted;
            level = worse(level, status);
            groupVerdicts.add(
                    new GroupVerdict(g.shift.group, g.shift.members, status, g.immediate, g.persistence, wanted));
        }
        return new StatisticalVerdict(level, seriesVerdicts, groupVerdicts, confirm);
    }

    private List<RunnerShift> correctForRunnerShifts(List<PreparedSeries> testable) {
        Map<String, List<PreparedSeries>> byGroup = new LinkedHashMap<>();
        for (PreparedSeries series : testable) {
            if (series.input.group() != null) {
                byGroup.computeIfAbsent(series.input.group(), g -> new ArrayList<>())
                        .add(series);
            }
        }
        List<RunnerShift> shifts = new ArrayList<>();
        int span = span();
        byGroup.forEach((group, members) -> {
            boolean oneDirection =
                    members.stream().map(m -> m.input.direction()).distinct().count() == 1;
            if (members.size() < settings.minGroupSize() || !oneDirection) {
                return;
            }
            RunnerShift shift = RunnerShift.estimate(group, members, span, settings.gate());
            if (shift == null) {
                return;
            }
            shifts.add(shift);
            members.forEach(shift::correct);
        });
        return shifts;
    }

    /** The most runs any gate looks at: the window, and the recent runs of the persistence gate before it. */
    private int span() {
        return settings.window() + settings.persistenceWindow() - 1;
    }

    private record Judged(
            PreparedSeries series, TestOutcome immediate, TestOutcome persistence, List<TestOutcome> tests) {}

    private record JudgedGroup(
            RunnerShift shift, TestOutcome immediate, TestOutcome persistence, List<TestOutcome> tests) {}

    private Judged judge(PreparedSeries series) {
        MetricDirection direction = series.input.direction();
        double tolerance = series.toleranceLog;
        TestOutcome first =
                immediateTest(series.tested, series.testedTimes, series.testedCurrent, direction, tolerance);
        TestOutcome second =
                persistenceTest(series.tested, series.testedTimes, series.testedCurrent, direction, tolerance);
        if (series.shift != null) {
            first = withNote(first, () -> shiftNote(series));
            second = withNote(second, () -> shiftNote(series));
        }
        if (tolerance > 0) {
            first = withNote(first, () -> stepNote(series));
            second = withNote(second, () -> stepNote(series));
        }
        return new Judged(series, first, second, present(first, second));
    }

    /** The test with {@code note} appended to its explanation, written as lazily as the explanation itself. */
    private static TestOutcome withNote(TestOutcome test, Supplier<String> note) {
        return test == null ? null : test.withExplanation(t -> test.explanation() + note.get());
    }

    private static String shiftNote(PreparedSeries series) {
        RunnerShift shift = series.shift;
        return "; corrected for this build's common shift of "
                + MetricFormat.signedPercent(100 * Math.expm1(shift.current))
                + " across the " + shift.members + " series of " + shift.group + " (measured "
                + MetricFormat.number(series.current) + ")";
    }

    private static String stepNote(PreparedSeries series) {
        return "; one reporting step (" + MetricFormat.number(series.step) + " at this level, "
                + MetricFormat.spreadPercent(100 * Math.expm1(series.toleranceLog)) + ") of the change is not counted";
    }

    private JudgedGroup judge(RunnerShift shift) {
        MetricDirection direction = shift.direction;
        TestOutcome first = null;
        TestOutcome second = null;
        if (shift.history.length >= settings.minHistory()) {
            first = immediateTest(shift.history, shift.times, shift.current, direction, 0);
            second = persistenceTest(shift.history, shift.times, shift.current, direction, 0);
        }
        String subject = "the " + shift.members + " series of " + shift.group + " moved together by ";
        int window = settings.persistenceWindow();
        if (first != null) {
            first = first.withExplanation(t -> subject + MetricFormat.signedPercent(100 * Math.expm1(shift.current))
                    + " against their usual common shift of "
                    + MetricFormat.signedPercent(100 * Math.expm1(t.centreLog()))
                    + " over " + t.n() + " builds since " + MetricFormat.date(since(shift.times, t.n(), 0))
                    + " (robust spread " + MetricFormat.spreadPercent(100 * Math.expm1(t.spreadLog())) + "): "
                    + MetricFormat.signedPercent(100 * t.change()) + "; probability "
                    + MetricFormat.probability(t.pValue())
                    + " of a common shift this large without a real change");
        }
        if (second != null) {
            second = second.withExplanation(t -> "over the last " + window + " builds " + subject
                    + MetricFormat.signedPercent(100 * t.change()) + " on average against the " + t.n()
                    + " builds before them (robust spread "
                    + MetricFormat.spreadPercent(100 * Math.expm1(t.spreadLog()))
                    + "); probability " + MetricFormat.probability(t.pValue())
                    + " of a shift this large without a real change");
        }
        return new JudgedGroup(shift, first, second, present(first, second));
    }

    private TestOutcome immediateTest(
            double[] values, Instant[] times, double current, MetricDirection direction, double tolerance) {
        if (values.length < settings.minHistory()) {
            return null;
        }
        int from = Math.max(0, values.length - settings.window());
        return immediate.test(
                Arrays.copyOfRange(values, from, values.length), current, direction, times[from], tolerance);
    }

    private TestOutcome persistenceTest(
            double[] values, Instant[] times, double current, MetricDirection direction, double tolerance) {
        int recent = settings.persistenceWindow() - 1;
        int referenceEnd = values.length - recent;
        if (referenceEnd < settings.minHistory()) {
            return null;
        }
        int from = Math.max(0, referenceEnd - settings.window());
        double[] window = Arrays.copyOfRange(values, referenceEnd, values.length + 1);
        window[recent] = current;
        return persistence.test(
                Arrays.copyOfRange(values, from, referenceEnd), window, direction, times[from], tolerance);
    }

    private static Instant since(Instant[] times, int n, int recent) {
        int from = times.length - recent - n;
        return from >= 0 && from < times.length ? times[from] : null;
    }

    private static List<TestOutcome> present(TestOutcome first, TestOutcome second) {
        List<TestOutcome> tests = new ArrayList<>(2);
        if (first != null) {
            tests.add(first);
        }
        if (second != null) {
            tests.add(second);
        }
        return tests;
    }

    private Decisions decide(List<Judged> judged, List<JudgedGroup> groups) {
        List<TestOutcome> family = new ArrayList<>();
        judged.forEach(j -> family.addAll(j.tests));
        groups.forEach(g -> family.addAll(g.tests));
        double[] p = family.stream().mapToDouble(TestOutcome::pValue).toArray();
        Map<TestOutcome, Integer> index = new IdentityHashMap<>();
        for (int i = 0; i < family.size(); i++) {
            index.put(family.get(i), i);
        }
        return new Decisions(
                index,
                HolmCorrection.reject(p, settings.alpha()),
                BenjaminiHochberg.reject(p, settings.warnFdr()),
                HolmCorrection.reject(p, settings.confirmAlpha()),
                settings);
    }

    /** The multiple-testing decisions of one build, looked up by test. */
    private record Decisions(
            Map<TestOutcome, Integer> index,
            boolean[] fail,
            boolean[] warn,
            boolean[] confirm,
            StatisticalGateSettings settings) {

        StatisticalStatus status(List<TestOutcome> tests, boolean warnOnly) {
            StatisticalStatus status = StatisticalStatus.PASS;
            for (TestOutcome test : tests) {
                int i = indexOf(test);
                if (test.worseEffect() < settings.minEffect()) {
                    continue;
                }
                if (fail[i]) {
                    boolean mayFail = settings.mode() == GateMode.FAIL && !warnOnly;
                    status = worse(status, mayFail ? StatisticalStatus.FAIL : StatisticalStatus.WARN);
                } else if (warn[i]) {
                    status = worse(status, StatisticalStatus.WARN);
                }
            }
            return status;
        }

        boolean confirm(List<TestOutcome> tests) {
            for (TestOutcome test : tests) {
                if (confirm[indexOf(test)] && test.worseEffect() >= settings.minEffect()) {
                    return true;
                }
            }
            return false;
        }

        private int indexOf(TestOutcome test) {
            return index.get(test);
        }
    }

    /** The explanation of the most significant of the tests, named by its gate. */
    static String strongest(TestOutcome immediate, TestOutcome persistence) {
        TestOutcome strongest = immediate == null || (persistence != null && persistence.pValue() < immediate.pValue())
                ? persistence
                : immediate;
        return strongest.gate() + ": " + strongest.explanation();
    }

    private static SeriesVerdict notTested(SeriesInput input, String reason) {
        return new SeriesVerdict(input.id(), StatisticalStatus.NOT_TESTED, null, null, false, false, reason);
    }

    private static StatisticalStatus worse(StatisticalStatus a, StatisticalStatus b) {
        return rank(b) > rank(a) ? b : a;
    }

    private static int rank(StatisticalStatus status) {
        return switch (status) {
            case NOT_TESTED, PASS -> 0;
            case WARN -> 1;
            case FAIL -> 2;
        };
    }
}
