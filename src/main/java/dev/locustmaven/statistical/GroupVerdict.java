package dev.locustmaven.statistical;

/**
 * The judgement of a group's common shift: whether all metrics of a group (e.g. every latency of a service) moved
 * together in this build, beyond how far whole builds usually move.
 *
 * @param group the group id
 * @param members how many series of the group the shift was estimated from
 * @param immediate the prediction-interval test of this build's shift, null when not run
 * @param persistence the persistence test of the recent shifts, null when not run
 */
public record GroupVerdict(
        String group,
        int members,
        StatisticalStatus status,
        TestOutcome immediate,
        TestOutcome persistence,
        boolean confirmationWanted) {

    /** The most significant comparison in plain words, or why the shift was not tested. */
    public String message() {
        return immediate == null && persistence == null
                ? "not tested: too few earlier builds with enough series of " + group
                : StatisticalGate.strongest(immediate, persistence);
    }
}
