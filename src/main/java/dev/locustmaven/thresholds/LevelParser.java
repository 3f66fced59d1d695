package dev.locustmaven.thresholds;

import dev.locustmaven.model.MetricValue;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the text of a {@link ThresholdLevel}. */
final class LevelParser {

    private static final String NUMBER = "(\\d+(?:\\.\\d*)?|\\.\\d+)";
    private static final Pattern RELATIVE = Pattern.compile("([+-])" + NUMBER + "%");
    private static final Pattern ABSOLUTE = Pattern.compile("([+-])" + NUMBER);
    private static final Pattern UNSIGNED = Pattern.compile(NUMBER + "(%?)");
    private static final Pattern LIMIT = Pattern.compile("(>=|<=|==|!=|>|<)(.*)");
    private static final Pattern LIMIT_NUMBER = Pattern.compile("[+-]?" + NUMBER);
    private static final String EXPECTED = "expected a relative change (+20%, -20%), an absolute change"
            + " (+0.5, -3) or a limit (> 1, >= 800, < 100, <= 5, == 0, != 0, == true, == false)";

    private LevelParser() {}

    static ThresholdLevel parse(String original) {
        if (original == null || original.isBlank()) {
            throw new InvalidThresholdException("the level is empty; " + EXPECTED);
        }
        String text = original.replaceAll("\\s+", "");
        String quoted = "'" + original.strip() + "'";
        Matcher m;
        if ((m = RELATIVE.matcher(text)).matches()) {
            return new ThresholdLevel.RelativeChange(signedValue(m.group(1), m.group(2), quoted));
        }
        if ((m = ABSOLUTE.matcher(text)).matches()) {
            return new ThresholdLevel.AbsoluteChange(signedValue(m.group(1), m.group(2), quoted));
        }
        if ((m = UNSIGNED.matcher(text)).matches()) {
            String value = m.group(1) + m.group(2);
            throw new InvalidThresholdException(quoted + " needs a sign: +" + value + " when a rise is worse, -"
                    + value + " when a fall is worse"
                    + (m.group(2).isEmpty() ? ", or a limit such as > " + value : ""));
        }
        if ((m = LIMIT.matcher(text)).matches()) {
            return limit(ThresholdLevel.Comparison.ofSymbol(m.group(1)), m.group(2), quoted);
        }
        throw new InvalidThresholdException(quoted + " is not a threshold level; " + EXPECTED);
    }

    private static double signedValue(String sign, String number, String quoted) {
        double value = Double.parseDouble(number);
        if (value == 0) {
            throw new InvalidThresholdException(quoted + " is a change of zero, which an unchanged run already"
                    + " reaches; use a non-zero change, or a limit such as > 0");
        }
        return sign.equals("-") ? -value : value;
    }

    private static ThresholdLevel.Limit limit(ThresholdLevel.Comparison comparison, String operand, String quoted) {
        String lower = operand.toLowerCase(Locale.ROOT);
        if (lower.equals("true") || lower.equals("false")) {
            if (comparison != ThresholdLevel.Comparison.EQ && comparison != ThresholdLevel.Comparison.NE) {
                throw new InvalidThresholdException(quoted + ": true and false can only be compared with == or"
                        + " !=, not " + comparison.symbol());
            }
            return new ThresholdLevel.Limit(comparison, MetricValue.of(Boolean.parseBoolean(lower)));
        }
        if (LIMIT_NUMBER.matcher(operand).matches()) {
            return new ThresholdLevel.Limit(comparison, MetricValue.of(Double.parseDouble(operand)));
        }
        throw new InvalidThresholdException(quoted + ": expected a number, true or false after " + comparison.symbol()
                + (operand.isEmpty() ? ", found nothing" : ", found '" + operand + "'"));
    }
}
