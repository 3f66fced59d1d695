package dev.locustmaven.statistical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrendAnalysisTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** Runs twice a day (every 12 hours). */
    private static List<SeriesPoint> series(double... values) {
        List<SeriesPoint> points = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            points.add(new SeriesPoint("r" + i, T0.plus(Duration.ofHours(12L * i)), "c" + i, values[i]));
        }
        return points;
    }

    @Test
    void theilSenIgnoresOutliers() {
        double[] values = new double[20];
        for (int i = 0; i < values.length; i++) {
            values[i] = 100 + 2 * i;
        }
        values[5] = 500;
        values[12] = -300;
        assertThat(TrendAnalysis.theilSenPerRun(values)).isEqualTo(2.0);
    }

    @Test
    void mannKendallMatchesHandComputedValues() {
        // strictly increasing, n = 10: S = 45, Var = 125, z = 44 / sqrt(125)
        assertThat(TrendAnalysis.mannKendallP(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}))
                .isCloseTo(8.303070332644999e-05, within(1e-12));
        // one tie: S = 9, Var = (300 - 18) / 18, z = 8 / sqrt(Var)
        assertThat(TrendAnalysis.mannKendallP(new double[] {1, 2, 2, 3, 4}))
                .isCloseTo(0.043262727806910685, within(1e-12));
        assertThat(TrendAnalysis.mannKendallP(new double[] {5, 5, 5, 5})).isEqualTo(1.0);
        assertThat(TrendAnalysis.mannKendallP(new double[] {1, 2})).isEqualTo(1.0);
    }

    @Test
    void risingLatencyIsDegradingWithSlopesPerRunAndPerDay() {
        double[] values = new double[20];
        for (int i = 0; i < values.length; i++) {
            values[i] = 200 + 3 * i + (i % 2 == 0 ? 1 : -1);
        }
        Trend trend = TrendAnalysis.defaults().analyse(series(values), MetricDirection.LOWER_IS_BETTER);
        assertThat(trend.direction()).isEqualTo(TrendDirection.DEGRADING);
        assertThat(trend.runs()).isEqualTo(20);
        assertThat(trend.slopePerRun()).isCloseTo(3.0, within(0.3));
        // two runs a day
        assertThat(trend.slopePerDay()).isCloseTo(6.0, within(0.6));
        assertThat(trend.mannKendallP()).isLessThan(1e-6);
        assertThat(trend.current()).isEqualTo(values[19]);
        assertThat(trend.min()).isEqualTo(201);
        assertThat(trend.max()).isEqualTo(values[19]);
        assertThat(trend.coefficientOfVariation()).isGreaterThan(0.05);
    }

    @Test
    void runsMinutesApartHaveASlopePerRunButNoRatePerDay() {
        List<SeriesPoint> points = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            points.add(new SeriesPoint("r" + i, T0.plus(Duration.ofMinutes(3L * i)), "c" + i, 200 + 3 * i));
        }

        Trend trend = TrendAnalysis.defaults().analyse(points, MetricDirection.LOWER_IS_BETTER);

        assertThat(trend.slopePerRun()).isEqualTo(3.0);
        // 3 ms every 3 minutes would read as +1440 ms per day
        assertThat(trend.slopePerDay()).isNull();
    }

    @Test
    void runsSpanningADayHaveARatePerDay() {
        List<SeriesPoint> points = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            points.add(new SeriesPoint("r" + i, T0.plus(Duration.ofHours(6L * i)), "c" + i, 200 + 3 * i));
        }

        assertThat(TrendAnalysis.defaults()
                        .analyse(points, MetricDirection.LOWER_IS_BETTER)
                        .slopePerDay())
                .isCloseTo(12.0, within(1e-9));
    }

    @Test
    void risingThroughputIsImproving() {
        Trend trend = TrendAnalysis.defaults()
                .analyse(series(10, 11, 12, 13, 14, 15, 16, 17, 18, 19), MetricDirection.HIGHER_IS_BETTER);
        assertThat(trend.direction()).isEqualTo(TrendDirection.IMPROVING);
        Trend falling = TrendAnalysis.defaults()
                .analyse(series(19, 18, 17, 16, 15, 14, 13, 12, 11, 10), MetricDirection.HIGHER_IS_BETTER);
        assertThat(falling.direction()).isEqualTo(TrendDirection.DEGRADING);
    }

    @Test
    void noiseAndTinySignificantDriftAreStable() {
        Trend noise = TrendAnalysis.defaults()
                .analyse(
                        series(100, 103, 98, 101, 99, 102, 97, 100, 103, 98, 101, 99), MetricDirection.LOWER_IS_BETTER);
        assertThat(noise.direction()).isEqualTo(TrendDirection.STABLE);
        // monotonic (p tiny) but only 0.9% over the window: below the 2% that counts as a trend
        double[] creep = new double[10];
        for (int i = 0; i < creep.length; i++) {
            creep[i] = 1000 + i;
        }
        Trend small = TrendAnalysis.defaults().analyse(series(creep), MetricDirection.LOWER_IS_BETTER);
        assertThat(small.mannKendallP()).isLessThan(0.001);
        assertThat(small.direction()).isEqualTo(TrendDirection.STABLE);
    }

    @Test
    void analysesOnlyTheWindowAndCopesWithOneRun() {
        double[] values = new double[50];
        for (int i = 0; i < 50; i++) {
            values[i] = i < 20 ? 1000 : 100 + i;
        }
        Trend trend = new TrendAnalysis(30, 0.05, 0.02).analyse(series(values), MetricDirection.LOWER_IS_BETTER);
        assertThat(trend.runs()).isEqualTo(30);
        assertThat(trend.max()).isEqualTo(149);

        Trend one = TrendAnalysis.defaults().analyse(series(42), MetricDirection.LOWER_IS_BETTER);
        assertThat(one.direction()).isEqualTo(TrendDirection.STABLE);
        assertThat(one.slopePerDay()).isNull();
        assertThat(one.mean()).isEqualTo(42);
    }
}
