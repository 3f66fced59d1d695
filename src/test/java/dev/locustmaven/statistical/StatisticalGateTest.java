package dev.locustmaven.statistical;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class StatisticalGateTest {

    private static final Instant T0 = Instant.parse("2026-02-01T08:00:00Z");
    private static final StatisticalGateSettings FAIL_MODE = StatisticalGateSettings.DEFAULTS.withMode(GateMode.FAIL);

    /** Builds of a service whose series share a per-build runner shift (sd 3%) plus their own noise (sd 3%). */
    private static final class Service {
        final int series;
        final double[][] history;
        final double[] base;
        final SplittableRandom random;
        final String metric;

        Service(int series, int builds, long seed, String metric) {
            this.series = series;
            this.metric = metric;
            random = new SplittableRandom(seed);
            base = new double[series];
            for (int s = 0; s < series; s++) {
                base[s] = 100 + 10 * s;
            }
            history = new double[series][];
            double[][] values = new double[builds][];
            for (int b = 0; b < builds; b++) {
                values[b] = draw();
            }
            for (int s = 0; s < series; s++) {
                history[s] = new double[builds];
                for (int b = 0; b < builds; b++) {
                    history[s][b] = values[b][s];
                }
            }
        }

        double[] draw() {
            double shift = 0.03 * random.nextGaussian();
            double[] values = new double[series];
            for (int s = 0; s < series; s++) {
                values[s] = base[s] * Math.exp(shift + 0.03 * random.nextGaussian());
            }
            return values;
        }

        List<SeriesInput> inputs(List<double[]> runs) {
            List<SeriesInput> inputs = new ArrayList<>();
            for (int s = 0; s < series; s++) {
                List<SeriesPoint> points = new ArrayList<>();
                for (int b = 0; b < history[s].length; b++) {
                    points.add(new SeriesPoint("run-" + b, T0.plus(Duration.ofHours(b)), "c" + b, history[s][b]));
                }
                List<Double> current = new ArrayList<>();
                for (double[] run : runs) {
                    current.add(run[s]);
                }
                inputs.add(new SeriesInput(
                        "svc/e" + s + "/" + metric,
                        RunnerShift.groupOf("svc", metric),
                        MetricDirection.of(metric),
                        points,
                        current,
                        false));
            }
            return inputs;
        }
    }

    private static SeriesVerdict series(StatisticalVerdict verdict, int index) {
        return verdict.series().get(index);
    }

    @Test
    void aSeriesWithTooLittleHistoryIsNotTested() {
        Service service = new Service(10, 5, 1, "p95_latency_ms");
        StatisticalVerdict verdict = new StatisticalGate(FAIL_MODE).evaluate(service.inputs(List.of(service.draw())));
        assertThat(verdict.level()).isEqualTo(StatisticalStatus.PASS);
        assertThat(verdict.series())
                .allSatisfy(s -> assertThat(s.status()).isEqualTo(StatisticalStatus.NOT_TESTED))
                .allSatisfy(s -> assertThat(s.message())
                        .isEqualTo("not tested: 5 comparable runs since the last accepted change, 10 needed"));
        assertThat(verdict.groups()).isEmpty();
    }

    @Test
    void oneEndpointSlowerFailsInFailModeAndWarnsInWarnMode() {
        Service service = new Service(16, 40, 2, "p95_latency_ms");
        double[] run = service.draw();
        run[3] *= 1.3;
        List<SeriesInput> inputs = service.inputs(List.<double[]>of(run));

        StatisticalVerdict failing = new StatisticalGate(FAIL_MODE).evaluate(inputs);
        assertThat(failing.level()).isEqualTo(StatisticalStatus.FAIL);
        assertThat(failing.withStatus(StatisticalStatus.FAIL))
                .extracting(SeriesVerdict::id)
                .containsExactly("svc/e3/p95_latency_ms");
        SeriesVerdict slow = series(failing, 3);
        assertThat(slow.runnerShiftRemoved()).isTrue();
        assertThat(slow.confirmationWanted()).isTrue();
        assertThat(failing.confirmationWanted()).isTrue();
        assertThat(slow.message())
                .startsWith("prediction interval: ")
                .contains("over 40 runs since 2026-02-01 08:00 UTC")
                .contains("corrected for this build's common shift of ")
                .contains("across the 16 series of svc latency");
        assertThat(failing.groups()).singleElement().satisfies(g -> {
            assertThat(g.group()).isEqualTo("svc latency");
            assertThat(g.status()).isEqualTo(StatisticalStatus.PASS);
        });

        StatisticalVerdict warning = new StatisticalGate(StatisticalGateSettings.DEFAULTS).evaluate(inputs);
        assertThat(warning.level()).isEqualTo(StatisticalStatus.WARN);
        assertThat(series(warning, 3).status()).isEqualTo(StatisticalStatus.WARN);

        StatisticalVerdict off =
                new StatisticalGate(StatisticalGateSettings.DEFAULTS.withMode(GateMode.OFF)).evaluate(inputs);
        assertThat(off.level()).isEqualTo(StatisticalStatus.PASS);
        assertThat(off.series()).allSatisfy(s -> assertThat(s.message()).contains("gate is off"));
    }

    @Test
    void aSpikeAsksForConfirmationAndTheMedianOfTheRunsClearsIt() {
        Service service = new Service(16, 40, 3, "p95_latency_ms");
        double[] spiked = service.draw();
        spiked[5] *= 1.4;
        StatisticalGate gate = new StatisticalGate(FAIL_MODE);
        StatisticalVerdict first = gate.evaluate(service.inputs(List.<double[]>of(spiked)));
        assertThat(first.confirmationWanted()).isTrue();
        assertThat(series(first, 5).confirmationWanted()).isTrue();

        StatisticalVerdict confirmed = gate.evaluate(service.inputs(List.of(spiked, service.draw(), service.draw())));
        assertThat(confirmed.level()).as(confirmed.toString()).isEqualTo(StatisticalStatus.PASS);
        assertThat(confirmed.confirmationWanted()).isFalse();
    }

    @Test
    void everythingSlowerIsCaughtAsTheGroupsCommonShift() {
        Service service = new Service(16, 40, 4, "p95_latency_ms");
        double[] run = service.draw();
        for (int s = 0; s < run.length; s++) {
            run[s] *= 1.3;
        }
        StatisticalVerdict verdict = new StatisticalGate(FAIL_MODE).evaluate(service.inputs(List.<double[]>of(run)));
        assertThat(verdict.level()).isEqualTo(StatisticalStatus.FAIL);
        GroupVerdict group = verdict.groups().get(0);
        assertThat(group.status()).isEqualTo(StatisticalStatus.FAIL);
        assertThat(group.members()).isEqualTo(16);
        assertThat(group.message())
                .startsWith("prediction interval: the 16 series of svc latency moved together by +")
                .contains("over 40 builds since 2026-02-01 08:00 UTC");
        assertThat(verdict.withStatus(StatisticalStatus.FAIL)).isEmpty();
    }

    @Test
    void throughputFailsWhenItFallsNotWhenItRises() {
        Service service = new Service(10, 30, 5, "rps");
        double[] lower = service.draw();
        lower[2] *= 0.7;
        StatisticalVerdict drop = new StatisticalGate(FAIL_MODE).evaluate(service.inputs(List.<double[]>of(lower)));
        assertThat(series(drop, 2).status()).isEqualTo(StatisticalStatus.FAIL);
        assertThat(drop.groups().get(0).group()).isEqualTo("svc throughput");

        double[] higher = service.draw();
        higher[2] *= 1.4;
        StatisticalVerdict rise = new StatisticalGate(FAIL_MODE).evaluate(service.inputs(List.<double[]>of(higher)));
        assertThat(rise.level()).isEqualTo(StatisticalStatus.PASS);
    }

    @Test
    void smallGroupsAndUngroupedSeriesAreJudgedOnTheirOwn() {
        Service service = new Service(4, 30, 6, "p95_latency_ms");
        double[] run = service.draw();
        run[0] *= 1.4;
        StatisticalVerdict verdict = new StatisticalGate(FAIL_MODE).evaluate(service.inputs(List.<double[]>of(run)));
        assertThat(verdict.groups()).isEmpty();
        assertThat(series(verdict, 0).runnerShiftRemoved()).isFalse();
        assertThat(series(verdict, 0).status()).isEqualTo(StatisticalStatus.FAIL);
        assertThat(series(verdict, 0).message()).doesNotContain("common shift");
    }

    @Test
    void nonPositiveValuesAreNotTestedAndWarnOnlySeriesNeverFail() {
        Service service = new Service(3, 20, 7, "error_rate_pct");
        double[] run = service.draw();
        run[0] = 0;
        run[1] *= 2;
        List<SeriesInput> inputs = new ArrayList<>(service.inputs(List.<double[]>of(run)));
        SeriesInput second = inputs.get(1);
        inputs.set(
                1,
                new SeriesInput(
                        second.id(), second.group(), second.direction(), second.history(), second.currentRuns(), true));
        StatisticalVerdict verdict = new StatisticalGate(FAIL_MODE).evaluate(inputs);
        assertThat(series(verdict, 0).status()).isEqualTo(StatisticalStatus.NOT_TESTED);
        assertThat(series(verdict, 0).message()).contains("is not positive");
        assertThat(series(verdict, 1).status()).isEqualTo(StatisticalStatus.WARN);
        assertThat(verdict.level()).isEqualTo(StatisticalStatus.WARN);
    }

    @Test
    void isDeterministic() {
        Service service = new Service(20, 50, 8, "p99_latency_ms");
        double[] run = service.draw();
        run[7] *= 1.15;
        List<SeriesInput> inputs = service.inputs(List.<double[]>of(run));
        StatisticalGate gate = new StatisticalGate(FAIL_MODE);
        assertThat(gate.evaluate(inputs)).isEqualTo(gate.evaluate(List.copyOf(inputs)));
    }

    @Test
    void rarelyFailsABuildWhenNothingChanged() {
        int fails = 0;
        int confirmations = 0;
        StatisticalGate gate = new StatisticalGate(FAIL_MODE);
        for (int build = 0; build < 300; build++) {
            Service service = new Service(20, 30, 1000 + build, "p95_latency_ms");
            StatisticalVerdict verdict = gate.evaluate(service.inputs(List.<double[]>of(service.draw())));
            fails += verdict.level() == StatisticalStatus.FAIL ? 1 : 0;
            confirmations += verdict.confirmationWanted() ? 1 : 0;
        }
        // nominal 1% of builds fail and 5% ask for confirmation runs
        assertThat(fails).isLessThanOrEqualTo(9);
        assertThat(confirmations).isLessThanOrEqualTo(30);
    }

    @Test
    void aSeriesWhoseRunsMostlyLackTheGroupsShiftIsNotTested() {
        Service service = new Service(10, 30, 9, "p95_latency_ms");
        List<SeriesInput> inputs = new ArrayList<>(service.inputs(List.<double[]>of(service.draw())));
        SeriesInput odd = inputs.get(9);
        List<SeriesPoint> renamed = new ArrayList<>();
        for (int b = 0; b < odd.history().size(); b++) {
            SeriesPoint p = odd.history().get(b);
            renamed.add(new SeriesPoint(b < 25 ? "elsewhere-" + b : p.runId(), p.time(), p.commit(), p.value()));
        }
        inputs.set(9, new SeriesInput(odd.id(), odd.group(), odd.direction(), renamed, odd.currentRuns(), false));
        StatisticalVerdict verdict = new StatisticalGate(FAIL_MODE).evaluate(inputs);
        assertThat(series(verdict, 9).status()).isEqualTo(StatisticalStatus.NOT_TESTED);
        assertThat(series(verdict, 9).message())
                .isEqualTo("not tested: only 5 of its runs have a known common shift of svc latency, 10 needed");
        assertThat(series(verdict, 0).status()).isEqualTo(StatisticalStatus.PASS);
    }

    /** A p95 that sat in Locust's 190 ms bucket for 20 runs (twice in 200), then reports the next bucket or more. */
    private static List<SeriesInput> bucketed(double current, DoubleUnaryOperator step) {
        List<SeriesPoint> points = new ArrayList<>();
        for (int b = 0; b < 20; b++) {
            points.add(new SeriesPoint("run-" + b, T0.plus(Duration.ofHours(b)), "c" + b, b % 10 == 3 ? 200 : 190));
        }
        return List.of(new SeriesInput(
                "svc/index/p95_latency_ms",
                null,
                MetricDirection.of("p95_latency_ms"),
                points,
                List.of(current),
                false,
                step));
    }

    @Test
    void aPercentileOneLocustBucketHigherIsNoEvidence() {
        StatisticalGate gate = new StatisticalGate(FAIL_MODE);

        StatisticalVerdict exact = gate.evaluate(bucketed(200, SeriesInput.EXACT));
        StatisticalVerdict oneBucket = gate.evaluate(bucketed(200, v -> 10));
        StatisticalVerdict threeBuckets = gate.evaluate(bucketed(220, v -> 10));
        StatisticalVerdict regression = gate.evaluate(bucketed(230, v -> 10));

        assertThat(exact.level()).as("the same numbers read as exact values").isEqualTo(StatisticalStatus.FAIL);
        assertThat(oneBucket.level()).isEqualTo(StatisticalStatus.PASS);
        assertThat(oneBucket.series().get(0).immediate().pValue()).isEqualTo(0.5);
        assertThat(oneBucket.confirmationWanted()).isFalse();
        double exact210 = gate.evaluate(bucketed(210, SeriesInput.EXACT))
                .series()
                .get(0)
                .immediate()
                .pValue();
        assertThat(threeBuckets.series().get(0).immediate().pValue())
                .as("220 in 10 ms buckets counts as 209 would, exact")
                .isBetween(exact210, exact.series().get(0).immediate().pValue());
        assertThat(regression.level()).as("+21%% is four buckets").isEqualTo(StatisticalStatus.FAIL);
        assertThat(regression.series().get(0).message())
                .contains("; one reporting step (10 at this level, ±5.3%) of the change is not counted");
    }

    /**
     * Half of a service's latency series are percentiles of a fast endpoint at 6-7 ms, where a Locust bucket is 1 ms;
     * in this build they read one bucket lower, while the other half did not move. The build is not 8% faster.
     */
    @Test
    void percentilesOneBucketLowerDoNotMakeTheWholeBuildLookFaster() {
        List<SeriesInput> inputs = new ArrayList<>();
        for (int s = 0; s < 16; s++) {
            boolean fast = s % 2 == 0;
            List<SeriesPoint> points = new ArrayList<>();
            for (int b = 0; b < 20; b++) {
                double value = fast ? (b % 7 == 3 ? 6 : 7) : 35 + s + 0.2 * Math.sin(b + s);
                points.add(new SeriesPoint("run-" + b, T0.plus(Duration.ofHours(b)), "c" + b, value));
            }
            double current = fast ? 6 : 35 + s;
            inputs.add(new SeriesInput(
                    "svc/e" + s + "/p95_latency_ms",
                    RunnerShift.groupOf("svc", "p95_latency_ms"),
                    MetricDirection.LOWER_IS_BETTER,
                    points,
                    List.of(current),
                    false,
                    fast ? v -> 1 : SeriesInput.EXACT));
        }

        StatisticalVerdict verdict = new StatisticalGate(FAIL_MODE).evaluate(inputs);

        assertThat(verdict.level()).as(verdict.toString()).isEqualTo(StatisticalStatus.PASS);
        assertThat(verdict.confirmationWanted()).isFalse();
    }
}
