package dev.locustmaven.statistical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StepToleranceTest {

    @Test
    void onlyWhatLiesBeyondTheToleranceCounts() {
        assertThat(StepTolerance.shrink(0.05, 0.02)).isCloseTo(0.03, within(1e-12));
        assertThat(StepTolerance.shrink(-0.05, 0.02)).isCloseTo(-0.03, within(1e-12));
        assertThat(StepTolerance.shrink(0.02, 0.02)).isZero();
        assertThat(StepTolerance.shrink(-0.01, 0.02)).isZero();
        assertThat(StepTolerance.shrink(0.05, 0)).isEqualTo(0.05);
    }
}
