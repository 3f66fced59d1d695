package dev.locustmaven.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Formats metric numbers for people: no trailing zeros, three decimals at most, four significant digits below 1. */
public final class MetricFormat {

    private MetricFormat() {}

    public static String number(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        BigDecimal decimal = BigDecimal.valueOf(value);
        BigDecimal rounded = Math.abs(value) >= 1
                ? decimal.setScale(3, RoundingMode.HALF_UP)
                : decimal.round(new MathContext(4, RoundingMode.HALF_UP));
        return rounded.stripTrailingZeros().toPlainString();
    }
}
