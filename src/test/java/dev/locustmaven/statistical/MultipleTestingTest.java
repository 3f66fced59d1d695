package dev.locustmaven.statistical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MultipleTestingTest {

    @Test
    void holmAdjustsStepDown() {
        double[] p = {0.01, 0.04, 0.03, 0.005};
        // sorted 0.005*4=0.02, 0.01*3=0.03, 0.03*2=0.06, max(0.06, 0.04*1)=0.06
        assertThat(HolmCorrection.adjust(p)).containsExactly(new double[] {0.03, 0.06, 0.06, 0.02}, within(1e-12));
        assertThat(HolmCorrection.reject(p, 0.05)).containsExactly(true, false, false, true);
        assertThat(HolmCorrection.reject(p, 0.01)).containsExactly(false, false, false, false);
    }

    @Test
    void holmIgnoresMissingTests() {
        double[] p = {Double.NaN, 0.02, 0.01};
        double[] adjusted = HolmCorrection.adjust(p);
        assertThat(adjusted[0]).isNaN();
        assertThat(adjusted[1]).isCloseTo(0.02, within(1e-12));
        assertThat(adjusted[2]).isCloseTo(0.02, within(1e-12));
    }

    @Test
    void benjaminiHochbergStepsUp() {
        double[] p = {0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205, 0.212, 0.216};
        // q = 0.05: thresholds 0.005, 0.01, 0.015, 0.02, 0.025 ... only the first two pass
        boolean[] rejected = BenjaminiHochberg.reject(p, 0.05);
        assertThat(rejected).containsExactly(true, true, false, false, false, false, false, false, false, false);
        // q = 0.5 lets the step-up reach 0.216 <= 0.5 at rank 10
        assertThat(BenjaminiHochberg.reject(p, 0.5)).containsOnly(true);
    }
}
