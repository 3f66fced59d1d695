package dev.locustmaven.locust.install;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PinnedRequirementsTest {

    @Test
    void eachSupportedVersionHasAPinnedHashedSetForItsPythons() {
        PinnedRequirements newest = PinnedRequirements.forVersion("2.47.0").orElseThrow();
        PinnedRequirements oldest = PinnedRequirements.forVersion("2.12.1").orElseThrow();

        assertThat(newest.text()).contains("\nlocust==2.47.0 \\\n").contains("--hash=sha256:");
        assertThat(oldest.text()).contains("\nlocust==2.12.1 \\\n").contains("\nzope-interface==6.0 \\\n");
        assertThat(newest.id()).hasSize(12).isNotEqualTo(oldest.id());
        assertThat(oldest.supportsPython("3.11.7")).isTrue();
        assertThat(oldest.supportsPython("3.12.0")).isFalse();
        assertThat(oldest.supportsPython("3.10.12")).isFalse();
        assertThat(newest.supportsPython("3.14.1")).isTrue();
    }

    @Test
    void everyRequirementIsAnExactPin() {
        for (String version : new String[] {"2.47.0", "2.12.1"}) {
            String text = PinnedRequirements.forVersion(version).orElseThrow().text();
            text.lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#") && !l.startsWith(" "))
                    .forEach(l -> assertThat(l).as(version).matches("[a-z0-9-]+==[^ ;]+( ;.*)? \\\\"));
        }
    }

    @Test
    void anUnknownVersionHasNoSet() {
        assertThat(PinnedRequirements.forVersion("2.30.0")).isEmpty();
    }
}
