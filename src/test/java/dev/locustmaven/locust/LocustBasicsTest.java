package dev.locustmaven.locust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.locustmaven.locust.install.LocustFeatures;
import dev.locustmaven.locust.install.LocustVersion;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LocustBasicsTest {

    @Test
    void durationsAreReadAsLocustReadsRunTime() {
        assertThat(LocustDuration.parse("20", "runTime")).isEqualTo(Duration.ofSeconds(20));
        assertThat(LocustDuration.parse("20s", "runTime")).isEqualTo(Duration.ofSeconds(20));
        assertThat(LocustDuration.parse("3m", "runTime")).isEqualTo(Duration.ofMinutes(3));
        assertThat(LocustDuration.parse("1h30m10s", "runTime")).isEqualTo(Duration.ofSeconds(5410));
        assertThat(LocustDuration.parse(" 2M ", "runTime")).isEqualTo(Duration.ofMinutes(2));
        assertThatThrownBy(() -> LocustDuration.parse("5x", "runTime"))
                .isInstanceOf(LocustRunException.class)
                .hasMessage("runTime '5x' is not a duration: write it as Locust does, e.g. 30, 30s, 5m or 1h30m");
        assertThatThrownBy(() -> LocustDuration.parse("", "gracePeriod")).hasMessageStartingWith("gracePeriod ''");
        assertThat(LocustDuration.toLocust(Duration.ofMinutes(2))).isEqualTo("120s");
        assertThat(LocustDuration.clock(Duration.ofSeconds(75))).isEqualTo("1:15");
        assertThat(LocustDuration.clock(Duration.ofSeconds(3725))).isEqualTo("1:02:05");
    }

    @Test
    void versionsCompareByNumber() {
        assertThat(LocustVersion.parse("2.9.0").orElseThrow())
                .isLessThan(LocustVersion.parse("2.12.1").orElseThrow());
        assertThat(LocustVersion.parse("2.47.0").orElseThrow().isAtLeast(LocustVersion.OLDEST_SUPPORTED))
                .isTrue();
        assertThat(LocustVersion.parse("2.10").orElseThrow().isAtLeast(LocustVersion.OLDEST_SUPPORTED))
                .isFalse();
        assertThat(LocustVersion.parse("2.33.0.dev12").orElseThrow().minor()).isEqualTo(33);
        assertThat(LocustVersion.parse("")).isEmpty();
    }

    @Test
    void featuresAreWholeOptionsOfTheHelpText() throws Exception {
        String help;
        try (InputStream in = getClass().getResourceAsStream("locust-help-2.12.1.txt")) {
            help = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // 2.12.1 has --show-task-ratio-json, which must not count as --json
        assertThat(help).contains("--show-task-ratio-json");
        assertThat(LocustFeatures.fromHelp(help)).isEqualTo(new LocustFeatures(false, false, false, true));
        assertThat(LocustFeatures.fromHelp("  --json-file JSON_FILE  Prints\n  --processes PROCESSES"))
                .isEqualTo(new LocustFeatures(false, true, true, false));
    }
}
