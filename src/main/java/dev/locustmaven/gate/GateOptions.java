package dev.locustmaven.gate;

import dev.locustmaven.model.MetricKey;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What an evaluation needs besides the numbers.
 *
 * @param now the time the baseline's {@code valid_until} is compared with
 * @param unavailable why some metrics have no value (from {@code MetricExtractor.extractWithReasons}), quoted in the
 *     MISSING message of those metrics
 * @param notes warnings found before evaluation, e.g. from {@link Comparability}; they come first in {@code
 *     Verdict.warnings()}
 */
public record GateOptions(Instant now, Map<MetricKey, String> unavailable, List<String> notes) {

    public GateOptions {
        Objects.requireNonNull(now, "now");
        unavailable = Collections.unmodifiableMap(new TreeMap<>(unavailable));
        notes = List.copyOf(notes);
    }

    public static GateOptions at(Instant now) {
        return new GateOptions(now, Map.of(), List.of());
    }

    public GateOptions withUnavailable(Map<MetricKey, String> reasons) {
        return new GateOptions(now, reasons, notes);
    }

    public GateOptions withNotes(List<String> warnings) {
        return new GateOptions(now, unavailable, warnings);
    }
}
