package dev.locustmaven.maven;

import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.locustmaven.baseline.BaselineFile;
import dev.locustmaven.history.BuildEnvironment;
import dev.locustmaven.history.Fingerprint;
import dev.locustmaven.history.HistoryRecord;
import dev.locustmaven.history.HistoryStore;
import dev.locustmaven.locust.output.ResultsDirectoryReader;
import dev.locustmaven.metrics.MetricExtractor;
import dev.locustmaven.model.Measurements;
import dev.locustmaven.model.MetricFormat;
import dev.locustmaven.model.MetricKey;
import dev.locustmaven.model.MetricValue;
import dev.locustmaven.model.ResponseTimes;
import dev.locustmaven.model.Sample;
import dev.locustmaven.model.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The baseline goal's wiring: the pom's parameters reach the promotion and the file is written. */
@MojoTest
class BaselineMojoTest {

    private static final Path RESULTS = Path.of("src/it-fixtures/results").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    @InjectMojo(goal = "baseline", pom = "src/test/resources/unit/baseline/pom.xml")
    void promotesTheResultsKeepingWhatTheUserAdded(BaselineMojo mojo) throws Exception {
        Path file = dir.resolve("docs/performance-baselines.json");
        Files.createDirectories(file.getParent());
        Files.writeString(
                file, "{\"_comment\": \"owned by the platform team\", \"api_gateway\": {\"owner\": \"edge\"}}");
        setVariableValueToObject(mojo, "resultsDirectory", RESULTS.toFile());
        setVariableValueToObject(mojo, "baselineFile", file.toFile());

        mojo.execute();

        JsonNode written = new ObjectMapper().readTree(file.toFile());
        assertThat(written.path("_comment").asText()).isEqualTo("owned by the platform team");
        assertThat(written.path("api_gateway").path("owner").asText()).isEqualTo("edge");
        assertThat(written.path("api_gateway").path("p95_latency_ms").asDouble())
                .isPositive();
        assertThat(written.path("rag_service").path("query_p95_ms").asDouble()).isPositive();
        assertThat(written.path("updated_by").asText()).isEqualTo("harness");
        assertThat(written.path("metadata").path("test_environment").asText()).isEqualTo("unit test");
        assertThat(written.path("metadata").path("locust_version").asText()).isEqualTo("2.47.0");
        assertThat(written.path("api_gateway").path("baseline_users").asInt()).isEqualTo(4);
    }

