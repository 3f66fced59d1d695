package dev.locustmaven.locust.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.locustmaven.model.LocustRun;
import dev.locustmaven.model.ServiceResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsDirectoryReaderTest {

    private final ResultsDirectoryReader reader = new ResultsDirectoryReader();

    @TempDir
    Path results;

    @Test
    void readsOneServicePerFolderInNameOrder() throws Exception {
        Fixtures.copy("2.47.0/json-stdout", results.resolve("web_api"));
        Fixtures.copy("2.12.1/csv", results.resolve("auth_service"));
        Fixtures.copy("2.12.1/distributed", results.resolve("mcp_server"));
        Files.createDirectories(results.resolve("notes"));
        Fixtures.copy("2.47.0/csv", results.resolve(".cache"));
        Fixtures.write(results.resolve("summary.txt"), "not a service");

        LocustRun run = reader.read(results);

        assertThat(run.services())
                .extracting(ServiceResult::service)
                .containsExactly("auth_service", "mcp_server", "web_api");
        assertThat(run.service("web_api").orElseThrow().info().locustVersion()).isEqualTo("2.47.0");
    }

    @Test
    void theServiceFoldersAreThoseWithLocustOutputNeitherHiddenNorTheComparisons() throws Exception {
        Fixtures.copy("2.12.1/csv", results.resolve("auth_service"));
        Fixtures.copy("2.47.0/json-stdout", results.resolve("web_api"));
        Fixtures.copy("2.47.0/csv", results.resolve(".reruns"));
        Files.createDirectories(results.resolve("notes"));
        Fixtures.write(results.resolve("compare/pairs.json"), "{}");

        assertThat(ResultsDirectoryReader.serviceFolders(results)).containsExactly("auth_service", "web_api");
        assertThat(ResultsDirectoryReader.serviceFolders(results.resolve("absent")))
                .isEmpty();
    }

    @Test
    void aDirectoryWithoutAnyLocustOutputIsReportedClearly() throws Exception {
        Files.createDirectories(results.resolve("notes"));
        Files.createDirectories(results.resolve("logs"));

        assertThatThrownBy(() -> reader.read(results))
                .isInstanceOf(LocustOutputException.class)
                .hasMessageStartingWith(results + ": no Locust output in any of its folders (logs, notes)")
                .hasMessageContaining("one folder per service");
    }

    @Test
    void anEmptyDirectorySaysItHasNoFolders() {
        assertThatThrownBy(() -> reader.read(results))
                .isInstanceOf(LocustOutputException.class)
                .hasMessageStartingWith(results + ": no Locust output in it (it has no folders)");
    }

    @Test
    void outputDirectlyInTheDirectoryIsPointedOut() {
        Fixtures.copy("2.12.1/csv", results);

        assertThatThrownBy(() -> reader.read(results))
                .isInstanceOf(LocustOutputException.class)
                .hasMessageContaining("holds Locust output directly")
                .hasMessageContaining("folder named after the service");
    }

    @Test
    void aMissingDirectoryIsReported() {
        Path missing = results.resolve("locust");

        assertThatThrownBy(() -> reader.read(missing))
                .isInstanceOf(LocustOutputException.class)
                .hasMessageStartingWith(missing + ": does not exist");
    }

    @Test
    void anUnreadableServiceFailsTheWholeRead() {
        Fixtures.copy("2.12.1/csv", results.resolve("good"));
        Path bad = Fixtures.copy("2.12.1/csv", results.resolve("bad"));
        Fixtures.write(bad.resolve("run_stats.csv"), "");

        assertThatThrownBy(() -> reader.read(results))
                .isInstanceOf(LocustOutputException.class)
                .hasMessageStartingWith(bad.resolve("run_stats.csv") + ": the file is empty");
    }
}
