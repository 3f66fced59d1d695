package dev.locustmaven.promotion;

import dev.locustmaven.baseline.BaselineDocument;
import dev.locustmaven.baseline.BaselineFile;
import dev.locustmaven.baseline.BaselinePromotion;
import dev.locustmaven.baseline.Promotion;
import dev.locustmaven.baseline.PromotionContext;
import dev.locustmaven.check.Configuration;
import dev.locustmaven.check.NoMeasurement;
import dev.locustmaven.history.HistoryRecord;
import dev.locustmaven.history.HistoryStore;
import dev.locustmaven.locust.output.ResultsDirectoryReader;
import dev.locustmaven.metrics.MetricExtractor;
import dev.locustmaven.model.LocustRun;
import dev.locustmaven.model.Measurements;
import dev.locustmaven.model.ServiceResult;
import dev.locustmaven.thresholds.ThresholdRules;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiPredicate;

/**
 * The {@code baseline} goal's work: promote the measured results to the committed baseline.
 *
 * <p>The existing file is read first, so a malformed baseline stops the promotion before anything is written, and the
 * new file is moved into place atomically. A run that is {@link NoMeasurement no measurement} is refused. A promoted
 * value beyond every one of the history's last comparable runs is warned of ({@link UnusualPromotion}).
 */
public final class BaselineUpdate {

    private final ResultsDirectoryReader results;

    public BaselineUpdate() {
        this(new ResultsDirectoryReader());
    }

    public BaselineUpdate(ResultsDirectoryReader results) {
        this.results = results;
    }

    public BaselineUpdateResult run(BaselineUpdateRequest request) {
        Configuration.requireValid(request.thresholds(), request.metrics());
        Optional<BaselineDocument> existing = BaselineFile.readIfExists(request.baselineFile());
        List<HistoryRecord> history = request.historyFile() == null
                ? List.of()
                : new HistoryStore(request.historyFile()).read().records();
        Promotion promotion;
        BiPredicate<String, HistoryRecord> isPromoted;
        if (request.baselineRuns() > 0) {
            HistoryCentre centre = HistoryCentre.ofLast(history, request.baselineRuns(), request.historyFile());
            promotion = promoteHistory(request, centre, existing);
            isPromoted = (service, record) ->
                    centre.runIds().getOrDefault(service, Set.of()).contains(record.runId());
        } else {
            LocustRun run = results.read(request.resultsDirectory());
            refuseNoMeasurement(run, request);
            Measurements measured = new MetricExtractor().extract(run, request.metrics());
            promotion = promoteResults(request, run, measured, existing);
            // the values as measured: the file and the promotion's measurements are rounded, the history is not
            isPromoted = UnusualPromotion.holdsTheValuesOf(measured);
        }
        // before the file is written, so that nothing is half done if it fails
        ReachReport reach = ReachReport.of(
                promotion.measured(),
                request.thresholds(),
                Math.max(1, request.baselineRuns()),
                request.significance(),
                request.confidence());
        List<String> unusual = UnusualPromotion.warnings(
                history,
                promotion.measured(),
                isPromoted,
                new ThresholdRules(request.thresholds()),
                request.historyWindow(),
                request.minHistory());
        BaselineFile.write(request.baselineFile(), promotion.document());
        return new BaselineUpdateResult(promotion, reach, unusual);
    }

    /** The run in the results directory, promoted but not yet written. */
    private static Promotion promoteResults(
            BaselineUpdateRequest request, LocustRun run, Measurements measured, Optional<BaselineDocument> existing) {
        Map<String, Integer> users = new TreeMap<>();
        Map<String, Double> runTimes = new TreeMap<>();
        Set<String> versions = new LinkedHashSet<>();
        for (ServiceResult service : run.services()) {
            if (service.info().users() != null) {
                users.put(service.service(), service.info().users());
            }
            if (service.info().durationSeconds() != null) {
                runTimes.put(service.service(), service.info().durationSeconds());
            }
            if (service.info().locustVersion() != null) {
                versions.add(service.info().locustVersion());
            }
        }
        PromotionContext context = new PromotionContext(
                request.now(),
                request.validityDays(),
                request.updatedBy(),
                request.gitCommit(),
                versions.isEmpty() ? null : String.join(", ", versions),
                request.environment(),
                1,
                users,
                runTimes);
        return BaselinePromotion.promote(existing, measured, context);
    }

    /**
     * A run that is no measurement must never become the numbers later runs are judged against: the first check
     * after it would pass a dead service and fail a healthy one. The whole run is refused, so no service of it is
     * promoted half-way.
     */
    private static void refuseNoMeasurement(LocustRun run, BaselineUpdateRequest request) {
        List<NoMeasurement> unmeasured = NoMeasurement.in(run);
        if (unmeasured.isEmpty()) {
            return;
        }
        String what = unmeasured.size() == 1
                ? unmeasured.get(0).service() + " is no measurement: "
                        + unmeasured.get(0).reason()
                : unmeasured.size() + " services are no measurement: "
                        + String.join(
                                "; ",
                                unmeasured.stream()
                                        .map(u -> u.service() + ": " + u.reason())
                                        .toList());
        throw new NoMeasurementException("Not promoting the results in " + request.resultsDirectory()
                + " to the baseline: " + what + ". locust:baseline promotes only a run that measured every service;"
                + " fix the cause, run again, and promote that run. Nothing was written to " + request.baselineFile()
                + ".");
    }

    /** The median of the last {@code baselineRuns} comparable runs of the history, promoted but not yet written. */
    private static Promotion promoteHistory(
            BaselineUpdateRequest request, HistoryCentre centre, Optional<BaselineDocument> existing) {
        PromotionContext context = new PromotionContext(
                request.now(),
                request.validityDays(),
                request.updatedBy(),
                request.gitCommit(),
                centre.locustVersions().isEmpty() ? null : String.join(", ", centre.locustVersions()),
                request.environment(),
                request.baselineRuns(),
                centre.users());
        return BaselinePromotion.promote(existing, centre.measurements(), context);
    }
}
