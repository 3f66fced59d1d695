package dev.locustmaven.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The goal's wiring: defaults from the results directory and the project, and errors as Maven errors. */
class DashboardMojoTest {

    @TempDir
    Path dir;

    @Test
    void selectsTheServiceFoldersOfTheResultsDirectoryAndDerivesTheUid() throws Exception {
        Path results = Files.createDirectories(dir.resolve("locust"));
        for (String folder : List.of("rag_service", "api_gateway", ".reruns/1")) {
            Files.createDirectories(results.resolve(folder));
            Files.writeString(results.resolve(folder + "/locust_stats.csv"), "Type,Name\n");
        }
        Files.createDirectories(results.resolve("compare"));
        Files.writeString(results.resolve("compare/pairs.json"), "{}");
        Files.writeString(results.resolve("verdict.json"), "{}");
        DashboardMojo mojo = mojo(results);

        mojo.execute();

        JsonNode json =
                new ObjectMapper().readTree(dir.resolve("out/dashboard.json").toFile());
        assertThat(json.get("uid").asText()).isEqualTo("locust-my-app");
        assertThat(json.get("title").asText()).isEqualTo("Locust performance: My App");
        JsonNode service = json.at("/templating/list/1");
        assertThat(service.at("/current/value").toString()).isEqualTo("[\"api_gateway\",\"rag_service\"]");
        assertThat(service.get("query").asText()).contains("job=\"nightly\"", "instance=\"my.app\"");
    }

    @Test
    void configuredServicesWinAndAnInvalidUidFailsTheGoal() throws Exception {
        DashboardMojo mojo = mojo(dir.resolve("absent"));
        set(mojo, "dashboardServices", List.of("checkout"));
        mojo.execute();
        JsonNode json =
                new ObjectMapper().readTree(dir.resolve("out/dashboard.json").toFile());
        assertThat(json.at("/templating/list/1/current/value/0").asText()).isEqualTo("checkout");

        set(mojo, "dashboardUid", "not a uid");
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("uid 'not a uid'");
    }

    private DashboardMojo mojo(Path results) throws Exception {
        DashboardMojo mojo = new DashboardMojo();
        set(mojo, "resultsDirectory", results.toFile());
        set(mojo, "dashboardFile", new File(dir.toFile(), "out/dashboard.json"));
        set(mojo, "dashboardTitle", "Locust performance: My App");
        set(mojo, "pushgatewayJob", "nightly");
        set(mojo, "pushgatewayInstance", "my.app");
        set(mojo, "artifactId", "my.app");
        return mojo;
    }

    private static void set(Object target, String name, Object value) throws Exception {
        for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                field.set(target, value);
                return;
            } catch (NoSuchFieldException next) {
                // Declared further up.
            }
        }
        throw new NoSuchFieldException(name);
    }
}
