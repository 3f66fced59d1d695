package dev.locustmaven.baseline;

import static dev.locustmaven.baseline.BaselineFileTest.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.locustmaven.baseline.BaselineChange.Kind;
import dev.locustmaven.model.Baseline;
import dev.locustmaven.model.Measurement;
import dev.locustmaven.model.Measurements;
import dev.locustmaven.model.MetricKey;
import dev.locustmaven.model.MetricValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselinePromotionTest {

    private static final Instant NOW = Instant.parse("2026-01-05T10:15:30.500Z");
    private static final PromotionContext CONTEXT =
            new PromotionContext(NOW, 30, "locust:baseline", "abc1234", "2.47.0", null, 5, Map.of("api_gateway", 1));

    @TempDir
    Path dir;

    private static Measurement measured(String service, String endpoint, String metric, double value) {
        return new Measurement(new MetricKey(service, endpoint, metric), MetricValue.of(value), 100);
    }

    private static Measurements apiGatewayRun() {
        return Measurements.of(List.of(
                measured("api_gateway", null, "p95_latency_ms", 700.1234567),
                measured("api_gateway", null, "rps", 2.5),
                measured("api_gateway", null, "error_rate_pct", 0.0),
                measured("api_gateway", "GET /items", "p95_latency_ms", 12.0),
                new Measurement(
                        MetricKey.of("api_gateway", "concurrent_limit_respected"), MetricValue.of(false), 100)));
    }

    @Test
    void promotesOntoTheSeedBaselineKeepingEverythingTheUserWrote() {
        BaselineDocument seed = BaselineFile.readDocument(resource("seed-baseline-with-version.json"));

        Promotion promotion = BaselinePromotion.promote(Optional.of(seed), apiGatewayRun(), CONTEXT);
        Baseline next = promotion.document().baseline();

        assertThat(next.version()).isEqualTo("2026-01-05");
        assertThat(next.effectiveFrom()).isEqualTo(Instant.parse("2026-01-05T10:15:30Z"));
        assertThat(next.validUntil()).isEqualTo(Instant.parse("2026-02-04T10:15:30Z"));
        assertThat(next.updatedBy()).isEqualTo("locust:baseline");
        assertThat(next.metadata())
                .isEqualTo(Map.of(
                        "git_commit", "abc1234",
                        "locust_version", "2.47.0",
                        "runs", "5",
                        "phase_3_run_id", "load-test-run-2025-10-17",
                        "test_environment", "GitHub Actions CPU profile"));
        assertThat(next.value(MetricKey.of("api_gateway", "p95_latency_ms"))).contains(MetricValue.of(700.123));
        assertThat(next.value(new MetricKey("api_gateway", "GET /items", "p95_latency_ms")))
                .contains(MetricValue.of(12));
        assertThat(next.value(MetricKey.of("api_gateway", "p50_latency_ms"))).contains(MetricValue.of(420));
        assertThat(next.value(MetricKey.of("rag_service", "index_p95_ms"))).contains(MetricValue.of(2500));
        assertThat(next.values()).hasSize(24 + 2);

        String json = promotion.document().toJson();
        assertThat(json)
                .contains("\"phase_3_run\": \"baseline\"")
                .contains("\"timestamp\": \"2026-01-05T10:15:30Z\"")
                // services this run did not measure keep their timestamp
                .contains("\"timestamp\": \"2025-10-17T12:00:00Z\"");
    }

    @Test
    void listsEveryChangeInKeyOrder() {
        BaselineDocument seed = BaselineFile.readDocument(resource("seed-baseline-with-version.json"));

        Promotion promotion = BaselinePromotion.promote(Optional.of(seed), apiGatewayRun(), CONTEXT);

        assertThat(promotion.changes()).extracting(BaselineChange::key).isSorted();
        assertThat(promotion.changes(Kind.CHANGED))
                .containsExactly(new BaselineChange(
                        MetricKey.of("api_gateway", "p95_latency_ms"),
                        Kind.CHANGED,
                        MetricValue.of(650),
                        MetricValue.of(700.123)));
        assertThat(promotion.changes(Kind.CHANGED).get(0).changePct()).isCloseTo(7.711, within(0.001));
        assertThat(promotion.changes(Kind.ADDED))
                .extracting(c -> c.key().toString())
                .containsExactly("api_gateway/concurrent_limit_respected", "api_gateway/GET /items/p95_latency_ms");
        assertThat(promotion.changes(Kind.UNCHANGED))
                .extracting(c -> c.key().toString())
                .containsExactly("api_gateway/baseline_users", "api_gateway/error_rate_pct", "api_gateway/rps");
        assertThat(promotion.changes(Kind.KEPT)).hasSize(24 - 4);
        // what was measured now, not what the old file kept
        assertThat(promotion.measured().all())
                .extracting(m -> m.key().toString())
                .contains("api_gateway/p95_latency_ms", "api_gateway/concurrent_limit_respected")
                .doesNotContain("api_gateway/avg_latency_ms", "api_gateway/p50_latency_ms");
        assertThat(promotion.measured().all())
                .hasSize(promotion.changes().size()
                        - promotion.changes(Kind.KEPT).size()
                        - promotion.changes(Kind.SKIPPED).size());

        List<String> lines = promotion.lines();
        assertThat(lines.get(0))
                .isEqualTo("Baseline version 2025-10-17 -> 2026-01-05, effective from 2026-01-05T10:15:30Z, valid"
                        + " until 2026-02-04T10:15:30Z");
        assertThat(lines.subList(1, 6))
                .containsExactly(
                        "  kept      api_gateway/avg_latency_ms: 450 ms (not measured in this run)",
                        "  added     api_gateway/concurrent_limit_respected: false",
                        "  kept      api_gateway/p50_latency_ms: 420 ms (not measured in this run)",
                        "  changed   api_gateway/p95_latency_ms: 650 ms -> 700.123 ms (+7.7%)",
                        "  kept      api_gateway/p99_latency_ms: 800 ms (not measured in this run)");
        assertThat(lines.get(6)).isEqualTo("  added     api_gateway/GET /items · p95_latency_ms: 12 ms");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("1 changed, 2 added, 3 unchanged, 20 kept; nothing removed");
    }

    @Test
    void promoteWriteReadGivesTheSameValues() {
        BaselineDocument seed = BaselineFile.readDocument(resource("seed-baseline-with-version.json"));
        Promotion promotion = BaselinePromotion.promote(Optional.of(seed), apiGatewayRun(), CONTEXT);
        Path file = dir.resolve("docs/performance-baselines.json");

        BaselineFile.write(file, promotion.document());

        assertThat(BaselineFile.read(file)).isEqualTo(promotion.document().baseline());
    }

    @Test
    void theSamePromotionTwiceGivesIdenticalBytes() throws IOException {
        Path file = dir.resolve("performance-baselines.json");
        Files.copy(resource("seed-baseline-with-version.json"), file);
        Promotion promotion = BaselinePromotion.promote(BaselineFile.readIfExists(file), apiGatewayRun(), CONTEXT);
        BaselineFile.write(file, promotion.document());
        byte[] first = Files.readAllBytes(file);

        Promotion again = BaselinePromotion.promote(BaselineFile.readIfExists(file), apiGatewayRun(), CONTEXT);
        BaselineFile.write(file, again.document());

        assertThat(Files.readAllBytes(file)).isEqualTo(first);
        assertThat(again.changes(Kind.CHANGED)).isEmpty();
        assertThat(again.changes(Kind.ADDED)).isEmpty();
    }

    @Test
    void aFirstPromotionWritesTheWholeFile() {
        Measurements run = Measurements.of(List.of(
                measured("rag_service", null, "query_p95_ms", 1200),
                measured("rag_service", null, "rps", 0.81234567),
                measured("api_gateway", "POST /login", "p95_latency_ms", 35.5),
                measured("api_gateway", null, "avg_latency_ms", 450.0)));
        PromotionContext context = new PromotionContext(
                NOW, 30, "locust:baseline", "abc1234", "2.47.0", "ci-small", 1, Map.of("api_gateway", 2));

        Promotion promotion = BaselinePromotion.promote(Optional.empty(), run, context);

        assertThat(promotion.previous()).isNull();
        assertThat(promotion.changes()).extracting(BaselineChange::kind).containsOnly(Kind.ADDED);
        assertThat(promotion.lines().get(0)).startsWith("Baseline version (none) -> 2026-01-05,");
        assertThat(promotion.document().toJson()).isEqualTo("""
                        {
                          "version": "2026-01-05",
                          "effective_from": "2026-01-05T10:15:30Z",
                          "valid_until": "2026-02-04T10:15:30Z",
                          "updated_by": "locust:baseline",
                          "metadata": {
                            "git_commit": "abc1234",
                            "locust_version": "2.47.0",
                            "runs": 1,
                            "test_environment": "ci-small"
                          },
                          "api_gateway": {
                            "avg_latency_ms": 450,
                            "baseline_users": 2,
                            "timestamp": "2026-01-05T10:15:30Z",
                            "endpoints": {
                              "POST /login": {
                                "p95_latency_ms": 35.5
                              }
                            }
                          },
                          "rag_service": {
                            "query_p95_ms": 1200,
                            "rps": 0.8123,
                            "timestamp": "2026-01-05T10:15:30Z"
                          }
                        }
                        """);
    }

    @Test
    void keepsAnnotationsUnknownMetadataStringsAndUnmeasuredServices() throws IOException {
        Path file = dir.resolve("baseline.json");
        Files.writeString(file, """
                {
                  "_comment": "owned by the platform team",
                  "metadata": {"owner": "platform", "locust_version": "2.20.0"},
                  "legacy_service": {"p95_latency_ms": 99, "phase_3_run": "baseline"},
                  "api_gateway": {"rps": 1.0, "ticket": "PERF-12", "custom_gauge": 7,
                                  "endpoints": {"GET /old": {"p95_latency_ms": 5}}}
                }
                """);

        Promotion promotion = BaselinePromotion.promote(
                BaselineFile.readIfExists(file),
                Measurements.of(List.of(measured("api_gateway", null, "rps", 2.0))),
                new PromotionContext(NOW, 30, null, null, null, null, null, null));
        String json = promotion.document().toJson();

        assertThat(json)
                .contains("\"_comment\": \"owned by the platform team\"")
                .contains("\"owner\": \"platform\"")
                .contains("\"locust_version\": \"2.20.0\"")
                .contains("\"legacy_service\": {\n    \"p95_latency_ms\": 99,\n    \"phase_3_run\": \"baseline\"\n  }")
                .contains("\"ticket\": \"PERF-12\"")
                .contains("\"custom_gauge\": 7")
                .contains("\"GET /old\": {\n        \"p95_latency_ms\": 5\n      }")
                .contains("\"rps\": 2,")
                .doesNotContain("updated_by");
        assertThat(promotion.changes(Kind.KEPT))
                .extracting(c -> c.key().toString())
                .containsExactly(
                        "api_gateway/custom_gauge",
                        "api_gateway/GET /old/p95_latency_ms",
                        "legacy_service/p95_latency_ms");
        assertThat(promotion.changes(Kind.CHANGED).get(0).describe())
                .isEqualTo("changed   api_gateway/rps: 1 -> 2 (+100.0%)");
    }

    @Test
    void noValidityMeansNoValidUntil() {
        BaselineDocument seed = BaselineFile.readDocument(resource("seed-baseline-with-version.json"));

        Promotion promotion = BaselinePromotion.promote(
                Optional.of(seed), apiGatewayRun(), new PromotionContext(NOW, 0, null, null, null, null, null, null));

        assertThat(promotion.document().baseline().validUntil()).isNull();
        assertThat(promotion.document().toJson()).doesNotContain("valid_until");
        assertThat(promotion.lines().get(0)).endsWith(", no expiry");
    }

    @Test
    void aNonFiniteMeasurementIsSkippedAndTheOldValueKept() {
        BaselineDocument seed = BaselineFile.readDocument(resource("seed-baseline.json"));
        Measurements run = Measurements.of(List.of(measured("api_gateway", null, "p95_latency_ms", Double.NaN)));

        Promotion promotion = BaselinePromotion.promote(Optional.of(seed), run, CONTEXT);

        assertThat(promotion.document().baseline().value(MetricKey.of("api_gateway", "p95_latency_ms")))
                .contains(MetricValue.of(650));
        assertThat(promotion.changes(Kind.SKIPPED))
                .singleElement()
                .extracting(BaselineChange::describe)
                .isEqualTo("skipped   api_gateway/p95_latency_ms: the run measured no number, kept 650 ms");
    }

    @Test
    void aChangeFromZeroShowsTheDifferenceInsteadOfAPercentage() {
        BaselineDocument seed = BaselineFile.readDocument(resource("seed-baseline.json"));
        Measurements run = Measurements.of(List.of(measured("api_gateway", null, "error_rate_pct", 0.25)));

        Promotion promotion = BaselinePromotion.promote(Optional.of(seed), run, CONTEXT);

        BaselineChange change = promotion.changes(Kind.CHANGED).get(0);
        assertThat(change.changePct()).isNull();
        assertThat(change.describe()).isEqualTo("changed   api_gateway/error_rate_pct: 0% -> 0.25% (+0.25 pp)");
    }

    @Test
    void aServiceNamedLikeAHeaderKeyIsRejected() {
        Measurements run = Measurements.of(List.of(measured("metadata", null, "rps", 1)));

        assertThatThrownBy(() -> BaselinePromotion.promote(Optional.empty(), run, CONTEXT))
                .isInstanceOf(BaselineFileException.class)
                .hasMessageStartingWith("A service named \"metadata\" cannot be stored in a baseline file");
    }
}
