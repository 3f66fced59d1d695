package dev.locustmaven.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.locustmaven.compare.ChangeText;
import dev.locustmaven.compare.Comparison;
import dev.locustmaven.compare.Measure;
import dev.locustmaven.compare.PairedChange;
import dev.locustmaven.compare.PairedCheck;
import dev.locustmaven.io.AtomicFile;
import dev.locustmaven.model.MetricValue;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A paired comparison as JSON for other tools ({@code target/locust/comparison.json}):
 *
 * <pre>{@code
 * {"verdict": "FAIL", "generated_at": "...", "pairs": 3, "confidence": 0.95, "warnings": ["..."],
 *  "checks": [{"service", "endpoint", "metric", "base", "change", "measure", "ratio", "difference", "ci_low",
 *              "ci_high", "status", "inconclusive", "rule", "message", "pairs",
 *              "requests": {"base", "change"}}]}
 * }</pre>
 *
 * {@code base} and {@code change} are each side's value over its runs (the geometric mean for a ratio). {@code
 * measure} says how the change is told: {@code ratio} (latencies, throughput) or {@code difference} (rates, in the
 * metric's unit); {@code ci_low} and {@code ci_high} are the one-sided bounds of that measure at {@code confidence},
 * {@code null} where nothing bounds them. {@code ratio} and {@code difference} are both given where both sides have a
 * value ({@code ratio} is {@code null} for a zero base); a side the metric lacks, and a flag, leave them {@code null}.
 * Numbers are rounded as {@code MetricFormat.number} rounds.
 */
public final class ComparisonJson {

    private ComparisonJson() {}

    /** The JSON text, ending in a newline; {@code generatedAt} may be {@code null} to leave the key out. */
    public static String render(Comparison comparison, Instant generatedAt) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode root = nodes.objectNode();
        root.put("verdict", comparison.level().name());
        if (generatedAt != null) {
            root.put("generated_at", generatedAt.toString());
        }
        root.put("pairs", comparison.pairs());
        root.put("confidence", comparison.confidence());
        ArrayNode warnings = root.putArray("warnings");
        comparison.warnings().forEach(warnings::add);
        ArrayNode checks = root.putArray("checks");
        for (PairedCheck check : comparison.checks()) {
            ObjectNode node = checks.addObject();
            node.put("service", check.key().service());
            node.put("endpoint", check.key().endpoint());
            node.put("metric", check.key().metric());
            node.set("base", value(check.base()));
            node.set("change", value(check.change()));
            node.put("measure", check.measure() == Measure.RATIO ? "ratio" : "difference");
            boolean numbers =
                    check.base() instanceof MetricValue.Numeric && check.change() instanceof MetricValue.Numeric;
            double base = numbers ? check.base().asDouble() : Double.NaN;
            double change = numbers ? check.change().asDouble() : Double.NaN;
            PairedChange paired = check.paired();
            Double ratio = null;
            if (paired != null && paired.measure() == Measure.RATIO) {
                ratio = paired.estimate();
            } else if (numbers && base > 0) {
                ratio = change / base;
            }
            node.set("ratio", VerdictJson.number(ratio));
            node.set("difference", VerdictJson.number(numbers ? change - base : null));
            node.set("ci_low", bound(paired, paired == null ? 0 : paired.lower()));
            node.set("ci_high", bound(paired, paired == null ? 0 : paired.upper()));
            node.put("status", check.status().name());
            node.put("inconclusive", check.inconclusive());
            node.put("rule", check.rule());
            node.put("message", check.message());
            node.put("pairs", check.pairs());
            ObjectNode requests = node.putObject("requests");
            requests.put("base", check.baseRequests());
            requests.put("change", check.changeRequests());
        }
        try {
            return VerdictJson.WRITER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree could not be written as JSON", e);
        }
    }

    public static void write(Path file, Comparison comparison, Instant generatedAt) {
        try {
            AtomicFile.write(file, render(comparison, generatedAt));
        } catch (IOException e) {
            throw new ReportFileException(file + ": cannot write the comparison: " + e, e);
        }
    }

    private static JsonNode value(MetricValue value) {
        if (value instanceof MetricValue.Flag flag) {
            return JsonNodeFactory.instance.booleanNode(flag.value());
        }
        return VerdictJson.number(value == null ? null : value.asDouble());
    }

    private static JsonNode bound(PairedChange paired, double value) {
        return VerdictJson.number(paired == null || ChangeText.isUnbounded(paired.measure(), value) ? null : value);
    }
}
