package dev.locustmaven.pooling;

import dev.locustmaven.metrics.Percentiles;
import dev.locustmaven.model.EndpointStats;
import dev.locustmaven.model.ExceptionStat;
import dev.locustmaven.model.FailureStat;
import dev.locustmaven.model.LocustPercentiles;
import dev.locustmaven.model.RunInfo;
import dev.locustmaven.model.ServiceResult;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Pools several runs of one service into one {@link ServiceResult}, as if they were one longer run: what Locust would
 * have reported had it measured them all in one go. Every request entry (by method and name) and the Aggregated row
 * are pooled the same way, from the runs' own rows (the Aggregated row is not re-summed from the entries):
 *
 * <ul>
 *   <li>requests and failures: summed;
 *   <li>the response-time histogram: the buckets' counts summed; the percentiles (at every fraction any run
 *       reported) and the median are recomputed from it with {@link LocustPercentiles Locust's rule}, the median
 *       clamped into [min, max] as Locust 2.47 does;
 *   <li>average response time: the mean of the runs' averages weighted by their timed requests (the histogram's
 *       count, else the request count), which is Locust's total response time over timed requests;
 *   <li>min and max: over the runs;
 *   <li>average content size: weighted by requests, which is Locust's total content length over requests;
 *   <li>requests and failures per second: the total count over the total duration. A run's duration for an entry is
 *       the one Locust divided by, {@code num_requests / total_rps} (its first to its last request second); an entry
 *       without requests in a run adds that run's duration (from its Aggregated row, else its measured span);
 *   <li>failures: summed per method, name and error; exceptions: summed per message and traceback, their nodes
 *       united.
 * </ul>
 *
 * <p>The run facts: users the common value (the peak, if they differ), duration the sum, start time the earliest,
 * Locust version the common one (the distinct ones joined with ", " if they differ, so that no comparison takes them
 * for one), early stops the distinct reasons joined with "; ", sources all of them.
 *
 * <p>A run without a histogram (read from Locust's CSV files) cannot be pooled exactly: percentiles of a pool are not
 * means of percentiles. Its entries then get the request-weighted means of the runs' percentiles and medians, an empty
 * histogram (so that every consumer takes those values), and the result lists the approximation; {@link
 * PooledResult#requireExact()} refuses such a pool. So does a run whose duration is unknown, whose rates are averaged.
 * One run is returned unchanged.
 */
public final class Pooling {

    private static final double FRACTION_SCALE = 1e6;

    private Pooling() {}

    /** @see #pool(List) */
    public static PooledResult pool(ServiceResult... runs) {
        return pool(Arrays.asList(runs));
    }

    /**
     * Pools the runs, in their order (which only decides the order of failures and exceptions).
     *
     * @throws PoolingException when there are no runs or they are of different services
     */
    public static PooledResult pool(List<ServiceResult> runs) {
        if (runs == null || runs.isEmpty()) {
            throw new PoolingException("There are no runs to pool.");
        }
        runs.forEach(r -> Objects.requireNonNull(r, "run"));
        String service = runs.get(0).service();
        Set<String> services = runs.stream().map(ServiceResult::service).collect(Collectors.toCollection(TreeSet::new));
        if (services.size() > 1) {
            throw new PoolingException(
                    "Only runs of one service can be pooled, not runs of " + String.join(", ", services) + ".");
        }
        if (runs.size() == 1) {
            return new PooledResult(runs.get(0), 1, List.of());
        }
        List<String> approximations = new ArrayList<>();
        List<Double> runDurations = runs.stream().map(Pooling::runDuration).toList();

        Map<List<String>, List<EndpointStats>> byKey = new TreeMap<>(
                Comparator.<List<String>, String>comparing(k -> k.get(1)).thenComparing(k -> k.get(0)));
        for (int j = 0; j < runs.size(); j++) {
            for (EndpointStats e : runs.get(j).endpoints()) {
                List<EndpointStats> perRun =
                        byKey.computeIfAbsent(List.of(e.method(), e.name()), k -> new ArrayList<>(nulls(runs.size())));
                perRun.set(j, e);
            }
        }
        List<EndpointStats> endpoints = new ArrayList<>();
        byKey.forEach((key, perRun) ->
                endpoints.add(entry(key.get(0), key.get(1), perRun, runs, runDurations, approximations)));
        EndpointStats aggregated = entry(
                "",
                EndpointStats.AGGREGATED,
                runs.stream().map(ServiceResult::aggregated).toList(),
                runs,
                runDurations,
                approximations);
        ServiceResult result = new ServiceResult(
                service,
                endpoints,
                aggregated,
                failures(runs),
                exceptions(runs),
                info(runs),
                runs.stream().flatMap(r -> r.sources().stream()).distinct().toList());
        return new PooledResult(result, runs.size(), approximations);
    }

    private static List<EndpointStats> nulls(int n) {
        List<EndpointStats> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(null);
        }
        return list;
    }

    /** The duration Locust divided the run's total rate by, else its measured span; null when neither is known. */
    private static Double runDuration(ServiceResult run) {
        Double implied = impliedDuration(run.aggregated());
        return implied != null ? implied : run.info().durationSeconds();
    }

    /** {@code num_requests / total_rps}: Locust's {@code last_request_timestamp - start_time} for the entry. */
    private static Double impliedDuration(EndpointStats e) {
        if (e == null || e.requestCount() <= 0 || e.requestsPerSecond() == null || !(e.requestsPerSecond() > 0)) {
            return null;
        }
        return e.requestCount() / e.requestsPerSecond();
    }

    /** Requests that have a response time: the histogram's count, else (CSV) every request when there is an average. */
    private static long timed(EndpointStats e) {
        if (!e.histogram().isEmpty()) {
            return e.histogram().values().stream().mapToLong(Long::longValue).sum();
        }
        return e.averageMs() == null ? 0 : e.requestCount();
    }

    /** True when the entry timed requests but its source kept no histogram of them (CSV). */
    private static boolean lacksHistogram(EndpointStats e) {
        return e != null
                && e.requestCount() > 0
                && e.averageMs() != null
                && e.histogram().isEmpty();
    }

    private static EndpointStats entry(
            String method,
            String name,
            List<EndpointStats> perRun,
            List<ServiceResult> runs,
            List<Double> runDurations,
            List<String> approximations) {
        String label = method.isEmpty() ? name : method + " " + name;
        List<EndpointStats> present = perRun.stream().filter(Objects::nonNull).toList();
        long requests = present.stream().mapToLong(EndpointStats::requestCount).sum();
        long failures = present.stream().mapToLong(EndpointStats::failureCount).sum();

        WeightedMean average = new WeightedMean();
        WeightedMean contentSize = new WeightedMean();
        Double min = null;
        Double max = null;
        Set<Double> fractions = new TreeSet<>();
        for (EndpointStats e : present) {
            if (e.averageMs() != null) {
                average.add(e.averageMs(), timed(e));
            }
            if (e.averageContentSize() != null) {
                contentSize.add(e.averageContentSize(), e.requestCount());
            }
            min = e.minMs() == null ? min : min == null ? e.minMs() : Math.min(min, e.minMs());
            max = e.maxMs() == null ? max : max == null ? e.maxMs() : Math.max(max, e.maxMs());
            e.percentiles().keySet().forEach(f -> fractions.add(normalized(f)));
        }

        List<Integer> withoutHistogram = new ArrayList<>();
        for (int j = 0; j < perRun.size(); j++) {
            if (lacksHistogram(perRun.get(j))) {
                withoutHistogram.add(j);
            }
        }
        NavigableMap<Double, Long> histogram;
        NavigableMap<Double, Double> percentiles = new TreeMap<>();
        Double median;
        if (withoutHistogram.isEmpty()) {
            histogram = Percentiles.merge(
                    present.stream().map(EndpointStats::histogram).toList());
            long total = histogram.values().stream().mapToLong(Long::longValue).sum();
            if (total > 0) {
                (fractions.isEmpty() ? LocustPercentiles.REPORTED : fractions)
                        .forEach(f -> percentiles.put(f, LocustPercentiles.percentile(histogram, total, f)));
                median = LocustPercentiles.median(histogram, total, min, max);
            } else {
                // nothing timed: keep Locust's median when every run reported the same one
                Set<Double> medians = present.stream()
                        .map(EndpointStats::medianMs)
                        .filter(Objects::nonNull)
                        .collect(Collectors.toSet());
                median = medians.size() == 1 ? medians.iterator().next() : null;
            }
        } else {
            histogram = new TreeMap<>();
            for (double f : fractions) {
                WeightedMean mean = new WeightedMean();
                present.forEach(e -> {
                    OptionalDouble value = Percentiles.of(e, f);
                    if (value.isPresent()) {
                        mean.add(value.getAsDouble(), timed(e));
                    }
                });
                if (mean.value() != null) {
                    percentiles.put(f, mean.value());
                }
            }
            WeightedMean medians = new WeightedMean();
            present.stream().filter(e -> e.medianMs() != null).forEach(e -> medians.add(e.medianMs(), timed(e)));
            median = medians.value();
            approximations.add(label + ": percentiles and median are the request-weighted means of the runs' values,"
                    + " not percentiles of the pooled run, because "
                    + withoutHistogram.stream().map(j -> describe(j, runs)).collect(Collectors.joining(" and "))
                    + (withoutHistogram.size() == 1 ? " has" : " have") + " no response-time histogram");
        }

        Double rps = null;
        Double failuresPerSecond = null;
        boolean anyRps = present.stream().anyMatch(e -> e.requestsPerSecond() != null);
        boolean anyFailureRate = present.stream().anyMatch(e -> e.failuresPerSecond() != null);
        if (anyRps || anyFailureRate) {
            double duration = 0;
            List<Integer> unknown = new ArrayList<>();
            for (int j = 0; j < perRun.size(); j++) {
                Double d = impliedDuration(perRun.get(j));
                d = d != null ? d : runDurations.get(j);
                if (d == null) {
                    unknown.add(j);
                } else {
                    duration += d;
                }
            }
            if (unknown.isEmpty()) {
                rps = anyRps ? (duration > 0 ? requests / duration : 0.0) : null;
                failuresPerSecond = anyFailureRate ? (duration > 0 ? failures / duration : 0.0) : null;
            } else {
                rps = anyRps ? meanRate(perRun, EndpointStats::requestsPerSecond) : null;
                failuresPerSecond = anyFailureRate ? meanRate(perRun, EndpointStats::failuresPerSecond) : null;
                approximations.add(label + ": requests and failures per second are the means of the runs' rates,"
                        + " because the duration of "
                        + unknown.stream().map(j -> describe(j, runs)).collect(Collectors.joining(" and "))
                        + " is unknown");
            }
        }

        return new EndpointStats(
                method,
                name,
                requests,
                failures,
                average.value(),
                min,
                max,
                median,
                contentSize.value(),
                rps,
                failuresPerSecond,
                percentiles,
                histogram);
    }

    /** The mean rate over every run, a run without the entry counting as 0 and one without the rate not at all. */
    private static Double meanRate(
            List<EndpointStats> perRun, java.util.function.Function<EndpointStats, Double> rate) {
        double sum = 0;
        int n = 0;
        for (EndpointStats e : perRun) {
            Double value = e == null ? Double.valueOf(0) : rate.apply(e);
            if (value != null) {
                sum += value;
                n++;
            }
        }
        return n == 0 ? null : sum / n;
    }

    private static String describe(int run, List<ServiceResult> runs) {
        List<Path> sources = runs.get(run).sources();
        return "run " + (run + 1)
                + (sources.isEmpty()
                        ? ""
                        : " (" + sources.stream().map(Path::toString).collect(Collectors.joining(", ")) + ")");
    }

    /** 0.9990000000000001 (a parsed "99.9%") and 0.999 are one fraction. */
    private static double normalized(double fraction) {
        return Math.round(fraction * FRACTION_SCALE) / FRACTION_SCALE;
    }

    private static List<FailureStat> failures(List<ServiceResult> runs) {
        Map<List<String>, FailureStat> pooled = new LinkedHashMap<>();
        runs.forEach(r -> r.failures()
                .forEach(f -> pooled.merge(
                        List.of(f.method(), f.name(), f.rawError()),
                        f,
                        (a, b) -> new FailureStat(
                                a.method(), a.name(), a.message(), a.rawError(), a.occurrences() + b.occurrences()))));
        return List.copyOf(pooled.values());
    }

    private static List<ExceptionStat> exceptions(List<ServiceResult> runs) {
        Map<List<String>, long[]> counts = new LinkedHashMap<>();
        Map<List<String>, Set<String>> nodes = new LinkedHashMap<>();
        runs.forEach(r -> r.exceptions().forEach(e -> {
            List<String> key = List.of(nullToEmpty(e.message()), nullToEmpty(e.traceback()));
            counts.computeIfAbsent(key, k -> new long[1])[0] += e.count();
            Set<String> these = nodes.computeIfAbsent(key, k -> new TreeSet<>());
            for (String node : nullToEmpty(e.nodes()).split(",")) {
                if (!node.isBlank()) {
                    these.add(node.strip());
                }
            }
        }));
        List<ExceptionStat> pooled = new ArrayList<>();
        counts.forEach((key, count) ->
                pooled.add(new ExceptionStat(count[0], key.get(0), key.get(1), String.join(", ", nodes.get(key)))));
        return pooled;
    }

    private static RunInfo info(List<ServiceResult> runs) {
        List<RunInfo> infos = runs.stream().map(ServiceResult::info).toList();
        Set<String> versions = infos.stream()
                .map(RunInfo::locustVersion)
                .filter(Objects::nonNull)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Integer users = infos.stream()
                .map(RunInfo::users)
                .filter(Objects::nonNull)
                .max(Integer::compare)
                .orElse(null);
        Double duration = infos.stream().allMatch(i -> i.durationSeconds() != null)
                ? infos.stream().mapToDouble(RunInfo::durationSeconds).sum()
                : null;
        Instant start = infos.stream()
                .map(RunInfo::startTime)
                .filter(Objects::nonNull)
                .min(Comparator.naturalOrder())
                .orElse(null);
        Set<String> earlyStops = infos.stream()
                .map(RunInfo::earlyStop)
                .filter(Objects::nonNull)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return new RunInfo(
                versions.isEmpty() ? null : String.join(", ", versions),
                users,
                duration,
                start,
                earlyStops.isEmpty() ? null : String.join("; ", earlyStops));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** A mean of values with non-negative weights. */
    private static final class WeightedMean {
        private double sum;
        private double weights;

        void add(double value, double weight) {
            sum += value * weight;
            weights += weight;
        }

        /** {@code null} while the weights add up to nothing. */
        Double value() {
            return weights > 0 ? sum / weights : null;
        }
    }
}
