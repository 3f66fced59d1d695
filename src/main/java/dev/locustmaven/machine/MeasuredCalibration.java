package dev.locustmaven.machine;

import java.time.Instant;
import java.util.Objects;

/**
 * One calibration as {@code calibration.json} and {@code verdict.json} hold it: the figures, and when, by which goal
 * and how quickly they were measured.
 *
 * @param measuredBy the goal that measured it: {@value #BY_RUN} (before the system under test and Locust started) or
 *     {@value #BY_CHECK} (when the check found no {@code calibration.json})
 * @param tookMs how long the whole calibration took, in milliseconds
 */
public record MeasuredCalibration(Calibration figures, Instant measuredAt, String measuredBy, double tookMs) {

    public static final String BY_RUN = "run";
    public static final String BY_CHECK = "check";

    public MeasuredCalibration {
        Objects.requireNonNull(figures, "figures");
        Objects.requireNonNull(measuredAt, "measuredAt");
        Objects.requireNonNull(measuredBy, "measuredBy");
    }
}
