package dev.locustmaven.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.locustmaven.model.ChangeEvidence;
import dev.locustmaven.model.Check;
import dev.locustmaven.model.MetricKey;
import dev.locustmaven.model.MetricValue;
import dev.locustmaven.model.Status;
import dev.locustmaven.model.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerdictJsonTest {

    private static final Instant NOW = Instant.parse("2026-01-05T10:15:30Z");

    @TempDir
    Path dir;

    @Test
    void writesTheRequiredKeysOfEveryCheck() throws IOException {
        Path file = dir.resolve("target/locust/verdict.json");
        VerdictJson.write(file, SampleVerdict.build(), NOW);

        JsonNode root = new ObjectMapper().readTree(file.toFile());

        assertThat(root.get("verdict").asText()).isEqualTo("FAIL");
        assertThat(root.get("generated_at").asText()).isEqualTo("2026-01-05T10:15:30Z");
        assertThat(root.get("warnings").get(0).asText()).isEqualTo(SampleVerdict.STALE);
        assertThat(root.get("checks")).hasSize(8);
        for (JsonNode check : root.get("checks")) {
            List<String> keys = new ArrayList<>();
            check.fieldNames().forEachRemaining(keys::add);
            assertThat(keys)
                    .containsExactly(
                            "service",
                            "endpoint",
                            "metric",
                            "baseline",
                            "current",
                            "delta",
                            "change_pct",
                            "rule",
                            "status",
                            "message");
        }
        JsonNode warn = root.get("checks").get(0);
        assertThat(warn.get("service").asText()).isEqualTo("api_gateway");
        assertThat(warn.get("endpoint").isNull()).isTrue();
        assertThat(warn.get("baseline").asDouble()).isEqualTo(650);
        assertThat(warn.get("change_pct").asDouble()).isEqualTo(24.923);
        assertThat(warn.get("status").asText()).isEqualTo("WARN");
        assertThat(root.get("checks").get(1).get("endpoint").asText()).isEqualTo("GET /items");
        JsonNode zeroBaseline = root.get("checks").get(2);
        assertThat(zeroBaseline.get("change_pct").isNull()).isTrue();
        assertThat(zeroBaseline.get("delta").asDouble()).isEqualTo(1.5);
        JsonNode flag = root.get("checks").get(5);
        assertThat(flag.get("baseline").isBoolean()).isTrue();
        assertThat(flag.get("current").booleanValue()).isTrue();
        assertThat(root.get("checks").get(6).get("current").isNull()).isTrue();
        assertThat(root.get("checks").get(6).get("status").asText()).isEqualTo("MISSING");
        assertThat(root.get("checks").get(7).get("status").asText()).isEqualTo("NO_BASELINE");
        assertThat(Files.readString(file))
                .contains("\n      \"baseline\": 650,\n")
                .contains("\"change_pct\": -4,")
                .endsWith("}\n");
    }

    @Test
    void anInconclusiveCheckGivesTheResponseTimesShiftBesideTheValuesBounds() throws IOException {
        JsonNode sampling = samplingOfIndexP95(
                120,
                200,
                "warning +30% / fail +60%",
                new ChangeEvidence(
                        33,
                        36,
                        -100,
                        Double.POSITIVE_INFINITY,
                        0.95,
                        false,
                        180L,
                        true,
                        false,
                        ChangeEvidence.Basis.VALUE,
                        new ChangeEvidence.Shift(70.04, 57.81, 79.14)));

        assertThat(sampling.get("basis").asText()).isEqualTo("value");
        assertThat(sampling.get("change_lower").asDouble()).isEqualTo(-100);
        assertThat(sampling.get("change_upper").isNull()).isTrue();
        assertThat(sampling.get("response_times").toString())
                .isEqualTo("{\"change\":70.04,\"change_lower\":57.81,\"change_upper\":79.14}");
    }

    @Test
    void aCheckThatDidNotWeighTheResponseTimesHasNoShift() throws IOException {
        JsonNode sampling = samplingOfIndexP95(
                49,
                75,
                "warning +30% / fail +50%",
                new ChangeEvidence(75, 0, 12.1, 80, 0.95, false, 400L, false, false, ChangeEvidence.Basis.VALUE, null));

        assertThat(sampling.has("response_times")).isFalse();
        assertThat(sampling.get("requests_to_decide").asLong()).isEqualTo(400);
    }

    /** The {@code sampling} that {@code render} writes for an inconclusive WARN of {@code rag_service index_p95_ms}. */
    private static JsonNode samplingOfIndexP95(double baseline, double current, String rule, ChangeEvidence evidence)
            throws IOException {
        Check check = new Check(
                MetricKey.of("rag_service", "index_p95_ms"),
                MetricValue.of(baseline),
                MetricValue.of(current),
                current - baseline,
                (current - baseline) / baseline * 100,
                rule,
                Status.WARN,
                "inconclusive.",
                false,
                evidence);
        return new ObjectMapper()
                .readTree(VerdictJson.render(Verdict.of(List.of(check), List.of()), NOW))
                .get("checks")
                .get(0)
                .get("sampling");
    }

    @Test
    void readsBackWhatItWrote() {
        Path file = dir.resolve("verdict.json");
        Verdict verdict = SampleVerdict.build();

        VerdictJson.write(file, verdict, NOW);

        assertThat(VerdictJson.read(file)).isEqualTo(verdict);
        assertThat(VerdictJson.readFile(file)).isEqualTo(new VerdictFile(verdict, NOW));
    }

    @Test
    void aTimeInAnotherShapeIsLeftOutNotTheVerdict() throws IOException {
        Path file = dir.resolve("verdict.json");
        Files.writeString(file, "{\"verdict\": \"PASS\", \"generated_at\": \"yesterday\", \"checks\": []}");

        assertThat(VerdictJson.readFile(file).generatedAt()).isNull();
        assertThat(VerdictJson.readFile(file).verdict().level()).isEqualTo(Status.PASS);
    }

    @Test
    void writingTwiceGivesTheSameBytes() throws IOException {
        Path file = dir.resolve("verdict.json");
        VerdictJson.write(file, SampleVerdict.build(), NOW);
        byte[] first = Files.readAllBytes(file);

        VerdictJson.write(file, VerdictJson.read(file), NOW);

        assertThat(Files.readAllBytes(file)).isEqualTo(first);
    }

    @Test
    void readingABadFileNamesTheProblem() throws IOException {
        Path malformed = Files.writeString(dir.resolve("a.json"), "{\n  \"verdict\": \"PASS\",\n  \"checks\": [\n}");
        assertThatThrownBy(() -> VerdictJson.read(malformed))
                .isInstanceOf(ReportFileException.class)
                .hasMessageStartingWith(malformed + ":4:1: ");

        Path badStatus = Files.writeString(
                dir.resolve("b.json"),
                "{\"verdict\": \"PASS\", \"checks\": [{\"service\": \"s\", \"metric\": \"m\", \"status\": \"OK\"}]}");
        assertThatThrownBy(() -> VerdictJson.read(badStatus))
                .isInstanceOf(ReportFileException.class)
                .hasMessage(badStatus + ": checks[0].status is \"OK\", expected one of [PASS, WARN, FAIL, MISSING,"
                        + " NO_BASELINE]");

        Path badLevel = Files.writeString(dir.resolve("c.json"), "{\"verdict\": \"MISSING\", \"checks\": []}");
        assertThatThrownBy(() -> VerdictJson.read(badLevel))
                .isInstanceOf(ReportFileException.class)
                .hasMessage(badLevel + ": \"verdict\" A verdict is PASS, WARN or FAIL, not MISSING");

        assertThatThrownBy(() -> VerdictJson.read(dir.resolve("none.json")))
                .isInstanceOf(ReportFileException.class)
                .hasMessageContaining("no verdict file");
    }

    @Test
    void anEmptyVerdictHasEmptyArrays() {
        assertThat(VerdictJson.render(new Verdict(Status.PASS, List.of(), List.of()), null))
                .isEqualTo("{\n  \"verdict\": \"PASS\",\n  \"warnings\": [],\n  \"checks\": []\n}\n");
    }
}
