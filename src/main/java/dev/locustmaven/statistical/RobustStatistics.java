package dev.locustmaven.statistical;

import java.util.Arrays;

/**
 * Location and spread estimates that a few bad runs cannot drag far: median, MAD, trimmed mean and a winsorised
 * standard deviation. Inputs are never modified.
 */
public final class RobustStatistics {

    /** Scales the MAD so that it estimates the standard deviation of normal data. */
    public static final double MAD_TO_SD = 1.482602218505602;

    private RobustStatistics() {}

    public static double mean(double[] values) {
        requireValues(values);
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** Sample standard deviation (n − 1); 0 for a single value. */
    public static double standardDeviation(double[] values) {
        requireValues(values);
        if (values.length < 2) {
            return 0;
        }
        double mean = mean(values);
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return Math.sqrt(sum / (values.length - 1));
    }

    public static double median(double[] values) {
        requireValues(values);
        return medianInPlace(values.clone());
    }

    /** The median of {@code values}, reordering them: O(n) by selection instead of O(n log n) by sorting. */
    static double medianInPlace(double[] values) {
        int n = values.length;
        double upper = select(values, n / 2);
        if (n % 2 == 1) {
            return upper;
        }
        // select left the lower half in [0, n/2): its largest value is the other middle value
        double lower = values[0];
        for (int i = 1; i < n / 2; i++) {
            lower = Math.max(lower, values[i]);
        }
        return 0.5 * (lower + upper);
    }

    /**
     * The k-th smallest value (0-based), by quickselect with a median-of-three pivot; reorders {@code values} so that
     * every value before index k is at most the result and every value after it at least.
     */
    static double select(double[] values, int k) {
        int lo = 0;
        int hi = values.length - 1;
        while (hi > lo) {
            int mid = (lo + hi) >>> 1;
            if (values[mid] < values[lo]) {
                swap(values, mid, lo);
            }
            if (values[hi] < values[lo]) {
                swap(values, hi, lo);
            }
            if (values[hi] < values[mid]) {
                swap(values, hi, mid);
            }
            double pivot = values[mid];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (values[i] < pivot) {
                    i++;
                }
                while (values[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(values, i, j);
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return values[k];
            }
        }
        return values[k];
    }

    private static void swap(double[] values, int i, int j) {
        double t = values[i];
        values[i] = values[j];
        values[j] = t;
    }

    static double medianOfSorted(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }

    /** The median absolute deviation from the median, scaled to estimate a normal standard deviation. */
    public static double madn(double[] values) {
        double median = median(values);
        double[] deviations = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            deviations[i] = Math.abs(values[i] - median);
        }
        return MAD_TO_SD * medianInPlace(deviations);
    }

    /**
     * The mean after dropping {@code fraction} of the values at each end (rounded down), e.g. 0.2 for the 20% trimmed
     * mean.
     */
    public static double trimmedMean(double[] values, double fraction) {
        requireValues(values);
        if (fraction < 0 || fraction >= 0.5) {
            throw new IllegalArgumentException("trim fraction must lie in [0, 0.5), not " + fraction);
        }
        return trimmedMeanOfSorted(sorted(values), fraction);
    }

    static double trimmedMeanOfSorted(double[] sorted, double fraction) {
        int cut = (int) Math.floor(sorted.length * fraction);
        double sum = 0;
        for (int i = cut; i < sorted.length - cut; i++) {
            sum += sorted[i];
        }
        return sum / (sorted.length - 2 * cut);
    }

    /**
     * The sample standard deviation after pulling every value into median ± {@code mads} · MADN, so that a few outlying
     * runs widen the spread only as far as an ordinary run at that fence would.
     */
    public static double winsorisedStandardDeviation(double[] values, double mads) {
        requireValues(values);
        return winsorisedStandardDeviationOfSorted(sorted(values), mads);
    }

    static double winsorisedStandardDeviationOfSorted(double[] sorted, double mads) {
        int n = sorted.length;
        double median = medianOfSorted(sorted);
        double[] deviations = new double[n];
        for (int i = 0; i < n; i++) {
            deviations[i] = Math.abs(sorted[i] - median);
        }
        double fence = mads * MAD_TO_SD * medianInPlace(deviations);
        if (n < 2) {
            return 0;
        }
        double sum = 0;
        for (double v : sorted) {
            sum += Math.max(median - fence, Math.min(median + fence, v));
        }
        double mean = sum / n;
        double ss = 0;
        for (double v : sorted) {
            double c = Math.max(median - fence, Math.min(median + fence, v)) - mean;
            ss += c * c;
        }
        return Math.sqrt(ss / (n - 1));
    }

    public static double min(double[] values) {
        requireValues(values);
        return Arrays.stream(values).min().orElseThrow();
    }

    public static double max(double[] values) {
        requireValues(values);
        return Arrays.stream(values).max().orElseThrow();
    }

    static double[] sorted(double[] values) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }

    private static void requireValues(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
    }
}
