package dev.locustmaven.promotion;

import dev.locustmaven.model.Measurements;
import dev.locustmaven.model.MetricFormat;
import dev.locustmaven.thresholds.FailLevelReach;
import dev.locustmaven.thresholds.FailLevelReach.Reach;
import dev.locustmaven.thresholds.ThresholdRule;
import dev.locustmaven.thresholds.ThresholdRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * What {@code locust:baseline} says after promoting: per relative fail level on a latency, the smallest slowdown of
 * every request that fails it beyond sampling error, with one run and with a run as long as you like, and what narrows
 * it where the data are thin. A user learns it before a doubling passes as an inconclusive warning.
 *
 * @param lines the table, thinnest first; empty when no rule judges a latency with a histogram
 * @param advice what would narrow each thin reach; empty when none is thin
 */
public record ReachReport(List<String> lines, List<String> advice) {

    /** When one run fails only on a slowdown this much beyond the fail level (1.6 x 1.10 for +60%), the data are thin. */
    static final double THIN = 1.10;

    /** A run as long as you like reaching this much further than one run says that more requests per run help. */
    static final double LONGER_RUN_HELPS = 1.01;

    /** Beyond this many lines (of the table, and of the advice) the rest are counted. */
    static final int SHOWN = 10;

    public ReachReport {
        lines = List.copyOf(lines);
        advice = List.copyOf(advice);
    }

    /**
     * @param promoted the values promoted now, with their samples
     * @param baselineRuns the runs the baseline was promoted from (1 for the results directory)
     * @param significance the plugin-wide setting; a rule's own overrides it
     */
    public static ReachReport of(
            Measurements promoted,
            List<ThresholdRule> rules,
            int baselineRuns,
            boolean significance,
            double confidence) {
        List<Reach> reaches =
                FailLevelReach.of(new ThresholdRules(rules), promoted, baselineRuns, significance, confidence);
        if (reaches.isEmpty()) {
            return new ReachReport(List.of(), List.of());
        }
        List<String> lines = new ArrayList<>();
        lines.add("Fail levels against this baseline, beyond sampling error at " + MetricFormat.number(confidence * 100)
                + "% confidence: the smallest slowdown of every request that fails each, from one run and from a run"
                + " as long as you like");
        reaches.stream().limit(SHOWN).forEach(reach -> lines.add("  " + line(reach)));
        if (reaches.size() > SHOWN) {
            lines.add("  and " + (reaches.size() - SHOWN) + " more");
        }
        List<Reach> thin =
                reaches.stream().filter(reach -> reach.margin() >= THIN).toList();
        List<String> advice = new ArrayList<>();
        thin.stream().limit(SHOWN).forEach(reach -> advice.add(advice(reach, baselineRuns)));
        if (thin.size() > SHOWN) {
            advice.add("and " + (thin.size() - SHOWN) + " more fail levels as thin");
        }
        return new ReachReport(lines, advice);
    }

    private static String line(Reach reach) {
        return reach.key().subject() + ", fail " + reach.fail().text() + ": " + slowdown(reach.oneRun())
                + " from one run of " + reach.runRequests() + " requests, " + slowdown(reach.longRun()) + " at best ("
                + reach.baselineRequests() + " requests in the baseline)";
    }

    /**
     * What narrows a thin reach: more requests per run when a longer run would reach further, a baseline from several
     * runs when it came from one; when neither applies, only a baseline of more requests does.
     */
    private static String advice(Reach reach, int baselineRuns) {
        List<String> fixes = new ArrayList<>();
        if (reach.longRun().isPresent()
                && reach.oneRun().orElse(Double.POSITIVE_INFINITY)
                        >= reach.longRun().getAsDouble() * LONGER_RUN_HELPS) {
            fixes.add("more requests per run (a longer runTime or more users; confirmation reruns pool theirs)");
        }
        if (baselineRuns <= 1) {
            fixes.add("a baseline from several runs (mvn locust:baseline -Dlocust.baselineRuns=5 once the history has 5"
                    + " comparable runs)");
        }
        if (fixes.isEmpty()) {
            fixes.add("a baseline of more requests (promoted from more runs, or from runs with more requests)");
        }
        String reaches = reach.oneRun().isPresent()
                ? "only a slowdown of " + slowdown(reach.oneRun()) + " or more fails"
                : "no slowdown up to " + slowdown(OptionalDouble.of(FailLevelReach.MAX_FACTOR)) + " fails";
        return reach.key().subject() + ": from one run of " + reach.runRequests() + " requests " + reaches
                + " its fail level " + reach.fail().text() + " (" + slowdown(reach.longRun())
                + " however long the run, with the baseline's " + reach.baselineRequests()
                + " requests); narrow it with " + String.join(", or with ", fixes) + ".";
    }

    /**
     * A slowdown as the change levels read, rounded up so that it never names a change that would not fail: {@code
     * +78%}, {@code +6.3%} below 10%; {@code more than +900%} when out of reach.
     */
    public static String slowdown(OptionalDouble factor) {
        if (factor.isEmpty()) {
            return "more than +" + Math.round((FailLevelReach.MAX_FACTOR - 1) * 100) + "%";
        }
        double percent = (factor.getAsDouble() - 1) * 100;
        return percent < 10
                ? String.format(Locale.ROOT, "+%.1f%%", Math.ceil(percent * 10 - 1e-9) / 10)
                : "+" + (long) Math.ceil(percent - 1e-9) + "%";
    }
}
