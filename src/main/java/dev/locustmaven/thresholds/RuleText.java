package dev.locustmaven.thresholds;

import java.util.Optional;

/**
 * The levels and the change floor a check's rule text names ({@code warning +20% / fail +50%, minAbsolute 5}), read back from the text the
 * gate wrote into the check or into {@code verdict.json}, so that later readers apply exactly what the check applied
 * without the threshold configuration.
 */
public final class RuleText {

    private RuleText() {}

    /** The warning level; empty when the text has none or one this version cannot read. */
    public static Optional<ThresholdLevel> warning(String ruleText) {
        return level(ruleText, "warning ");
    }

    /** The fail level; empty when the text has none or one this version cannot read. */
    public static Optional<ThresholdLevel> fail(String ruleText) {
        return level(ruleText, "fail ");
    }

    /** The floor under which a change does not count ({@code minAbsoluteChange}); empty when the text has none. */
    public static Optional<Double> minAbsoluteChange(String ruleText) {
        return part(ruleText, ",", "minAbsoluteChange ").flatMap(text -> {
            try {
                return Optional.of(Double.parseDouble(text));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    private static Optional<ThresholdLevel> level(String ruleText, String prefix) {
        String levels = ruleText == null ? null : ruleText.split(",", 2)[0];
        return part(levels, "/", prefix).flatMap(text -> {
            try {
                return Optional.of(ThresholdLevel.parse(text));
            } catch (InvalidThresholdException e) {
                // a rule text written by another tool or version
                return Optional.empty();
            }
        });
    }

    /** What follows {@code prefix} in the first of the text's parts (split at {@code separator}) that starts with it. */
    private static Optional<String> part(String text, String separator, String prefix) {
        if (text == null) {
            return Optional.empty();
        }
        for (String part : text.split(separator)) {
            String trimmed = part.trim();
            if (trimmed.startsWith(prefix)) {
                return Optional.of(trimmed.substring(prefix.length()));
            }
        }
        return Optional.empty();
    }
}
