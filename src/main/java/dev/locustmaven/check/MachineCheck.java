package dev.locustmaven.check;

import dev.locustmaven.history.Fingerprint;
import dev.locustmaven.history.HistoryRecord;
import dev.locustmaven.machine.Calibration;
import dev.locustmaven.machine.MachineComparison;
import dev.locustmaven.machine.MachineNoise;
import dev.locustmaven.machine.MachineOptions;
import dev.locustmaven.machine.MachineReport;
import dev.locustmaven.metrics.MetricDefinition;
import dev.locustmaven.model.Check;
import dev.locustmaven.model.MetricKey;
import dev.locustmaven.model.Verdict;
import java.util.List;
import java.util.Optional;

/**
 * The machine's calibration in one check: compared with the calibrations of the earlier builds on a comparable
 * machine, applied to the verdict ({@link MachineNoise}), shown in the reports and recorded with the run.
 */
final class MachineCheck {

    private final MachineOptions options;
    private final Optional<MachineComparison> comparison;
    private final List<MetricDefinition> metrics;

    private MachineCheck(
            MachineOptions options, Optional<MachineComparison> comparison, List<MetricDefinition> metrics) {
        this.options = options;
        this.comparison = comparison;
        this.metrics = metrics;
    }

    /** This build's calibration against those of {@code records} made on a comparable machine. */
    static MachineCheck of(CheckRequest request, List<HistoryRecord> records) {
        MachineOptions options = request.machine();
        if (!options.active()) {
            return new MachineCheck(options, Optional.empty(), request.metrics());
        }
        String environment =
                request.history() == null ? null : request.history().environment();
        return new MachineCheck(
                options,
                MachineComparison.of(
                        options.calibration().figures(),
                        comparableCalibrations(records, environment),
                        options.overloadFactor()),
                request.metrics());
    }

    /**
     * The calibrations of the records, oldest first, whose fingerprint of any service names this machine: the same
     * OS, architecture, cores and environment label (unknown on either side matches). Load and Locust version do not
     * change how fast the machine is, and the segment does not either.
     */
    static List<Calibration> comparableCalibrations(List<HistoryRecord> records, String environment) {
        Fingerprint here = Fingerprint.onThisMachine(null, null, null, null, null, environment);
        return records.stream()
                .filter(r -> r.calibration() != null)
                .filter(r -> r.fingerprints().values().stream().anyMatch(f -> f.comparableTo(here)))
                .map(HistoryRecord::calibration)
                .toList();
    }

    Verdict apply(Verdict verdict) {
        return MachineNoise.apply(verdict, comparison, options.mode(), MachineCheck::isRuleCheck, this::endpointOf);
    }

    /**
     * The endpoint a latency metric measures: its key's, or for a metric defined on some of a service's requests (the
     * seed's {@code index_p95_ms}) those requests, so that a service judged only by such metrics counts its endpoints.
     */
    private String endpointOf(MetricKey key) {
        if (key.endpoint() != null) {
            return key.endpoint();
        }
        return metrics.stream()
                .filter(m -> m.requests() != null && m.name().equals(key.metric()))
                .filter(m -> m.appliesToEveryService() || key.service().equals(m.service()))
                .map(m -> "requests " + m.requests())
                .findFirst()
                .orElse(null);
    }

    /** The rules' checks; the statistical gate corrects for a common shift itself, and no measurement is no latency. */
    private static boolean isRuleCheck(Check check) {
        return !StatisticalChecks.RULE.equals(check.rule()) && !NoMeasurement.RULE.equals(check.rule());
    }

    /** The record with this build's calibration. */
    HistoryRecord record(HistoryRecord record) {
        return options.active() ? record.withCalibration(options.calibration().figures()) : record;
    }

    /** For the reports; null without a calibration. */
    MachineReport report() {
        return options.active() ? new MachineReport(options.calibration(), comparison.orElse(null)) : null;
    }
}
