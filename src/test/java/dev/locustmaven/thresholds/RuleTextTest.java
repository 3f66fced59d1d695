package dev.locustmaven.thresholds;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RuleTextTest {

    @Test
    void readsBothLevelsBackFromARulesText() {
        String text = "warning +20% / fail +50%, minAbsolute 5, missing allowed";

        assertThat(RuleText.warning(text)).contains(new ThresholdLevel.RelativeChange(20));
        assertThat(RuleText.fail(text)).contains(new ThresholdLevel.RelativeChange(50));
        assertThat(RuleText.fail("fail > 1").map(ThresholdLevel::text)).contains("> 1");
        assertThat(RuleText.fail("warning +0.5").isEmpty()).isTrue();
    }

    @Test
    void readsTheChangeFloorBackFromARulesText() {
        assertThat(RuleText.minAbsoluteChange("warning +20% / fail +50%, minAbsolute 5, minAbsoluteChange 2.5"))
                .contains(2.5);
        assertThat(RuleText.minAbsoluteChange("warning +20% / fail +50%, minAbsolute 5"))
                .isEmpty();
        assertThat(RuleText.minAbsoluteChange("fail +50%, minAbsoluteChange many"))
                .isEmpty();
        assertThat(RuleText.minAbsoluteChange(null)).isEmpty();
    }

    @Test
    void aTextItCannotReadHasNoLevels() {
        assertThat(RuleText.fail(null)).isEmpty();
        assertThat(RuleText.fail("statistical gate")).isEmpty();
        assertThat(RuleText.fail("fail about +50%")).isEmpty();
    }
}
