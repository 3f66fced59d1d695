package dev.locustmaven.sampling;

import dev.locustmaven.model.ResponseTimes;
import dev.locustmaven.model.Sample;
import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Roughly how many requests would have decided an inconclusive comparison: the same response times (or rate) seen
 * over more requests, grown in steps of a quarter until the change's bounds clear the level. First the run alone is
 * grown; when even a very long run would not decide because the baseline is too thin, both are.
 */
public final class RequestsToDecide {

    private static final long MOST = 10_000_000;

    /** Whether to grow only the run, or the run and the baseline alike. */
    public enum Side {
        RUN,
        RUN_AND_BASELINE
    }

    /** An estimate: the requests and which side must have them. */
    public record Estimate(long requests, Side side) {}

    private RequestsToDecide() {}

    /**
     * @param decides whether bounds of the change computed from samples of this size would decide
     * @return empty when neither growth decides (the change lies at the level itself), or the samples are exact
     */
    public static java.util.Optional<Estimate> estimate(
            Sample run,
            double runValue,
            Sample baseline,
            double baselineValue,
            double confidence,
            Predicate<ChangeInput> decides) {
        OptionalLong runOnly = grow(
                run.size(),
                factor -> decides.test(new ChangeInput(
                        SamplingError.of(scaled(run, factor), runValue, confidence),
                        SamplingError.of(baseline, baselineValue, confidence),
                        factor,
                        1)));
        if (runOnly.isPresent()) {
            return java.util.Optional.of(new Estimate(runOnly.getAsLong(), Side.RUN));
        }
        OptionalLong both = grow(
                Math.max(run.size(), baseline.size()),
                factor -> decides.test(new ChangeInput(
                        SamplingError.of(scaled(run, factor), runValue, confidence),
                        SamplingError.of(scaled(baseline, factor), baselineValue, confidence),
                        factor,
                        factor)));
        return both.isPresent()
                ? java.util.Optional.of(new Estimate(both.getAsLong(), Side.RUN_AND_BASELINE))
                : java.util.Optional.empty();
    }

    /**
     * Both sides at one size: the bounds of their values, and how many times its requests each side has (the same
     * response times seen that much more often).
     */
    public record ChangeInput(Bounds run, Bounds baseline, double runFactor, double baselineFactor) {}

    private static OptionalLong grow(long size, Predicate<Double> decidesAt) {
        if (size <= 0) {
            return OptionalLong.empty();
        }
        for (double n = size * 1.25; n <= MOST; n *= 1.25) {
            if (decidesAt.test(n / size)) {
                return OptionalLong.of(roughly(Math.round(n)));
            }
        }
        return OptionalLong.empty();
    }

    /** Two significant digits: an estimate, not a promise. */
    static long roughly(long n) {
        if (n < 100) {
            return n;
        }
        long scale = (long) Math.pow(10, (long) Math.log10(n) - 1);
        return (n + scale - 1) / scale * scale;
    }

    static Sample scaled(Sample sample, double factor) {
        if (sample instanceof Sample.Quantile q) {
            return new Sample.Quantile(q.fraction(), scaled(q.times(), factor));
        }
        if (sample instanceof Sample.Mean m) {
            return new Sample.Mean(scaled(m.times(), factor));
        }
        if (sample instanceof Sample.Proportion p) {
            long size = Math.round(p.size() * factor);
            return new Sample.Proportion(Math.min(size, Math.round(p.events() * factor)), size);
        }
        if (sample instanceof Sample.Count c) {
            return new Sample.Count(Math.round(c.size() * factor));
        }
        return sample;
    }

    private static ResponseTimes scaled(ResponseTimes times, double factor) {
        return new ResponseTimes(scaled(times.buckets(), factor), scaled(times.floors(), factor), times.approximate());
    }

    private static NavigableMap<Double, Long> scaled(NavigableMap<Double, Long> histogram, double factor) {
        NavigableMap<Double, Long> buckets = new TreeMap<>();
        for (Map.Entry<Double, Long> bucket : histogram.entrySet()) {
            buckets.put(bucket.getKey(), Math.max(1, Math.round(bucket.getValue() * factor)));
        }
        return buckets;
    }
}
