package dev.locustmaven.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.locustmaven.model.ResponseTimes;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The shift's maths against reference values computed once with numpy 2 and SciPy 1.17.1 by {@code
 * src/test/resources/dev/locustmaven/sampling/shift_reference.py}, which integrates every pair of requests numerically
 * instead of weighing bucket pairs in closed form.
 */
class DistributionShiftTest {

    private static final double C = 0.95;

    @Test
    void aThinEndpointTwiceAsSlowIsBoundedAboveSixtyPercentAgainstAThinBaseline() {
        DistributionShift.Shift shift = DistributionShift.between(
                        times(Map.ofEntries(
                                Map.entry(180.0, 2L),
                                Map.entry(190.0, 3L),
                                Map.entry(200.0, 4L),
                                Map.entry(210.0, 5L),
                                Map.entry(220.0, 4L),
                                Map.entry(230.0, 5L),
                                Map.entry(240.0, 3L),
                                Map.entry(250.0, 2L),
                                Map.entry(270.0, 2L),
                                Map.entry(290.0, 1L),
                                Map.entry(300.0, 1L),
                                Map.entry(690.0, 1L))),
                        thinBaseline())
                .orElseThrow()
                .at(C);

        assertThat(shift.estimate()).isCloseTo(1.8666674669, within(1e-8));
        assertThat(shift.bounds().lower()).isCloseTo(1.7429275350, within(1e-8));
        assertThat(shift.bounds().upper()).isCloseTo(1.9994552443, within(1e-8));
        assertThat(shift.runRequests()).isEqualTo(33);
        assertThat(shift.baselineRequests()).isEqualTo(36);
    }

    @Test
    void slowOutliersOnBothSidesLeaveTheShiftWithinItsBounds() {
        DistributionShift.Shift shift = DistributionShift.between(
                        times(Map.of(
                                95.0, 2L, 100.0, 3L, 110.0, 6L, 120.0, 7L, 130.0, 5L, 140.0, 4L, 150.0, 2L, 170.0, 1L,
                                360.0, 1L, 400.0, 1L)),
                        thinBaseline())
                .orElseThrow()
                .at(C);

        assertThat(shift.estimate()).isCloseTo(1.0325934254, within(1e-8));
        assertThat(shift.bounds().lower()).isCloseTo(0.9578105325, within(1e-8));
        assertThat(shift.bounds().upper()).isCloseTo(1.1124059934, within(1e-8));
    }

    @Test
    void aZeroMillisecondBucketLeavesTheBoundsFinite() {
        DistributionShift.Shift shift = DistributionShift.between(
                        times(Map.of(
                                0.0, 1L, 7.0, 3L, 8.0, 4L, 9.0, 5L, 10.0, 6L, 11.0, 3L, 12.0, 2L, 15.0, 1L, 31.0, 1L)),
                        times(Map.of(0.0, 2L, 6.0, 2L, 7.0, 4L, 8.0, 6L, 9.0, 5L, 10.0, 4L, 11.0, 2L, 13.0, 1L)))
                .orElseThrow()
                .at(C);

        assertThat(shift.estimate()).isCloseTo(1.1359599885, within(1e-8));
        assertThat(shift.bounds().lower()).isCloseTo(1.0217230790, within(1e-8));
        assertThat(shift.bounds().upper()).isCloseTo(1.2697314155, within(1e-8));
    }

    @Test
    void tenRequestsAgainstTwelveAreEnoughToBound() {
        DistributionShift.Shift shift = DistributionShift.between(
                        times(Map.of(50.0, 2L, 55.0, 3L, 60.0, 3L, 70.0, 2L)),
                        times(Map.of(40.0, 3L, 42.0, 3L, 45.0, 4L, 48.0, 2L)))
                .orElseThrow()
                .at(C);

        assertThat(shift.estimate()).isCloseTo(1.3272828047, within(1e-8));
        assertThat(shift.bounds().lower()).isCloseTo(1.2335965777, within(1e-8));
        assertThat(shift.bounds().upper()).isCloseTo(1.4381513249, within(1e-8));
    }

    @Test
    void longerRunsNarrowTheBoundsAsTheSameRequestsSeenMoreOften() {
        ResponseTimes run = times(Map.of(50.0, 2L, 55.0, 3L, 60.0, 3L, 70.0, 2L));
        ResponseTimes fourTimes = times(Map.of(50.0, 8L, 55.0, 12L, 60.0, 12L, 70.0, 8L));
        ResponseTimes baseline = times(Map.of(40.0, 3L, 42.0, 3L, 45.0, 4L, 48.0, 2L));

        DistributionShift.Shift scaled =
                DistributionShift.between(run, baseline).orElseThrow().at(C, 4, 1);
        DistributionShift.Shift seen =
                DistributionShift.between(fourTimes, baseline).orElseThrow().at(C);

        assertThat(scaled.bounds()).isEqualTo(seen.bounds());
        assertThat(scaled.runRequests()).isEqualTo(40);
        assertThat(scaled.bounds().lower())
                .isGreaterThan(DistributionShift.between(run, baseline)
                        .orElseThrow()
                        .at(C)
                        .bounds()
                        .lower());
    }

    @Test
    void fewerThanTenRequestsOrPercentileColumnsGiveNoShift() {
        ResponseTimes nine = times(Map.of(50.0, 9L));
        ResponseTimes rebuilt =
                ResponseTimes.fromReportedPercentiles(new TreeMap<>(Map.of(0.5, 100.0, 0.95, 180.0)), 36, 80.0);

        assertThat(DistributionShift.between(nine, thinBaseline())).isEmpty();
        assertThat(DistributionShift.between(thinBaseline(), nine)).isEmpty();
        assertThat(DistributionShift.between(rebuilt, thinBaseline())).isEmpty();
    }

    /** 36 requests, two of them about three times as slow as the rest: its p95 is one of those two. */
    private static ResponseTimes thinBaseline() {
        return times(Map.ofEntries(
                Map.entry(85.0, 1L),
                Map.entry(92.0, 2L),
                Map.entry(96.0, 3L),
                Map.entry(100.0, 3L),
                Map.entry(110.0, 6L),
                Map.entry(120.0, 7L),
                Map.entry(130.0, 5L),
                Map.entry(140.0, 3L),
                Map.entry(150.0, 2L),
                Map.entry(160.0, 1L),
                Map.entry(170.0, 1L),
                Map.entry(380.0, 2L)));
    }

    private static ResponseTimes times(Map<Double, Long> histogram) {
        NavigableMap<Double, Long> buckets = new TreeMap<>(histogram);
        return ResponseTimes.of(buckets);
    }
}
