package dev.locustmaven.statistical;

/**
 * The Benjamini-Hochberg step-up procedure: keeps the expected share of false alarms among the flagged series at q.
 * Looser than {@link HolmCorrection}, so it decides warnings, never failures.
 */
public final class BenjaminiHochberg {

    private BenjaminiHochberg() {}

    /** Which hypotheses are rejected at false-discovery rate {@code q}. NaN p-values are never rejected. */
    public static boolean[] reject(double[] pValues, double q) {
        Integer[] order = HolmCorrection.validIndicesByP(pValues);
        int m = order.length;
        int largest = -1;
        for (int rank = 0; rank < m; rank++) {
            if (pValues[order[rank]] <= q * (rank + 1) / m) {
                largest = rank;
            }
        }
        boolean[] rejected = new boolean[pValues.length];
        for (int rank = 0; rank <= largest; rank++) {
            rejected[order[rank]] = true;
        }
        return rejected;
    }
}
