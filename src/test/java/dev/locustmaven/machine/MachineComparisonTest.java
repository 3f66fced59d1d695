package dev.locustmaven.machine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locustmaven.machine.MachineComparison.Speed;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MachineComparisonTest {

    private static List<Calibration> steady(int builds, double cpu, double loopback) {
        return IntStream.range(0, builds)
                .mapToObj(i -> new Calibration(1, cpu, loopback))
                .toList();
    }

    @Test
    void needsFiveEarlierCalibrationsOfTheSameMethod() {
        List<Calibration> earlier = new ArrayList<>(steady(4, 10, 0.01));
        earlier.add(new Calibration(2, 10, 0.01));
        Calibration slow = new Calibration(1, 100, 1);

        assertThat(MachineComparison.of(slow, earlier)).isEmpty();

        earlier.add(new Calibration(1, 10, 0.01));
        assertThat(MachineComparison.of(slow, earlier)).hasValueSatisfying(c -> {
            assertThat(c.builds()).isEqualTo(5);
            assertThat(c.slower()).isTrue();
        });
    }

    @Test
    void aFarFigureIsAtLeastOneAndAHalfTimesTheMedian() {
        List<Calibration> earlier = steady(10, 100, 0.05);

        assertThat(MachineComparison.speed(149, 100, 0)).isEqualTo(Speed.USUAL);
        assertThat(MachineComparison.speed(150, 100, 0)).isEqualTo(Speed.SLOWER);
        assertThat(MachineComparison.speed(67, 100, 0)).isEqualTo(Speed.USUAL);
        assertThat(MachineComparison.speed(66, 100, 0)).isEqualTo(Speed.FASTER);
        MachineComparison onlyLoopback =
                MachineComparison.of(new Calibration(1, 101, 0.2), earlier).orElseThrow();
        assertThat(onlyLoopback.cpuLoop()).isEqualTo(Speed.USUAL);
        assertThat(onlyLoopback.loopbackRoundTrip()).isEqualTo(Speed.SLOWER);
        assertThat(onlyLoopback.slower()).isTrue();
    }

    @Test
    void andBeyondThreeRobustSpreads() {
        // a noisy history: 60 to 140, median 100, MAD 20, robust spread 29.65
        List<Calibration> earlier = new ArrayList<>();
        for (double cpu : new double[] {60, 80, 100, 120, 140, 80, 100, 120, 100}) {
            earlier.add(new Calibration(1, cpu, 0.05));
        }

        assertThat(MachineComparison.of(new Calibration(1, 180, 0.05), earlier)
                        .orElseThrow()
                        .cpuLoop())
                .as("1.8 times the median, but within 3 spreads (188.9)")
                .isEqualTo(Speed.USUAL);
        assertThat(MachineComparison.of(new Calibration(1, 190, 0.05), earlier)
                        .orElseThrow()
                        .cpuLoop())
                .isEqualTo(Speed.SLOWER);
    }

    @Test
    void theUsualFiguresAreTheMediansOfTheLastThirtyBuilds() {
        List<Calibration> earlier = new ArrayList<>(steady(20, 1000, 1));
        earlier.addAll(steady(30, 10, 0.01));

        MachineComparison comparison =
                MachineComparison.of(new Calibration(1, 10, 0.01), earlier).orElseThrow();

        assertThat(comparison.builds()).isEqualTo(30);
        assertThat(comparison.usualCpuLoopMs()).isEqualTo(10);
        assertThat(comparison.slower()).isFalse();
        assertThat(comparison.warning()).isEmpty();
    }

    @Test
    void theFiguresSayBothValuesAndTheirUsualOnes() {
        MachineComparison comparison = MachineComparison.of(
                        new Calibration(1, 412.3, 0.2149), steady(14, 251.4, 0.0912))
                .orElseThrow();

        assertThat(comparison.figures())
                .isEqualTo("CPU loop 412 ms vs 251 ms usual (median of 14 builds), loopback round trip 0.215 ms vs"
                        + " 0.0912 ms");
    }

    @Test
    void figuresHaveThreeSignificantDigits() {
        assertThat(Figures.ms(16.94)).isEqualTo("16.9 ms");
        assertThat(Figures.ms(0.015151)).isEqualTo("0.0152 ms");
        assertThat(Figures.ms(0.00001234)).isEqualTo("0.0000123 ms");
        assertThat(Figures.ms(1234.5)).isEqualTo("1235 ms");
        assertThat(Figures.ms(250)).isEqualTo("250 ms");
    }
}
