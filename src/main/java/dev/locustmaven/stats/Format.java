package dev.locustmaven.stats;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Numbers, percentages, probabilities and dates in the explanations the gates write for people. Numbers follow the
 * model's {@code MetricFormat}, which this package may not use: {@code stats} depends on the JDK only.
 */
final class Format {

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Format() {}

    /** Three decimals at most, four significant digits below 1, no trailing zeros. */
    static String number(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        BigDecimal decimal = BigDecimal.valueOf(value);
        BigDecimal rounded = Math.abs(value) >= 1
                ? decimal.setScale(3, RoundingMode.HALF_UP)
                : decimal.round(new MathContext(4, RoundingMode.HALF_UP));
        return rounded.stripTrailingZeros().toPlainString();
    }

    /** A relative change as a signed percentage with one decimal: {@code +9.5%}, {@code -3.0%}. */
    static String signedPercent(double fraction) {
        return String.format(java.util.Locale.ROOT, "%+.1f%%", 100 * fraction);
    }

    /** A spread as {@code ±4.1%}. */
    static String spreadPercent(double fraction) {
        return String.format(java.util.Locale.ROOT, "±%.1f%%", 100 * fraction);
    }

    /** A probability with two significant digits, e.g. {@code 0.00012}; tiny values as {@code < 0.000001}. */
    static String probability(double p) {
        if (Double.isNaN(p)) {
            return "unknown";
        }
        if (p < 1e-6) {
            return "< 0.000001";
        }
        return new BigDecimal(p)
                .round(new MathContext(2, RoundingMode.HALF_UP))
                .stripTrailingZeros()
                .toPlainString();
    }

    static String date(Instant time) {
        return time == null ? "an unknown date" : DATE.format(time);
    }
}
