package dev.locustmaven.statistical;

/**
 * The knobs of the statistical layer, with the defaults the benchmark measured (docs/benchmarks.md).
 *
 * @param mode off, warn (default) or fail
 * @param minHistory comparable runs since the last accepted change before a series is judged at all
 * @param window the most recent runs the centre and spread come from
 * @param persistenceWindow the recent runs (the current one included) whose mean the persistence gate tests
 * @param alpha the family-wise false-alarm level of a build (Holm over every test of the build)
 * @param confirmAlpha the looser family-wise level at which a single run asks for confirmation runs
 * @param warnFdr the false-discovery rate at which series warn (Benjamini-Hochberg)
 * @param minEffect the smallest relative change in the worse direction that may warn or fail (0.05 = 5%)
 * @param gate centre, spread and floor of the gates
 * @param adjustForRunnerShift estimate and remove each build's common shift within a group before judging its series,
 *     and judge the shift itself as one test
 * @param minGroupSize the fewest series a group needs for its shift to be estimated
 */
public record StatisticalGateSettings(
        GateMode mode,
        int minHistory,
        int window,
        int persistenceWindow,
        double alpha,
        double confirmAlpha,
        double warnFdr,
        double minEffect,
        GateSettings gate,
        boolean adjustForRunnerShift,
        int minGroupSize) {

    public static final StatisticalGateSettings DEFAULTS = new StatisticalGateSettings(
            GateMode.WARN, 10, 64, 5, 0.01, 0.05, 0.05, 0.05, GateSettings.DEFAULTS, true, 8);

    public StatisticalGateSettings {
        if (mode == null) {
            throw new IllegalArgumentException("mode must be off, warn or fail");
        }
        if (minHistory < 3) {
            throw new IllegalArgumentException("minHistory must be at least 3, not " + minHistory);
        }
        if (window < minHistory) {
            throw new IllegalArgumentException(
                    "window (" + window + ") must be at least minHistory (" + minHistory + ")");
        }
        if (persistenceWindow < 2) {
            throw new IllegalArgumentException("persistenceWindow must be at least 2, not " + persistenceWindow);
        }
        requireProbability("alpha", alpha);
        requireProbability("confirmAlpha", confirmAlpha);
        requireProbability("warnFdr", warnFdr);
        if (minEffect < 0) {
            throw new IllegalArgumentException("minEffect must not be negative, not " + minEffect);
        }
        if (gate == null) {
            throw new IllegalArgumentException("gate settings are missing");
        }
        if (minGroupSize < 3) {
            throw new IllegalArgumentException("minGroupSize must be at least 3, not " + minGroupSize);
        }
    }

    private static void requireProbability(String name, double value) {
        if (!(value > 0 && value < 1)) {
            throw new IllegalArgumentException(name + " must lie in (0, 1), not " + value);
        }
    }

    public StatisticalGateSettings withMode(GateMode newMode) {
        return new StatisticalGateSettings(
                newMode,
                minHistory,
                window,
                persistenceWindow,
                alpha,
                confirmAlpha,
                warnFdr,
                minEffect,
                gate,
                adjustForRunnerShift,
                minGroupSize);
    }

    public StatisticalGateSettings withAlpha(double newAlpha, double newConfirmAlpha) {
        return new StatisticalGateSettings(
                mode,
                minHistory,
                window,
                persistenceWindow,
                newAlpha,
                newConfirmAlpha,
                warnFdr,
                minEffect,
                gate,
                adjustForRunnerShift,
                minGroupSize);
    }

    public StatisticalGateSettings withRunnerShiftAdjustment(boolean adjust) {
        return new StatisticalGateSettings(
                mode,
                minHistory,
                window,
                persistenceWindow,
                alpha,
                confirmAlpha,
                warnFdr,
                minEffect,
                gate,
                adjust,
                minGroupSize);
    }
}
