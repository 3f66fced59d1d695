package dev.locustmaven.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.locustmaven.model.ResponseTimes;
import dev.locustmaven.model.Sample;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The interval maths against reference values computed once with SciPy 1.17.1 (an independent implementation):
 * order-statistic ranks by searching {@code binom.sf} / {@code binom.cdf}, Wilson bounds with {@code
 * binomtest(k, n).proportion_ci(confidence_level=0.90, method='wilson')} (two-sided 90% is one-sided 95% on each
 * side), Poisson bounds from {@code chi2.ppf}, the mean's bounds from {@code t.ppf(0.95, n - 1)}.
 */
class SamplingErrorTest {

    private static final double C = 0.95;

    @ParameterizedTest(name = "n={0}, q={1}: ranks {2} and {3}")
    @CsvSource({
        "35, 0.95, 31, 36",
        "35, 0.5, 13, 23",
        "25, 0.95, 22, 26",
        "59, 0.95, 53, 59",
        "100, 0.95, 91, 99",
        "200, 0.99, 195, 201",
        "1000, 0.95, 938, 962",
        "20, 0.9, 16, 21",
        "400, 0.5, 184, 217"
    })
    void orderStatisticRanksMatchTheBinomialReference(long n, double q, long lower, long upper) {
        assertThat(SamplingError.ranks(n, q, C)).containsExactly(lower, upper);
    }

    @Test
    void aP95FromThirtyFiveRequestsHasALowerBoundButNoUpperOne() {
        // 35 distinct response times 1..35 ms: the 31st smallest bounds the p95 from below (less the half of its 1 ms
        // bucket); nothing bounds it above
        Map<Double, Long> histogram = new TreeMap<>();
        for (int ms = 1; ms <= 35; ms++) {
            histogram.put((double) ms, 1L);
        }
        Bounds bounds = SamplingError.of(new Sample.Quantile(0.95, ResponseTimes.of(histogram)), 34, C);

        assertThat(bounds.estimate()).isEqualTo(34);
        assertThat(bounds.lower()).isEqualTo(30.5);
        assertThat(bounds.upper()).isInfinite();
    }

    @Test
    void aP95FromAThousandRequestsIsBoundedOnBothSides() {
        Map<Double, Long> histogram = new TreeMap<>();
        for (int ms = 1; ms <= 1000; ms++) {
            histogram.put((double) ms, 1L);
        }
        // Locust's rule gives 951: at most int(1000 * 0.95) requests lie below the bucket
        Bounds bounds = SamplingError.of(new Sample.Quantile(0.95, ResponseTimes.of(histogram)), 951, C);

        // the 938th and 962nd smallest, widened by half of Locust's 10 ms bucket above 100 ms
        assertThat(bounds.estimate()).isEqualTo(951);
        assertThat(bounds.lower()).isEqualTo(933);
        assertThat(bounds.upper()).isEqualTo(967);
    }

    @Test
    void aBoundReachesTheEdgeOfTheBucketLocustRoundedTo() {
        // Locust rounds to 1 ms below 100 ms and to 10 ms above, so the bucket 100 ms holds 99.5 to 105 ms
        Map<Double, Long> histogram = new TreeMap<>();
        for (int ms = 1; ms <= 30; ms++) {
            histogram.put((double) ms, 1L);
        }
        histogram.put(100.0, 5L);

        Bounds bounds = SamplingError.of(new Sample.Quantile(0.95, ResponseTimes.of(histogram)), 100, C);

        assertThat(bounds.lower()).isEqualTo(99.5);
    }

    @ParameterizedTest(name = "{0} of {1}")
    @CsvSource({
        "0, 35, 0.0, 7.175452748451365",
        "1, 35, 0.64000875048646, 11.83970384091054",
        "3, 1200, 0.09995495861864594, 0.6238750346391911",
        "20, 400, 3.49052014049567, 7.1141373190963755",
        "35, 35, 92.82454725154864, 100.0"
    })
    void ratesHaveWilsonBounds(long events, long size, double lower, double upper) {
        Bounds bounds = SamplingError.of(new Sample.Proportion(events, size), 100.0 * events / size, C);

        assertThat(bounds.lower()).isCloseTo(lower, within(1e-9));
        assertThat(bounds.upper()).isCloseTo(upper, within(1e-9));
    }

    @ParameterizedTest(name = "count {0}")
    @CsvSource({
        "1, 0.05129329438755053, 4.743864518390577",
        "10, 5.425405697091295, 16.962219235721903",
        "35, 25.869639024481454, 46.404135191553856",
        "500, 463.7971815104895, 538.3764949563868"
    })
    void throughputsHaveExactPoissonBoundsScaledToTheRate(long count, double lower, double upper) {
        // 2 requests per second over the run: the bounds scale with the rate
        Bounds bounds = SamplingError.of(new Sample.Count(count), 2.0, C);

        assertThat(bounds.lower()).isCloseTo(2.0 * lower / count, within(1e-9));
        assertThat(bounds.upper()).isCloseTo(2.0 * upper / count, within(1e-9));
    }

    @Test
    void noRequestInAThroughputLeavesOnlyAnUpperBound() {
        Bounds bounds = SamplingError.of(new Sample.Count(0), 0.0, C);

        assertThat(bounds.lower()).isZero();
        assertThat(bounds.upper()).isCloseTo(2.9957322735539895, within(1e-9));
    }

    @Test
    void anAverageHasStudentTBounds() {
        ResponseTimes times = ResponseTimes.of(Map.of(10.0, 5L, 12.0, 10L, 15.0, 12L, 20.0, 5L, 60.0, 3L));

        Bounds bounds = SamplingError.of(new Sample.Mean(times), 18, C);

        assertThat(times.standardDeviation()).isCloseTo(13.394467690277294, within(1e-9));
        assertThat(bounds.lower()).isCloseTo(14.171615134821593, within(1e-9));
        assertThat(bounds.upper()).isCloseTo(21.828384865178407, within(1e-9));
    }

    @Test
    void aValueOtherThanTheSamplesOwnCarriesTheSameRelativeError() {
        Map<Double, Long> histogram = new TreeMap<>();
        for (int ms = 1; ms <= 1000; ms++) {
            histogram.put((double) ms, 1L);
        }
        // a baseline written as 1902 ms (a median of runs, or edited) from a sample whose p95 is 951 ms
        Bounds bounds = SamplingError.of(new Sample.Quantile(0.95, ResponseTimes.of(histogram)), 1902, C);

        assertThat(bounds.lower()).isEqualTo(1866);
        assertThat(bounds.upper()).isEqualTo(1934);
    }

    @Test
    void exactValuesHaveNoError() {
        assertThat(SamplingError.of(new Sample.Exact(35), 3, C).isExact()).isTrue();
    }
}
