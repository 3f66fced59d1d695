package dev.locustmaven.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.locustmaven.model.Baseline;
import dev.locustmaven.model.RunManifest;
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
        assertThat(ComparableRuns.of(List.of(otherLoad, same, otherSegment, otherService), "api", CI, same.segment()))
                .containsExactly(same);
    }

    private static HistoryRecord run(String runId, int day, String locust) {
        Fingerprint fingerprint =
                new Fingerprint(10, 2.0, 60.0, List.of("WebsiteUser"), locust, "Linux", "amd64", 2, "ci");
        return new HistoryRecord(
                1,
                Instant.parse("2026-01-01T00:00:00Z").plusSeconds(86_400L * day),
                runId,
                null,
                null,
                null,
                "no-baseline",
                Status.PASS,
                1,
                Map.of("api", fingerprint),
                Map.of());
    }

    @Test
    void aChangedFingerprintStartsANewSegmentEvenWhereOlderRunsMatchAgain() {
        HistoryRecord r1 = run("r1", 1, "2.47.0");
        HistoryRecord r2 = run("r2", 2, "2.43.4");
        HistoryRecord r3 = run("r3", 3, "2.47.0");
        HistoryRecord r4 = run("r4", 4, "2.47.0");
        Instant now = Instant.parse("2026-02-01T00:00:00Z");

        assertThat(ComparableRuns.of(List.of(r1, r2, r3, r4), "api", CI, "no-baseline"))
                .containsExactly(r3, r4);
        assertThat(ComparableRuns.lastBreak(List.of(r1, r2, r3, r4), "api", CI, "no-baseline", now)
                        .orElseThrow()
                        .describe())
                .isEqualTo("Locust 2.43.4 -> 2.47.0: median semantics changed; history before run r3 not compared");
        // The run being checked starts the segment.
        assertThat(ComparableRuns.of(List.of(r1, r2), "api", CI, "no-baseline")).isEmpty();
        assertThat(ComparableRuns.lastBreak(List.of(r1, r2), "api", CI, "no-baseline", now)
                        .orElseThrow()
                        .describe())
                .isEqualTo("Locust 2.43.4 -> 2.47.0: median semantics changed; history before this run not compared");
        assertThat(ComparableRuns.lastBreak(List.of(r3, r4), "api", CI, "no-baseline", now))
                .isEmpty();
        assertThat(ComparableRuns.breaks(List.of(r1, r2, r3, r4), "api"))
                .extracting(SegmentBreak::runId, SegmentBreak::changes)
                .containsExactly(
                        tuple("r2", List.of("Locust 2.47.0 -> 2.43.4: median semantics changed")),
                        tuple("r3", List.of("Locust 2.43.4 -> 2.47.0: median semantics changed")));
    }

    @Test
    void changesNameWhatMovedAndTheManifestFillsTheUnknowns() {
        Fingerprint before = new Fingerprint(10, 2.0, 60.0, null, "2.44.0", "Linux", "amd64", 2, "ci");
        Fingerprint manifest = before.with(new RunManifest(
                10, 5.0, 60.0, 0.0, List.of("WebsiteUser"), List.of(), "2.45.0", "3.12.1", "ab", "http://h"));

        assertThat(manifest.spawnRate()).isEqualTo(5.0);
        assertThat(manifest.userClasses()).containsExactly("WebsiteUser");
        assertThat(manifest.pythonVersion()).isEqualTo("3.12.1");
        assertThat(manifest.changesFrom(before)).containsExactly("spawn rate 2.0 -> 5.0", "Locust 2.44.0 -> 2.45.0");
        assertThat(before.with(null)).isSameAs(before);
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

    private static Fingerprint withHost(String host) {
        return new Fingerprint(5, 2.0, 60.0, null, "2.47.0", null, null, null, null, null, null, null, null, host);
    }

    @Test
    void aServiceOnThisMachineIsTheSameHostWhateverItsPort() {
        assertThat(withHost("http://127.0.0.1:41234").comparableTo(withHost("http://127.0.0.1:38011")))
                .isTrue();
        assertThat(withHost("http://localhost:8080/api").comparableTo(withHost("http://localhost:9090/api")))
                .isTrue();
        assertThat(withHost("http://[::1]:8080").comparableTo(withHost("http://[::1]:8081")))
                .isTrue();
        // a path, a scheme or another machine still tell hosts apart
        assertThat(withHost("http://127.0.0.1:8080/v1").differencesFrom(withHost("http://127.0.0.1:8081/v2")))
                .containsExactly("host http://127.0.0.1/v1 vs http://127.0.0.1/v2");
        assertThat(withHost("https://127.0.0.1:8443").comparableTo(withHost("http://127.0.0.1:8080")))
                .isFalse();
        assertThat(withHost("http://staging.example:8080").comparableTo(withHost("http://staging.example:8081")))
                .isFalse();
        assertThat(Fingerprint.comparableHost("not a uri at all")).isEqualTo("not a uri at all");
    }

    @Test
    void theUserClassesAreASetWhateverOrderLocustReportsThemIn() {
        Fingerprint one = new Fingerprint(
                8, 50.0, 5.0, List.of("ApiHealthProbe", "ApiGatewayUser"), "2.47.0", null, null, null, null);
        Fingerprint other = new Fingerprint(
                8, 50.0, 5.0, List.of("ApiGatewayUser", "ApiHealthProbe"), "2.47.0", null, null, null, null);
        Fingerprint fewer = new Fingerprint(8, 50.0, 5.0, List.of("ApiGatewayUser"), "2.47.0", null, null, null, null);

        assertThat(one.comparableTo(other)).isTrue();
        assertThat(one.differencesFrom(fewer))
                .containsExactly("user classes [ApiGatewayUser, ApiHealthProbe] vs [ApiGatewayUser]");
    }
}
