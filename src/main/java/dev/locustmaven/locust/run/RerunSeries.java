package dev.locustmaven.locust.run;

import dev.locustmaven.locust.LocustRunException;
import dev.locustmaven.locust.RunLog;
import dev.locustmaven.locust.output.LocustOutputException;
import dev.locustmaven.model.ServiceResult;
import dev.locustmaven.pooling.PooledResult;
import dev.locustmaven.pooling.Pooling;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The reruns of one service so far, as {@link ScenarioRunner#runs} made them; handed to its {@code settled} predicate
 * after every run, and returned at the end.
 *
 * @param planned how many runs were asked for (the number of output folders)
 * @param runs the runs made, in order; at most {@code planned}
 * @param settled true when the predicate said so (the runs so far settle the question, or the runs left could not),
 *     which ended the series (possibly at its last run)
 */
public record RerunSeries(String service, int planned, List<Run> runs, boolean settled) {

    public RerunSeries {
        Objects.requireNonNull(service, "service");
        runs = List.copyOf(runs);
    }

    /**
     * One run of the series.
     *
     * @param number 1 for the first rerun
     * @param outcome what the run produced; {@code null} when it could not run
     * @param error why it could not run (the system under test did not come up, Locust could not start); {@code
     *     null} when it ran
     */
    public record Run(int number, Path outputDirectory, ScenarioOutcome outcome, String error) {

        /** True when it produced numbers: it ran, and its outcome is {@link ScenarioOutcome#usable() usable}. */
        public boolean usable() {
            return outcome != null && outcome.usable() && outcome.result() != null;
        }
    }

    /** True when runs that were asked for were not made, because the series settled before. */
    public boolean stoppedEarly() {
        return runs.size() < planned;
    }

    /** The results of the usable runs, in order. */
    public List<ServiceResult> results() {
        return runs.stream().filter(Run::usable).map(r -> r.outcome().result()).toList();
    }

    /**
     * The usable runs pooled as one longer run; empty when none is usable. "Usable" is the runner's sense (Locust ran
     * and recorded requests): a run that is no measurement for {@code check} is still in; see {@link
     * #pooled(Predicate)}.
     */
    public Optional<PooledResult> pooled() {
        return pooled(r -> true);
    }

    /** The usable runs whose result {@code include} accepts, pooled; empty when there are none. */
    public Optional<PooledResult> pooled(Predicate<? super ServiceResult> include) {
        List<ServiceResult> results = results().stream().filter(include).toList();
        return results.isEmpty() ? Optional.empty() : Optional.of(Pooling.pool(results));
    }

    /** {@code first} (the run being confirmed) and the usable runs pooled as one longer run. */
    public PooledResult pooledWith(ServiceResult first) {
        List<ServiceResult> all = new ArrayList<>();
        all.add(first);
        all.addAll(results());
        return Pooling.pool(all);
    }

    /**
     * Runs {@code session} once per folder, asking {@code settled} after every run whether to stop; a run that could
     * not run is recorded with its error, and the series goes on.
     */
    static RerunSeries collect(
            ServiceSession session, List<Path> outputDirectories, Predicate<? super RerunSeries> settled, RunLog log) {
        List<Run> runs = new ArrayList<>();
        int planned = outputDirectories.size();
        for (Path output : outputDirectories) {
            int number = runs.size() + 1;
            try {
                runs.add(new Run(number, output, session.next(output), null));
            } catch (LocustRunException | LocustOutputException e) {
                // an unreadable rerun is left out like one that could not run: a warning, not a failed check
                log.info("Confirmation run " + number + " of " + planned + " of " + session.service()
                        + " could not run: " + e.getMessage());
                runs.add(new Run(number, output, null, e.getMessage()));
            }
            RerunSeries sofar = new RerunSeries(session.service(), planned, runs, false);
            if (settled.test(sofar)) {
                if (number < planned) {
                    int left = planned - number;
                    log.info(session.service() + " needs no further confirmation run after " + number + " of " + planned
                            + "; the remaining " + left + (left == 1 ? " is" : " are") + " not run.");
                }
                return new RerunSeries(session.service(), planned, runs, true);
            }
        }
        return new RerunSeries(session.service(), planned, runs, false);
    }
}
