package dev.locustmaven.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locustmaven.model.Baseline;
import dev.locustmaven.model.Status;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FingerprintTest {

    private static final Fingerprint CI =
            new Fingerprint(10, 2.0, 60.0, List.of("WebsiteUser"), "2.47.0", "Linux", "amd64", 2, "ci");

    @Test
    void differencesNameTheFieldsAndUnknownsMatchAnything() {
        Fingerprint other = new Fingerprint(20, 2.0, 60.0, List.of("WebsiteUser"), null, "Linux", "amd64", 4, "ci");
        assertThat(CI.differencesFrom(other)).containsExactly("users 10 vs 20", "cores 2 vs 4");
        assertThat(CI.comparableTo(other)).isFalse();
        Fingerprint unknown = new Fingerprint(null, null, null, null, null, null, null, null, null);
        assertThat(CI.comparableTo(unknown)).isTrue();
        assertThat(CI.comparableTo(CI)).isTrue();
    }

    @Test
    void thisMachineIsFilledIn() {
        Fingerprint here = Fingerprint.onThisMachine(5, 1.0, 30.0, List.of("U"), "2.12.1", "laptop");
        assertThat(here.os()).isEqualTo(System.getProperty("os.name"));
        assertThat(here.cores()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(here.environment()).isEqualTo("laptop");
    }

    @Test
    void comparableRunsAreTheSameSegmentAndFingerprint() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        HistoryRecord same = Records.record("a", t, 1);
        HistoryRecord otherSegment = new HistoryRecord(
                1, t, "b", null, null, null, "baseline old", Status.PASS, 1, Map.of("api", CI), Map.of());
        Fingerprint moreUsers =
                new Fingerprint(50, 2.0, 60.0, List.of("WebsiteUser"), "2.47.0", "Linux", "amd64", 2, "ci");
        HistoryRecord otherLoad = new HistoryRecord(
                1, t, "c", null, null, null, same.segment(), Status.PASS, 1, Map.of("api", moreUsers), Map.of());
        HistoryRecord otherService = new HistoryRecord(
                1, t, "d", null, null, null, same.segment(), Status.PASS, 1, Map.of("web", CI), Map.of());
        assertThat(ComparableRuns.of(List.of(same, otherSegment, otherLoad, otherService), "api", CI, same.segment()))
                .containsExactly(same);
    }

    @Test
    void segmentsAndRunIds() {
        Baseline baseline = new Baseline(
                "2026-02-01",
                Instant.parse("2026-02-01T12:00:00Z"),
                null,
                "locust:baseline",
                Map.of(),
                Map.of(),
                Map.of());
        assertThat(HistoryRecord.segmentOf(baseline)).isEqualTo("baseline 2026-02-01 2026-02-01T12:00:00Z");
        assertThat(HistoryRecord.segmentOf(null)).isEqualTo("no-baseline");
        Instant time = Instant.parse("2026-02-03T04:05:06.789Z");
        assertThat(HistoryRecord.newRunId(new BuildEnvironment(null, null, null, "99-1"), time, Set.of()))
                .isEqualTo("99-1-20260203T040506Z");
        BuildEnvironment local = new BuildEnvironment(null, null, null, null);
        assertThat(HistoryRecord.newRunId(local, time, Set.of())).isEqualTo("local-20260203T040506Z");
        assertThat(HistoryRecord.newRunId(local, time, Set.of("local-20260203T040506Z", "local-20260203T040506Z-2")))
                .isEqualTo("local-20260203T040506Z-3");
    }
}
