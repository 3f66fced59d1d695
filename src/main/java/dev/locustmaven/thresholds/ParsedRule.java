package dev.locustmaven.thresholds;

import dev.locustmaven.model.MetricFormat;
import dev.locustmaven.model.MetricKey;
import dev.locustmaven.model.MetricValue;
import java.util.ArrayList;
import java.util.List;

/**
 * A validated {@link ThresholdRule}, copied and parsed so that evaluation never sees a half-configured or later
 * changed rule.
 *
 * @param index the rule's position in the configuration, from 1
 * @param service {@code null} for every service
 * @param endpoint {@code null} when the rule checks service aggregates
 * @param significance the rule's own setting, {@code null} to follow the plugin-wide one
 */
record ParsedRule(
        int index,
        Glob service,
        Glob endpoint,
        Glob metric,
        ThresholdLevel warning,
        ThresholdLevel fail,
        Double minAbsolute,
        Double minAbsoluteChange,
        boolean allowMissing,
        Boolean significance,
        String description) {

    static ParsedRule of(int index, ThresholdRule rule) {
        String service = rule.service();
        return new ParsedRule(
                index,
                service == null || service.equals("*") ? null : new Glob(service),
                rule.endpoint() == null ? null : new Glob(rule.endpoint()),
                new Glob(rule.metric()),
                rule.warningLevel().orElse(null),
                rule.failLevel().orElse(null),
                rule.minAbsolute(),
                rule.minAbsoluteChange(),
                rule.allowMissing(),
                rule.significanceSetting().orElse(null),
                rule.describe());
    }

    boolean matches(MetricKey key) {
        if (service != null && !service.matches(key.service())) {
            return false;
        }
        if (endpoint == null ? !key.isServiceLevel() : key.isServiceLevel() || !endpoint.matches(key.endpoint())) {
            return false;
        }
        return metric.matches(key.metric());
    }

    /** True when the rule names one metric (no wildcard in the metric name), so a mismatch must be reported. */
    boolean namesOneMetric() {
        return !metric.isWildcard();
    }

    /** True when service, endpoint and metric are all plain names: the rule names exactly one key. */
    boolean namesOneKey() {
        return service != null
                && !service.isWildcard()
                && (endpoint == null || !endpoint.isWildcard())
                && !metric.isWildcard();
    }

    /** The key a rule that matched nothing is reported under: its own patterns. */
    MetricKey patternKey() {
        return new MetricKey(
                service == null ? "*" : service.toString(),
                endpoint == null ? null : endpoint.toString(),
                metric.toString());
    }

    /** The levels to try, the fail level first. */
    List<ThresholdLevel> levelsFailFirst() {
        List<ThresholdLevel> levels = new ArrayList<>(2);
        if (fail != null) {
            levels.add(fail);
        }
        if (warning != null) {
            levels.add(warning);
        }
        return levels;
    }

    boolean isBoolean() {
        return levelsFailFirst().stream().anyMatch(l -> l instanceof ThresholdLevel.Limit limit && limit.isBoolean());
    }

    /** True when the rule can judge a value of this kind (numbers for numeric levels, booleans for == true/false). */
    boolean fits(MetricValue value) {
        return isBoolean() == (value instanceof MetricValue.Flag);
    }

    /** The readable rule, e.g. {@code warning +20% / fail +50%}, with its floors and missing policy. */
    String text() {
        List<String> parts = new ArrayList<>();
        if (warning != null) {
            parts.add("warning " + warning.text());
        }
        if (fail != null) {
            parts.add("fail " + fail.text());
        }
        StringBuilder text = new StringBuilder(String.join(" / ", parts));
        if (minAbsolute != null) {
            text.append(", minAbsolute ").append(MetricFormat.number(minAbsolute));
        }
        if (minAbsoluteChange != null) {
            text.append(", minAbsoluteChange ").append(MetricFormat.number(minAbsoluteChange));
        }
        if (allowMissing) {
            text.append(", missing allowed");
        }
        return text.toString();
    }
}
