package dev.locustmaven.machine;

import dev.locustmaven.statistical.RobustStatistics;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * This build's calibration against the usual ones: the medians of the last comparable builds' figures, and for each
 * figure whether it is far from them.
 *
 * <p>A figure is <b>slower</b> when it is at least {@value #FACTOR} times its usual median and more than {@value
 * #SPREADS} robust standard deviations (1.4826 × the median absolute deviation) above it; <b>faster</b> likewise
 * below. There is no comparison below {@value #MIN_BUILDS} earlier calibrations of the same method: a handful of
 * builds says too little of what is usual.
 *
 * @param builds how many earlier calibrations the medians come from
 */
public record MachineComparison(
        Calibration current,
        double usualCpuLoopMs,
        double usualLoopbackRoundTripMs,
        int builds,
        Speed cpuLoop,
        Speed loopbackRoundTrip) {

    /** Earlier calibrations needed before a build's calibration is judged. */
    public static final int MIN_BUILDS = 5;

    /** How many of the latest comparable calibrations make the usual figures. */
    public static final int WINDOW = 30;

    /** How many times the usual figure a far one is at least (or at most its inverse). */
    public static final double FACTOR = 1.5;

    /** How many robust standard deviations from the usual figure a far one lies. */
    public static final double SPREADS = 3;

    /** How one figure compares with its usual value. */
    public enum Speed {
        USUAL,
        SLOWER,
        FASTER
    }

    public MachineComparison {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(cpuLoop, "cpuLoop");
        Objects.requireNonNull(loopbackRoundTrip, "loopbackRoundTrip");
    }

    /**
     * This build's calibration against the earlier ones, oldest first; only those of the same method count, and the
     * last {@value #WINDOW} of them. Empty with fewer than {@value #MIN_BUILDS}.
     */
    public static Optional<MachineComparison> of(Calibration current, List<Calibration> earlier) {
        List<Calibration> same =
                earlier.stream().filter(c -> c.method() == current.method()).toList();
        if (same.size() < MIN_BUILDS) {
            return Optional.empty();
        }
        List<Calibration> window = same.subList(Math.max(0, same.size() - WINDOW), same.size());
        double[] cpu = window.stream().mapToDouble(Calibration::cpuLoopMs).toArray();
        double[] loopback =
                window.stream().mapToDouble(Calibration::loopbackRoundTripMs).toArray();
        double usualCpu = RobustStatistics.median(cpu);
        double usualLoopback = RobustStatistics.median(loopback);
        return Optional.of(new MachineComparison(
                current,
                usualCpu,
                usualLoopback,
                window.size(),
                speed(current.cpuLoopMs(), usualCpu, RobustStatistics.madn(cpu)),
                speed(current.loopbackRoundTripMs(), usualLoopback, RobustStatistics.madn(loopback))));
    }

    static Speed speed(double value, double usual, double spread) {
        if (value >= FACTOR * usual && value > usual + SPREADS * spread) {
            return Speed.SLOWER;
        }
        if (value <= usual / FACTOR && value < usual - SPREADS * spread) {
            return Speed.FASTER;
        }
        return Speed.USUAL;
    }

    /** True when either figure is far above its usual value. */
    public boolean slower() {
        return cpuLoop == Speed.SLOWER || loopbackRoundTrip == Speed.SLOWER;
    }

    /** True when a figure is far below its usual value and none far above. */
    public boolean faster() {
        return !slower() && (cpuLoop == Speed.FASTER || loopbackRoundTrip == Speed.FASTER);
    }

    /**
     * {@code CPU loop 412 ms vs 251 ms usual (median of 14 builds), loopback round trip 0.21 ms vs 0.09 ms}.
     */
    public String figures() {
        return "CPU loop " + Figures.ms(current.cpuLoopMs()) + " vs " + Figures.ms(usualCpuLoopMs)
                + " usual (median of "
                + builds + " builds), loopback round trip " + Figures.ms(current.loopbackRoundTripMs()) + " vs "
                + Figures.ms(usualLoopbackRoundTripMs);
    }

    /** The verdict's warning when the machine is far from its usual speed; empty when it is not. */
    public Optional<String> warning() {
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
