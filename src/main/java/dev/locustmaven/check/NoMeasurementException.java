package dev.locustmaven.check;

/** {@code locust:baseline} was asked to promote a run that is no measurement; the message names each service and why. */
public final class NoMeasurementException extends RuntimeException {

    public NoMeasurementException(String message) {
        super(message);
    }
}
