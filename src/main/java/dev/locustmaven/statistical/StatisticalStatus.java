package dev.locustmaven.statistical;

/** The statistical layer's outcome for one series, one group, or the build. */
public enum StatisticalStatus {
    PASS,
    WARN,
    FAIL,
    /** Too little comparable history, or values the gate cannot test (zero, negative, missing). */
    NOT_TESTED
}
