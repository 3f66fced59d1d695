package dev.locustmaven.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Formats metric numbers for people: no trailing zeros, three decimals at most, four significant digits below 1. */
public final class MetricFormat {

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

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

    /**
     * A value with the unit its metric's name implies: {@code 650 ms} for {@code *_ms}, {@code 0.5%} for
     * {@code *_pct}, the bare number otherwise, {@code true}/{@code false} for a flag.
     */
    public static String withUnit(String metric, MetricValue value) {
        return value instanceof MetricValue.Numeric numeric ? number(numeric.value()) + unit(metric) : value.toString();
    }

    /**
     * A difference in the metric's unit, always signed: {@code +162 ms}, {@code +0}; a difference of percentages is in
     * percentage points ({@code -0.5 pp}), so that it is never mistaken for a relative change.
     */
    public static String signedWithUnit(String metric, double delta) {
        String text = number(delta);
        String unit = metric.endsWith("_pct") ? " pp" : unit(metric);
        return (text.startsWith("-") ? text : "+" + text) + unit;
    }

    /** A relative change, signed, one decimal: {@code +24.9%}, {@code -3.0%}. */
    public static String signedPercent(double percent) {
        return String.format(Locale.ROOT, "%+.1f%%", percent);
    }

    /** A spread, from a fraction of the centre: {@code ±4.1%}. */
    public static String spreadPercent(double percent) {
        return String.format(Locale.ROOT, "±%.1f%%", percent);
    }

    /**
     * A probability in a sentence, two significant digits, e.g. {@code 0.00012}; tiny values as {@code < 0.000001}.
     * Table columns use {@link #probabilityColumn}.
     */
    public static String probability(double p) {
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

    /**
     * A probability in a table column, where the values of a column should line up: four decimals, e.g.
     * {@code 0.0123}; below that as {@code < 0.0001}. Sentences use {@link #probability}.
     */
    public static String probabilityColumn(double p) {
        return p < 0.0001 ? "< 0.0001" : String.format(Locale.ROOT, "%.4f", p);
    }

    /** A moment as {@code 2026-01-02 03:04 UTC}; {@code an unknown date} for none. */
    public static String date(Instant time) {
        return time == null ? "an unknown date" : DATE.format(time);
    }

    /**
     * The unit suffix of a metric name: {@code " ms"} for {@code *_ms}, {@code "%"} for {@code *_pct},
     * {@code " req/s"} for a rate ({@code rps}, {@code *_rps}), nothing otherwise. The one place that knows a metric's
     * unit; threshold messages use it so that a rate reads {@code 46 req/s}.
     */
    public static String unitWithRate(String metric) {
        if (metric.endsWith("_ms")) {
            return " ms";
        }
        if (metric.endsWith("_pct")) {
            return "%";
        }
        return metric.equals("rps") || metric.endsWith("_rps") ? " req/s" : "";
    }

    /**
     * The unit suffix as tables, reports and charts write it beside a value: {@link #unitWithRate}, but a rate is left
     * bare there, since its name ({@code rps}) already says what it counts.
     */
    public static String unit(String metric) {
        String unit = unitWithRate(metric);
        return unit.equals(" req/s") ? "" : unit;
    }
}
