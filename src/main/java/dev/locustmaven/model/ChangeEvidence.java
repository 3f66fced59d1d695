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
 * @param responseTimes how far the response times as a whole moved, when the check weighed them (a relative level on
 *     a percentile below the maximum or an average, with both sides' histograms); {@code null} otherwise
 * @param reference what the bounds are set against when it is not the baseline: the median of the comparable
 *     history's last runs, which decided a breach the baseline's own sampling error left open; {@code null} against
 *     the baseline. {@code baselineRequests} then counts the requests of those runs
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
        Basis basis,
        Shift responseTimes,
        Reference reference) {

    /** Evidence against the baseline. */
    public ChangeEvidence(
            long runRequests,
            long baselineRequests,
            double lower,
            double upper,
            double confidence,
            boolean conclusive,
            Long requestsToDecide,
            boolean baselineToo,
            boolean approximate,
            Basis basis,
            Shift responseTimes) {
        this(
                runRequests,
                baselineRequests,
                lower,
                upper,
                confidence,
                conclusive,
                requestsToDecide,
                baselineToo,
                approximate,
                basis,
                responseTimes,
                null);
    }

    /**
     * The history's usual value that a change was set against instead of the baseline's.
     *
     * @param runs how many earlier runs
     * @param value the median of their values
     */
    public record Reference(int runs, double value) {}

    /**
     * The shift of every run request against every baseline request, in percent.
     *
     * @param change the estimate (+70.0 is 1.7 times as long)
     * @param lower its lower confidence bound; may be -100 when the requests cannot bound it
     * @param upper its upper confidence bound; may be infinite
     */
    public record Shift(double change, double lower, double upper) {}

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

    /** This evidence with its breach left open: a later layer found that sampling error cannot settle it. */
    public ChangeEvidence leftOpen() {
        return new ChangeEvidence(
                runRequests,
                baselineRequests,
                lower,
                upper,
                confidence,
                false,
                requestsToDecide,
                baselineToo,
                approximate,
                basis,
                responseTimes,
                reference);
    }
}
