package dev.locustmaven.maven;

import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
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
}
