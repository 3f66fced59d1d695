package dev.locustmaven.machine;

import dev.locustmaven.model.ChangeEvidence;
import dev.locustmaven.model.Check;
import dev.locustmaven.model.MetricKey;
import dev.locustmaven.model.MetricValue;
import dev.locustmaven.statistical.RobustStatistics;
import dev.locustmaven.thresholds.RuleText;
import dev.locustmaven.thresholds.ThresholdLevel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The slowdown a service's endpoints share, and which of its latency failures go beyond it.
 *
 * <p>A slower machine stretches every endpoint of a service by a similar factor; a regression of the code stretches
 * its own endpoint further. The factor an endpoint shares is the median of the factors (value over baseline) of the
 * service's other endpoints, so that the endpoint under suspicion does not pull it; an endpoint's factor is the median
 * of its checks'. What is left of a failure's value divided by that factor is the rest the machine does not explain:
 * when the least value its sampling error allows (its value where it has no bounds) leaves a rest that still breaks
 * the rule's fail level, and changes the metric by at least the rule's {@code minAbsoluteChange}, the failure is the
 * code's.
 */
final class SharedSlowdown {

    /**
     * The rest of a failure beyond the shared slowdown, when it breaks one of the rule's levels by its value.
     *
     * @param sharedFactor the median factor of the service's other endpoints
     * @param byValuePct the rest by the failure's value, as a change in percent
     * @param leastPct the rest by the least value its sampling error allows; equal to {@code byValuePct} for plain
     *     numbers, -100 when its sampling error bounds nothing
     * @param bounded true when the failure has sampling-error bounds, so that {@code leastPct} is a bound
     * @param level the level the rest breaks by its value: the fail level when it does, else the warning level
     * @param failLevel the rule's fail level
     * @param conclusive true when the rest by the least value breaks the fail level too: the failure is the code's
     */
    record Beyond(
            double sharedFactor,
            double byValuePct,
            double leastPct,
            boolean bounded,
            ThresholdLevel level,
            ThresholdLevel failLevel,
            boolean conclusive) {

        /** True when the rest breaks the fail level by its value. */
        boolean breaksFailLevel() {
            return level == failLevel;
        }
    }

    private final Map<String, Double> endpointFactors;
    private final Function<MetricKey, String> endpointOf;

    private SharedSlowdown(Map<String, Double> endpointFactors, Function<MetricKey, String> endpointOf) {
        this.endpointFactors = endpointFactors;
        this.endpointOf = endpointOf;
    }

    /**
     * @param latencyChecks the judged latency checks of one service
     * @param endpointOf the endpoint a check's metric measures; null for the service as a whole, which shares the
     *     factor of all its endpoints
     */
    static SharedSlowdown of(List<Check> latencyChecks, Function<MetricKey, String> endpointOf) {
        Map<String, List<Double>> factors = new LinkedHashMap<>();
        for (Check check : latencyChecks) {
            String endpoint = endpointOf.apply(check.key());
            Double factor = factor(check);
            if (endpoint != null && factor != null) {
                factors.computeIfAbsent(endpoint, e -> new ArrayList<>()).add(factor);
            }
        }
        Map<String, Double> endpointFactors = new LinkedHashMap<>();
        factors.forEach((endpoint, values) -> endpointFactors.put(endpoint, median(values)));
        return new SharedSlowdown(endpointFactors, endpointOf);
    }

    /**
     * The rest of this failure beyond what the other endpoints share, when it breaks the rule's fail or warning level
     * by its value; empty when the shared slowdown explains it, when no other endpoint tells what they share, or when
     * the rule's levels cannot be read.
     */
    Optional<Beyond> beyond(Check check) {
        Optional<ThresholdLevel> failLevel = RuleText.fail(check.rule());
        Double factor = factor(check);
        if (failLevel.isEmpty() || factor == null) {
            return Optional.empty();
        }
        String endpoint = endpointOf.apply(check.key());
        List<Double> others = endpointFactors.entrySet().stream()
                .filter(e -> !e.getKey().equals(endpoint))
                .map(Map.Entry::getValue)
                .toList();
        if (others.isEmpty()) {
            return Optional.empty();
        }
        double shared = median(others);
        double baseline = ((MetricValue.Numeric) check.baseline()).value();
        double value = ((MetricValue.Numeric) check.current()).value();
        double rest = value / shared;
        double floor = RuleText.minAbsoluteChange(check.rule()).orElse(0.0);
        Optional<ThresholdLevel> broken = breaks(failLevel.get(), rest, baseline, floor)
                ? failLevel
                : RuleText.warning(check.rule()).filter(warning -> breaks(warning, rest, baseline, floor));
        if (broken.isEmpty()) {
            return Optional.empty();
        }
        double least = leastValue(check, failLevel.get(), baseline, value) / shared;
        return Optional.of(new Beyond(
                shared,
                (rest / baseline - 1) * 100,
                (least / baseline - 1) * 100,
                check.evidence() != null,
                broken.get(),
                failLevel.get(),
                breaks(failLevel.get(), least, baseline, floor)));
    }

    /** As the gate judges a level: a change smaller than the rule's {@code minAbsoluteChange} does not count. */
    private static boolean breaks(ThresholdLevel level, double value, double baseline, double floor) {
        boolean changeLevel =
                level instanceof ThresholdLevel.RelativeChange || level instanceof ThresholdLevel.AbsoluteChange;
        if (changeLevel && Math.abs(value - baseline) < floor) {
            return false;
        }
        if (level instanceof ThresholdLevel.RelativeChange relative) {
            return relative.reachedBy((value / baseline - 1) * 100);
        }
        if (level instanceof ThresholdLevel.AbsoluteChange absolute) {
            return absolute.reachedBy(value - baseline);
        }
        return ((ThresholdLevel.Limit) level).breachedBy(MetricValue.of(value));
    }

    /**
     * The least value the check's sampling error allows: its change's lower bound (in percent for a relative level, in
     * the metric's unit for an absolute one) on top of the baseline, 0 when that bounds nothing; the value itself for
     * plain numbers.
     */
    private static double leastValue(Check check, ThresholdLevel failLevel, double baseline, double value) {
        ChangeEvidence evidence = check.evidence();
        if (evidence == null) {
            return value;
        }
        // bounds set against the history's usual value start from it
        double from =
                evidence.reference() == null ? baseline : evidence.reference().value();
        double least = failLevel instanceof ThresholdLevel.RelativeChange
                ? from * (1 + evidence.lower() / 100)
                : from + evidence.lower();
        return Double.isFinite(least) ? Math.max(0, Math.min(least, value)) : 0;
    }

    /** Value over baseline; null unless both are positive numbers. */
    private static Double factor(Check check) {
        if (check.baseline() instanceof MetricValue.Numeric baseline
                && check.current() instanceof MetricValue.Numeric current
                && baseline.value() > 0
                && current.value() > 0) {
            return current.value() / baseline.value();
        }
        return null;
    }

    private static double median(List<Double> values) {
        return RobustStatistics.median(
                values.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