    @Test
    @InjectMojo(goal = "baseline", pom = "src/test/resources/unit/baseline-thresholds/pom.xml")
    void thePomsThresholdsTellWhatTheNewBaselineLetsEachFailLevelCatch(BaselineMojo mojo) throws Exception {
        List<String> info = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        mojo.setLog(new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                info.add(content.toString());
            }

            @Override
            public void warn(CharSequence content) {
                warnings.add(content.toString());
            }
        });
        setVariableValueToObject(mojo, "resultsDirectory", RESULTS.toFile());
        setVariableValueToObject(
                mojo, "baselineFile", dir.resolve("baseline.json").toFile());

        mojo.execute();

        // GET /health: 55 requests of a few milliseconds in Locust's 1 ms buckets; each request counts as anywhere
        // within its bucket, so even these reach within 10% of the level and nothing needs narrowing
        assertThat(info)
                .contains(
                        "  api_gateway \"GET /health\" p95_latency_ms, fail +50%: +59% from one run of 55 requests, +56%"
                                + " at best (55 requests in the baseline)",
                        "  api_gateway p95_latency_ms, fail +50%: +54% from one run of 345 requests, +53% at best (345"
                                + " requests in the baseline)");
        assertThat(warnings).isEmpty();
    }

    @Test
    @InjectMojo(goal = "baseline", pom = "src/test/resources/unit/baseline-thresholds/pom.xml")
    void anInvalidThresholdStopsThePromotionBeforeAnythingIsWritten(BaselineMojo mojo) throws Exception {
        Path file = dir.resolve("baseline.json");
        setVariableValueToObject(mojo, "resultsDirectory", RESULTS.toFile());
        setVariableValueToObject(mojo, "baselineFile", file.toFile());
        setVariableValueToObject(mojo, "confidence", 1.0);

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("locust.confidence must lie from 0.5 up to (not including) 1, e.g. 0.95, not 1.0");
        assertThat(file).doesNotExist();
    }

    private static HistoryRecord run(int i, int users, double p95, boolean respected) {
        Fingerprint fingerprint = new Fingerprint(users, null, null, null, "2.47.0", "Linux", "amd64", 2, "ci");
        return HistoryRecord.of(
                Instant.parse("2026-02-01T00:00:00Z").plusSeconds(3600L * i),
                "run-" + i,
                new BuildEnvironment("abc", "main", null, null),
                "no-baseline",
                Status.PASS,
                1,
                Map.of("api", fingerprint),
                Map.of(
                        MetricKey.of("api", "p95_latency_ms"), MetricValue.of(p95),
                        MetricKey.of("api", "limit_respected"), MetricValue.of(respected)),
                Map.of());
    }

    @Test
    @InjectMojo(goal = "baseline", pom = "src/test/resources/unit/baseline/pom.xml")
    void baselineRunsPromotesTheMedianOfTheLastComparableRunsAndStartsANewSegment(BaselineMojo mojo) throws Exception {
        Path history = dir.resolve("history.jsonl");
        new HistoryStore(history)
                .appendAll(List.of(
                        run(0, 10, 10, true),
                        run(1, 10, 50, false),
                        run(2, 10, 12, true),
                        run(3, 99, 500, false),
                        run(4, 10, 13, true)));
        Path file = dir.resolve("performance-baselines.json");
        setVariableValueToObject(
                mojo, "resultsDirectory", dir.resolve("no-results").toFile());
        setVariableValueToObject(mojo, "baselineFile", file.toFile());
        setVariableValueToObject(mojo, "historyFile", history.toFile());
        setVariableValueToObject(mojo, "baselineRuns", 3);

        mojo.execute();

        JsonNode written = new ObjectMapper().readTree(file.toFile());
        // the last three runs of 10 users: 50, 12 and 13 (the run of 99 users is not comparable)
        assertThat(written.path("api").path("p95_latency_ms").asDouble()).isEqualTo(13);
        assertThat(written.path("api").path("limit_respected").asBoolean()).isTrue();
        assertThat(written.path("api").path("baseline_users").asInt()).isEqualTo(10);
        assertThat(written.path("metadata").path("runs").asInt()).isEqualTo(3);
        String first = HistoryRecord.segmentOf(BaselineFile.read(file));

        // effective_from has whole seconds, so promotions within one second share a segment
        Thread.sleep(1100);
        mojo.execute();

        assertThat(HistoryRecord.segmentOf(BaselineFile.read(file)))
                .as("every promotion starts a new segment")
                .isNotEqualTo(first);
    }

    @Test
    @InjectMojo(goal = "baseline", pom = "src/test/resources/unit/baseline/pom.xml")
    void tooFewComparableRunsIsAClearError(BaselineMojo mojo) throws Exception {
        Path history = dir.resolve("history.jsonl");
        new HistoryStore(history).appendAll(List.of(run(0, 10, 10, true), run(1, 10, 11, true)));
        setVariableValueToObject(mojo, "baselineFile", dir.resolve("b.json").toFile());
        setVariableValueToObject(mojo, "historyFile", history.toFile());
        setVariableValueToObject(mojo, "baselineRuns", 3);

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("locust.baselineRuns=3, but " + history + " has only 2 runs of api");
    }

    private static final MetricKey GATEWAY_P95 = MetricKey.of("api_gateway", "p95_latency_ms");

    /** Run {@code i} of api_gateway (4 users) with the given metrics and samples. */
    private static HistoryRecord gatewayRun(
            int i, Map<MetricKey, MetricValue> metrics, Map<MetricKey, Sample> samples) {
        return HistoryRecord.of(
                Instant.parse("2026-12-01T00:00:00Z").plusSeconds(60L * i),
                "run-" + i,
                new BuildEnvironment("abc", "main", null, null),
                "no-baseline",
                Status.PASS,
                1,
                Map.of("api_gateway", new Fingerprint(4, null, null, null, "2.47.0", "Linux", "amd64", 2, "ci")),
                metrics,
                samples);
    }

    /** Run {@code i} of api_gateway whose p95 of 345 requests was {@code p95}. */
    private static HistoryRecord gatewayRun(int i, double p95) {
        return gatewayRun(
                i,
                Map.of(GATEWAY_P95, MetricValue.of(p95)),
                Map.of(GATEWAY_P95, new Sample.Quantile(0.95, ResponseTimes.of(Map.of(p95, 345L)))));
    }

    /** The warnings the mojo logs from now on. */
    private static List<String> warningsOf(BaselineMojo mojo) {
        List<String> warnings = new ArrayList<>();
        mojo.setLog(new SystemStreamLog() {
            @Override
            public void warn(CharSequence content) {
                warnings.add(content.toString());
            }
        });
        return warnings;
    }

    @Test
    @InjectMojo(goal = "baseline", pom = "src/test/resources/unit/baseline-thresholds/pom.xml")
    void aValuePromotedFromOneRunBeyondEveryOtherRunOfTheHistoryIsWarnedOf(BaselineMojo mojo) throws Exception {
        List<HistoryRecord> runs = new ArrayList<>();
        double[] values = {100, 95, 110, 105, 100, 90, 120, 100, 95, 105, 210};
        for (int i = 0; i < values.length; i++) {
            runs.add(gatewayRun(i, values[i]));
        }
        Path history = dir.resolve("history.jsonl");
        new HistoryStore(history).appendAll(runs);
        List<String> warnings = warningsOf(mojo);
        setVariableValueToObject(mojo, "baselineFile", dir.resolve("b.json").toFile());
        setVariableValueToObject(mojo, "historyFile", history.toFile());
        setVariableValueToObject(mojo, "baselineRuns", 1);

        mojo.execute();

        assertThat(warnings)
                .containsExactly("api_gateway p95_latency_ms: the baseline's 210 ms lies above every one of the last"
                        + " 10 comparable runs (90 to 120 ms, usually 100 ms); the baseline is +110.0% from that usual"
                        + " value, beyond the warning level +20%, so a value breaks that level only at 252 ms or more"
                        + " (+152.0% from the usual value). If those runs are how it should perform, promote the"
                        + " baseline from several of them: mvn locust:baseline -Dlocust.baselineRuns=5");

        warnings.clear();
        setVariableValueToObject(mojo, "minHistory", 11);
        mojo.execute();

        assertThat(warnings).as("10 other comparable runs, minHistory 11").isEmpty();
    }

    @Test
    @InjectMojo(goal = "baseline", pom = "src/test/resources/unit/baseline-thresholds/pom.xml")
    void theResultsDirectorysRunAsCheckRecordedItIsSetAgainstTheOtherRunsOfTheHistory(BaselineMojo mojo)
            throws Exception {
        Measurements measured = new MetricExtractor().extract(new ResultsDirectoryReader().read(RESULTS), List.of());
        double promoted = measured.get(GATEWAY_P95).orElseThrow().value().asDouble();
        List<HistoryRecord> runs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            runs.add(gatewayRun(i, promoted / 2 + i % 3));
        }
        // the run as check recorded it: every value as measured, with more digits than the baseline file keeps
        Map<MetricKey, MetricValue> recorded = new TreeMap<>();
        measured.all().stream()
                .filter(m -> m.key().service().equals("api_gateway"))
                .forEach(m -> recorded.put(m.key(), m.value()));
        runs.add(gatewayRun(
                10,
                recorded,
                Map.of(GATEWAY_P95, measured.get(GATEWAY_P95).orElseThrow().sample())));
        Path history = dir.resolve("history.jsonl");
        new HistoryStore(history).appendAll(runs);
        List<String> warnings = warningsOf(mojo);
        setVariableValueToObject(mojo, "resultsDirectory", RESULTS.toFile());
        setVariableValueToObject(mojo, "baselineFile", dir.resolve("b.json").toFile());
        setVariableValueToObject(mojo, "historyFile", history.toFile());

        mojo.execute();

        assertThat(warnings)
                .anySatisfy(warning -> assertThat(warning)
                        .startsWith("api_gateway p95_latency_ms: the baseline's " + MetricFormat.number(promoted)
                                + " ms lies above every one of the last 10 comparable runs"));
    }
}
