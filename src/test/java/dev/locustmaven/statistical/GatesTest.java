package dev.locustmaven.statistical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GatesTest {

    private static final Instant SINCE = Instant.parse("2026-03-01T10:00:00Z");

    private static double[] logs(int n, long seed, double level, double sd) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = Math.log(level) + sd * random.nextGaussian();
        }
        return values;
    }

    @Test
    void predictionIntervalFlagsALargeRegressionAndExplainsIt() {
        PredictionIntervalGate gate = new PredictionIntervalGate(GateSettings.DEFAULTS);
        double[] reference = logs(40, 1, 500, 0.05);
        TestOutcome slower = gate.test(reference, Math.log(650), MetricDirection.LOWER_IS_BETTER, SINCE);
        assertThat(slower.pValue()).isLessThan(1e-4);
        assertThat(slower.statistic()).isGreaterThan(4);
        assertThat(slower.worseEffect()).isCloseTo(0.3, within(0.03));
        assertThat(slower.n()).isEqualTo(40);
        assertThat(slower.explanation())
                .startsWith("650 against a centre of ")
                .contains("over 40 runs since 2026-03-01 10:00 UTC")
                .contains("robust spread ±")
                .contains("probability ")
                .contains("of a value this high without a real change");

        TestOutcome faster = gate.test(reference, Math.log(400), MetricDirection.LOWER_IS_BETTER, SINCE);
        assertThat(faster.pValue()).isGreaterThan(0.99);
        assertThat(faster.worseEffect()).isNegative();
    }

    @Test
    void higherIsBetterMetricsAreWorseWhenLower() {
        PredictionIntervalGate gate = new PredictionIntervalGate(GateSettings.DEFAULTS);
        double[] reference = logs(30, 2, 100, 0.03);
        TestOutcome drop = gate.test(reference, Math.log(80), MetricDirection.HIGHER_IS_BETTER, SINCE);
        assertThat(drop.pValue()).isLessThan(1e-5);
        assertThat(drop.worseEffect()).isCloseTo(0.25, within(0.03));
        assertThat(drop.explanation()).contains("of a value this low");
        TestOutcome rise = gate.test(reference, Math.log(130), MetricDirection.HIGHER_IS_BETTER, SINCE);
        assertThat(rise.pValue()).isGreaterThan(0.99);
    }

    @Test
    void spreadFloorKeepsAPerfectlyStableSeriesFromFlaggingTinyChanges() {
        double[] flat = new double[20];
        java.util.Arrays.fill(flat, Math.log(100));
        TestOutcome test = new PredictionIntervalGate(GateSettings.DEFAULTS)
                .test(flat, Math.log(100.5), MetricDirection.LOWER_IS_BETTER, SINCE);
        assertThat(test.spreadLog()).isEqualTo(0.01);
        assertThat(test.pValue()).isGreaterThan(0.3);
    }

    @Test
    void oneOutlierInTheHistoryDoesNotBlindTheGate() {
        double[] reference = logs(30, 3, 200, 0.03);
        reference[7] = Math.log(2000);
        TestOutcome test = new PredictionIntervalGate(GateSettings.DEFAULTS)
                .test(reference, Math.log(240), MetricDirection.LOWER_IS_BETTER, SINCE);
        assertThat(test.centreLog()).isCloseTo(Math.log(200), within(0.02));
        assertThat(test.spreadLog()).isLessThan(0.045);
        assertThat(test.pValue()).isLessThan(1e-3);
    }

    @Test
    void persistenceCatchesASmallSustainedShiftASingleRunCannot() {
        double[] reference = logs(40, 4, 300, 0.05);
        double[] window = logs(5, 5, 300 * 1.10, 0.05);
        TestOutcome single = new PredictionIntervalGate(GateSettings.DEFAULTS)
                .test(reference, window[4], MetricDirection.LOWER_IS_BETTER, SINCE);
        TestOutcome persistent = new PersistenceGate(GateSettings.DEFAULTS)
                .test(reference, window, MetricDirection.LOWER_IS_BETTER, SINCE);
        assertThat(persistent.pValue()).isLessThan(1e-3).isLessThan(single.pValue());
        assertThat(persistent.explanation())
                .startsWith("the last 5 runs average ")
                .contains("over the 40 runs before them since 2026-03-01 10:00 UTC");
    }

    @Test
    void persistenceFencesASpikeInTheWindow() {
        double[] reference = logs(40, 6, 300, 0.05);
        double[] window = logs(5, 7, 300, 0.05);
        window[2] = Math.log(300 * 3);
        TestOutcome test = new PersistenceGate(GateSettings.DEFAULTS)
                .test(reference, window, MetricDirection.LOWER_IS_BETTER, SINCE);
        assertThat(test.pValue()).isGreaterThan(0.001);
    }

    @Test
    void rejectsTooLittleHistoryAndBadSettings() {
        assertThatThrownBy(() -> new PredictionIntervalGate(GateSettings.DEFAULTS)
                        .test(new double[] {1, 2}, 3, MetricDirection.LOWER_IS_BETTER, SINCE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 3 reference runs");
        assertThatThrownBy(() -> new GateSettings(0.2, 0, 0.01))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("winsorMads");
    }

    @Test
    void trimmedMeanVarianceFactorMatchesTheNormalTheory() {
        assertThat(GateSettings.DEFAULTS.centreVarianceFactor()).isCloseTo(1.144, within(0.002));
        assertThat(new GateSettings(0, 3, 0.01).centreVarianceFactor()).isEqualTo(1.0);
    }
}
