package dev.locustmaven.report.site;

/**
 * A shift in a series found by change-point detection over the whole history.
 *
 * @param first the first run at the new level
 * @param index the position of that run in the series, from 0
 * @param before the mean level of the segment before
 * @param after the mean level of the segment after
 * @param pValue the t-test p-value of the two segments
 */
public record DetectedChange(RunRef first, int index, double before, double after, double pValue) {

    /** The relative change in percent, or null when the level before is 0. */
    public Double changePct() {
        return before == 0 ? null : (after / before - 1) * 100;
    }
}
