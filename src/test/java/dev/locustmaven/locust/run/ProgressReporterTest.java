package dev.locustmaven.locust.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locustmaven.locust.RunLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressReporterTest {

    @TempDir
    Path dir;

    private ProgressReporter reporter(Duration warmUp) {
        return new ProgressReporter(
                "shop",
                warmUp,
                Duration.ofSeconds(30),
                Duration.ofSeconds(5),
                dir.resolve("status.json"),
                RunLog.silent());
    }

    private void status(boolean warmingUp, long requests) throws Exception {
        Files.writeString(
                dir.resolve("status.json"),
                "{\"test_started\": true, \"warming_up\": " + warmingUp + ", \"users\": 5, \"workers\": 0,"
                        + " \"requests\": " + requests + ", \"failures\": 0, \"current_rps\": 12.5,"
                        + " \"fail_ratio\": 0.0, \"p95_ms\": 40}");
    }

    @Test
    void theWarmUpIsCountedApartFromTheMeasuredRunTime() throws Exception {
        ProgressReporter progress = reporter(Duration.ofSeconds(10));
        status(true, 42);
        assertThat(progress.line(Duration.ofSeconds(3)))
                .isEqualTo("shop: warming up, 0:03 of 0:10, 5 users, 12.5 req/s, 0.00% failed, p95 40 ms, 42 requests"
                        + " (not measured)");
        // the clock may pass the warm-up before the helper has reset the statistics
        assertThat(progress.line(Duration.ofSeconds(11))).startsWith("shop: warming up, 0:10 of 0:10, ");
        status(false, 7);
        // after the warm-up the caller counts from its end
        assertThat(progress.line(Duration.ofSeconds(2)))
                .isEqualTo("shop: 0:02 of 0:30, 5 users, 12.5 req/s, 0.00% failed, p95 40 ms, 7 requests");
    }

    @Test
    void withoutWarmUpTheClockIsTheRunTime() throws Exception {
        status(false, 7);
        assertThat(reporter(Duration.ZERO).line(Duration.ofSeconds(25))).startsWith("shop: 0:25 of 0:30, 5 users, ");
    }
}
