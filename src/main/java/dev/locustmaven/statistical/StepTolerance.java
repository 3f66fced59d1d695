package dev.locustmaven.statistical;

/**
 * The part of a distance that lies beyond one reporting step. A metric reported in steps (Locust's percentiles move
 * in 1, 10, 100 ms buckets) can jump a whole step when the true value crosses a bucket's edge by a hair, so the gates
 * count only what lies beyond one step.
 */
final class StepTolerance {

    private StepTolerance() {}

    /** {@code distance} moved towards 0 by {@code tolerance}, and 0 when it lies within it. */
    static double shrink(double distance, double tolerance) {
        if (distance > tolerance) {
            return distance - tolerance;
        }
        return distance < -tolerance ? distance + tolerance : 0;
    }
}
