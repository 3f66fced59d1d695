package dev.locustmaven.statistical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.statistics.distribution.TDistribution;
import org.junit.jupiter.api.Test;

class ChangePointDetectorTest {

    private static double[] noisy(int n, long seed, double sd) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = 100 + sd * random.nextGaussian();
        }
        return values;
    }

    @Test
    void findsAStepAtTheRightRunWithItsMeans() {
        double[] series = noisy(60, 1, 2);
        for (int i = 30; i < 60; i++) {
            series[i] += 20;
        }
        List<ChangePoint> points = ChangePointDetector.defaults().detect(series);
        assertThat(points).hasSize(1);
        ChangePoint point = points.get(0);
        assertThat(point.index()).isEqualTo(30);
        assertThat(point.meanBefore()).isCloseTo(100, within(1.5));
        assertThat(point.meanAfter()).isCloseTo(120, within(1.5));
        assertThat(point.relativeChange()).isCloseTo(0.2, within(0.02));
        assertThat(point.magnitude()).isCloseTo(0.2, within(0.02));
        assertThat(point.pValue()).isLessThan(1e-10);
    }

    @Test
    void findsTwoStepsAcrossWindows() {
        double[] series = noisy(150, 2, 1);
        for (int i = 40; i < 150; i++) {
            series[i] += 10;
        }
        for (int i = 110; i < 150; i++) {
            series[i] -= 25;
        }
        List<ChangePoint> points = ChangePointDetector.defaults().detect(series);
        assertThat(points).extracting(ChangePoint::index).containsExactly(40, 110);
        assertThat(points.get(1).meanAfter()).isCloseTo(85.0, within(1.0));
    }

    @Test
    void noiseAloneAndSingleSpikesAreNoChangePoints() {
        assertThat(ChangePointDetector.defaults().detect(noisy(200, 3, 5))).isEmpty();
        double[] spiky = noisy(80, 4, 1);
        spiky[20] = 200;
        spiky[55] = 250;
        assertThat(ChangePointDetector.defaults().detect(spiky)).isEmpty();
        double[] flat = new double[40];
        java.util.Arrays.fill(flat, 7);
        assertThat(ChangePointDetector.defaults().detect(flat)).isEmpty();
        assertThat(ChangePointDetector.defaults().detect(new double[] {1, 2})).isEmpty();
    }

    @Test
    void isDeterministic() {
        double[] series = noisy(300, 5, 3);
        for (int i = 120; i < 300; i++) {
            series[i] *= 1.1;
        }
        ChangePointDetector detector = ChangePointDetector.defaults();
        assertThat(detector.detect(series)).isEqualTo(detector.detect(series.clone()));
        assertThat(detector.detect(series))
                .singleElement()
                .satisfies(p -> assertThat(p.index()).isBetween(117, 123));
    }

    @Test
    void strongestSplitOfAStepNearTheEnd() {
        double[] series = noisy(31, 6, 1);
        for (int i = 28; i < 31; i++) {
            series[i] += 10;
        }
        ChangePoint split = new ChangePointDetector(50, 0.001, 0, 1).strongestSplit(series);
        assertThat(split.index()).isEqualTo(28);
        assertThat(split.pValue()).isLessThan(1e-6);
    }

    @Test
    void studentTTestAsOtavaComputesIt() {
        // two samples of 4 with population sd 1.118 each, means 2.5 and 6.5:
        // pooled var = 3 * 1.25 * 2 / 6 = 1.25, se = sqrt(1.25 * 0.5), t = 5.0596, df 6
        double[] series = {1, 2, 3, 4, 5, 6, 7, 8};
        double p = ChangePointDetector.tTestPValue(series, 0, 4, 8);
        assertThat(p).isCloseTo(2 * TDistribution.of(6).survivalProbability(4 / Math.sqrt(1.25 * 0.5)), within(1e-15));
        assertThat(p).isCloseTo(0.00231, within(1e-4));
    }
}
