package dev.locustmaven.statistical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.numbers.gamma.RegularizedBeta;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;
import org.junit.jupiter.api.Test;

/**
 * The distributions the gates take their p-values from (commons-statistics-distribution): tabulated values, far tails
 * and the t's approach to the normal, to the accuracy the gates were written against.
 */
class DistributionsTest {

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private static double studentTSurvival(double t, double df) {
        return TDistribution.of(df).survivalProbability(t);
    }

    @Test
    void studentTMatchesTabulatedQuantiles() {
        // t tables: t(0.975, 29) = 2.045230, t(0.995, 9) = 3.249836, t(0.9999, 63) = 3.9069...
        assertThat(studentTSurvival(2.045230, 29)).isCloseTo(0.025, within(1e-7));
        assertThat(studentTSurvival(3.249836, 9)).isCloseTo(0.005, within(1e-7));
        assertThat(studentTSurvival(-2.045230, 29)).isCloseTo(0.975, within(1e-7));
        assertThat(studentTSurvival(0, 5)).isCloseTo(0.5, within(1e-12));
        // df = 1 is the Cauchy distribution: P(T > 1) = 1/4
        assertThat(studentTSurvival(1, 1)).isCloseTo(0.25, within(1e-12));
    }

    @Test
    void studentTQuantileInvertsTheSurvivalFunction() {
        TDistribution t20 = TDistribution.of(20);
        for (double p : new double[] {0.1, 0.01, 1e-4, 1e-7}) {
            double t = t20.inverseSurvivalProbability(p);
            assertThat(studentTSurvival(t, 20)).isCloseTo(p, within(p * 1e-8));
        }
        assertThat(TDistribution.of(29).inverseSurvivalProbability(0.025)).isCloseTo(2.045230, within(1e-5));
        assertThat(TDistribution.of(29).inverseSurvivalProbability(0.975)).isCloseTo(-2.045230, within(1e-5));
    }

    @Test
    void normalTailsAreAccurateFarOut() {
        assertThat(STANDARD_NORMAL.survivalProbability(1.959964)).isCloseTo(0.025, within(1e-8));
        assertThat(STANDARD_NORMAL.survivalProbability(4)).isCloseTo(3.167124183311992e-5, within(1e-15));
        assertThat(STANDARD_NORMAL.survivalProbability(8)).isCloseTo(6.220960574271785e-16, within(1e-24));
        assertThat(STANDARD_NORMAL.cumulativeProbability(-1)).isCloseTo(0.15865525393145707, within(1e-13));
        // a t with many degrees of freedom is nearly normal (the difference is about (z^3 + z) φ(z) / 4ν)
        assertThat(studentTSurvival(3, 1e7)).isCloseTo(STANDARD_NORMAL.survivalProbability(3), within(1e-8));
    }

    @Test
    void gammaAndBetaFunctions() {
        assertThat(LogGamma.value(5)).isCloseTo(Math.log(24), within(1e-12));
        assertThat(LogGamma.value(0.5)).isCloseTo(0.5 * Math.log(Math.PI), within(1e-12));
        // I_x(1, 1) = x and I_x(2, 1) = x^2
        assertThat(RegularizedBeta.value(0.3, 1, 1)).isCloseTo(0.3, within(1e-13));
        assertThat(RegularizedBeta.value(0.3, 2, 1)).isCloseTo(0.09, within(1e-13));
    }
}
