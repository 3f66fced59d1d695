package dev.locustmaven.machine;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Calibration figures for people: three significant digits (whole milliseconds from 1000), never as exponents. */
final class Figures {

    private Figures() {}

    /** {@code 412 ms}, {@code 16.9 ms}, {@code 0.0152 ms}. */
    static String ms(double value) {
        return number(value) + " ms";
    }

    static String number(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        BigDecimal decimal = BigDecimal.valueOf(value);
        BigDecimal rounded = Math.abs(value) >= 1000
                ? decimal.setScale(0, RoundingMode.HALF_UP)
                : decimal.round(new MathContext(3, RoundingMode.HALF_UP)).stripTrailingZeros();
        return rounded.toPlainString();
    }
}
