package dev.locustmaven.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.locustmaven.compare.PairedCheck;
import dev.locustmaven.locust.run.PairedLayout;
import dev.locustmaven.locust.run.PairedSession.Side;
import dev.locustmaven.model.Status;
import dev.locustmaven.report.ReportContext;
import dev.locustmaven.thresholds.ThresholdRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What check makes of a comparison's folder: the pairs read from every run's results directory (here one real Locust
 * output of the plugin's run goal, as base and change alike), the rules matched as check matches them, and the files.
 */
class ComparisonCheckTest {

    private static final Path RUN = Path.of("src/test/resources/locust/2.47.0/fidelity-run-goal");
    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    @TempDir
    Path results;

    @Test
    void identicalRunsPassAndEveryRuleJudgesWhatItMatches() throws Exception {
        assertThat(ComparisonCheck.ranIn(results)).isFalse();
        lay(2);
        assertThat(ComparisonCheck.ranIn(results)).isTrue();

        ComparisonCheck.Result result = new ComparisonCheck()
                .check(request(List.of(
                        rule("*", "/search", "avg_latency_ms", "+20%"),
                        rule("shop", null, "no_such_metric", "+20%"),
                        rule("*", "*", "nothing_*", "+20%"))));

        List<PairedCheck> checks = result.comparison().checks();
        assertThat(checks)
                .extracting(c -> c.key().endpoint() + " " + c.key().metric() + " " + c.status())
                .containsExactly("null no_such_metric MISSING", "/search avg_latency_ms PASS");
        PairedCheck search = checks.get(1);
        assertThat(search.paired().estimate()).isEqualTo(1.0);
        assertThat(search.pairs()).isEqualTo(2);
        assertThat(search.message())
                .startsWith("shop \"/search\" avg_latency_ms: ")
                .contains("(+0.0%, interval ")
                .endsWith(", 2 pairs), within fail +20%.");
        assertThat(result.comparison().level()).isEqualTo(Status.FAIL);
        assertThat(result.comparison().warnings())
                .containsExactly("Threshold #3 (service *, endpoint *, metric nothing_*) matches no metric of the base"
                        + " or the change.");

        assertThat(result.outputs())
                .containsExactly(
                        results.resolve("report/comparison.json"),
                        results.resolve("report/comparison.md"),
                        results.resolve("report/TEST-locust-compare.xml"));
        JsonNode json = new ObjectMapper()
                .readTree(results.resolve("report/comparison.json").toFile());
        assertThat(json.get("verdict").asText()).isEqualTo("FAIL");
        assertThat(json.get("pairs").asInt()).isEqualTo(2);
        assertThat(json.get("checks").get(1).get("ratio").asDouble()).isEqualTo(1.0);
        assertThat(result.markdown())
                .startsWith("## Locust comparison: FAIL\n\n0 failed, 1 warning, 1 passed, 1 missing;");
    }

    /** {@code pairs} pairs of the same run, as compare lays them out, and the manifest that says they are complete. */
    private void lay(int pairs) throws Exception {
        PairedLayout layout = PairedLayout.in(results);
        for (int pair = 1; pair <= pairs; pair++) {
            for (Side side : Side.values()) {
                Path service = layout.run(side, pair).resolve("shop");
                Files.createDirectories(service);
                Files.copy(RUN.resolve("final-stats.json"), service.resolve("final-stats.json"));
            }
        }
        Files.writeString(layout.manifest(), "{\"pairs\": " + pairs + ", \"services\": [\"shop\"]}\n");
    }

    private ComparisonCheck.Request request(List<ThresholdRule> rules) {
        return new ComparisonCheck.Request(
                results,
                results.resolve("report"),
                rules,
                List.of(),
                NOW,
                new ReportContext(NOW, null, null, null),
                true,
                0.95);
    }

    private static ThresholdRule rule(String service, String endpoint, String metric, String fail) {
        return new ThresholdRule(service, metric, endpoint, null, fail, null, null, false, null);
    }
}
