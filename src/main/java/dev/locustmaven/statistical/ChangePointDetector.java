package dev.locustmaven.statistical;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Finds the points where a series' level shifted, the way Apache Otava (formerly Hunter) does: E-Divisive means
 * (Matteson and James' energy statistic with α = 1) in sliding windows proposes "weak" change points at a relaxed
 * p-value, tested with a two-sided Student t-test; a merge pass then removes the weakest ones until every remaining
 * point is significant at {@code maxPValue} and larger than {@code minMagnitude}.
 *
 * <p>Differences from Otava, each for a reason:
 *
 * <ul>
 *   <li>a minimum segment length (Otava PR #150): a split must leave at least {@code minSegment} runs on each side, and
 *       the merge removes the weaker end of any shorter segment, so a single spike is not a change point;
 *   <li>after a merge removes a point, both neighbours are re-tested (Otava re-tests the next two).
 * </ul>
 *
 * <p>Deterministic (no permutations), and O(n × window) per series: each window costs O(window²) and windows advance
 * by half their length.
 */
public final class ChangePointDetector {

    private final int window;
    private final double maxPValue;
    private final double minMagnitude;
    private final int minSegment;

    /**
     * @param window the sliding window length (Otava's default 50)
     * @param maxPValue the significance a change point must reach (Otava's default 0.001)
     * @param minMagnitude the smallest relative change kept (Otava's default 0)
     * @param minSegment the fewest runs between two change points, and before the first and after the last (1 = none)
     */
    public ChangePointDetector(int window, double maxPValue, double minMagnitude, int minSegment) {
        if (window < 4) {
            throw new IllegalArgumentException("window must be at least 4, not " + window);
        }
        if (!(maxPValue > 0 && maxPValue < 1)) {
            throw new IllegalArgumentException("maxPValue must lie in (0, 1), not " + maxPValue);
        }
        if (minSegment < 1) {
            throw new IllegalArgumentException("minSegment must be at least 1, not " + minSegment);
        }
        this.window = window;
        this.maxPValue = maxPValue;
        this.minMagnitude = minMagnitude;
        this.minSegment = minSegment;
    }

    /** Otava's defaults (window 50, p 0.001, magnitude 0) with a minimum segment of 3 runs. */
    public static ChangePointDetector defaults() {
        return new ChangePointDetector(50, 0.001, 0.0, 3);
    }

    /** The change points of {@code series}, in index order. */
    public List<ChangePoint> detect(double[] series) {
        for (int i = 0; i < series.length; i++) {
            if (!Double.isFinite(series[i])) {
                throw new IllegalArgumentException("value " + i + " of the series is not a finite number");
            }
        }
        if (series.length < 2 * minSegment || series.length < 3) {
            return List.of();
        }
        List<Integer> weak = split(series, relaxedPValue(maxPValue));
        return merge(weak, series);
    }

    /**
     * The single strongest split of the whole series: the E-Divisive maximum over every split and end, with the
     * Student t-test of the two sides; null when the series is too short for {@code minSegment} runs on each side.
     */
    public ChangePoint strongestSplit(double[] series) {
        if (series.length < 2 * minSegment || series.length < 2) {
            return null;
        }
        Split split = new EnergyTable(series, 0, series.length).bestSplit(0, series.length, minSegment);
        if (split == null) {
            return null;
        }
        double[] left = moments(series, 0, split.tau());
        double[] right = moments(series, split.tau(), series.length);
        return new ChangePoint(
                split.tau(),
                left[0],
                right[0],
                left[1],
                right[1],
                tTestPValue(left, split.tau(), right, series.length - split.tau()));
    }

    /** Otava's first-pass threshold: 10× for p < 0.05, 2× for p < 0.5. */
    static double relaxedPValue(double p) {
        return p < 0.05 ? p * 10 : (p < 0.5 ? p * 2 : p);
    }

    private List<Integer> split(double[] series, double firstPassP) {
        EnergyTable table = new EnergyTable(Math.min(window, series.length));
        List<Integer> found = new ArrayList<>();
        int start = 0;
        int step = window / 2;
        while (start < series.length) {
            int end = Math.min(start + window, series.length);
            List<Integer> inWindow = divisive(table, series, start, end, firstPassP);
            int last = inWindow.isEmpty() ? 0 : inWindow.get(inWindow.size() - 1);
            for (int index : inWindow) {
                if (!found.contains(index)) {
                    found.add(index);
                }
            }
            start = Math.max(last, start + step);
        }
        found.sort(null);
        return found;
    }

    /** E-Divisive bisection of series[start, end); returns absolute indexes in order. */
    private List<Integer> divisive(EnergyTable table, double[] series, int start, int end, double firstPassP) {
        int length = end - start;
        List<Integer> points = new ArrayList<>();
        if (length < 2 * minSegment || length < 2) {
            return points;
        }
        table.fill(series, start, end);
        while (true) {
            int[] bounds = boundaries(points, length);
            int bestIndex = -1;
            double bestQ = Double.NEGATIVE_INFINITY;
            int bestLo = 0;
            int bestHi = 0;
            for (int k = 0; k + 1 < bounds.length; k++) {
                int lo = bounds[k];
                int hi = bounds[k + 1];
                if (hi - lo < 2) {
                    continue;
                }
                Split candidate = table.bestSplit(lo, hi, minSegment);
                if (candidate != null && candidate.q() > bestQ) {
                    bestQ = candidate.q();
                    bestIndex = candidate.tau();
                    bestLo = lo;
                    bestHi = hi;
                }
            }
            if (bestIndex < 0) {
                break;
            }
            double p = tTestPValue(series, start + bestLo, start + bestIndex, start + bestHi);
            if (p > firstPassP) {
                break;
            }
            points.add(bestIndex);
            points.sort(null);
        }
        List<Integer> absolute = new ArrayList<>(points.size());
        points.forEach(i -> absolute.add(i + start));
        return absolute;
    }

    private static int[] boundaries(List<Integer> points, int length) {
        int[] bounds = new int[points.size() + 2];
        bounds[0] = 0;
        for (int i = 0; i < points.size(); i++) {
            bounds[i + 1] = points.get(i);
        }
        bounds[bounds.length - 1] = length;
        return bounds;
    }

    private List<ChangePoint> merge(List<Integer> weak, double[] series) {
        List<Integer> indexes = new ArrayList<>(weak);
        List<ChangePoint> points = new ArrayList<>();
        for (int i = 0; i < indexes.size(); i++) {
            points.add(stats(indexes, i, series));
        }
        while (!points.isEmpty()) {
            int weakest = tooShort(indexes, series.length, points);
            if (weakest < 0) {
                weakest = argMaxP(points);
                if (points.get(weakest).pValue() < maxPValue) {
                    weakest = argMinMagnitude(points);
                    if (points.get(weakest).magnitude() > minMagnitude) {
                        return points;
                    }
                }
            }
            indexes.remove(weakest);
            points.remove(weakest);
            if (weakest - 1 >= 0) {
                points.set(weakest - 1, stats(indexes, weakest - 1, series));
            }
            if (weakest < points.size()) {
                points.set(weakest, stats(indexes, weakest, series));
            }
        }
        return points;
    }

    /** The weaker end of the first segment shorter than {@code minSegment}, or −1. */
    private int tooShort(List<Integer> indexes, int length, List<ChangePoint> points) {
        for (int i = 0; i <= indexes.size(); i++) {
            int lo = i == 0 ? 0 : indexes.get(i - 1);
            int hi = i == indexes.size() ? length : indexes.get(i);
            if (hi - lo < minSegment) {
                if (i == 0) {
                    return 0;
                }
                if (i == indexes.size()) {
                    return i - 1;
                }
                return points.get(i - 1).pValue() >= points.get(i).pValue() ? i - 1 : i;
            }
        }
        return -1;
    }

    private static int argMaxP(List<ChangePoint> points) {
        int best = 0;
        for (int i = 1; i < points.size(); i++) {
            if (points.get(i).pValue() > points.get(best).pValue()) {
                best = i;
            }
        }
        return best;
    }

    private static int argMinMagnitude(List<ChangePoint> points) {
        int best = 0;
        for (int i = 1; i < points.size(); i++) {
            if (points.get(i).magnitude() < points.get(best).magnitude()) {
                best = i;
            }
        }
        return best;
    }

    private static ChangePoint stats(List<Integer> indexes, int i, double[] series) {
        int lo = i == 0 ? 0 : indexes.get(i - 1);
        int at = indexes.get(i);
        int hi = i + 1 == indexes.size() ? series.length : indexes.get(i + 1);
        double[] left = moments(series, lo, at);
        double[] right = moments(series, at, hi);
        double p = tTestPValue(left, at - lo, right, hi - at);
        return new ChangePoint(at, left[0], right[0], left[1], right[1], p);
    }

    /** Mean and population standard deviation of series[lo, hi). */
    private static double[] moments(double[] series, int lo, int hi) {
        int n = hi - lo;
        double mean = 0;
        for (int i = lo; i < hi; i++) {
            mean += series[i];
        }
        mean /= n;
        double ss = 0;
        for (int i = lo; i < hi; i++) {
            ss += (series[i] - mean) * (series[i] - mean);
        }
        return new double[] {mean, n >= 2 ? Math.sqrt(ss / n) : 0};
    }

    static double tTestPValue(double[] series, int lo, int at, int hi) {
        return tTestPValue(moments(series, lo, at), at - lo, moments(series, at, hi), hi - at);
    }

    /**
     * Otava's test: scipy's {@code ttest_ind_from_stats} with the population standard deviations and equal variances
     * (pooled Student t), two-sided.
     */
    private static double tTestPValue(double[] left, int n1, double[] right, int n2) {
        int df = n1 + n2 - 2;
        if (df <= 0) {
            return 1.0;
        }
        double pooled = ((n1 - 1) * left[1] * left[1] + (n2 - 1) * right[1] * right[1]) / df;
        double denominator = Math.sqrt(pooled * (1.0 / n1 + 1.0 / n2));
        double difference = left[0] - right[0];
        if (denominator == 0) {
            return difference == 0 ? 1.0 : 0.0;
        }
        double t = Math.abs(difference / denominator);
        return Math.min(1, 2 * TDistribution.of(df).survivalProbability(t));
    }

    private record Split(int tau, double q) {}

    /**
     * Pair sums of |x_i − x_k| over every block of one window, so that the energy statistic of any split is O(1):
     * {@code pairs[a · stride + b]} = Σ_{a ≤ i < k < b} |x_i − x_k| (window-relative indexes). One table serves all the
     * windows of a series: each window overwrites the part it uses.
     */
    private static final class EnergyTable {
        private final double[] pairs;
        private final int stride;
        /** 1/k, with 0 for k = 0 so that the within-term of a single run vanishes. */
        private final double[] inverse;

        EnergyTable(int maxLength) {
            stride = maxLength + 1;
            pairs = new double[stride * stride];
            inverse = new double[stride];
            for (int k = 1; k < stride; k++) {
                inverse[k] = 1.0 / k;
            }
        }

        EnergyTable(double[] series, int start, int end) {
            this(end - start);
            fill(series, start, end);
        }

        void fill(double[] series, int start, int end) {
            int length = end - start;
            for (int a = 0; a <= length; a++) {
                pairs[a * stride + a] = 0;
                if (a < length) {
                    pairs[a * stride + a + 1] = 0;
                }
            }
            for (int c = 0; c < length; c++) {
                double running = 0;
                double x = series[start + c];
                for (int a = c - 1; a >= 0; a--) {
                    running += Math.abs(series[start + a] - x);
                    pairs[a * stride + c + 1] = pairs[a * stride + c] + running;
                }
            }
        }

        /**
         * The split τ of [lo, hi) maximising Otava's Q over all κ (the first on ties), or null when no split leaves
         * {@code minSegment} runs on both sides.
         */
        Split bestSplit(int lo, int hi, int minSegment) {
            int minSide = Math.max(1, minSegment);
            int best = -1;
            double bestQ = Double.NEGATIVE_INFINITY;
            int fromLo = lo * stride;
            for (int tau = lo + minSide; tau <= hi - minSide; tau++) {
                int n = tau - lo;
                double within1 = pairs[fromLo + tau];
                // Q = 2/(m+n) · (cross − m/(n−1) · within1 − n/(m−1) · within2); a term with a single run is 0
                double share1 = within1 * inverse[n - 1];
                int fromTau = tau * stride;
                for (int kappa = tau + minSide; kappa <= hi; kappa++) {
                    int m = kappa - tau;
                    double within2 = pairs[fromTau + kappa];
                    double cross = pairs[fromLo + kappa] - within1 - within2;
                    double q = 2 * inverse[m + n] * (cross - m * share1 - n * within2 * inverse[m - 1]);
                    if (q > bestQ) {
                        bestQ = q;
                        best = tau;
                    }
                }
            }
            return best < 0 ? null : new Split(best, bestQ);
        }
    }
}
