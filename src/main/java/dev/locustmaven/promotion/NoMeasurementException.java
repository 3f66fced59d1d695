package dev.locustmaven.promotion;

import dev.locustmaven.failure.PluginException;

/** {@code locust:baseline} was asked to promote a run that is no measurement; the message names each service and why. */
public final class NoMeasurementException extends PluginException {

    public NoMeasurementException(String message) {
        super(message);
    }
}
