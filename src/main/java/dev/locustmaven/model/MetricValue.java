package dev.locustmaven.model;

/** A metric's value: a number in the metric's own unit, or a boolean condition. */
public sealed interface MetricValue permits MetricValue.Numeric, MetricValue.Flag {

    static MetricValue of(double value) {
        return new Numeric(value);
    }

    static MetricValue of(boolean value) {
        return new Flag(value);
    }

    /** The value as a number; a flag is 1 when true and 0 when false. */
    double asDouble();

    record Numeric(double value) implements MetricValue {
        @Override
        public double asDouble() {
            return value;
        }

        @Override
        public String toString() {
            return MetricFormat.number(value);
        }
    }

    record Flag(boolean value) implements MetricValue {
        @Override
        public double asDouble() {
            return value ? 1 : 0;
        }

        @Override
        public String toString() {
            return Boolean.toString(value);
        }
    }
}
