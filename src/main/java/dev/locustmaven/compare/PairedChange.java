package dev.locustmaven.compare;

import dev.locustmaven.sampling.ChangeBounds;
import java.util.Objects;

/**
 * The change from base to change over the pairs, with its one-sided confidence bounds.
 *
 * <p>The bounds are the wider, on each side, of two intervals that are each valid on their own: the t interval of the
 * per-pair changes ({@code betweenPairs}) and the interval of the runs' sampling error ({@code sampling}); see {@link
 * PairedStatistics} for why the wider one rather than a sum.
 *
 * @param estimate a ratio (the geometric mean of the per-pair ratios) or a difference (the mean of the per-pair
 *     differences)
 * @param betweenPairs the t interval from the spread of the per-pair changes; {@code null} with one pair, where there
 *     is no spread to read
 * @param sampling the interval from the runs' own samples (histograms, request counts), pooled per side
 */
public record PairedChange(Measure measure, double estimate, ChangeBounds betweenPairs, ChangeBounds sampling) {

    public PairedChange {
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(sampling, "sampling");
    }

    /** The least change the data support at the confidence; 0 (a ratio) or minus infinity where nothing bounds it. */
    public double lower() {
        return betweenPairs == null ? sampling.lower() : Math.min(betweenPairs.lower(), sampling.lower());
    }

    /** The greatest change the data support at the confidence; may be infinite. */
    public double upper() {
        return betweenPairs == null ? sampling.upper() : Math.max(betweenPairs.upper(), sampling.upper());
    }

    /** True when the interval includes no change (a ratio of 1, a difference of 0). */
    public boolean includesNoChange() {
        double none = measure == Measure.RATIO ? 1 : 0;
        return lower() <= none && none <= upper();
    }
}
