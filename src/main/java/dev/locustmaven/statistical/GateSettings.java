package dev.locustmaven.statistical;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * How the gates estimate a series' usual level and spread from its history.
 *
 * @param trimFraction the share of runs dropped at each end for the trimmed-mean centre (0.2 drops the lowest and
 *     highest 20%)
 * @param winsorMads runs farther than this many MADN from the median count as if they were at that fence
 * @param spreadFloor the smallest spread on the log scale (0.01 ≈ 1%), so that a series that happened to be very
 *     stable does not make a tiny change look significant
 */
public record GateSettings(double trimFraction, double winsorMads, double spreadFloor) {

    public static final GateSettings DEFAULTS = new GateSettings(0.2, 3.0, 0.01);

    /**
     * The robust centre and spread vary more than the mean and standard deviation they replace, so the t quantile uses
     * fewer degrees of freedom: 0.75 · (n − 1). Measured by simulation on normal data with the default trimming and
     * winsorising: the gate's false-alarm probabilities then stay within about ±30% of nominal from 0.01 down to 1e-4,
     * for 10 to 64 reference runs (with n − 1 they were up to 3.3 times nominal at n = 10).
     */
    static final double DEGREES_OF_FREEDOM_SHARE = 0.75;

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    public GateSettings {
        if (trimFraction < 0 || trimFraction >= 0.5) {
            throw new IllegalArgumentException("trimFraction must lie in [0, 0.5), not " + trimFraction);
        }
        if (!(winsorMads > 0)) {
            throw new IllegalArgumentException("winsorMads must be positive, not " + winsorMads);
        }
        if (spreadFloor < 0) {
            throw new IllegalArgumentException("spreadFloor must not be negative, not " + spreadFloor);
        }
    }

    /** Degrees of freedom of the t quantile for n reference runs. */
    double degreesOfFreedom(int n) {
        return Math.max(1, DEGREES_OF_FREEDOM_SHARE * (n - 1));
    }

    /**
     * The variance of the trimmed mean relative to the mean's, for normal data: [(1 − 2γ) − 2cφ(c) + 2γc²] / (1 − 2γ)²
     * with c the 1 − γ normal quantile (1.14 for γ = 0.2).
     */
    double centreVarianceFactor() {
        if (trimFraction == 0) {
            return 1;
        }
        double g = trimFraction;
        double c = STANDARD_NORMAL.inverseSurvivalProbability(g);
        double density = STANDARD_NORMAL.density(c);
        return ((1 - 2 * g) - 2 * c * density + 2 * g * c * c) / ((1 - 2 * g) * (1 - 2 * g));
    }

    double centre(double[] logs) {
        return RobustStatistics.trimmedMean(logs, trimFraction);
    }

    /** The centre and the floored spread of {@code logs}, from one sorted copy. */
    double[] centreAndSpread(double[] logs) {
        double[] sorted = RobustStatistics.sorted(logs);
        double centre = RobustStatistics.trimmedMeanOfSorted(sorted, trimFraction);
        double spread = RobustStatistics.winsorisedStandardDeviationOfSorted(sorted, winsorMads);
        return new double[] {centre, Math.max(spreadFloor, spread)};
    }
}
