package dev.locustmaven.machine;

import dev.locustmaven.statistical.RobustStatistics;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * This build's calibration against the machine's quiet figures: for each figure, the fastest fifth's slowest among the
 * last comparable builds (the 6th fastest of 30, the fastest of 5). Load on a machine only ever slows it, so the
 * quiet end of its history says how fast it is; a median would drift up with a history recorded on a loaded machine,
 * and call a build on that machine usual.
 *
 * <p>A figure is <b>slower</b> when it is at least {@value #FACTOR} times its quiet figure, more than {@value
 * #SPREADS} robust standard deviations above it, the spread being that of the quieter half of the history (1.4826 ×
 * the median absolute deviation of the figures at or below their median), and at least {@value #MIN_CHANGE_MS} ms
 * above it; <b>faster</b> likewise below. The last keeps a loopback round trip of a few hundredths of a millisecond
 * from calling the machine overloaded when one scheduling hiccup triples it: Locust keeps whole milliseconds, so a
 * figure that moved by less cannot account for anything it measured. A slower
 * figure at least {@code overloadFactor} times its quiet one makes the machine <b>overloaded</b>. There is no
 * comparison below {@value #MIN_BUILDS} earlier calibrations of the same method: a handful of builds says too little
 * of how fast the machine is.
 *
 * @param builds how many earlier calibrations the quiet figures come from
 * @param overloadFactor how many times its quiet figure a figure is when the machine is overloaded; {@code
 *     Double.POSITIVE_INFINITY} when no load counts as overloaded
 */
public record MachineComparison(
        Calibration current,
        double quietCpuLoopMs,
        double quietLoopbackRoundTripMs,
        int builds,
        Speed cpuLoop,
        Speed loopbackRoundTrip,
        double overloadFactor) {

    /** Earlier calibrations needed before a build's calibration is judged. */
    public static final int MIN_BUILDS = 5;

    /** How many of the latest comparable calibrations make the quiet figures. */
    public static final int WINDOW = 30;

    /** How many times the quiet figure a far one is at least (or at most its inverse). */
    public static final double FACTOR = 1.5;

    /** How many robust standard deviations from the quiet figure a far one lies. */
    public static final double SPREADS = 3;

    /** How many milliseconds a far figure lies from its quiet one at least. */
    public static final double MIN_CHANGE_MS = 1;

    /** The share of the history whose slowest figure is the quiet figure. */
    public static final double QUIET_SHARE = 0.2;

    /** The default of {@code locust.machineOverloadFactor}. */
    public static final double DEFAULT_OVERLOAD_FACTOR = 3;

    /** How one figure compares with its quiet value. */
    public enum Speed {
        USUAL,
        SLOWER,
        FASTER
    }

    public MachineComparison {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(cpuLoop, "cpuLoop");
        Objects.requireNonNull(loopbackRoundTrip, "loopbackRoundTrip");
        if (!(overloadFactor >= FACTOR)) {
            throw new IllegalArgumentException(
                    "the overload factor must be at least " + FACTOR + ", not " + overloadFactor);
        }
    }

    /** {@link #of(Calibration, List, double)} with the default overload factor. */
    public static Optional<MachineComparison> of(Calibration current, List<Calibration> earlier) {
        return of(current, earlier, DEFAULT_OVERLOAD_FACTOR);
    }

    /**
     * This build's calibration against the earlier ones, oldest first; only those of the same method count, and the
     * last {@value #WINDOW} of them. Empty with fewer than {@value #MIN_BUILDS}.
     */
    public static Optional<MachineComparison> of(
            Calibration current, List<Calibration> earlier, double overloadFactor) {
        List<Calibration> same =
                earlier.stream().filter(c -> c.method() == current.method()).toList();
        if (same.size() < MIN_BUILDS) {
            return Optional.empty();
        }
        List<Calibration> window = same.subList(Math.max(0, same.size() - WINDOW), same.size());
        double[] cpu = window.stream().mapToDouble(Calibration::cpuLoopMs).toArray();
        double[] loopback =
                window.stream().mapToDouble(Calibration::loopbackRoundTripMs).toArray();
        double quietCpu = quiet(cpu);
        double quietLoopback = quiet(loopback);
        return Optional.of(new MachineComparison(
                current,
                quietCpu,
                quietLoopback,
                window.size(),
                speed(current.cpuLoopMs(), quietCpu, quietHalfSpread(cpu)),
                speed(current.loopbackRoundTripMs(), quietLoopback, quietHalfSpread(loopback)),
                overloadFactor));
    }

    /** The slowest of the fastest {@value #QUIET_SHARE} of the figures. */
    static double quiet(double[] figures) {
        double[] sorted = figures.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(QUIET_SHARE * sorted.length);
        return sorted[Math.max(1, rank) - 1];
    }

    /** The robust spread of the figures at or below their median: how much a quiet machine varies. */
    static double quietHalfSpread(double[] figures) {
        double median = RobustStatistics.median(figures);
        return RobustStatistics.madn(
                Arrays.stream(figures).filter(f -> f <= median).toArray());
    }

    static Speed speed(double value, double quiet, double spread) {
        if (value >= FACTOR * quiet && value > quiet + SPREADS * spread && value - quiet >= MIN_CHANGE_MS) {
            return Speed.SLOWER;
        }
        if (value <= quiet / FACTOR && value < quiet - SPREADS * spread && quiet - value >= MIN_CHANGE_MS) {
            return Speed.FASTER;
        }
        return Speed.USUAL;
    }

    /** True when either figure is far above its quiet value. */
    public boolean slower() {
        return cpuLoop == Speed.SLOWER || loopbackRoundTrip == Speed.SLOWER;
    }

    /**
     * True when the machine is slower and a figure is at least {@code overloadFactor} times its quiet value: so
     * much work beside the build that its latencies cannot tell a regression from the load.
     */
    public boolean overloaded() {
        return slower() && slowdown() >= overloadFactor;
    }

    /** The larger of the two figures' ratios to their quiet values. */
    public double slowdown() {
        return Math.max(current.cpuLoopMs() / quietCpuLoopMs, current.loopbackRoundTripMs() / quietLoopbackRoundTripMs);
    }

    /** True when a figure is far below its quiet value and none far above. */
    public boolean faster() {
        return !slower() && (cpuLoop == Speed.FASTER || loopbackRoundTrip == Speed.FASTER);
    }

    /** {@code slower}, {@code overloaded}, {@code faster} or {@code usual}, as verdict.json names it. */
    public String speedName() {
        return overloaded() ? "overloaded" : slower() ? "slower" : faster() ? "faster" : "usual";
    }

    /**
     * {@code CPU loop 412 ms vs 251 ms quiet (the 3rd fastest of 14 builds), loopback round trip 0.21 ms vs 0.09
     * ms}.
     */
    public String figures() {
        return "CPU loop " + Figures.ms(current.cpuLoopMs()) + " vs " + Figures.ms(quietCpuLoopMs) + " quiet ("
                + quietRank() + "), loopback round trip " + Figures.ms(current.loopbackRoundTripMs()) + " vs "
                + Figures.ms(quietLoopbackRoundTripMs);
    }

    /** {@code the fastest of 5 builds}, {@code the 6th fastest of 30 builds}. */
    public String quietRank() {
        int rank = Math.max(1, (int) Math.ceil(QUIET_SHARE * builds));
        return (rank == 1 ? "the fastest" : "the " + ordinal(rank) + " fastest") + " of " + builds + " builds";
    }

    private static String ordinal(int n) {
        String suffix = (n % 100 >= 11 && n % 100 <= 13)
                ? "th"
                : switch (n % 10) {
                    case 1 -> "st";
                    case 2 -> "nd";
                    case 3 -> "rd";
                    default -> "th";
                };
        return n + suffix;
    }

    /** The verdict's warning when the machine is far from its quiet speed; empty when it is not. */
    public Optional<String> warning() {
        if (overloaded()) {
            return Optional.of("This machine was overloaded: " + figures() + ": " + Figures.number(slowdown())
                    + " times as slow as when quiet, at least " + Figures.number(overloadFactor)
                    + " (locust.machineOverloadFactor).");
        }
        if (slower()) {
            return Optional.of("This machine was slower than usual: " + figures() + ".");
        }
        if (faster()) {
            return Optional.of("This machine was faster than usual: " + figures()
                    + "; latencies may look better than the code makes them.");
        }
        return Optional.empty();
    }
}
