package dev.locustmaven.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.locustmaven.model.Measurement;
import dev.locustmaven.model.MetricKey;
import dev.locustmaven.model.MetricValue;
import dev.locustmaven.model.ResponseTimes;
import dev.locustmaven.model.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The expected values were computed once with scipy by {@code
 * src/test/resources/dev/locustmaven/compare/paired_reference.py}, which implements the same method independently
 * (scipy's t, gamma, normal and binomial quantiles; its own histogram percentile and MOVER).
 */
class PairedStatisticsTest {

    private static final double CONFIDENCE = 0.95;
    private static final MetricKey P95 = new MetricKey("orders", "GET /orders", "p95_latency_ms");
    private static final MetricKey RPS = MetricKey.of("orders", "rps");
    private static final MetricKey ERRORS = MetricKey.of("orders", "error_rate_pct");

    @Test
    void exactValuesGiveTheStudentTIntervalOfTheLogRatios() {
        PairedChange change = PairedStatistics.of(
                Measure.RATIO,
                pairs(P95, new double[] {200, 210, 190}, new double[] {240, 255, 226}, v -> new Sample.Exact(0)),
                CONFIDENCE);

        assertThat(change.estimate()).isCloseTo(1.2012101409598317, within(1e-12));
        assertThat(change.lower()).isCloseTo(1.1804138332107126, within(1e-12));
        assertThat(change.upper()).isCloseTo(1.2223728341272067, within(1e-12));
        assertThat(change.sampling().lower()).isCloseTo(change.estimate(), within(1e-12));
    }

    @Test
    void exactRatesGiveTheStudentTIntervalOfTheDifferences() {
        PairedChange change = PairedStatistics.of(
                Measure.DIFFERENCE,
                pairs(ERRORS, new double[] {0.5, 1.0, 0.2}, new double[] {1.5, 2.1, 1.2}, v -> new Sample.Exact(0)),
                CONFIDENCE);

        assertThat(change.estimate()).isCloseTo(1.0333333333333334, within(1e-12));
        assertThat(change.lower()).isCloseTo(0.9360004806548758, within(1e-12));
        assertThat(change.upper()).isCloseTo(1.130666186011791, within(1e-12));
    }

    @Test
    void aThinThroughputIsBoundedByItsRequestCountsWhenThePairsAgree() {
        List<Pair> pairs = new ArrayList<>();
        double[] base = {0.5, 0.6, 0.55};
        long[] baseRequests = {30, 36, 33};
        double[] change = {0.6, 0.73, 0.65};
        long[] changeRequests = {36, 44, 39};
        for (int i = 0; i < 3; i++) {
            pairs.add(new Pair(
                    measurement(RPS, base[i], new Sample.Count(baseRequests[i])),
                    measurement(RPS, change[i], new Sample.Count(changeRequests[i]))));
        }

        PairedChange paired = PairedStatistics.of(Measure.RATIO, pairs, CONFIDENCE);

        assertThat(paired.estimate()).isCloseTo(1.19941048485144, within(1e-12));
        assertThat(paired.lower()).isCloseTo(0.9532734791515283, within(1e-12));
        assertThat(paired.upper()).isCloseTo(1.5109498283752227, within(1e-12));
        assertThat(paired.lower()).isEqualTo(paired.sampling().lower());
        assertThat(paired.betweenPairs().lower()).isGreaterThan(paired.lower());
    }

    @Test
    void aBusyThroughputIsBoundedByThePairsWhenTheyDisagree() {
        List<Pair> pairs = new ArrayList<>();
        double[] base = {50, 48, 52};
        double[] change = {60, 51, 58};
        for (int i = 0; i < 3; i++) {
            pairs.add(new Pair(
                    measurement(RPS, base[i], new Sample.Count(Math.round(base[i] * 60))),
                    measurement(RPS, change[i], new Sample.Count(Math.round(change[i] * 60)))));
        }

        PairedChange paired = PairedStatistics.of(Measure.RATIO, pairs, CONFIDENCE);

        assertThat(paired.estimate()).isCloseTo(1.124548726886514, within(1e-12));
        assertThat(paired.lower()).isCloseTo(1.014206849416815, within(1e-12));
        assertThat(paired.upper()).isCloseTo(1.246895384180505, within(1e-12));
        assertThat(paired.lower()).isEqualTo(paired.betweenPairs().lower());
    }

    @Test
    void anErrorRateIsADifferenceWithTheWilsonBoundsOfThePooledRequests() {
        List<Pair> pairs = new ArrayList<>();
        long[] base = {5, 8, 6};
        long[] change = {15, 12, 18};
        for (int i = 0; i < 3; i++) {
            pairs.add(new Pair(
                    measurement(ERRORS, base[i] / 10.0, new Sample.Proportion(base[i], 1000)),
                    measurement(ERRORS, change[i] / 10.0, new Sample.Proportion(change[i], 1000))));
        }

        PairedChange paired = PairedStatistics.of(Measure.DIFFERENCE, pairs, CONFIDENCE);

        assertThat(paired.estimate()).isCloseTo(0.8666666666666667, within(1e-12));
        assertThat(paired.lower()).isCloseTo(0.1647894844279446, within(1e-12));
        assertThat(paired.upper()).isCloseTo(1.5685438489053887, within(1e-12));
    }

    @Test
    void pairsThatAgreeByLocustsRoundingAreStillBoundedByTheirHistograms() {
        ResponseTimes base = ResponseTimes.of(Map.of(100.0, 50L, 110.0, 30L, 120.0, 15L, 150.0, 4L, 190.0, 1L));
        ResponseTimes change = ResponseTimes.of(Map.of(120.0, 50L, 130.0, 30L, 150.0, 15L, 180.0, 4L, 220.0, 1L));
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            pairs.add(new Pair(
                    measurement(P95, 150, new Sample.Quantile(0.95, base)),
                    measurement(P95, 180, new Sample.Quantile(0.95, change))));
        }

        PairedChange paired = PairedStatistics.of(Measure.RATIO, pairs, CONFIDENCE);

        // three identical pairs: s = 0, a t interval of width zero, which alone would call 1.2 certain
        assertThat(paired.betweenPairs().lower()).isCloseTo(1.2, within(1e-12));
        assertThat(paired.estimate()).isCloseTo(1.2, within(1e-12));
        assertThat(paired.lower()).isCloseTo(0.9642798973008382, within(1e-12));
        assertThat(paired.upper()).isCloseTo(1.5674242401688088, within(1e-12));
        assertThat(paired.includesNoChange()).isTrue();
    }

    @Test
    void onePairHasOnlyTheSamplingInterval() {
        PairedChange paired = PairedStatistics.of(
                Measure.RATIO,
                List.of(new Pair(
                        measurement(RPS, 50, new Sample.Count(3000)), measurement(RPS, 40, new Sample.Count(2400)))),
                CONFIDENCE);

        assertThat(paired.betweenPairs()).isNull();
        assertThat(paired.estimate()).isCloseTo(0.8, within(1e-12));
        assertThat(paired.lower()).isEqualTo(paired.sampling().lower()).isLessThan(0.8);
        assertThat(paired.upper()).isEqualTo(paired.sampling().upper()).isGreaterThan(0.8);
    }

    @Test
    void aRatioWithAZeroRunHasNoLogAndNoBounds() {
        PairedChange paired = PairedStatistics.of(
                Measure.RATIO,
                pairs(P95, new double[] {2, 0, 2}, new double[] {3, 3, 3}, v -> new Sample.Exact(0)),
                CONFIDENCE);

        assertThat(paired.estimate()).isCloseTo(3 / (4 / 3.0), within(1e-12));
        assertThat(paired.lower()).isZero();
        assertThat(paired.upper()).isInfinite();
    }

    @Test
    void theCentreOfARatioIsTheGeometricMeanSoThatTheCentresGiveTheEstimate() {
        List<Pair> pairs = pairs(P95, new double[] {100, 400}, new double[] {150, 500}, v -> new Sample.Exact(0));

        double base = PairedStatistics.centre(
                Measure.RATIO, pairs.stream().map(Pair::base).toList());
        double change = PairedStatistics.centre(
                Measure.RATIO, pairs.stream().map(Pair::change).toList());

        assertThat(base).isCloseTo(200, within(1e-9));
        assertThat(change / base)
                .isCloseTo(PairedStatistics.of(Measure.RATIO, pairs, CONFIDENCE).estimate(), within(1e-12));
    }

    @Test
    void aRatioNeedsABaseAboveZero() {
        assertThatThrownBy(() -> PairedStatistics.of(
                        Measure.RATIO,
                        pairs(P95, new double[] {0, 0}, new double[] {1, 2}, v -> new Sample.Exact(0)),
                        CONFIDENCE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a ratio needs a base above 0, not 0.0");
    }

    static List<Pair> pairs(
            MetricKey key, double[] base, double[] change, java.util.function.DoubleFunction<Sample> sample) {
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < base.length; i++) {
            pairs.add(new Pair(
                    measurement(key, base[i], sample.apply(base[i])),
                    measurement(key, change[i], sample.apply(change[i]))));
        }
        return pairs;
    }

    static Measurement measurement(MetricKey key, double value, Sample sample) {
        return new Measurement(key, MetricValue.of(value), sample);
    }
}
