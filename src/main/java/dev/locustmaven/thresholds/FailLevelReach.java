package dev.locustmaven.thresholds;

import dev.locustmaven.model.LocustPercentiles;
import dev.locustmaven.model.Measurement;
import dev.locustmaven.model.Measurements;
import dev.locustmaven.model.MetricKey;
import dev.locustmaven.model.MetricValue;
import dev.locustmaven.model.ResponseTimes;
import dev.locustmaven.model.Sample;
import dev.locustmaven.thresholds.ThresholdLevel.Direction;
import dev.locustmaven.thresholds.ThresholdLevel.RelativeChange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * How far each relative fail level reaches against a baseline: the smallest slowdown of every request that fails the
 * check beyond sampling error, for one run of the size of a baseline run and for a run as long as you like. With a few
 * dozen requests behind the baseline its own error keeps the bound short of the estimate however long the run, and a
 * user should learn that when promoting, not from a doubling that ends as an inconclusive warning.
 *
 * <p>The run is the baseline's histogram with every request {@code f} times as long, rounded to Locust's buckets, and
 * judged as {@code check} judges a breach under sampling error; floors ({@code minAbsolute}, {@code minAbsoluteChange})
 * are left aside.
 */
public final class FailLevelReach {

    /** A run with this many times the baseline's requests stands for "as long as you like" (capped by {@link #MOST}). */
    static final long LONG_RUN = 100;

    /** At most this many requests in a simulated run: beyond, a run adds nothing a user would see in whole percents. */
    static final long MOST = 1_000_000;

    /** A slowed bucket's requests are spread over at most this many times within it. */
    private static final int SPREAD = 64;

    /** Slowdowns beyond this many times are out of reach; fail levels at or beyond it are not reported. */
    public static final double MAX_FACTOR = 10;

    private FailLevelReach() {}

    /**
     * One checked latency's reach.
     *
     * @param key the metric
     * @param fail the rule's fail level
     * @param baselineRequests the requests behind the baseline's value
     * @param runRequests the requests of one run: the baseline's, divided by the runs it was promoted from
     * @param oneRun the smallest slowdown (2.0 is twice as long) that one such run fails on; empty when beyond {@value
     *     #MAX_FACTOR}
     * @param longRun the same for a run as long as you like, the limit the baseline sets
     */
    public record Reach(
            MetricKey key,
            RelativeChange fail,
            long baselineRequests,
            long runRequests,
            OptionalDouble oneRun,
            OptionalDouble longRun) {

        /** How far sampling error keeps one run's reach above the level: 1.13 is 13% more than the level. */
        public double margin() {
            return oneRun.orElse(Double.POSITIVE_INFINITY) / (1 + fail.percent() / 100);
        }
    }

    /**
     * The reach of every relative fail level below {@value #MAX_FACTOR} times on a latency with a histogram, judged
     * under sampling error (the rule's own {@code significance}, else {@code significance}); the thinnest (largest
     * {@link Reach#margin()}) first. A key that two rules judge has a reach per rule, as it has a check per rule.
     *
     * @param baselineRuns the runs the baseline's samples were pooled from, at least 1
     */
    public static List<Reach> of(
            ThresholdRules rules, Measurements baseline, int baselineRuns, boolean significance, double confidence) {
        List<Reach> reaches = new ArrayList<>();
        for (ParsedRule rule : rules.parsed()) {
            boolean on = rule.significance() == null ? significance : rule.significance();
            if (!on
                    || !(rule.fail() instanceof RelativeChange fail)
                    || fail.direction() != Direction.RISE_IS_WORSE
                    || 1 + fail.percent() / 100 >= MAX_FACTOR) {
                continue;
            }
            for (Measurement m : baseline.all()) {
                if (rule.matches(m.key())) {
                    reach(m, fail, baselineRuns, confidence).ifPresent(reaches::add);
                }
            }
        }
        reaches.sort(Comparator.comparingDouble(Reach::margin).reversed().thenComparing(Reach::key));
        return reaches;
    }

