package dev.locustmaven.statistical;

/** Where a series is heading, taking the metric's direction into account (for throughput, rising is improving). */
public enum TrendDirection {
    IMPROVING,
    DEGRADING,
    STABLE
}
