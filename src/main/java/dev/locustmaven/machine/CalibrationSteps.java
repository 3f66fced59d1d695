package dev.locustmaven.machine;

import dev.locustmaven.locust.RunLog;
import java.nio.file.Path;
import java.util.Optional;

/** Where the goals get this build's calibration: the {@code run} goal measures it, {@code check} reads it. */
public final class CalibrationSteps {

    private CalibrationSteps() {}

    /**
     * The {@code run} goal's step before it starts the system under test and Locust: measures the machine and writes
     * {@code <resultsDirectory>/calibration.json}. A calibration that fails is a warning; {@code check} then measures
     * its own.
     */
    public static Optional<MeasuredCalibration> beforeRun(
            MachineMode mode, Path resultsDirectory, Calibrator calibrator, RunLog log) {
        if (mode == MachineMode.OFF) {
            return Optional.empty();
        }
        Path file = CalibrationFile.in(resultsDirectory);
        try {
            MeasuredCalibration calibration = calibrator.measure(MeasuredCalibration.BY_RUN);
            CalibrationFile.write(file, calibration);
            log.info("Machine calibration: " + calibration.figures().describe() + " (measured in "
                    + Math.round(calibration.tookMs())
                    + " ms before the system under test and Locust started; written to "
                    + file + ")");
            return Optional.of(calibration);
        } catch (MachineCalibrationException e) {
            log.warn("The machine calibration failed: " + e.getMessage() + "; check will measure it itself");
            return Optional.empty();
        }
    }

    /**
     * The {@code check} goal's calibration: the one the {@code run} goal wrote into the results directory, else one
     * measured now. A file that cannot be read is a warning, and the check measures instead; a calibration that
     * cannot be measured is a warning, and the check goes on without one.
     */
    public static MachineOptions forCheck(MachineMode mode, Path resultsDirectory, Calibrator calibrator, RunLog log) {
        if (mode == MachineMode.OFF) {
            return MachineOptions.none();
        }
        Path file = CalibrationFile.in(resultsDirectory);
        try {
            Optional<MeasuredCalibration> written = CalibrationFile.read(file);
            if (written.isPresent()) {
                MeasuredCalibration calibration = written.get();
                log.info("Machine calibration: " + calibration.figures().describe() + " (measured by the "
                        + calibration.measuredBy() + " goal at " + calibration.measuredAt() + "; read from " + file
                        + ")");
                return new MachineOptions(mode, calibration);
            }
        } catch (MachineCalibrationException e) {
            log.warn("Unusable machine calibration: " + e.getMessage() + "; check measures its own");
        }
        try {
            MeasuredCalibration calibration = calibrator.measure(MeasuredCalibration.BY_CHECK);
            log.info("Machine calibration: " + calibration.figures().describe() + " (measured by check in "
                    + Math.round(calibration.tookMs()) + " ms; no " + file + " from a run goal)");
            return new MachineOptions(mode, calibration);
        } catch (MachineCalibrationException e) {
            log.warn("The machine calibration failed: " + e.getMessage() + "; this build has none");
            return new MachineOptions(mode, null);
        }
    }
}
