package dev.locustmaven.metrics;

import dev.locustmaven.model.LocustRun;
import dev.locustmaven.model.Measurement;
import dev.locustmaven.model.Measurements;
import dev.locustmaven.model.MetricKey;
import dev.locustmaven.model.ServiceResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns a run into named metrics: the {@linkplain DefaultMetrics default set} of every service and endpoint, plus the
 * user-defined metrics, which are service-level keys ({@code service/name}).
 */
public class MetricExtractor {

    /** The metrics of the run; user-defined metrics that cannot be computed are left out. */
    public Measurements extract(LocustRun run, List<MetricDefinition> custom) {
        return extractWithReasons(run, custom).measurements();
    }

    /**
     * The metrics of the run, and for each user-defined metric without a value the reason.
     *
     * @throws InvalidMetricDefinitionException when any definition is invalid, listing every problem
     */
    public Extraction extractWithReasons(LocustRun run, List<MetricDefinition> custom) {
        List<String> problems = validate(custom);
        if (!problems.isEmpty()) {
            throw new InvalidMetricDefinitionException(problems);
        }
        List<Measurement> measurements = new ArrayList<>();
        Map<MetricKey, String> unavailable = new TreeMap<>();
        run.services().forEach(service -> measurements.addAll(DefaultMetrics.measure(service)));
        for (MetricDefinition definition : custom) {
            CustomMetric metric = new CustomMetric(definition);
            List<ServiceResult> services = definition.appliesToEveryService()
                    ? run.services()
                    : run.service(definition.service()).map(List::of).orElse(List.of());
            if (services.isEmpty() && !definition.appliesToEveryService()) {
                unavailable.put(
                        MetricKey.of(definition.service(), definition.name()),
                        "the run has no service '" + definition.service() + "'");
            }
            for (ServiceResult service : services) {
                MetricKey key = MetricKey.of(service.service(), definition.name());
                CustomMetric.Outcome outcome = metric.compute(service);
                if (outcome.value() != null) {
                    measurements.add(new Measurement(key, outcome.value(), outcome.sample()));
                } else {
                    unavailable.put(key, outcome.reason());
                }
            }
        }
        return new Extraction(Measurements.of(measurements), unavailable);
    }

    /**
     * The metrics whose values add up over runs instead of describing one: request and failure counts, default and
     * user-defined. Several runs pooled as one longer run sum them, so a value per run is their mean.
     */
    public static Set<String> totals(List<MetricDefinition> custom) {
        Set<String> totals = new TreeSet<>(Set.of(DefaultMetrics.REQUEST_COUNT, DefaultMetrics.FAILURE_COUNT));
        for (MetricDefinition definition : custom) {
            boolean counted = definition.failures() != null
                    ? FailureStatistic.parse(definition.statistic())
                            .map(statistic -> statistic == FailureStatistic.COUNT)
                            .orElse(false)
                    : RequestStatistic.parse(definition.statistic())
                            .map(statistic ->
                                    statistic == RequestStatistic.COUNT || statistic == RequestStatistic.FAILURES)
                            .orElse(false);
            if (counted) {
                totals.add(definition.name());
            }
        }
        return totals;
    }

    /**
     * Every problem of the definitions, each naming the definition by its position (from 1) and name; also reports
     * two definitions of the same name for the same service.
     */
    public static List<String> validate(List<MetricDefinition> definitions) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < definitions.size(); i++) {
            MetricDefinition definition = definitions.get(i);
            String label = "metric #" + (i + 1) + " " + definition;
            definition.validate().forEach(problem -> problems.add(label + ": " + problem));
            for (int j = 0; j < i; j++) {
                MetricDefinition earlier = definitions.get(j);
                if (definition.name() != null
                        && definition.name().equals(earlier.name())
                        && overlap(definition, earlier)) {
                    problems.add(label + ": the name '" + definition.name() + "' is already defined by metric #"
                            + (j + 1) + " for the same service");
                }
            }
        }
        return problems;
    }

    private static boolean overlap(MetricDefinition a, MetricDefinition b) {
        return a.appliesToEveryService()
                || b.appliesToEveryService()
                || a.service().equals(b.service());
    }
}
