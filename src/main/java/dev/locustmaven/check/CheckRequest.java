package dev.locustmaven.check;

import dev.locustmaven.machine.MachineOptions;
import dev.locustmaven.metrics.MetricDefinition;
import dev.locustmaven.report.ReportContext;
import dev.locustmaven.thresholds.GateOptions;
import dev.locustmaven.thresholds.ThresholdRule;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * What one check needs: where the results and the baseline are, the rules, and where the outputs go.
 *
 * @param baselineFile may not exist yet; then every change rule reports NO_BASELINE
 * @param context commit, branch and build link for the Markdown report
 * @param history where the history of runs is kept and whether this run is added; null: no history
 * @param significance true to fail a change level only beyond sampling error (threshold rules may say otherwise)
 * @param confidence the one-sided confidence of that judgement
 * @param machine this build's calibration of the machine and what to do with it; null: none
 * @param confirmation the confirmation runs of a breached rule; null: none
 */
public record CheckRequest(
        Path resultsDirectory,
        Path baselineFile,
        Path reportDirectory,
        List<ThresholdRule> thresholds,
        List<MetricDefinition> metrics,
        Instant now,
        ReportContext context,
        HistoryOptions history,
        boolean significance,
        double confidence,
        MachineOptions machine,
        Confirmation confirmation) {

    public CheckRequest {
        thresholds = List.copyOf(thresholds);
        metrics = List.copyOf(metrics);
        machine = machine == null ? MachineOptions.none() : machine;
        confirmation = confirmation == null ? Confirmation.none() : confirmation;
    }

    /** A check without confirmation runs. */
    public CheckRequest(
            Path resultsDirectory,
            Path baselineFile,
            Path reportDirectory,
            List<ThresholdRule> thresholds,
            List<MetricDefinition> metrics,
            Instant now,
            ReportContext context,
            HistoryOptions history,
            boolean significance,
            double confidence,
            MachineOptions machine) {
        this(
                resultsDirectory,
                baselineFile,
                reportDirectory,
                thresholds,
                metrics,
                now,
                context,
                history,
                significance,
                confidence,
                machine,
                null);
    }

    /** This check, confirming a breached rule with reruns as {@code confirmation} allows. */
    public CheckRequest withConfirmation(Confirmation confirmation) {
        return new CheckRequest(
                resultsDirectory,
                baselineFile,
                reportDirectory,
                thresholds,
                metrics,
                now,
                context,
                history,
                significance,
                confidence,
                machine,
                confirmation);
    }

    /**
     * A check with the default significance (beyond sampling error at 95% one-sided confidence) and no calibration of
     * the machine.
     */
    public CheckRequest(
            Path resultsDirectory,
            Path baselineFile,
            Path reportDirectory,
            List<ThresholdRule> thresholds,
            List<MetricDefinition> metrics,
            Instant now,
            ReportContext context,
            HistoryOptions history) {
        this(
                resultsDirectory,
                baselineFile,
                reportDirectory,
                thresholds,
                metrics,
                now,
                context,
                history,
                true,
                GateOptions.DEFAULT_CONFIDENCE,
                null);
    }

    /** A check without history. */
    public CheckRequest(
            Path resultsDirectory,
            Path baselineFile,
            Path reportDirectory,
            List<ThresholdRule> thresholds,
            List<MetricDefinition> metrics,
            Instant now,
            ReportContext context) {
        this(resultsDirectory, baselineFile, reportDirectory, thresholds, metrics, now, context, null);
    }
}
