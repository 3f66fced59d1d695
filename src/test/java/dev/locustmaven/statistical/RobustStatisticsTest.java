package dev.locustmaven.statistical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RobustStatisticsTest {

    @Test
    void medianAndMadn() {
        assertThat(RobustStatistics.median(new double[] {3, 1, 2})).isEqualTo(2);
        assertThat(RobustStatistics.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
        // deviations from the median 3: 2 1 0 1 97 -> MAD 1
        assertThat(RobustStatistics.madn(new double[] {1, 2, 3, 4, 100})).isCloseTo(1.4826, within(1e-4));
    }

    @Test
    void trimmedMeanDropsTheEnds() {
        double[] values = {1, 2, 3, 4, 5, 6, 7, 8, 9, 1000};
        // 20% of 10 = 2 values dropped at each end: mean of 3..8
        assertThat(RobustStatistics.trimmedMean(values, 0.2)).isEqualTo(5.5);
        assertThat(RobustStatistics.trimmedMean(values, 0)).isEqualTo(104.5);
        assertThatThrownBy(() -> RobustStatistics.trimmedMean(values, 0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0.5");
    }

    @Test
    void winsorisedSpreadIsBarelyMovedByOneOutlier() {
        double[] clean = {10, 11, 9, 10.5, 9.5, 10.2, 9.8, 10.1, 9.9, 10.3};
        double[] dirty = clean.clone();
        dirty[4] = 100;
        double plain = RobustStatistics.standardDeviation(dirty);
        double robust = RobustStatistics.winsorisedStandardDeviation(dirty, 3);
        assertThat(plain).isGreaterThan(25);
        assertThat(robust).isLessThan(1.2);
        assertThat(RobustStatistics.winsorisedStandardDeviation(clean, 3))
                .isCloseTo(RobustStatistics.standardDeviation(clean), within(1e-12));
    }

    @Test
    void selectionAgreesWithSorting() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(9);
        for (int n = 1; n < 80; n++) {
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = random.nextInt(7) + (i % 3 == 0 ? 0 : random.nextGaussian());
            }
            double[] sorted = values.clone();
            java.util.Arrays.sort(sorted);
            double expected = n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
            assertThat(RobustStatistics.median(values)).isEqualTo(expected);
            for (int k = 0; k < n; k += 7) {
                assertThat(RobustStatistics.select(values.clone(), k)).isEqualTo(sorted[k]);
            }
        }
    }
}
