package dev.locustmaven.statistical;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Holm's step-down correction: controls the chance of even one false alarm among all the tests of a build (the
 * family-wise error rate) at α, whatever the dependence between the tests, and rejects at least as much as Bonferroni.
 */
public final class HolmCorrection {

    private HolmCorrection() {}

    /** Which hypotheses Holm rejects at family-wise level {@code alpha}. NaN p-values are never rejected. */
    public static boolean[] reject(double[] pValues, double alpha) {
        double[] adjusted = adjust(pValues);
        boolean[] rejected = new boolean[pValues.length];
        for (int i = 0; i < pValues.length; i++) {
            rejected[i] = adjusted[i] <= alpha;
        }
        return rejected;
    }

    /**
     * Holm-adjusted p-values: the smallest family-wise level at which each hypothesis would be rejected. NaN stays NaN
     * and does not count towards the family size.
     */
    public static double[] adjust(double[] pValues) {
        Integer[] order = validIndicesByP(pValues);
        int m = order.length;
        double[] adjusted = new double[pValues.length];
        Arrays.fill(adjusted, Double.NaN);
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            int i = order[rank];
            running = Math.max(running, Math.min(1, (m - rank) * pValues[i]));
            adjusted[i] = running;
        }
        return adjusted;
    }

    static Integer[] validIndicesByP(double[] pValues) {
        return IntStream.range(0, pValues.length)
                .filter(i -> !Double.isNaN(pValues[i]))
                .boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> pValues[i]).thenComparingInt(i -> i))
                .toArray(Integer[]::new);
    }
}
