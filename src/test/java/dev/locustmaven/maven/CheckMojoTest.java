package dev.locustmaven.maven;

import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.locustmaven.history.HistoryContents;
import dev.locustmaven.history.HistoryRecord;
import dev.locustmaven.history.HistoryStore;
import dev.locustmaven.model.MetricKey;
import dev.locustmaven.model.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check goal's wiring: the pom's nested rules and metrics reach the core, and the verdict decides the build. */
@MojoTest
class CheckMojoTest {

    private static final String POM = "src/test/resources/unit/check/pom.xml";
    private static final Path RESULTS = Path.of("src/it-fixtures/results").toAbsolutePath();

    @TempDir
    Path dir;

    private void configure(CheckMojo mojo, String baseline) throws Exception {
        Path baselineFile = dir.resolve("performance-baselines.json");
        Files.writeString(baselineFile, baseline);
        setVariableValueToObject(mojo, "resultsDirectory", RESULTS.toFile());
        setVariableValueToObject(mojo, "baselineFile", baselineFile.toFile());
        setVariableValueToObject(mojo, "reportDirectory", dir.resolve("out").toFile());
        setVariableValueToObject(mojo, "haltOnFailure", true);
        setVariableValueToObject(
                mojo, "historyFile", dir.resolve("history.jsonl").toFile());
    }

    private static String baseline(double apiP95, double queryP95) {
        return """
                {"api_gateway": {"p95_latency_ms": %s, "rps": 46},
                 "mcp_server": {"p95_latency_ms": 27, "rps": 40},
                 "rag_service": {"p95_latency_ms": 68, "rps": 34, "query_p95_ms": %s}}
                """.formatted(apiP95, queryP95);
    }

    @Test
    @InjectMojo(goal = "check", pom = POM)
    void aRunWithinItsLevelsPassesAndWritesEveryOutput(CheckMojo mojo) throws Exception {
        configure(mojo, baseline(15, 38));

        mojo.execute();

        assertThat(Files.readString(dir.resolve("out/verdict.json"))).contains("\"verdict\": \"PASS\"");
        assertThat(dir.resolve("out/report.md")).exists();
        assertThat(Files.readString(dir.resolve("out/TEST-locust.xml"))).contains("failures=\"0\"");
    }

    @Test
    @InjectMojo(goal = "check", pom = POM)
    void aCustomMetricBreachingItsFailLevelFailsTheBuild(CheckMojo mojo) throws Exception {
        configure(mojo, baseline(15, 20));

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("Performance regression: 1 check failed.")
                .hasMessageContaining(
                        "rag_service query_p95_ms: 40 ms vs baseline 20 ms (+100.0%), above the fail level +50%, beyond"
                                + " sampling error: at least +92.5% at 95% confidence from 182 requests; the baseline"
                                + " records no sample, so it counts as exact.");
    }

    @Test
    @InjectMojo(goal = "check", pom = POM)
    void aServiceThatMeasuredNothingFailsTheBuildAsNoMeasurementNotAsARegression(CheckMojo mojo) throws Exception {
        configure(mojo, "{\"orders\": {\"p95_latency_ms\": 40}}");
        Path results = Files.createDirectories(dir.resolve("results/orders"));
        Files.writeString(results.resolve("final-stats.json"), """
                {"entries": [{"name": "/", "method": "GET", "num_requests": 12, "num_failures": 12}],
                 "aggregated": {"name": "Aggregated", "method": "", "num_requests": 12, "num_failures": 12}}
                """);
        setVariableValueToObject(
                mojo, "resultsDirectory", dir.resolve("results").toFile());
        setVariableValueToObject(mojo, "thresholds", List.of());

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("No measurement: 1 service measured nothing.\n  orders: no measurement: all 12 requests"
                        + " failed. Failed requests measure the failure, not the service, so no rule judges it.");
    }

    @Test
    @InjectMojo(goal = "check", pom = POM)
    void withoutHaltOnFailureAFailingVerdictOnlyLogs(CheckMojo mojo) throws Exception {
        configure(mojo, baseline(15, 20));
        setVariableValueToObject(mojo, "haltOnFailure", false);

        mojo.execute();

        assertThat(Files.readString(dir.resolve("out/verdict.json"))).contains("\"verdict\": \"FAIL\"");
    }

    @Test
    @InjectMojo(goal = "check", pom = POM)
    void aWarningFailsTheBuildOnlyWhenAskedTo(CheckMojo mojo) throws Exception {
        configure(mojo, baseline(12, 38));
        mojo.execute();

        setVariableValueToObject(mojo, "failOnWarning", true);
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("Performance warnings fail the build (locust.failOnWarning): 1 check warned.");
    }

    @Test
    @InjectMojo(goal = "check", pom = POM)
    void everyCheckAppendsOneRecordAndKeepsACorruptLine(CheckMojo mojo) throws Exception {
        configure(mojo, baseline(15, 38));
        setVariableValueToObject(mojo, "testEnvironment", "unit test");
        Path history = dir.resolve("history.jsonl");

        mojo.execute();
        Files.writeString(history, "{not a record\n", java.nio.file.StandardOpenOption.APPEND);
        mojo.execute();

        List<String> lines = Files.readAllLines(history);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).isEqualTo("{not a record");
        HistoryContents contents = new HistoryStore(history).read();
        assertThat(contents.records()).hasSize(2);
        assertThat(contents.corruptLines())
                .singleElement()
                .satisfies(c -> assertThat(c.lineNumber()).isEqualTo(2));
        HistoryRecord second = contents.records().get(1);
        assertThat(second.verdict()).isEqualTo(Status.PASS);
        assertThat(second.fingerprint("api_gateway").orElseThrow().environment())
                .isEqualTo("unit test");
        assertThat(second.value(MetricKey.of("api_gateway", "p95_latency_ms"))).hasValue(16);
        String generatedAt = new ObjectMapper()
                .readTree(dir.resolve("out/verdict.json").toFile())
                .path("generated_at")
                .asText();
        assertThat(Instant.parse(generatedAt)).isEqualTo(second.time());
    }

    @Test
    @InjectMojo(goal = "check", pom = POM)
    void historyIsOnlyReadWhenRecordingIsOff(CheckMojo mojo) throws Exception {
        configure(mojo, baseline(15, 38));
        setVariableValueToObject(mojo, "recordHistory", "false");

        mojo.execute();

        assertThat(dir.resolve("history.jsonl")).doesNotExist();
    }

    @Test
    @InjectMojo(goal = "check", pom = POM)
    void pruningKeepsTheNewestRuns(CheckMojo mojo) throws Exception {
        configure(mojo, baseline(15, 38));
        setVariableValueToObject(mojo, "historyMaxRuns", 2);

        mojo.execute();
        mojo.execute();
        mojo.execute();

        assertThat(new HistoryStore(dir.resolve("history.jsonl")).read().records())
                .hasSize(2);
    }

    @Test
    @InjectMojo(goal = "check", pom = POM)
    void skipDoesNothing(CheckMojo mojo) throws Exception {
        configure(mojo, "not json at all");
        setVariableValueToObject(mojo, "skip", true);

        mojo.execute();

        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    @InjectMojo(goal = "check", pom = POM)
    void aMalformedBaselineIsAConfigurationErrorNamingTheFile(CheckMojo mojo) throws Exception {
        configure(mojo, "{\"api_gateway\": {\"rps\": 46,,}}");

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining(dir.resolve("performance-baselines.json") + ":1:");
    }
}
