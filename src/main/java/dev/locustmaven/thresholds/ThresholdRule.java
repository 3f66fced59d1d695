package dev.locustmaven.thresholds;

import dev.locustmaven.model.MetricFormat;
import dev.locustmaven.thresholds.ThresholdLevel.Direction;
import dev.locustmaven.thresholds.ThresholdLevel.Limit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One threshold rule ({@code <thresholds><threshold>…</threshold></thresholds>} in the pom, mapped onto this record by
 * the Maven layer); {@link #validate()} reports every problem at once.
 *
 * <ul>
 *   <li>{@code service}: a service name or glob; absent or {@code *}: every service.
 *   <li>{@code metric}: a metric name or glob ({@code *_p95_ms}); required.
 *   <li>{@code endpoint}: when set, the rule checks the metric of the matching endpoints (a name or glob, {@code *}
 *       for every endpoint) instead of the service aggregate.
 *   <li>{@code warning}, {@code fail}: {@linkplain ThresholdLevel level} texts; at least one.
 *   <li>{@code minAbsolute}: for relative levels against a zero baseline, where no relative change exists: the rule
 *       is breached only when the current value is above this floor. Without it a zero baseline never breaches a
 *       relative level.
 *   <li>{@code minAbsoluteChange}: a change level is not breached while the absolute change (current minus baseline)
 *       is smaller than this, so a tiny value cannot trip a relative rule (2 ms to 3 ms is +50%).
 *   <li>{@code allowMissing}: a metric the run lacks is shown as MISSING but does not fail the build.
 *   <li>{@code significance}: {@code on} (the plugin-wide default) judges a change level beyond sampling error only;
 *       {@code off} compares the values as plain numbers.
 * </ul>
 */
public record ThresholdRule(
        String service,
        String metric,
        String endpoint,
        String warning,
        String fail,
        Double minAbsolute,
        Double minAbsoluteChange,
        boolean allowMissing,
        String significance) {

    /** Blank texts mean "not set", and surrounding whitespace from the pom's layout is not part of a value. */
    public ThresholdRule {
        service = trimToNull(service);
        metric = trimToNull(metric);
        endpoint = trimToNull(endpoint);
        warning = trimToNull(warning);
        fail = trimToNull(fail);
        significance = trimToNull(significance);
    }

    /** The rule's own significance setting: empty when it follows the plugin-wide one. */
    Optional<Boolean> significanceSetting() {
        return Optional.ofNullable(significance).map(Significance::parse);
    }

    /** For example {@code service api_gateway, metric p95_latency_ms} (plus the endpoint when set). */
    public String describe() {
        return "service " + (service == null ? "*" : service) + (endpoint == null ? "" : ", endpoint " + endpoint)
                + ", metric " + (metric == null ? "(none)" : metric);
    }

    /** Every problem of this rule, each prefixed with the rule's description; empty when it is valid. */
    public List<String> validate() {
        return problems().stream()
                .map(problem -> "threshold (" + describe() + "): " + problem)
                .toList();
    }

    /** The rule's levels, parsed; call only on a valid rule. */
    Optional<ThresholdLevel> warningLevel() {
        return Optional.ofNullable(warning).map(ThresholdLevel::parse);
    }

    Optional<ThresholdLevel> failLevel() {
        return Optional.ofNullable(fail).map(ThresholdLevel::parse);
    }

    /** The problems without the rule's description. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (metric == null) {
            problems.add("metric is missing; name a metric (p95_latency_ms) or a pattern (*_p95_ms)");
        }
        if (warning == null && fail == null) {
            problems.add("neither warning nor fail is set; give at least one level, e.g. <warning>+20%</warning>");
        }
        ThresholdLevel warningLevel = parse("warning", warning, problems);
        ThresholdLevel failLevel = parse("fail", fail, problems);
        if (warningLevel != null && failLevel != null) {
            checkTogether(warningLevel, failLevel, problems);
        }
        List<ThresholdLevel> levels = new ArrayList<>();
        Optional.ofNullable(warningLevel).ifPresent(levels::add);
        Optional.ofNullable(failLevel).ifPresent(levels::add);
        if (minAbsolute != null
                && levels.stream().noneMatch(l -> l instanceof ThresholdLevel.RelativeChange)
                && !levels.isEmpty()) {
            problems.add("minAbsolute " + MetricFormat.number(minAbsolute)
                    + " applies only to relative levels (such as +20%), and this rule has none");
        }
        if (significance != null && !Significance.isValid(significance)) {
            problems.add("significance must be on or off, not '" + significance + "'");
        }
        if (minAbsoluteChange != null) {
            if (minAbsoluteChange < 0) {
                problems.add("minAbsoluteChange must not be negative, found " + MetricFormat.number(minAbsoluteChange));
            } else if (!levels.isEmpty() && levels.stream().noneMatch(ThresholdLevel::needsBaseline)) {
                problems.add("minAbsoluteChange " + MetricFormat.number(minAbsoluteChange)
                        + " applies only to change levels (such as +20% or +0.5), and this rule has none");
            }
        }
        return problems;
    }

    private static ThresholdLevel parse(String field, String text, List<String> problems) {
        if (text == null) {
            return null;
        }
        try {
            return ThresholdLevel.parse(text);
        } catch (InvalidThresholdException e) {
            problems.add(field + " " + e.getMessage());
            return null;
        }
    }

    private void checkTogether(ThresholdLevel warningLevel, ThresholdLevel failLevel, List<String> problems) {
        String pair = "warning '" + warning + "' and fail '" + fail + "'";
        boolean warningBoolean = warningLevel instanceof Limit l && l.isBoolean();
        boolean failBoolean = failLevel instanceof Limit l && l.isBoolean();
        if (warningBoolean != failBoolean) {
            problems.add(pair + " mix a boolean level (== true/false) with a numeric one; a rule checks one kind of"
                    + " metric");
            return;
        }
        Direction w = warningLevel.direction();
        Direction f = failLevel.direction();
        if (w != Direction.NONE && f != Direction.NONE && w != f) {
            problems.add(pair + " disagree on which way is worse (" + describe(w) + " for warning, " + describe(f)
                    + " for fail); give both levels the same direction");
            return;
        }
        if (failShadowsWarning(warningLevel, failLevel)) {
            problems.add("fail '" + fail + "' is reached no later than warning '" + warning
                    + "', so the warning could never show; the fail level must lie beyond the warning level");
        }
    }

    /** True when every value that reaches the warning level also reaches the fail level. */
    private static boolean failShadowsWarning(ThresholdLevel warningLevel, ThresholdLevel failLevel) {
        if (warningLevel instanceof ThresholdLevel.RelativeChange w
                && failLevel instanceof ThresholdLevel.RelativeChange f) {
            return Math.abs(f.percent()) <= Math.abs(w.percent());
        }
        if (warningLevel instanceof ThresholdLevel.AbsoluteChange w
                && failLevel instanceof ThresholdLevel.AbsoluteChange f) {
            return Math.abs(f.amount()) <= Math.abs(w.amount());
        }
        if (warningLevel instanceof Limit w
                && failLevel instanceof Limit f
                && !w.isBoolean()
                && w.direction() == f.direction()) {
            double wv = w.value().asDouble();
            double fv = f.value().asDouble();
            return switch (w.direction()) {
                case RISE_IS_WORSE ->
                    fv < wv
                            || (fv == wv
                                    && (f.comparison() == ThresholdLevel.Comparison.GE
                                            || w.comparison() == ThresholdLevel.Comparison.GT));
                case FALL_IS_WORSE ->
                    fv > wv
                            || (fv == wv
                                    && (f.comparison() == ThresholdLevel.Comparison.LE
                                            || w.comparison() == ThresholdLevel.Comparison.LT));
                case NONE -> false;
            };
        }
        return false;
    }

    private static String describe(Direction direction) {
        return direction == Direction.RISE_IS_WORSE ? "a rise" : "a fall";
    }

    private static String trimToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
