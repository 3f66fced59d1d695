package dev.locustmaven.thresholds;

import dev.locustmaven.model.ChangeEvidence;
import dev.locustmaven.model.Check;
import dev.locustmaven.model.Status;
import java.util.Optional;

/**
 * A warning whose fail level sampling error leaves open: the value breaks the warning level beyond sampling error but
 * stays short of the fail level, while the change's bounds (its own, and those of the response times as a whole where
 * the check weighed them) still reach the fail level. On a thin endpoint against a baseline that drew high, a real
 * regression past the fail level looks like this after one run; more requests tell it apart from one that is not. A
 * warning the history decided against the usual value ({@link HistoryWitness}) is open in the same way, whatever its
 * value against the baseline.
 */
public final class OpenFailLevel {

    private OpenFailLevel() {}

    /** True when the check is such a warning; false for every other check, and for rules whose levels it cannot read. */
    public static boolean test(Check check) {
        ChangeEvidence evidence = check.evidence();
        if (check.status() != Status.WARN || evidence == null || !evidence.conclusive()) {
            return false;
        }
        Optional<ThresholdLevel> fail = RuleText.fail(check.rule());
        Optional<ThresholdLevel> warning = RuleText.warning(check.rule());
        if (fail.isEmpty()
                || warning.isEmpty()
                || fail.get().getClass() != warning.get().getClass()) {
            // the evidence is in the warning level's terms: a percent cannot be set against a fail level in ms
            return false;
        }
        // a warning the history decided holds against the usual value only: its value may break the fail level
        // against the baseline, where the baseline's sampling error left it open, and more requests may decide it
        boolean decidedByHistory = evidence.reference() != null;
        if (fail.get() instanceof ThresholdLevel.RelativeChange relative) {
            boolean rise = relative.percent() > 0;
            ChangeEvidence.Shift shift = evidence.responseTimes();
            return check.changePct() != null
                    && (decidedByHistory || !relative.reachedBy(check.changePct()))
                    && relative.reachedBy(rise ? evidence.upper() : evidence.lower())
                    && (shift == null || relative.reachedBy(rise ? shift.upper() : shift.lower()));
        }
        if (fail.get() instanceof ThresholdLevel.AbsoluteChange absolute) {
            boolean rise = absolute.amount() > 0;
            return check.delta() != null
                    && (decidedByHistory || !absolute.reachedBy(check.delta()))
                    && absolute.reachedBy(rise ? evidence.upper() : evidence.lower());
        }
        return false;
    }
}