    private static Optional<Reach> reach(Measurement m, RelativeChange fail, int baselineRuns, double confidence) {
        ResponseTimes times = SampledChange.responseTimes(m.sample());
        if (times == null
                || times.approximate()
                || times.size() == 0
                || !(m.value() instanceof MetricValue.Numeric value)
                || !(value.value() > 0)) {
            return Optional.empty();
        }
        long size = times.size();
        long runRequests = Math.max(1, Math.round((double) size / Math.max(1, baselineRuns)));
        long longRun = Math.max(1, Math.min(LONG_RUN, MOST / size));
        return Optional.of(new Reach(
                m.key(),
                fail,
                size,
                runRequests,
                smallestFailing(
                        m.sample(), value.value(), typicalRun(times, Math.min(runRequests, MOST)), fail, confidence),
                smallestFailing(m.sample(), value.value(), repeated(times, longRun), fail, confidence)));
    }

    /**
     * A run of {@code requests} drawn evenly from the baseline's response times (its order statistics at equal steps,
     * in one walk over the buckets), so that one run of a pooled baseline keeps the baseline's shape.
     */
    private static ResponseTimes typicalRun(ResponseTimes times, long requests) {
        long size = times.size();
        if (requests >= size) {
            return times;
        }
        NavigableMap<Double, Long> buckets = new TreeMap<>();
        long below = 0;
        long drawn = 0;
        for (Map.Entry<Double, Long> bucket : times.buckets().entrySet()) {
            long upTo = below + bucket.getValue();
            // the i-th draw (from 0) is the order statistic ceil((i + 0.5) * size / requests)
            long count = 0;
            while (drawn < requests && Math.max(1, (long) Math.ceil((drawn + 0.5) * size / requests)) <= upTo) {
                count++;
                drawn++;
            }
            if (count > 0) {
                buckets.put(bucket.getKey(), count);
            }
            below = upTo;
        }
        return new ResponseTimes(buckets, false);
    }

    /** Each request {@code times} times over: the same shape from more requests. */
    private static ResponseTimes repeated(ResponseTimes run, long times) {
        NavigableMap<Double, Long> buckets = new TreeMap<>();
        run.buckets().forEach((ms, count) -> buckets.put(ms, count * times));
        return new ResponseTimes(buckets, false);
    }

    /**
     * The smallest slowdown of every request that the level calls beyond sampling error, by bisection between the level
     * itself and {@value #MAX_FACTOR}; to about a tenth of a percent.
     */
    private static OptionalDouble smallestFailing(
            Sample baseline, double baselineValue, ResponseTimes run, RelativeChange fail, double confidence) {
        double low = 1 + fail.percent() / 100;
        double high = MAX_FACTOR;
        if (!fails(baseline, baselineValue, run, high, fail, confidence)) {
            return OptionalDouble.empty();
        }
        if (fails(baseline, baselineValue, run, low, fail, confidence)) {
            return OptionalDouble.of(low);
        }
        while (high / low > 1.001) {
            double mid = Math.sqrt(low * high);
            if (fails(baseline, baselineValue, run, mid, fail, confidence)) {
                high = mid;
            } else {
                low = mid;
            }
        }
        return OptionalDouble.of(high);
    }

    private static boolean fails(
            Sample baseline,
            double baselineValue,
            ResponseTimes run,
            double factor,
            RelativeChange fail,
            double confidence) {
        ResponseTimes slower = slower(run, factor);
        Sample sample = baseline instanceof Sample.Quantile q
                ? new Sample.Quantile(q.fraction(), slower)
                : new Sample.Mean(slower);
        return new SampledChange(sample, baselineValue * factor, baseline, baselineValue, confidence)
                .beyondSamplingError(fail);
    }

    /**
     * Every response time {@code factor} times as long, as Locust would record it: a bucket's requests spread evenly
     * over the times it stands for (at most {@value #SPREAD} points), slowed, and rounded to their buckets. Slowing the
     * bucket's value alone would round a whole bucket the same way: times of a few milliseconds at +50% land on halves.
     */
    private static ResponseTimes slower(ResponseTimes times, double factor) {
        NavigableMap<Double, Long> buckets = new TreeMap<>();
        times.buckets().forEach((ms, count) -> {
            double from = LocustPercentiles.bucketFrom(ms);
            double to = LocustPercentiles.bucketTo(ms);
            int points = (int) Math.min(count, SPREAD);
            for (int k = 0; k < points; k++) {
                long share = count / points + (k < count % points ? 1 : 0);
                double time = (from + (k + 0.5) / points * (to - from)) * factor;
                buckets.merge(LocustPercentiles.bucket(time), share, Long::sum);
            }
        });
        return new ResponseTimes(buckets, false);
    }
}
