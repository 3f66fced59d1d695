package dev.locustmaven.machine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locustmaven.locust.RunLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibratorTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @TempDir
    Path dir;

    private static final class Lines implements RunLog {
        final List<String> info = new ArrayList<>();
        final List<String> warn = new ArrayList<>();

        @Override
        public void info(String message) {
            info.add(message);
        }

        @Override
        public void warn(String message) {
            warn.add(message);
        }
    }

    @Test
    void measuresBothFiguresInAFewHundredMilliseconds() {
        MeasuredCalibration calibration =
                new Calibrator(Clock.fixed(NOW, ZoneOffset.UTC)).measure(MeasuredCalibration.BY_CHECK);

        System.out.println("Calibration: " + calibration.figures().describe() + ", took "
                + Math.round(calibration.tookMs()) + " ms");
        assertThat(calibration.figures().method()).isEqualTo(Calibrator.METHOD);
        assertThat(calibration.figures().cpuLoopMs()).isPositive();
        assertThat(calibration.figures().loopbackRoundTripMs()).isPositive().isLessThan(50);
        assertThat(calibration.tookMs()).isPositive().isLessThan(5_000);
        assertThat(calibration.measuredAt()).isEqualTo(NOW);
        assertThat(calibration.measuredBy()).isEqualTo("check");
    }

    @Test
    void theRunGoalWritesTheFileThatCheckReads() {
        Lines run = new Lines();
        MeasuredCalibration written = CalibrationSteps.beforeRun(MachineMode.RECLASSIFY, dir, new Calibrator(), run)
                .orElseThrow();
        Lines check = new Lines();

        MachineOptions read = CalibrationSteps.forCheck(MachineMode.WARN, dir, new Calibrator(), check);

        assertThat(Files.exists(dir.resolve("calibration.json"))).isTrue();
        assertThat(run.info)
                .singleElement()
                .asString()
                .startsWith("Machine calibration: CPU loop ")
                .contains(" before the system under test and Locust started; written to "
                        + dir.resolve("calibration.json"));
        assertThat(read.mode()).isEqualTo(MachineMode.WARN);
        assertThat(read.calibration().measuredBy()).isEqualTo("run");
        assertThat(read.calibration().figures())
                .isEqualTo(new Calibration(
                        1,
                        Calibration.stored(written.figures().cpuLoopMs()).doubleValue(),
                        Calibration.stored(written.figures().loopbackRoundTripMs())
                                .doubleValue()));
        assertThat(check.info)
                .singleElement()
                .asString()
                .contains("(measured by the run goal at ")
                .endsWith("; read from " + dir.resolve("calibration.json") + ")");
        assertThat(check.warn).isEmpty();
    }

    @Test
    void withoutAFileCheckMeasuresItself() {
        Lines check = new Lines();

        MachineOptions options = CalibrationSteps.forCheck(MachineMode.RECLASSIFY, dir, new Calibrator(), check);

        assertThat(options.calibration().measuredBy()).isEqualTo("check");
        assertThat(check.info)
                .singleElement()
                .asString()
                .contains("(measured by check in ")
                .endsWith(" ms; no " + dir.resolve("calibration.json") + " from a run goal)");
        assertThat(Files.exists(dir.resolve("calibration.json")))
                .as("check writes no file")
                .isFalse();
    }

    @Test
    void anUnusableFileIsAWarningAndCheckMeasuresItself() throws Exception {
        Files.writeString(dir.resolve("calibration.json"), "{\"method\": 1, \"cpu_loop_ms\": \"fast\"}");
        Lines check = new Lines();

        MachineOptions options = CalibrationSteps.forCheck(MachineMode.RECLASSIFY, dir, new Calibrator(), check);

        assertThat(options.calibration().measuredBy()).isEqualTo("check");
        assertThat(check.warn)
                .containsExactly("Unusable machine calibration: " + dir.resolve("calibration.json")
                        + ": \"cpu_loop_ms\" must be a number; check measures its own");
    }

    @Test
    void offMeasuresNothing() {
        Lines log = new Lines();

        assertThat(CalibrationSteps.beforeRun(MachineMode.OFF, dir, new Calibrator(), log))
                .isEmpty();
        assertThat(CalibrationSteps.forCheck(MachineMode.OFF, dir, new Calibrator(), log)
                        .active())
                .isFalse();
        assertThat(log.info).isEmpty();
        assertThat(Files.exists(dir.resolve("calibration.json"))).isFalse();
    }

    @Test
    void theFileKeepsWhenAndByWhom() throws Exception {
        Path file = dir.resolve("calibration.json");
        CalibrationFile.write(
                file, new MeasuredCalibration(new Calibration(1, 16.94321, 0.0151519), NOW, "run", 221.4));

        assertThat(Files.readString(file))
                .isEqualTo("{\n  \"method\" : 1,\n  \"cpu_loop_ms\" : 16.94,\n  \"loopback_round_trip_ms\" : 0.01515,\n"
                        + "  \"measured_at\" : \"2026-03-01T12:00:00Z\",\n  \"measured_by\" : \"run\",\n"
                        + "  \"took_ms\" : 221\n}\n");
        assertThat(CalibrationFile.read(file))
                .contains(new MeasuredCalibration(new Calibration(1, 16.94, 0.01515), NOW, "run", 221));
        assertThat(CalibrationFile.read(dir.resolve("none.json"))).isEmpty();
    }

    @Test
    void theModeIsOffWarnOrReclassify() {
        assertThat(MachineMode.parse(null)).isEqualTo(MachineMode.RECLASSIFY);
        assertThat(MachineMode.parse(" Warn ")).isEqualTo(MachineMode.WARN);
        assertThat(MachineMode.parse("false")).isEqualTo(MachineMode.OFF);
        assertThat(MachineMode.parse("true")).isEqualTo(MachineMode.RECLASSIFY);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MachineMode.parse("sometimes"))
                .hasMessage("locust.machineCalibration must be off, warn or reclassify (true is reclassify, false is"
                        + " off), not 'sometimes'");
    }
}
