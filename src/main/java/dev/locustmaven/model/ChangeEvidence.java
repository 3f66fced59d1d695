package dev.locustmaven.model;

/**
 * How far sampling error lets a check's change be trusted: the change's confidence bounds and the requests behind
 * both sides.
 *
 * @param runRequests requests behind the run's value
 * @param baselineRequests requests behind the baseline's value; 0 when the baseline records no sample (judged exact)
 * @param lower the least change the data support at the confidence: a relative change in percent for a relative
 *     level, a difference in the metric's unit for an absolute one; may be infinite
 * @param upper the greatest
 * @param confidence one-sided, e.g. 0.95
 * @param conclusive false when the value breaks the fail level but sampling error cannot rule out that it does not
 * @param requestsToDecide roughly how many requests would settle an inconclusive breach; {@code null} when unknown
 * @param baselineToo true when the baseline would need about as many requests too: a longer run alone would not
 *     settle it
 * @param approximate true when a side's sample was rebuilt from Locust's percentile columns (CSV input)
 * @param basis what {@code lower} and {@code upper} bound: the compared value itself, or the response times as a whole
 */
public record ChangeEvidence(
        long runRequests,
        long baselineRequests,
        double lower,
        double upper,
        double confidence,
        boolean conclusive,
        Long requestsToDecide,
        boolean baselineToo,
        boolean approximate,
        Basis basis) {

    /** What the bounds of a change were computed from. */
    public enum Basis {
        /** The compared value's own sampling error: a percentile's order statistics, an average's t, a rate's binomial. */
        VALUE,
        /**
         * The shift of the response times as a whole (every run request against every baseline request); a change that
         * scales them alike moves a percentile or an average by the same factor.
         */
        RESPONSE_TIMES
    }
}
