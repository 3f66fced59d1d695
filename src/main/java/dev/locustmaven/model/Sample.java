package dev.locustmaven.model;

import java.util.Objects;
import java.util.Optional;

/**
 * What a judged value was computed from, so that its sampling error can be told: the response times behind a
 * percentile or an average, the requests and failures behind a rate, the count behind a throughput. A value of any
 * other kind (a count, a minimum or maximum, a condition) is {@link Exact}: it is judged as the number it is.
 */
public sealed interface Sample {

    /** How many requests the value was computed from. */
    long size();

    /** True when the sample is a stand-in rebuilt from summaries (CSV input), so its error is an approximation. */
    default boolean approximate() {
        return false;
    }

    /** The response times behind a percentile or an average; empty for a value of any other kind. */
    default Optional<ResponseTimes> responseTimes() {
        return Optional.empty();
    }

    /** The {@code fraction} percentile (0.95) of the response times. */
    record Quantile(double fraction, ResponseTimes times) implements Sample {
        public Quantile {
            if (!(fraction > 0 && fraction <= 1)) {
                throw new IllegalArgumentException("a percentile's fraction lies in (0, 1], not " + fraction);
            }
            Objects.requireNonNull(times, "times");
        }

        @Override
        public long size() {
            return times.size();
        }

        @Override
        public boolean approximate() {
            return times.approximate();
        }

        @Override
        public Optional<ResponseTimes> responseTimes() {
            return Optional.of(times);
        }
    }

    /** The average of the response times. */
    record Mean(ResponseTimes times) implements Sample {
        public Mean {
            Objects.requireNonNull(times, "times");
        }

        @Override
        public long size() {
            return times.size();
        }

        @Override
        public boolean approximate() {
            return times.approximate();
        }

        @Override
        public Optional<ResponseTimes> responseTimes() {
            return Optional.of(times);
        }
    }

    /** A percentage of requests, such as failed ones: {@code events} of {@code size}. */
    record Proportion(long events, long size) implements Sample {
        public Proportion {
            if (events < 0 || size < 0 || events > size) {
                throw new IllegalArgumentException(
                        "a proportion needs 0 <= events <= size, not " + events + " of " + size);
            }
        }
    }

    /** A throughput: requests per second over a fixed time, whose error is that of the request count. */
    record Count(long size) implements Sample {
        public Count {
            if (size < 0) {
                throw new IllegalArgumentException("a count is not negative: " + size);
            }
        }
    }

    /** A value judged as it stands. */
    record Exact(long size) implements Sample {}

    /** Two samples of the same statistic as one; {@link Exact} when the kinds differ. */
    static Sample pooled(Sample a, Sample b) {
        if (a instanceof Quantile qa && b instanceof Quantile qb && qa.fraction() == qb.fraction()) {
            return new Quantile(qa.fraction(), qa.times().plus(qb.times()));
        }
        if (a instanceof Mean ma && b instanceof Mean mb) {
            return new Mean(ma.times().plus(mb.times()));
        }
        if (a instanceof Proportion pa && b instanceof Proportion pb) {
            return new Proportion(pa.events() + pb.events(), pa.size() + pb.size());
        }
        if (a instanceof Count ca && b instanceof Count cb) {
            return new Count(ca.size() + cb.size());
        }
        return new Exact(a.size() + b.size());
    }
}
