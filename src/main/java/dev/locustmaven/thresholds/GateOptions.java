package dev.locustmaven.thresholds;

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
 * @param significance true to fail a change level only beyond sampling error (rules may say otherwise)
 * @param confidence the one-sided confidence of that judgement, e.g. 0.95
 */
public record GateOptions(
        Instant now, Map<MetricKey, String> unavailable, List<String> notes, boolean significance, double confidence) {

    public static final double DEFAULT_CONFIDENCE = 0.95;

    public GateOptions {
        Objects.requireNonNull(now, "now");
        unavailable = Collections.unmodifiableMap(new TreeMap<>(unavailable));
        notes = List.copyOf(notes);
        if (!(confidence >= 0.5 && confidence < 1)) {
            throw new InvalidThresholdException(
                    "confidence must lie from 0.5 up to (not including) 1, e.g. 0.95, not " + confidence);
        }
    }

    public static GateOptions at(Instant now) {
        return new GateOptions(now, Map.of(), List.of(), true, DEFAULT_CONFIDENCE);
    }

    public GateOptions withUnavailable(Map<MetricKey, String> reasons) {
        return new GateOptions(now, reasons, notes, significance, confidence);
    }

    public GateOptions withNotes(List<String> warnings) {
        return new GateOptions(now, unavailable, warnings, significance, confidence);
    }

    public GateOptions withSignificance(boolean on, double oneSidedConfidence) {
        return new GateOptions(now, unavailable, notes, on, oneSidedConfidence);
    }
}
