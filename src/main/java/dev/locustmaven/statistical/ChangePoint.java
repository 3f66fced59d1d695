package dev.locustmaven.statistical;

/**
 * A shift in a series: the level from {@code index} on differs from the level before it.
 *
 * @param index the first run of the new level (0-based position in the analysed series)
 * @param meanBefore the mean of the segment before the change (up to the previous change point)
 * @param meanAfter the mean of the segment after the change (up to the next change point)
 * @param stdBefore the population standard deviation of the segment before
 * @param stdAfter the population standard deviation of the segment after
 * @param pValue the two-sided Student t-test p-value of the two segments
 */
public record ChangePoint(
        int index, double meanBefore, double meanAfter, double stdBefore, double stdAfter, double pValue) {

    /** The relative change from before to after: {@code +0.2} is 20% higher. 0 when the mean before is 0. */
    public double relativeChange() {
        return meanBefore == 0 ? 0 : meanAfter / meanBefore - 1;
    }

    /** Otava's magnitude: the larger of |after/before − 1| and |before/after − 1|. */
    public double magnitude() {
        double forward = meanBefore == 0 ? 0 : Math.abs(meanAfter / meanBefore - 1);
        double backward = meanAfter == 0 ? 0 : Math.abs(meanBefore / meanAfter - 1);
        return Math.max(forward, backward);
    }
}
