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
        if (ruleText == null) {
            return Optional.empty();
        }
        String prefix = "minAbsoluteChange ";
        for (String part : ruleText.split(",")) {
            String text = part.trim();
            if (text.startsWith(prefix)) {
                try {
                    return Optional.of(Double.parseDouble(text.substring(prefix.length())));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<ThresholdLevel> level(String ruleText, String prefix) {
        if (ruleText == null) {
            return Optional.empty();
        }
        String levels = ruleText.split(",", 2)[0];
        for (String part : levels.split("/")) {
            String text = part.trim();
            if (text.startsWith(prefix)) {
                try {
                    return Optional.of(ThresholdLevel.parse(text.substring(prefix.length())));
                } catch (InvalidThresholdException e) {
                    // a rule text written by another tool or version
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
