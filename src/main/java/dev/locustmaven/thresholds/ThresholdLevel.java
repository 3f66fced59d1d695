package dev.locustmaven.thresholds;

import dev.locustmaven.model.MetricFormat;
import dev.locustmaven.model.MetricValue;
import java.util.Arrays;

/**
 * One level of a threshold rule (its {@code warning} or its {@code fail}), parsed from the text the user wrote.
 *
 * <ul>
 *   <li>{@code +20%} / {@code -20%}: a {@link RelativeChange} against the baseline. The sign says which way is worse:
 *       {@code +} a rise, {@code -} a fall.
 *   <li>{@code +0.5} / {@code -3}: an {@link AbsoluteChange} against the baseline, in the metric's own unit.
 *   <li>{@code > 1}, {@code >= 800}, {@code < 100}, {@code <= 5}, {@code == 0}, {@code != 0}, {@code == true},
 *       {@code == false}: a fixed {@link Limit} on the current value, no baseline needed. {@code true} and {@code
 *       false} only go with {@code ==} and {@code !=}.
 * </ul>
 *
 * <p>A level is <em>reached</em> (breached) when the change is at least as large as the level in the level's
 * direction: {@code +20%} is reached by a rise of exactly 20% ("a 20% increase is a warning"), {@code -20%} by a fall
 * of 20% or more, never by a rise. A limit is breached when its comparison holds for the current value ({@code > 1}
 * is breached by 2, not by 1). Comparisons allow for floating-point error of one part in 10^9, so that 780 ms against
 * 650 ms reaches +20%. A change level of zero is rejected: every unchanged run would reach it; {@code > 0} says "any
 * value above zero". Whitespace anywhere is ignored.
 */
public sealed interface ThresholdLevel
        permits ThresholdLevel.RelativeChange, ThresholdLevel.AbsoluteChange, ThresholdLevel.Limit {

    /** Which way a metric gets worse, as far as a level says. */
    enum Direction {
        RISE_IS_WORSE,
        FALL_IS_WORSE,
        /** {@code ==} and {@code !=} limits say nothing about a direction. */
        NONE
    }

    /** The level in canonical form, e.g. {@code +20%}, {@code +0.5}, {@code > 1}. */
    String text();

    Direction direction();

    /** True for the change levels, which compare with the baseline. */
    default boolean needsBaseline() {
        return !(this instanceof Limit);
    }

    /**
     * True when {@code value} reaches this change level against {@code reference}: a relative one against a reference
     * other than zero, an absolute one by their difference; a limit has no reference and is never reached so.
     */
    default boolean reachedFrom(double reference, double value) {
        if (this instanceof RelativeChange relative) {
            return reference != 0 && relative.reachedBy(RelativeChange.changePct(reference, value));
        }
        return this instanceof AbsoluteChange absolute && absolute.reachedBy(value - reference);
    }

    /** A relative change in percent of the baseline; negative when a fall is worse. */
    record RelativeChange(double percent) implements ThresholdLevel {

        /** The change from {@code reference} to {@code value} in percent of the reference, which is not zero. */
        public static double changePct(double reference, double value) {
            return (value - reference) / Math.abs(reference) * 100;
        }

        /** True when {@code changePct} reaches this level in its direction. */
        public boolean reachedBy(double changePct) {
            return Tolerance.reaches(changePct, percent);
        }

        @Override
        public String text() {
            return signed(percent) + "%";
        }

        @Override
        public Direction direction() {
            return percent > 0 ? Direction.RISE_IS_WORSE : Direction.FALL_IS_WORSE;
        }
    }

    /** A change in the metric's own unit; negative when a fall is worse. */
    record AbsoluteChange(double amount) implements ThresholdLevel {

        /** True when {@code delta} (current minus baseline) reaches this level in its direction. */
        public boolean reachedBy(double delta) {
            return Tolerance.reaches(delta, amount);
        }

        @Override
        public String text() {
            return signed(amount);
        }

        @Override
        public Direction direction() {
            return amount > 0 ? Direction.RISE_IS_WORSE : Direction.FALL_IS_WORSE;
        }
    }

    /** A fixed limit: breached when {@code current <comparison> value} holds. */
    record Limit(Comparison comparison, MetricValue value) implements ThresholdLevel {

        public boolean isBoolean() {
            return value instanceof MetricValue.Flag;
        }

        /** True when the comparison holds for {@code current}; a boolean limit compares booleans only. */
        public boolean breachedBy(MetricValue current) {
            if (isBoolean()) {
                boolean equal = current.equals(value);
                return comparison == Comparison.EQ ? equal : !equal;
            }
            return comparison.holds(current.asDouble(), value.asDouble());
        }

        @Override
        public String text() {
            return comparison.symbol() + " " + value;
        }

        @Override
        public Direction direction() {
            return switch (comparison) {
                case GT, GE -> Direction.RISE_IS_WORSE;
                case LT, LE -> Direction.FALL_IS_WORSE;
                case EQ, NE -> Direction.NONE;
            };
        }
    }

    /** The comparison of a {@link Limit}. */
    enum Comparison {
        GE(">="),
        LE("<="),
        EQ("=="),
        NE("!="),
        GT(">"),
        LT("<");

        private final String symbol;

        Comparison(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        boolean holds(double current, double limit) {
            boolean equal = Tolerance.equal(current, limit);
            return switch (this) {
                case GT -> current > limit && !equal;
                case GE -> current > limit || equal;
                case LT -> current < limit && !equal;
                case LE -> current < limit || equal;
                case EQ -> equal;
                case NE -> !equal;
            };
        }

        static Comparison ofSymbol(String symbol) {
            return Arrays.stream(values())
                    .filter(c -> c.symbol.equals(symbol))
                    .findFirst()
                    .orElseThrow();
        }
    }

    /**
     * Parses a level.
     *
     * @throws InvalidThresholdException naming the text and what was expected
     */
    static ThresholdLevel parse(String text) {
        return LevelParser.parse(text);
    }

    private static String signed(double value) {
        return (value > 0 ? "+" : "-") + MetricFormat.number(Math.abs(value));
    }
}
