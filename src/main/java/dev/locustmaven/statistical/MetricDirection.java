package dev.locustmaven.statistical;

import java.util.Locale;

/** Which way a metric gets worse. Throughput is better when higher; latencies, errors and failures when lower. */
public enum MetricDirection {
    HIGHER_IS_BETTER,
    LOWER_IS_BETTER;

    /**
     * The direction of a metric by its name: {@code rps}, {@code *_rps}, {@code request_count}, {@code *_throughput} and
     * {@code *_per_second} are higher-is-better; everything else (latencies, error rates, failure counts, violations)
     * is lower-is-better.
     */
    public static MetricDirection of(String metric) {
        String name = metric.toLowerCase(Locale.ROOT);
        boolean higher = name.equals("rps")
                || name.endsWith("_rps")
                || name.equals("request_count")
                || name.endsWith("_request_count")
                || name.equals("throughput")
                || name.endsWith("_throughput")
                || name.endsWith("_per_second");
        return higher ? HIGHER_IS_BETTER : LOWER_IS_BETTER;
    }

    /** +1 when a larger value is worse, −1 when a smaller value is worse. */
    public int worseSign() {
        return this == LOWER_IS_BETTER ? 1 : -1;
    }

    /** The word for a change of the given sign: "higher" or "lower". */
    static String word(double signedChange) {
        return signedChange >= 0 ? "higher" : "lower";
    }
}
