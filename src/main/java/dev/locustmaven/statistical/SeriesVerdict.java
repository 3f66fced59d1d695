package dev.locustmaven.statistical;

/**
 * The statistical layer's judgement of one series.
 *
 * @param immediate the prediction-interval test, null when not run
 * @param persistence the persistence test, null when not run (too little history)
 * @param runnerShiftRemoved true when the series was judged after removing its group's common shift
 * @param confirmationWanted true when a confirmation run would settle this series (the first run breached the looser
 *     confirmation level)
 * @param notTestedReason why the series was not tested, null when it was
 */
public record SeriesVerdict(
        String id,
        StatisticalStatus status,
        TestOutcome immediate,
        TestOutcome persistence,
        boolean runnerShiftRemoved,
        boolean confirmationWanted,
        String notTestedReason) {

    /** The plain-words reason: the most significant comparison, named by its gate, or why it was not tested. */
    public String message() {
        return notTestedReason != null ? notTestedReason : StatisticalGate.strongest(immediate, persistence);
    }
}
