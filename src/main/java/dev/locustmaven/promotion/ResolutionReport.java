package dev.locustmaven.promotion;

import dev.locustmaven.model.Baseline;
import dev.locustmaven.model.Measurement;
import dev.locustmaven.model.Measurements;
import dev.locustmaven.model.MetricFormat;
import dev.locustmaven.thresholds.BaselineResolution;
import dev.locustmaven.thresholds.BaselineResolution.Reach;
import dev.locustmaven.thresholds.Gate;
import dev.locustmaven.thresholds.ThresholdRule;
import dev.locustmaven.thresholds.ThresholdRules;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * What {@code locust:baseline} says after promoting: per relative fail level on a latency, the smallest slowdown of
 * every request that fails it beyond sampling error, with one run and with a run as long as you like, and what to do
 * when the baseline's own requests keep that well above the level. A user learns it before a doubling passes as an
 * inconclusive warning.
 *
 * @param lines the table, thinnest first; empty when no rule judges a latency with a histogram
 * @param advice what would narrow a thin baseline's reach; empty when none is thin
 */
public record ResolutionReport(List<String> lines, List<String> advice) {

    /** When one run fails only on a slowdown this much beyond the fail level (1.6 x 1.10 for +60%), the data are thin. */
    static final double THIN = 1.10;

    /** A run as long as you like reaching this much further than one run says that more requests per run help. */
    static final double LONGER_RUN_HELPS = 1.01;

    /** Beyond this many lines the rest are counted. */
    static final int SHOWN = 10;

    public ResolutionReport {
        lines = List.copyOf(lines);
        advice = List.copyOf(advice);
    }

    /**
     * @param baselineRuns the runs the baseline was promoted from (1 for the results directory)
     */
    public static ResolutionReport of(
            Baseline baseline, List<ThresholdRule> rules, int baselineRuns, boolean significance, double confidence) {
        List<Measurement> measurements = new ArrayList<>();
        baseline.values().forEach((key, value) -> measurements.add(new Measurement(key, value, baseline.sample(key))));
        List<Reach> reaches = BaselineResolution.of(
                new ThresholdRules(rules), Measurements.of(measurements), baselineRuns, significance, confidence);
        if (reaches.isEmpty()) {
            return new ResolutionReport(List.of(), List.of());
        }
        List<String> lines = new ArrayList<>();
        lines.add("Fail levels against this baseline, beyond sampling error at "
                + MetricFormat.number(confidence * 100)
                + "% confidence: the smallest slowdown of every request that fails each, from one run and from a run"
                + " as long as you like");
        reaches.stream().limit(SHOWN).forEach(reach -> lines.add("  " + line(reach)));
        if (reaches.size() > SHOWN) {
            lines.add("  and " + (reaches.size() - SHOWN) + " more");
        }
        List<String> advice = reaches.stream()
                .filter(reach -> reach.margin() >= THIN)
                .map(reach -> advice(reach, baselineRuns))
                .toList();
        return new ResolutionReport(lines, advice);
    }

    private static String line(Reach reach) {
        return Gate.subject(reach.key()) + ", fail " + reach.fail().text() + ": " + slowdown(reach.oneRun())
                + " from one run of " + reach.runRequests() + " requests, " + slowdown(reach.longRun()) + " at best ("
                + reach.baselineRequests() + " requests in the baseline)";
    }

    /**
     * What narrows a thin reach: more requests per run when a longer run would reach further, a baseline from several
     * runs when it came from one; when neither applies, only a baseline of more requests does.
     */
    private static String advice(Reach reach, int baselineRuns) {
        List<String> fixes = new ArrayList<>();
        if (reach.oneRun().orElse(Double.POSITIVE_INFINITY)
                >= reach.longRun().orElse(Double.POSITIVE_INFINITY) * LONGER_RUN_HELPS) {
            fixes.add("more requests per run (a longer runTime or more users; confirmation reruns pool theirs)");
        }
        if (baselineRuns <= 1) {
            fixes.add("a baseline from several runs (mvn locust:baseline -Dlocust.baselineRuns=5 once the history has 5"
                    + " comparable runs)");
        }
        if (fixes.isEmpty()) {
            fixes.add("a baseline of more requests (promoted from more runs, or from runs with more requests)");
        }
        return Gate.subject(reach.key()) + ": from one run of " + reach.runRequests() + " requests only a slowdown of "
                + slowdown(reach.oneRun()) + " or more fails its fail level "
                + reach.fail().text() + " ("
                + slowdown(reach.longRun()) + " however long the run, with the baseline's " + reach.baselineRequests()
                + " requests); narrow it with " + String.join(", or with ", fixes) + ".";
    }

    /** A slowdown factor as the change levels read: {@code +77%}; beyond reach when there is none. */
    private static String slowdown(OptionalDouble factor) {
        return factor.isPresent()
                ? "+" + Math.round((factor.getAsDouble() - 1) * 100) + "%"
                : "more than +" + Math.round((BaselineResolution.MAX_FACTOR - 1) * 100) + "%";
    }
}
