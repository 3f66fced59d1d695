package dev.locustmaven.model;

/** The outcome of one check of one metric against one rule. */
public enum Status {
    PASS,
    WARN,
    FAIL,
    /** The rule names a metric that the run did not produce. */
    MISSING,
    /** The rule compares against a baseline that has no value for this metric. */
    NO_BASELINE
}
