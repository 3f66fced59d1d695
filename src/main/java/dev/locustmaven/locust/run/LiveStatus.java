package dev.locustmaven.locust.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the helper last reported about a running test (it rewrites the file every second).
 *
 * @param testStarted whether Locust has started the test (users spawn); before that it is starting up or waiting
 *     for workers
 * @param warmingUp whether the test is in its warm-up, whose requests the helper resets when it ends
 * @param p95Ms the 95th percentile over the last ~10 s, else over the whole run so far; {@code null} before the first
 *     request
 */
public record LiveStatus(
        String state,
        boolean testStarted,
        boolean warmingUp,
        int users,
        int workers,
        long requests,
        long failures,
        double currentRps,
        double failRatio,
        Double p95Ms) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads the status file; empty while it does not exist yet or is unreadable (it is only for progress). */
    public static Optional<LiveStatus> read(Path file) {
        try {
            JsonNode n = JSON.readTree(Files.readString(file));
            if (n == null || !n.isObject()) {
                return Optional.empty();
            }
            JsonNode p95 = n.path("p95_ms");
            return Optional.of(new LiveStatus(
                    n.path("state").asText(""),
                    n.path("test_started").asBoolean(),
                    n.path("warming_up").asBoolean(),
                    n.path("users").asInt(),
                    n.path("workers").asInt(),
                    n.path("requests").asLong(),
                    n.path("failures").asLong(),
                    n.path("current_rps").asDouble(),
                    n.path("fail_ratio").asDouble(),
                    p95.isNumber() ? p95.asDouble() : null));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
