package dev.locustmaven.machine;

import dev.locustmaven.failure.PluginException;

/** The calibration could not be measured or read; the build goes on without it. */
public class MachineCalibrationException extends PluginException {

    public MachineCalibrationException(String message) {
        super(message);
    }

    public MachineCalibrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
