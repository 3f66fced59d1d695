package dev.locustmaven.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.locustmaven.model.Baseline;
import dev.locustmaven.model.MetricKey;
import dev.locustmaven.model.MetricValue;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineFileTest {

    @TempDir
    Path dir;

    static Path resource(String name) {
        try {
            return Path.of(Objects.requireNonNull(BaselineFileTest.class.getResource("/baseline/" + name))
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void readsTheSeedBaselineAsPrinted() {
        Baseline baseline = BaselineFile.read(resource("seed-baseline.json"));

        assertThat(baseline.version()).isNull();
        assertThat(baseline.validUntil()).isNull();
        assertThat(baseline.metadata()).isEmpty();
        assertThat(baseline.values()).hasSize(7 + 9 + 8);
        assertThat(baseline.value(MetricKey.of("api_gateway", "p95_latency_ms")))
                .contains(MetricValue.of(650));
        assertThat(baseline.value(MetricKey.of("api_gateway", "error_rate_pct")))
                .contains(MetricValue.of(0.0));
        assertThat(baseline.value(MetricKey.of("api_gateway", "rps"))).contains(MetricValue.of(2.5));
        assertThat(baseline.value(MetricKey.of("rag_service", "qdrant_timeout_rate_pct")))
                .contains(MetricValue.of(0.0));
        assertThat(baseline.value(MetricKey.of("mcp_server", "success_rate_pct")))
                .contains(MetricValue.of(100.0));
        assertThat(baseline.value(MetricKey.of("mcp_server", "concurrent_limit_respected")))
                .contains(MetricValue.of(true));
        assertThat(baseline.value(MetricKey.of("mcp_server", "baseline_users"))).contains(MetricValue.of(1));
        // Strings are kept in the file but are not metrics.
        assertThat(baseline.value(MetricKey.of("mcp_server", "timestamp"))).isEmpty();
        assertThat(baseline.value(MetricKey.of("mcp_server", "phase_3_run"))).isEmpty();
    }

    @Test
    void readsTheSeedVersionHeaderMergedIntoTheSameFile() {
        Baseline baseline = BaselineFile.read(resource("seed-baseline-with-version.json"));

        assertThat(baseline.version()).isEqualTo("2025-10-17");
        assertThat(baseline.effectiveFrom()).isEqualTo(Instant.parse("2025-10-17T12:00:00Z"));
        assertThat(baseline.validUntil()).isEqualTo(Instant.parse("2025-11-17T12:00:00Z"));
        assertThat(baseline.updatedBy()).isEqualTo("automation@issue-24");
        assertThat(baseline.metadata())
                .isEqualTo(Map.of(
                        "locust_version", "2.20.0",
                        "phase_3_run_id", "load-test-run-2025-10-17",
                        "test_environment", "GitHub Actions CPU profile"));
        assertThat(baseline.values()).hasSize(24);
        assertThat(baseline.isStale(Instant.parse("2025-11-18T00:00:00Z"))).isTrue();
        assertThat(baseline.isStale(Instant.parse("2025-11-01T00:00:00Z"))).isFalse();
    }

    @Test
    void readsTheSeedVersionHeaderAlone() {
        Baseline baseline = BaselineFile.read(resource("seed-baseline-versioning.json"));

        assertThat(baseline.version()).isEqualTo("2025-10-17");
        assertThat(baseline.values()).isEmpty();
    }

    @Test
    void readsEndpointMetricsAnnotationsAndNestedMetadata() throws IOException {
        Path file = write("""
                {
                  "$schema": "https://example.org/baseline.schema.json",
                  "_comment": "reviewed by the platform team",
                  "metadata": {"runs": 5, "machine": {"cores": 2, "os": "Linux"}, "tags": ["a", "b"], "ratio": 1e3},
                  "valid_until": "2025-11-17",
                  "api_gateway": {
                    "p95_latency_ms": 650,
                    "note": null,
                    "endpoints": {
                      "GET /items": {"p95_latency_ms": 12.5, "cached": false, "label": "list"}
                    }
                  }
                }
                """);

        Baseline baseline = BaselineFile.read(file);

        assertThat(baseline.values())
                .containsOnly(
                        Map.entry(MetricKey.of("api_gateway", "p95_latency_ms"), MetricValue.of(650)),
                        Map.entry(new MetricKey("api_gateway", "GET /items", "p95_latency_ms"), MetricValue.of(12.5)),
                        Map.entry(new MetricKey("api_gateway", "GET /items", "cached"), MetricValue.of(false)));
        assertThat(baseline.metadata())
                .containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of(
                        "runs", "5",
                        "machine.cores", "2",
                        "machine.os", "Linux",
                        "tags", "[\"a\",\"b\"]",
                        "ratio", "1000")));
        assertThat(baseline.validUntil()).isEqualTo(Instant.parse("2025-11-17T00:00:00Z"));
    }

    @Test
    void aNegativeLatencyRateCountOrPercentageIsAnErrorNamingFileKeyAndValue() throws IOException {
        Path latency = write("{\n  \"api_gateway\": {\n    \"rps\": 2.5,\n    \"p95_latency_ms\": -650\n  }\n}\n");
        Path endpointCount = write(
                "{\n  \"api\": {\n    \"endpoints\": {\n      \"GET /items\": {\"request_count\": -3}\n    }\n  }\n}\n");

        assertThatThrownBy(() -> BaselineFile.read(latency))
                .isInstanceOf(BaselineFileException.class)
                .hasMessage(latency + ":4:5: \"api_gateway\".\"p95_latency_ms\" is -650, but a latency cannot be"
                        + " negative; correct the value, or remove the key");
        assertThatThrownBy(() -> BaselineFile.read(endpointCount))
                .hasMessage(endpointCount + ":4:22: \"api\".\"endpoints\".\"GET /items\".\"request_count\" is -3,"
                        + " but a count cannot be negative; correct the value, or remove the key");
        assertThatThrownBy(() -> BaselineFile.read(write("{\"a\": {\"rps\": -0.5}}")))
                .hasMessageEndingWith(": \"a\".\"rps\" is -0.5, but a rate cannot be negative; correct the value, or"
                        + " remove the key");
        assertThatThrownBy(() -> BaselineFile.read(write("{\"a\": {\"error_rate_pct\": -1.0}}")))
                .hasMessageEndingWith(
                        "is -1.0, but a percentage cannot be negative; correct the value, or remove the" + " key");
    }

    @Test
    void aNegativeNumberOfAnotherNameIsAMetric() throws IOException {
        Baseline baseline = BaselineFile.read(write("{\"a\": {\"drift\": -2, \"p95_latency_ms\": 0}}"));

        assertThat(baseline.value(MetricKey.of("a", "drift"))).contains(MetricValue.of(-2));
        assertThat(baseline.value(MetricKey.of("a", "p95_latency_ms"))).contains(MetricValue.of(0));
    }

    @Test
    void aNumberBeyondTheRangeOfADoubleIsAnError() throws IOException {
        Path file = write("{\n  \"api_gateway\": {\n    \"rps\": 1e999\n  }\n}\n");

        assertThatThrownBy(() -> BaselineFile.read(file))
                .isInstanceOf(BaselineFileException.class)
                .hasMessage(file + ":3:5: \"api_gateway\".\"rps\" is 1E+999, which is not a finite number; correct"
                        + " the value, or remove the key");
    }

    @Test
    void stringsOfServicesAndEndpointsAreKeptAsTexts() throws IOException {
        Baseline baseline = BaselineFile.read(
                write(
                        "{\"a\": {\"timestamp\": \"2025-10-17T12:00:00Z\", \"endpoints\": {\"q\": {\"p95_latency_ms\": \"fast\"}}}}"));

        assertThat(baseline.values()).isEmpty();
        assertThat(baseline.texts())
                .containsOnly(
                        Map.entry(MetricKey.of("a", "timestamp"), "2025-10-17T12:00:00Z"),
                        Map.entry(new MetricKey("a", "q", "p95_latency_ms"), "fast"));
    }

    @Test
    void aValueProblemFoundLaterNamesTheKeysLineAndColumn() throws IOException {
        Path file = write(
                "{\n  \"api\": {\n    \"endpoints\": {\n      \"q\": {\"p95_latency_ms\": \"fast\"}\n    }\n  }\n}\n");

        assertThat(BaselineFile.valueProblem(file, new MetricKey("api", "q", "p95_latency_ms"), "is \"fast\""))
                .hasMessage(file + ":4:13: \"api\".\"endpoints\".\"q\".\"p95_latency_ms\" is \"fast\"");
    }

    @Test
    void malformedJsonNamesFileLineAndColumn() throws IOException {
        Path file = write("{\n  \"api_gateway\": {\n    \"rps\": 2.5,\n  }\n}\n");

        assertThatThrownBy(() -> BaselineFile.read(file))
                .isInstanceOf(BaselineFileException.class)
                .hasMessage(file + ":4:3: Unexpected character ('}' (code 125)): was expecting double-quote to start"
                        + " field name");
    }

    @Test
    void unterminatedFileNamesWhereItEnded() throws IOException {
        Path file = write("{\n  \"api_gateway\": {\n    \"rps\": 2.5\n");

        assertThatThrownBy(() -> BaselineFile.read(file))
                .isInstanceOf(BaselineFileException.class)
                .hasMessageStartingWith(file + ":4:1: Unexpected end-of-input");
    }

    @Test
    void duplicateKeysAreRejected() throws IOException {
        Path file = write("{\n  \"api_gateway\": {\n    \"rps\": 2.5,\n    \"rps\": 3\n  }\n}\n");

        assertThatThrownBy(() -> BaselineFile.read(file))
                .isInstanceOf(BaselineFileException.class)
                .hasMessage(file + ":4:10: duplicate key \"rps\"; a key may appear only once in an object");
    }

    @Test
    void aServiceThatIsNotAnObjectIsRejectedWithItsPosition() throws IOException {
        Path file = write("{\n  \"version\": \"2025-10-17\",\n  \"api_gateway\": 650\n}\n");

        assertThatThrownBy(() -> BaselineFile.read(file))
                .isInstanceOf(BaselineFileException.class)
                .hasMessage(file + ":3:3: top-level key \"api_gateway\" names a service and must be a JSON object of"
                        + " metrics, but is a number (put notes under \"metadata\", or start the key with \"_\")");
    }

    @Test
    void aBadValidUntilNamesTheKey() throws IOException {
        Path file = write("{\n  \"version\": \"2025-10-17\",\n  \"valid_until\": \"next month\"\n}\n");

        assertThatThrownBy(() -> BaselineFile.read(file))
                .isInstanceOf(BaselineFileException.class)
                .hasMessage(file + ":3:3: \"valid_until\" is \"next month\", which is not a timestamp; expected"
                        + " ISO-8601 such as 2025-11-17T12:00:00Z");
    }

    @Test
    void aNestedObjectInAServiceIsRejected() throws IOException {
        Path file = write("{\n  \"api_gateway\": {\n    \"p95_latency_ms\": {\"value\": 650}\n  }\n}\n");

        assertThatThrownBy(() -> BaselineFile.read(file))
                .isInstanceOf(BaselineFileException.class)
                .hasMessage(file + ":3:5: \"api_gateway\".\"p95_latency_ms\" must be a number, a boolean or a"
                        + " string, but is an object");
    }

    @Test
    void endpointsMustBeObjects() throws IOException {
        Path file = write("{\n  \"api_gateway\": {\n    \"endpoints\": {\"GET /items\": 12}\n  }\n}\n");

        assertThatThrownBy(() -> BaselineFile.read(file))
                .isInstanceOf(BaselineFileException.class)
                .hasMessage(file + ":3:19: endpoint \"GET /items\" of service \"api_gateway\" must be an object of"
                        + " metrics, but is a number");
    }

    @Test
    void metadataMustBeAnObject() throws IOException {
        Path file = write("{\"metadata\": \"GitHub Actions\"}");

        assertThatThrownBy(() -> BaselineFile.read(file))
                .isInstanceOf(BaselineFileException.class)
                .hasMessage(file + ":1:2: \"metadata\" must be an object, but is a string");
    }

    @Test
    void emptyAndBlankFilesAreRejected() throws IOException {
        Path empty = write("");
        assertThatThrownBy(() -> BaselineFile.read(empty))
                .isInstanceOf(BaselineFileException.class)
                .hasMessage(empty + ": the baseline file is empty; expected a JSON object with one key per service");

        Path blank = write(" \n\n");
        assertThatThrownBy(() -> BaselineFile.read(blank)).hasMessageContaining("the baseline file is empty");
    }

    @Test
    void aTopLevelArrayIsRejected() throws IOException {
        Path file = write("[{\"api_gateway\": {}}]");

        assertThatThrownBy(() -> BaselineFile.read(file))
                .isInstanceOf(BaselineFileException.class)
                .hasMessage(file + ":1:1: expected a JSON object with one key per service, but the file holds an"
                        + " array");
    }

    @Test
    void trailingContentIsRejected() throws IOException {
        Path file = write("{}\n{}\n");

        assertThatThrownBy(() -> BaselineFile.read(file))
                .isInstanceOf(BaselineFileException.class)
                .hasMessageStartingWith(file + ":2:");
    }

    @Test
    void aMissingFileSaysHowToCreateOne() {
        Path file = dir.resolve("docs/performance-baselines.json");

        assertThatThrownBy(() -> BaselineFile.read(file))
                .isInstanceOf(BaselineFileException.class)
                .hasMessage(file + ": no baseline file. Run `mvn locust:baseline` to create it from a measured run,"
                        + " or set locust.baselineFile to the baseline you have.");
        assertThat(BaselineFile.readIfExists(file)).isEmpty();
    }

    @Test
    void writtenFileReadsBackEqualAndIsStable() throws IOException {
        BaselineDocument seed = BaselineFile.readDocument(resource("seed-baseline-with-version.json"));
        Path file = dir.resolve("nested/docs/performance-baselines.json");

        BaselineFile.write(file, seed);
        byte[] first = Files.readAllBytes(file);
        BaselineDocument reread = BaselineFile.readDocument(file);
        BaselineFile.write(file, reread);

        assertThat(reread.baseline()).isEqualTo(seed.baseline());
        assertThat(Files.readAllBytes(file)).isEqualTo(first);
        assertThat(dir.resolve("nested/docs")).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void writesTheCanonicalLayout() throws IOException {
        Path file = write("""
                {"zeta": {"rps": 1.50, "endpoints": {"b": {"x": 1}, "a": {"y": true}}, "avg_latency_ms": 450},
                 "_note": "kept", "metadata": {"b": 1, "a": 0.0}, "version": "v1", "alpha": {}}""");

        BaselineFile.write(file, BaselineFile.readDocument(file));

        assertThat(Files.readString(file)).isEqualTo("""
                        {
                          "version": "v1",
                          "metadata": {
                            "a": 0.0,
                            "b": 1
                          },
                          "_note": "kept",
                          "alpha": {},
                          "zeta": {
                            "avg_latency_ms": 450,
                            "rps": 1.50,
                            "endpoints": {
                              "a": {
                                "y": true
                              },
                              "b": {
                                "x": 1
                              }
                            }
                          }
                        }
                        """);
    }

    @Test
    void rewritingKeepsTheFileModeAndLeavesNoTemporaryFile() throws IOException {
        Path file = write("{\"api_gateway\": {\"rps\": 2.5}}");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        BaselineFile.write(file, BaselineFile.readDocument(file));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-r--r--");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    private Path write(String content) throws IOException {
        Path file = Files.createTempFile(dir, "baseline", ".json");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
