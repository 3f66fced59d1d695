package dev.locustmaven.statistical;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Trends per series: Theil-Sen slope (the median of the pairwise slopes, robust to a few odd runs) per run and per
 * day, the Mann-Kendall test of a monotonic trend, and volatility as the coefficient of variation. A trend counts as
 * improving or degrading only when Mann-Kendall is significant at {@code alpha} and the Theil-Sen line moves at least
 * {@code minTotalChange} (relative to the median) across the analysed runs; otherwise it is stable.
 */
public final class TrendAnalysis {

    private static final double SECONDS_PER_DAY = 86_400;

    /**
     * The shortest span of runs with a rate per day: runs minutes apart would extrapolate their noise to a day ("+3824
     * ms per day").
     */
    static final Duration MIN_SPAN_PER_DAY = Duration.ofDays(1);

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private final int window;
    private final double alpha;
    private final double minTotalChange;

    /**
     * @param window how many of the most recent runs to analyse (Theil-Sen is O(window²))
     * @param alpha the Mann-Kendall significance for a trend to be reported
     * @param minTotalChange the smallest relative movement over the window worth calling a trend (0.02 = 2%)
     */
    public TrendAnalysis(int window, double alpha, double minTotalChange) {
        if (window < 3) {
            throw new IllegalArgumentException("window must be at least 3, not " + window);
        }
        this.window = window;
        this.alpha = alpha;
        this.minTotalChange = minTotalChange;
    }

    /** The last 30 runs, Mann-Kendall at 0.05, at least 2% movement. */
    public static TrendAnalysis defaults() {
        return new TrendAnalysis(30, 0.05, 0.02);
    }

    /** Analyses the most recent runs of {@code points} (in run order, oldest first; at least one). */
    public Trend analyse(List<SeriesPoint> points, MetricDirection direction) {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("a trend needs at least one run");
        }
        List<SeriesPoint> recent = points.subList(Math.max(0, points.size() - window), points.size());
        double[] values = recent.stream().mapToDouble(SeriesPoint::value).toArray();
        int n = values.length;
        double mean = RobustStatistics.mean(values);
        double median = RobustStatistics.median(values);
        double slopePerRun = theilSenPerRun(values);
        Double slopePerDay = theilSenPerDay(recent);
        double p = mannKendallP(values);
        double cv = mean == 0 ? Double.NaN : RobustStatistics.standardDeviation(values) / Math.abs(mean);
        TrendDirection trend = TrendDirection.STABLE;
        double totalChange = median == 0 ? 0 : slopePerRun * (n - 1) / Math.abs(median);
        if (n >= 3 && p < alpha && Math.abs(totalChange) >= minTotalChange) {
            boolean worse = direction.worseSign() * totalChange > 0;
            trend = worse ? TrendDirection.DEGRADING : TrendDirection.IMPROVING;
        }
        return new Trend(
                n,
                values[n - 1],
                mean,
                median,
                RobustStatistics.min(values),
                RobustStatistics.max(values),
                slopePerRun,
                slopePerDay,
                p,
                cv,
                trend);
    }

    /** The median of (y_j − y_i) / (j − i) over all pairs i &lt; j; 0 for fewer than two values. */
    public static double theilSenPerRun(double[] values) {
        int n = values.length;
        if (n < 2) {
            return 0;
        }
        double[] slopes = new double[n * (n - 1) / 2];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                slopes[k++] = (values[j] - values[i]) / (j - i);
            }
        }
        return RobustStatistics.median(slopes);
    }

    private static Double theilSenPerDay(List<SeriesPoint> points) {
        if (span(points).compareTo(MIN_SPAN_PER_DAY) < 0) {
            return null;
        }
        int n = points.size();
        double[] slopes = new double[n * (n - 1) / 2];
        int k = 0;
        for (int i = 0; i < n; i++) {
            Instant ti = points.get(i).time();
            for (int j = i + 1; j < n; j++) {
                Instant tj = points.get(j).time();
                if (ti == null || tj == null || ti.equals(tj)) {
                    continue;
                }
                double days = (tj.toEpochMilli() - ti.toEpochMilli()) / 1000.0 / SECONDS_PER_DAY;
                slopes[k++] = (points.get(j).value() - points.get(i).value()) / days;
            }
        }
        return k == 0 ? null : RobustStatistics.median(Arrays.copyOf(slopes, k));
    }

    /** From the earliest to the latest time of the points; zero when fewer than two have a time. */
    private static Duration span(List<SeriesPoint> points) {
        List<Instant> times = points.stream()
                .map(SeriesPoint::time)
                .filter(Objects::nonNull)
                .sorted()
                .toList();
        return times.size() < 2 ? Duration.ZERO : Duration.between(times.get(0), times.get(times.size() - 1));
    }

    /**
     * The two-sided Mann-Kendall p-value: S = Σ sign(y_j − y_i), its variance corrected for ties, a continuity
     * correction and the normal approximation. 1 for fewer than three values.
     */
    public static double mannKendallP(double[] values) {
        int n = values.length;
        if (n < 3) {
            return 1;
        }
        long s = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                s += Double.compare(values[j], values[i]) > 0 ? 1 : (values[j] == values[i] ? 0 : -1);
            }
        }
        double variance = n * (n - 1.0) * (2 * n + 5);
        double[] sorted = RobustStatistics.sorted(values);
        for (int i = 0; i < n; ) {
            int j = i;
            while (j < n && sorted[j] == sorted[i]) {
                j++;
            }
            int t = j - i;
            variance -= t * (t - 1.0) * (2 * t + 5);
            i = j;
        }
        variance /= 18;
        if (variance <= 0 || s == 0) {
            return 1;
        }
        double z = (s > 0 ? s - 1 : s + 1) / Math.sqrt(variance);
        return Math.min(1, 2 * STANDARD_NORMAL.survivalProbability(Math.abs(z)));
    }
}
