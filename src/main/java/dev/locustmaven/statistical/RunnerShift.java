package dev.locustmaven.statistical;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The common shift of one build across a group of series: on a slower CI runner every latency of a service rises
 * together, and that runner bias is the noise a rerun in the same job cannot remove. The shift of a build is the median,
 * over the group's series, of each series' log deviation from its own centre. Judging each series after removing its
 * build's shift leaves only the noise that is its own; the shift itself is judged as one test of the group, so a change
 * that slows everything is still caught.
 *
 * <p>The median makes the estimate ignore a minority of series that really changed, and a series whose noise does not
 * follow the group merely keeps a wider spread, which its own history measures. A series reported in steps (Locust's
 * percentile buckets) counts only what it moved beyond one step: a 6 ms percentile that reads 7 ms has moved by less
 * than a millisecond, not by 17%, and half a group of such series must not make the whole build look 8% faster.
 */
public final class RunnerShift {

    final String group;
    final MetricDirection direction;
    final int members;
    final double[] history;
    final Instant[] times;
    final double current;
    private final Map<String, Double> byBuild;

    private RunnerShift(
            String group,
            MetricDirection direction,
            int members,
            double[] history,
            Instant[] times,
            double current,
            Map<String, Double> byBuild) {
        this.group = group;
        this.direction = direction;
        this.members = members;
        this.history = history;
        this.times = times;
        this.current = current;
        this.byBuild = byBuild;
    }

    /**
     * The group a metric's common shift is estimated in: the latencies of a service ({@code *_ms} or a name with
     * "latency"), or its throughput metrics (higher-is-better ones); null for others (counts, error rates, flags).
     */
    public static String groupOf(String service, String metric) {
        String name = metric.toLowerCase(Locale.ROOT);
        if (MetricDirection.of(metric) == MetricDirection.HIGHER_IS_BETTER) {
            return service + " throughput";
        }
        if (name.endsWith("_ms") || name.contains("latency")) {
            return service + " latency";
        }
        return null;
    }

    /** The deviations of one build's series from their centres. */
    private static final class Build {
        final String key;
        final int order;
        Instant time;
        double[] deviations = new double[8];
        int count;

        Build(String key, int order, Instant time) {
            this.key = key;
            this.order = order;
            this.time = time;
        }

        void add(double deviation, Instant at) {
            if (count == deviations.length) {
                deviations = Arrays.copyOf(deviations, 2 * count);
            }
            deviations[count++] = deviation;
            if (at != null && (time == null || at.isBefore(time))) {
                time = at;
            }
        }
    }

    /**
     * Estimates the shift of every build in the last {@code span} runs of the members and of the current build. The
     * members share one direction.
     *
     * @return null when no earlier build had enough members to estimate its shift
     */
    static RunnerShift estimate(String group, List<PreparedSeries> members, int span, GateSettings settings) {
        int required = Math.max(3, (members.size() + 1) / 2);
        Map<String, Build> builds = new HashMap<>();
        List<Build> order = new ArrayList<>();
        double[] currentDeviations = new double[members.size()];
        for (int s = 0; s < members.size(); s++) {
            PreparedSeries series = members.get(s);
            int from = Math.max(0, series.logs.length - span);
            double centre = settings.centre(Arrays.copyOfRange(series.logs, from, series.logs.length));
            for (int i = from; i < series.logs.length; i++) {
                String key = series.buildKeys[i];
                Build build = builds.get(key);
                if (build == null) {
                    build = new Build(key, order.size(), series.times[i]);
                    builds.put(key, build);
                    order.add(build);
                }
                build.add(StepTolerance.shrink(series.logs[i] - centre, series.toleranceLog), series.times[i]);
            }
            currentDeviations[s] = StepTolerance.shrink(series.currentLog - centre, series.toleranceLog);
        }
        List<Build> estimated = new ArrayList<>();
        Map<String, Double> byBuild = new HashMap<>();
        for (Build build : order) {
            if (build.count >= required) {
                estimated.add(build);
                byBuild.put(build.key, RobustStatistics.medianInPlace(Arrays.copyOf(build.deviations, build.count)));
            }
        }
        if (estimated.isEmpty()) {
            return null;
        }
        // Builds without a time keep the order in which the series listed them.
        estimated.sort(Comparator.comparing((Build b) -> b.time, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparingInt(b -> b.order));
        double[] history = new double[estimated.size()];
        Instant[] times = new Instant[estimated.size()];
        for (int i = 0; i < estimated.size(); i++) {
            history[i] = byBuild.get(estimated.get(i).key);
            times[i] = estimated.get(i).time;
        }
        return new RunnerShift(
                group,
                members.get(0).input.direction(),
                members.size(),
                history,
                times,
                RobustStatistics.medianInPlace(currentDeviations),
                byBuild);
    }

    /** Points the series' tested values at its runs corrected for their builds' shifts. */
    void correct(PreparedSeries series) {
        double[] values = new double[series.logs.length];
        Instant[] at = new Instant[series.logs.length];
        int k = 0;
        for (int i = 0; i < series.logs.length; i++) {
            Double shift = byBuild.get(series.buildKeys[i]);
            if (shift != null) {
                values[k] = series.logs[i] - shift;
                at[k++] = series.times[i];
            }
        }
        series.tested = Arrays.copyOf(values, k);
        series.testedTimes = Arrays.copyOf(at, k);
        series.testedCurrent = series.currentLog - current;
        series.shift = this;
    }
}
