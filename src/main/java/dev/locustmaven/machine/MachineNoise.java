package dev.locustmaven.machine;

import dev.locustmaven.model.Check;
import dev.locustmaven.model.MetricFormat;
import dev.locustmaven.model.MetricKey;
import dev.locustmaven.model.Status;
import dev.locustmaven.model.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The verdict in the light of the machine's calibration: a pure function of the verdict and the comparison of this
 * build's calibration with the usual ones.
 *
 * <ul>
 *   <li>Without a comparison (too little history) or on a machine of its usual speed, the verdict is returned as it
 *       is.
 *   <li>On a machine far from its usual speed the verdict gets a warning with the figures ({@link
 *       MachineComparison#warning}).
 *   <li>On a slower machine, with {@link MachineMode#RECLASSIFY}, a latency failure that every endpoint of a service
 *       shares is reported as WARN, "machine slower than usual", instead of FAIL. A service qualifies when its
 *       latency checks (metrics ending in {@code _ms}) that the rules judged (PASS, WARN or FAIL) cover at least
 *       {@value #MIN_ENDPOINTS} endpoints and every one of them FAILed with a value above its baseline. One endpoint
 *       that passes or only warns, one that got faster, keeps every failure of the service a FAIL: that is what a
 *       regression of the code looks like. Other metrics (throughput, errors) are never reclassified.
 *   <li>On an overloaded machine ({@link MachineComparison#overloaded}), with {@link MachineMode#RECLASSIFY}, every
 *       latency failure of the rules with a value above its baseline is reported as WARN, "machine overloaded": a
 *       machine several times slower than when quiet stretches every latency by more than the levels a team sets,
 *       so its latencies cannot tell a regression from the load. The build after, on a machine of its usual speed,
 *       judges them again.
 *   <li>Either way a failure that goes beyond the slowdown its service's other endpoints share ({@link
 *       SharedSlowdown}) stays a FAIL: a regression of one endpoint on a busy machine is still a regression.
 * </ul>
 */
public final class MachineNoise {

    /** The endpoints whose latency checks must all have failed: one endpoint alone cannot show a shared cause. */
    public static final int MIN_ENDPOINTS = 2;

    private static final String SLOWER = "Machine slower than usual, not counted as a regression: ";
    private static final String OVERLOADED = "Machine overloaded, not counted as a regression: ";

    private MachineNoise() {}

    /**
     * {@link #apply(Verdict, Optional, MachineMode, Predicate, Function)} with every check counted as a rule's, and
     * endpoints named by the checks' keys only.
     */
    public static Verdict apply(Verdict verdict, Optional<MachineComparison> comparison, MachineMode mode) {
        return apply(verdict, comparison, mode, check -> true, MetricKey::endpoint);
    }

    /**
     * @param comparison this build's calibration against the usual ones; empty when the history has too few
     * @param ruleChecks which checks are the rules' verdicts on a metric and so speak for the service (the caller
     *     leaves out checks of other layers, such as the statistical gate's, which corrects for a common shift
     *     itself); only these decide, and only these are reclassified
     * @param endpointOf the endpoint a latency metric measures: its key's, or for a metric the project defined on some
     *     of a service's requests (`index_p95_ms`) those requests; null for the service as a whole
     */
    public static Verdict apply(
            Verdict verdict,
            Optional<MachineComparison> comparison,
            MachineMode mode,
            Predicate<Check> ruleChecks,
            Function<MetricKey, String> endpointOf) {
        Objects.requireNonNull(verdict, "verdict");
        if (mode == MachineMode.OFF || comparison.isEmpty()) {
            return verdict;
        }
        MachineComparison machine = comparison.get();
        Optional<String> warning = machine.warning();
        if (warning.isEmpty()) {
            return verdict;
        }
        List<String> warnings = new ArrayList<>(verdict.warnings());
        if (mode == MachineMode.RECLASSIFY && machine.overloaded()) {
            return overloaded(verdict, machine, warning.get(), warnings, ruleChecks, endpointOf);
        }
        Map<String, List<Check>> shared = mode == MachineMode.RECLASSIFY && machine.slower()
                ? sharedFailures(verdict, ruleChecks, endpointOf)
                : Map.of();
        if (shared.isEmpty()) {
            warnings.add(warning.get());
            return new Verdict(verdict.level(), verdict.checks(), warnings);
        }
        Map<Check, Check> replaced = new LinkedHashMap<>();
        Map<String, Integer> reclassified = new LinkedHashMap<>();
        shared.forEach((service, checks) -> {
            String why = " All " + checks.size() + " latency checks of " + service + " ("
                    + endpoints(checks, endpointOf).size() + " endpoints) failed, on a machine slower than usual: "
                    + machine.figures() + ".";
            SharedSlowdown slowdown = SharedSlowdown.of(checks, endpointOf);
            for (Check check : checks) {
                Check judged = judged(check, service, slowdown.beyond(check), SLOWER, why, "slower than usual");
                replaced.put(check, judged);
                if (judged.status() == Status.WARN) {
                    reclassified.merge(service, 1, Integer::sum);
                }
            }
        });
        warnings.add(warning.get() + " " + reclassified(reclassified, replaced.size() - total(reclassified)));
        List<Check> checks = verdict.checks().stream()
                .map(check -> replaced.getOrDefault(check, check))
                .toList();
        return Verdict.of(checks, warnings);
    }

    /**
     * Every latency failure of the rules above its baseline, as a warning, unless it goes beyond what the service's
     * other endpoints share.
     */
    private static Verdict overloaded(
            Verdict verdict,
            MachineComparison machine,
            String warning,
            List<String> warnings,
            Predicate<Check> ruleChecks,
            Function<MetricKey, String> endpointOf) {
        Map<String, SharedSlowdown> services = new LinkedHashMap<>();
        latencyChecks(verdict, ruleChecks)
                .forEach((service, checks) -> services.put(service, SharedSlowdown.of(checks, endpointOf)));
        String why = " The machine was " + Figures.number(machine.slowdown()) + " times as slow as when quiet: "
                + machine.figures() + ".";
        Map<Check, Check> replaced = new LinkedHashMap<>();
        int reclassified = 0;
        for (Check check : verdict.checks()) {
            if (ruleChecks.test(check) && isLatency(check) && failedSlower(check)) {
                String service = check.key().service();
                Check judged =
                        judged(check, service, services.get(service).beyond(check), OVERLOADED, why, "overloaded");
                replaced.put(check, judged);
                if (judged.status() == Status.WARN) {
                    reclassified++;
                }
            }
        }
        if (replaced.isEmpty()) {
            warnings.add(warning);
            return new Verdict(verdict.level(), verdict.checks(), warnings);
        }
        int kept = replaced.size() - reclassified;
        warnings.add(warning
                + (reclassified == 0
                        ? ""
                        : " Its " + reclassified + " latency failure"
                                + (reclassified == 1 ? " is" : "s are")
                                + " reported as warnings, not as regressions: a machine this slow cannot tell a regression"
                                + " from the load (locust.machineCalibration=warn keeps them failures).")
                + stayFailures(kept));
        List<Check> checks = verdict.checks().stream()
                .map(check -> replaced.getOrDefault(check, check))
                .toList();
        return Verdict.of(checks, warnings);
    }

    /** Per service, in the verdict's order, the latency checks of the rules that judged a value. */
    private static Map<String, List<Check>> latencyChecks(Verdict verdict, Predicate<Check> ruleChecks) {
        Map<String, List<Check>> latency = new LinkedHashMap<>();
        for (Check check : verdict.checks()) {
            if (ruleChecks.test(check) && isLatency(check) && isJudged(check)) {
                latency.computeIfAbsent(check.key().service(), s -> new ArrayList<>())
                        .add(check);
            }
        }
        return latency;
    }

    /** Per service, in the verdict's order, the latency checks of the services whose every endpoint failed. */
    static Map<String, List<Check>> sharedFailures(
            Verdict verdict, Predicate<Check> ruleChecks, Function<MetricKey, String> endpointOf) {
        Map<String, List<Check>> shared = new LinkedHashMap<>();
        latencyChecks(verdict, ruleChecks).forEach((service, checks) -> {
            if (endpoints(checks, endpointOf).size() >= MIN_ENDPOINTS
                    && checks.stream().allMatch(MachineNoise::failedSlower)) {
                shared.put(service, checks);
            }
        });
        return shared;
    }

    static boolean isLatency(Check check) {
        return check.key().metric().endsWith("_ms");
    }

    private static boolean isJudged(Check check) {
        return check.status() == Status.PASS || check.status() == Status.WARN || check.status() == Status.FAIL;
    }

    /** FAIL with a value above the baseline: a latency that rose. A fixed limit without a baseline does not tell. */
    private static boolean failedSlower(Check check) {
        return check.status() == Status.FAIL && check.delta() != null && check.delta() > 0;
    }

    private static Set<String> endpoints(List<Check> checks, Function<MetricKey, String> endpointOf) {
        Set<String> endpoints = new TreeSet<>();
        checks.stream()
                .map(c -> endpointOf.apply(c.key()))
                .filter(Objects::nonNull)
                .forEach(endpoints::add);
        return endpoints;
    }

    private static Check asWarning(Check check, String prefix, String why) {
        return check.rejudged(Status.WARN, prefix + messageOf(check) + why);
    }

    private static String messageOf(Check check) {
        return check.message() == null ? check.key().displayName() : check.message();
    }

    /**
     * A latency failure on a slower or overloaded machine: still a FAIL when the rest beyond what its service's other
     * endpoints share conclusively breaks its fail level; else a warning, left open (and so confirmed by reruns where
     * the build has them) when that rest breaks the fail level by its value only, or the warning level.
     */
    private static Check judged(
            Check check,
            String service,
            Optional<SharedSlowdown.Beyond> beyond,
            String prefix,
            String why,
            String machine) {
        if (beyond.isEmpty()) {
            return asWarning(check, prefix, why);
        }
        SharedSlowdown.Beyond rest = beyond.get();
        String shared = " The other endpoints of " + service + " rose x" + Figures.number(rest.sharedFactor())
                + " (their median) on this machine, " + machine + "; beyond that this one ";
        if (rest.conclusive()) {
            return check.rejudged(
                    Status.FAIL,
                    messageOf(check) + shared + "still rose " + (rest.bounded() ? "at least " : "")
                            + MetricFormat.signedPercent(rest.leastPct()) + ", past the fail level "
                            + rest.failLevel().text() + ", so it stays a failure.");
        }
        String open;
        if (rest.breaksFailLevel()) {
            String least = rest.leastPct() <= -100
                    ? "but sampling error cannot bound it"
                    : "but at " + MetricFormat.number(check.evidence().confidence() * 100)
                            + "% confidence perhaps only " + MetricFormat.signedPercent(rest.leastPct());
            open = "rose " + MetricFormat.signedPercent(rest.byValuePct()) + ", past the fail level "
                    + rest.failLevel().text() + " by its value, " + least
                    + ": sampling error leaves open whether that is the code's.";
        } else {
            open = "rose " + MetricFormat.signedPercent(rest.byValuePct()) + ", past the warning level "
                    + rest.level().text() + " (fail " + rest.failLevel().text()
                    + "): too far from what they share to call it the machine's alone.";
        }
        return check.rejudged(
                Status.WARN,
                prefix + messageOf(check) + why + shared + open,
                check.evidence() == null ? null : check.evidence().leftOpen());
    }

    private static String stayFailures(int kept) {
        return kept == 0
                ? ""
                : " " + kept + " latency failure" + (kept == 1 ? " goes" : "s go")
                        + " beyond what the other endpoints of " + (kept == 1 ? "its" : "their")
                        + " service share and " + (kept == 1 ? "stays a failure." : "stay failures.");
    }

    private static int total(Map<String, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static String reclassified(Map<String, Integer> reclassified, int kept) {
        if (reclassified.isEmpty()) {
            return stayFailures(kept).substring(1);
        }
        List<String> parts = new ArrayList<>();
        reclassified.forEach(
                (service, count) -> parts.add(service + " (" + count + " check" + (count == 1 ? "" : "s") + ")"));
        String services = parts.size() == 1
                ? parts.get(0)
                : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
        return "The latency failures that every endpoint of " + services + " shares are reported as warnings, not as"
                + " regressions (locust.machineCalibration=warn keeps them failures)." + stayFailures(kept);
    }
}
