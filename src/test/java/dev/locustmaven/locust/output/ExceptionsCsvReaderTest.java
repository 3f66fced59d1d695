package dev.locustmaven.locust.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locustmaven.model.ExceptionStat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExceptionsCsvReaderTest {

    private final ExceptionsCsvReader reader = new ExceptionsCsvReader();

    @ParameterizedTest
    @ValueSource(strings = {"2.12.1/csv", "2.47.0/csv"})
    void readsTheMultiLineTracebackOfATaskException(String fixture) {
        List<ExceptionStat> exceptions = reader.read(Fixtures.file(fixture, "run_exceptions.csv"));

        assertThat(exceptions).hasSize(1);
        ExceptionStat exception = exceptions.get(0);
        assertThat(exception.message()).isEqualTo("task blew up");
        assertThat(exception.nodes()).isEqualTo("local");
        assertThat(exception.traceback().lines())
                .hasSizeGreaterThan(4)
                .contains("    raise ValueError(\"task blew up\")");
        // Locust logs every occurrence on stderr; the CSV may lag the end of the run by a second.
        long logged = Fixtures.read(Fixtures.file(fixture, "console.log"))
                .lines()
                .filter(l -> l.equals("ValueError: task blew up"))
                .count();
        assertThat(exception.count()).isPositive().isLessThanOrEqualTo(logged);
    }

    @Test
    void aDistributedRunNamesTheWorkers() {
        List<ExceptionStat> exceptions = reader.read(Fixtures.file("2.12.1/distributed", "dist_exceptions.csv"));

        assertThat(exceptions).singleElement().satisfies(e -> {
            assertThat(e.message()).isEqualTo("task blew up");
            assertThat(e.nodes()).isNotEqualTo("local").matches("[\\w-]+(, [\\w-]+)*");
        });
    }
}
