package dev.locustmaven.metrics;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A statistic over the requests a user-defined metric selects. */
public enum RequestStatistic {
    COUNT("count", null),
    FAILURES("failures", null),
    ERROR_RATE_PCT("error_rate_pct", null),
    RPS("rps", null),
    AVG("avg", null),
    MIN("min", null),
    MAX("max", null),
    P50("p50", 0.5),
    P66("p66", 0.66),
    P75("p75", 0.75),
    P80("p80", 0.8),
    P90("p90", 0.9),
    P95("p95", 0.95),
    P98("p98", 0.98),
    P99("p99", 0.99),
    P999("p999", 0.999);

    private final String text;
    private final Double fraction;

    RequestStatistic(String text, Double fraction) {
        this.text = text;
        this.fraction = fraction;
    }

    /** The name used in the pom. */
    public String text() {
        return text;
    }

    /** The percentile as a fraction (0.95, the same double Locust uses), empty for other statistics. */
    public Optional<Double> fraction() {
        return Optional.ofNullable(fraction);
    }

    public static Optional<RequestStatistic> parse(String text) {
        return Arrays.stream(values()).filter(s -> s.text.equals(text)).findFirst();
    }

    public static List<String> texts() {
        return Arrays.stream(values()).map(RequestStatistic::text).toList();
    }
}
