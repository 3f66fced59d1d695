package dev.locustmaven.thresholds;

/** Comparison with room for floating-point error, so that a change of exactly the level reaches it. */
final class Tolerance {

    private Tolerance() {}

    static boolean equal(double a, double b) {
        return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
    }

    /** True when {@code change} is at least {@code level} in the level's direction. */
    static boolean reaches(double change, double level) {
        if (equal(change, level)) {
            return true;
        }
        return level > 0 ? change > level : change < level;
    }
}
