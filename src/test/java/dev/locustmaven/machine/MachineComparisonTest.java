package dev.locustmaven.machine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.locustmaven.failure.ConfigurationException;
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
    void aFarFigureIsAtLeastOneAndAHalfTimesTheQuietOne() {
        List<Calibration> earlier = steady(10, 100, 0.05);

        assertThat(MachineComparison.speed(149, 100, 0)).isEqualTo(Speed.USUAL);
        assertThat(MachineComparison.speed(150, 100, 0)).isEqualTo(Speed.SLOWER);
        assertThat(MachineComparison.speed(67, 100, 0)).isEqualTo(Speed.USUAL);
        assertThat(MachineComparison.speed(66, 100, 0)).isEqualTo(Speed.FASTER);
        MachineComparison onlyLoopback =
                MachineComparison.of(new Calibration(1, 101, 1.2), earlier).orElseThrow();
        assertThat(onlyLoopback.cpuLoop()).isEqualTo(Speed.USUAL);
        assertThat(onlyLoopback.loopbackRoundTrip()).isEqualTo(Speed.SLOWER);
        assertThat(onlyLoopback.slower()).isTrue();
    }

    @Test
    void aFigureThatMovedByLessThanAMillisecondIsUsualHoweverManyTimesItsQuietOne() {
        // a quiet campaign's build: the loopback round trip 0.0788 ms against 0.0248 ms quiet, its CPU loop usual;
        // it once called the machine overloaded and turned a real doubling's failure into a warning
        List<Calibration> earlier = steady(30, 14.4, 0.0248);

        MachineComparison hiccup =
                MachineComparison.of(new Calibration(1, 15.4, 0.0788), earlier).orElseThrow();

        assertThat(hiccup.loopbackRoundTrip()).isEqualTo(Speed.USUAL);
        assertThat(hiccup.slower()).isFalse();
        assertThat(hiccup.overloaded()).isFalse();
        assertThat(hiccup.warning()).isEmpty();
        assertThat(MachineComparison.speed(10.9, 10, 0)).as("1.09 times").isEqualTo(Speed.USUAL);
        assertThat(MachineComparison.speed(1.9, 1, 0)).as("1.9 times, 0.9 ms").isEqualTo(Speed.USUAL);
        assertThat(MachineComparison.speed(2, 1, 0)).as("2 times, 1 ms").isEqualTo(Speed.SLOWER);
        assertThat(MachineComparison.speed(0.1, 1, 0)).as("a tenth, 0.9 ms").isEqualTo(Speed.USUAL);
    }

    @Test
    void andBeyondThreeRobustSpreadsOfTheQuieterHalf() {
        // 60 to 140: quiet 80 (the 2nd fastest of 9); the half at or below the median 100 is 60 to 100, median 90,
        // MAD 10, robust spread 14.83, so a slower figure is above 80 + 44.48 and at least 120
        List<Calibration> earlier = new ArrayList<>();
        for (double cpu : new double[] {60, 80, 100, 120, 140, 80, 100, 120, 100}) {
            earlier.add(new Calibration(1, cpu, 0.05));
        }

        MachineComparison within =
                MachineComparison.of(new Calibration(1, 124, 0.05), earlier).orElseThrow();
        MachineComparison beyond =
                MachineComparison.of(new Calibration(1, 125, 0.05), earlier).orElseThrow();

        assertThat(within.quietCpuLoopMs()).isEqualTo(80);
        assertThat(within.cpuLoop())
                .as("1.55 times quiet, but within 3 spreads")
                .isEqualTo(Speed.USUAL);
        assertThat(beyond.cpuLoop()).isEqualTo(Speed.SLOWER);
    }

    @Test
    void theQuietFiguresComeFromTheLastThirtyBuilds() {
        List<Calibration> earlier = new ArrayList<>(steady(20, 1000, 1));
        earlier.addAll(steady(30, 10, 0.01));

        MachineComparison comparison =
                MachineComparison.of(new Calibration(1, 10, 0.01), earlier).orElseThrow();

        assertThat(comparison.builds()).isEqualTo(30);
        assertThat(comparison.quietCpuLoopMs()).isEqualTo(10);
        assertThat(comparison.slower()).isFalse();
        assertThat(comparison.warning()).isEmpty();
    }

    @Test
    void aHistoryRecordedMostlyUnderLoadStillKnowsTheQuietMachine() {
        // 6 quiet builds at 15-16 ms among 24 on a loaded machine at 60-80 ms: the median is about 70 ms
        List<Calibration> earlier = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            earlier.add(new Calibration(1, i % 5 == 0 ? 15 + (i % 2) : 60 + (i % 21), 0.02));
        }

        MachineComparison loaded =
                MachineComparison.of(new Calibration(1, 75, 0.02), earlier).orElseThrow();
        MachineComparison quiet =
                MachineComparison.of(new Calibration(1, 17, 0.02), earlier).orElseThrow();

        assertThat(loaded.quietCpuLoopMs()).isEqualTo(16);
        assertThat(loaded.slower()).isTrue();
        assertThat(loaded.overloaded()).as("75 / 16 = 4.7 times").isTrue();
        assertThat(loaded.speedName()).isEqualTo("overloaded");
        assertThat(quiet.slower()).isFalse();
        assertThat(quiet.speedName()).isEqualTo("usual");
    }

    @Test
    void overloadedFromTheFactorOnAndNeverWithTheFactorOff() {
        List<Calibration> earlier = steady(10, 20, 0.02);

        assertThat(MachineComparison.of(new Calibration(1, 59.9, 0.02), earlier)
                        .orElseThrow()
                        .overloaded())
                .isFalse();
        assertThat(MachineComparison.of(new Calibration(1, 60, 0.02), earlier)
                        .orElseThrow()
                        .overloaded())
                .isTrue();
        assertThat(MachineComparison.of(new Calibration(1, 20, 1.6), earlier)
                        .orElseThrow()
                        .overloaded())
                .as("the loopback alone, 80 times")
                .isTrue();
        assertThat(MachineComparison.of(new Calibration(1, 59.9, 0.02), earlier, 2)
                        .orElseThrow()
                        .overloaded())
                .isTrue();
        assertThat(MachineComparison.of(new Calibration(1, 1000, 1), earlier, Double.POSITIVE_INFINITY)
                        .orElseThrow()
                        .speedName())
                .isEqualTo("slower");
    }

    @Test
    void theFiguresSayBothValuesAndTheirQuietOnes() {
        MachineComparison comparison = MachineComparison.of(
                        new Calibration(1, 412.3, 0.2149), steady(14, 251.4, 0.0912))
                .orElseThrow();

        assertThat(comparison.figures())
                .isEqualTo("CPU loop 412 ms vs 251 ms quiet (the 3rd fastest of 14 builds), loopback round trip"
                        + " 0.215 ms vs 0.0912 ms");
        assertThat(MachineComparison.of(new Calibration(1, 1, 1), steady(5, 1, 1))
                        .orElseThrow()
                        .quietRank())
                .isEqualTo("the fastest of 5 builds");
        assertThat(MachineComparison.of(new Calibration(1, 1, 1), steady(30, 1, 1))
                        .orElseThrow()
                        .quietRank())
                .isEqualTo("the 6th fastest of 30 builds");
    }

    @Test
    void theOverloadFactorIsANumberOfAtLeastOneAndAHalfOrOff() {
        assertThat(MachineOptions.parseOverloadFactor("3")).isEqualTo(3);
        assertThat(MachineOptions.parseOverloadFactor(" 2.5 ")).isEqualTo(2.5);
        assertThat(MachineOptions.parseOverloadFactor("OFF")).isInfinite();
        assertThat(MachineOptions.parseOverloadFactor("0")).isInfinite();
        assertThatThrownBy(() -> MachineOptions.parseOverloadFactor("1.2"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("locust.machineOverloadFactor must be a number of at least 1.5 (how many times as slow as"
                        + " when quiet) or off, not '1.2'");
        assertThatThrownBy(() -> MachineOptions.parseOverloadFactor("fast")).hasMessageEndingWith("not 'fast'");
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
