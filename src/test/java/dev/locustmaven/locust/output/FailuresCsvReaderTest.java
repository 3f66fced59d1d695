package dev.locustmaven.locust.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.locustmaven.model.FailureStat;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FailuresCsvReaderTest {

    private static final String ORDERS = "/orders [create], \"bulk\"";

    private final FailuresCsvReader reader = new FailuresCsvReader();

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {"2.12.1/csv", "2.12.1/distributed", "2.47.0/csv", "2.47.0/distributed"})
    void localAndDistributedSpellingsNormaliseToTheSameMessages(String fixture) {
        Map<String, String> messages = messagesByEntry(reader.read(failuresFile(fixture)));

        assertThat(messages)
                .containsEntry("GET /search", "empty search results")
                .containsEntry("POST " + ORDERS, "order rejected: \"bulk\" qty isn't allowed")
                .containsEntry("SANDBOX tool call", "Exception('sandbox violation: wrote outside /tmp')");
        assertThat(messages.get("GET /flaky"))
                .startsWith("HTTPError('500 Server Error: Internal Server Error for url: ")
                .endsWith("/flaky')");
    }

    @Test
    void keepsTheRawTextOfTheDistributedDoubleRepr() {
        List<FailureStat> failures = reader.read(failuresFile("2.12.1/distributed"));

        assertThat(raw(failures, "/search")).isEqualTo("\"CatchResponseError('empty search results')\"");
        assertThat(raw(failures, ORDERS))
                .isEqualTo("'CatchResponseError(\\'order rejected: \"bulk\" qty isn\\\\\\'t allowed\\')'");
    }

    @Test
    void keepsTheRawTextOfTheLocalRepr() {
        List<FailureStat> failures = reader.read(failuresFile("2.12.1/csv"));

        assertThat(raw(failures, "/search")).isEqualTo("CatchResponseError('empty search results')");
        assertThat(raw(failures, ORDERS))
                .isEqualTo("CatchResponseError('order rejected: \"bulk\" qty isn\\'t allowed')");
    }

    @Test
    void readsTheFirstSeenLastSeenHeaderOf2_44AndLater() {
        Path file = failuresFile("2.47.0/csv");
        assertThat(Fixtures.read(file)).startsWith("Method,Name,Error,Occurrences,First Seen,Last Seen");

        List<FailureStat> failures = reader.read(file);

        assertThat(failures).hasSize(4).allMatch(f -> f.occurrences() > 0);
    }

    @Test
    void occurrencesAddUpToTheFailuresOfTheStatsWrittenAlongside() {
        // Locust writes _stats.csv and _failures.csv in the same tick.
        long occurrences = reader.read(failuresFile("2.47.0/csv")).stream()
                .mapToLong(FailureStat::occurrences)
                .sum();

        assertThat(occurrences)
                .isEqualTo(new StatsCsvReader()
                        .read(Fixtures.file("2.47.0/csv", "run_stats.csv"))
                        .aggregated()
                        .failureCount());
    }

    @Test
    void aMissingColumnIsNamed() {
        Path file = Fixtures.write(
                temp.resolve("run_failures.csv"),
                Fixtures.read(failuresFile("2.12.1/csv")).replaceFirst("Occurrences", "Count"));

        assertThatThrownBy(() -> reader.read(file))
                .isInstanceOf(LocustOutputException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("'Occurrences'");
    }

    private static Map<String, String> messagesByEntry(List<FailureStat> failures) {
        Map<String, String> messages = new TreeMap<>();
        failures.forEach(f -> messages.put(f.method() + " " + f.name(), f.message()));
        return messages;
    }

    private static String raw(List<FailureStat> failures, String name) {
        return failures.stream()
                .filter(f -> f.name().equals(name))
                .findFirst()
                .orElseThrow()
                .rawError();
    }

    private static Path failuresFile(String fixture) {
        String prefix = fixture.endsWith("distributed") ? "dist" : "run";
        return Fixtures.file(fixture, prefix + "_failures.csv");
    }
}
