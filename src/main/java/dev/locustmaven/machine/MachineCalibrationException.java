package dev.locustmaven.machine;

/** The calibration could not be measured or read; the build goes on without it. */
public class MachineCalibrationException extends RuntimeException {

    public MachineCalibrationException(String message) {
        super(message);
    }

    public MachineCalibrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
