package dev.locustmaven.thresholds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.locustmaven.model.MetricValue;
import dev.locustmaven.thresholds.ThresholdLevel.AbsoluteChange;
import dev.locustmaven.thresholds.ThresholdLevel.Comparison;
import dev.locustmaven.thresholds.ThresholdLevel.Direction;
import dev.locustmaven.thresholds.ThresholdLevel.Limit;
import dev.locustmaven.thresholds.ThresholdLevel.RelativeChange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ThresholdLevelTest {

    private static final String EXPECTED = "expected a relative change (+20%, -20%), an absolute change (+0.5, -3)"
            + " or a limit (> 1, >= 800, < 100, <= 5, == 0, != 0, == true, == false)";

    @Test
    void parsesEveryForm() {
        assertThat(ThresholdLevel.parse("+20%")).isEqualTo(new RelativeChange(20));
        assertThat(ThresholdLevel.parse("-20%")).isEqualTo(new RelativeChange(-20));
        assertThat(ThresholdLevel.parse("+0.5")).isEqualTo(new AbsoluteChange(0.5));
        assertThat(ThresholdLevel.parse("-3")).isEqualTo(new AbsoluteChange(-3));
        assertThat(ThresholdLevel.parse("> 1")).isEqualTo(new Limit(Comparison.GT, MetricValue.of(1.0)));
        assertThat(ThresholdLevel.parse(">= 800")).isEqualTo(new Limit(Comparison.GE, MetricValue.of(800.0)));
        assertThat(ThresholdLevel.parse("< 100")).isEqualTo(new Limit(Comparison.LT, MetricValue.of(100.0)));
        assertThat(ThresholdLevel.parse("<= 5")).isEqualTo(new Limit(Comparison.LE, MetricValue.of(5.0)));
        assertThat(ThresholdLevel.parse("== true")).isEqualTo(new Limit(Comparison.EQ, MetricValue.of(true)));
        assertThat(ThresholdLevel.parse("== false")).isEqualTo(new Limit(Comparison.EQ, MetricValue.of(false)));
        assertThat(ThresholdLevel.parse("== 0")).isEqualTo(new Limit(Comparison.EQ, MetricValue.of(0.0)));
        assertThat(ThresholdLevel.parse("!= 0")).isEqualTo(new Limit(Comparison.NE, MetricValue.of(0.0)));
        assertThat(ThresholdLevel.parse("> -1.5")).isEqualTo(new Limit(Comparison.GT, MetricValue.of(-1.5)));
        assertThat(ThresholdLevel.parse("+.5%")).isEqualTo(new RelativeChange(0.5));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "  + 20 %  | +20%",
                "-40%      | -40%",
                "+ 0.05    | +0.05",
                "-3        | -3",
                ">1        | > 1",
                "  >=   800| >= 800",
                "<= 5.0    | <= 5",
                "==TRUE    | == true",
                "!=  false | != false",
                "== 0      | == 0"
            })
    void isWhitespaceTolerantAndPrintsCanonically(String text, String canonical) {
        assertThat(ThresholdLevel.parse(text).text()).isEqualTo(canonical);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "20%       | '20%' needs a sign: +20% when a rise is worse, -20% when a fall is worse",
                "0.5       | '0.5' needs a sign: +0.5 when a rise is worse, -0.5 when a fall is worse, or a limit such"
                        + " as > 0.5",
                "+0%       | '+0%' is a change of zero, which an unchanged run already reaches; use a non-zero change,"
                        + " or a limit such as > 0",
                "-0.0      | '-0.0' is a change of zero, which an unchanged run already reaches; use a non-zero change,"
                        + " or a limit such as > 0",
                "> true    | '> true': true and false can only be compared with == or !=, not >",
                "<= false  | '<= false': true and false can only be compared with == or !=, not <=",
                ">         | '>': expected a number, true or false after >, found nothing",
                ">= lots   | '>= lots': expected a number, true or false after >=, found 'lots'",
                "== 1,5    | '== 1,5': expected a number, true or false after ==, found '1,5'"
            })
    void rejectsWithTheTextAndWhatWasExpected(String text, String message) {
        assertThatThrownBy(() -> ThresholdLevel.parse(text))
                .isInstanceOf(InvalidThresholdException.class)
                .hasMessage(message);
    }

    @ParameterizedTest
    @CsvSource(value = {"= 5", "twenty", "+20%%", "+-5", "20 percent", "=> 3", "~5"})
    void rejectsUnknownFormsListingTheKnownOnes(String text) {
        assertThatThrownBy(() -> ThresholdLevel.parse(text))
                .isInstanceOf(InvalidThresholdException.class)
                .hasMessage("'" + text + "' is not a threshold level; " + EXPECTED);
    }

    @Test
    void rejectsAnEmptyLevel() {
        assertThatThrownBy(() -> ThresholdLevel.parse("  "))
                .isInstanceOf(InvalidThresholdException.class)
                .hasMessage("the level is empty; " + EXPECTED);
        assertThatThrownBy(() -> ThresholdLevel.parse(null)).hasMessage("the level is empty; " + EXPECTED);
    }

    @Test
    void aChangeLevelIsReachedAtTheLevelItselfAndOnlyInItsDirection() {
        RelativeChange rise = new RelativeChange(20);
        // 780 ms against 650 ms is +20% up to floating-point error.
        assertThat(rise.reachedBy((780.0 - 650.0) / 650.0 * 100)).isTrue();
        assertThat(rise.reachedBy(19.99)).isFalse();
        assertThat(rise.reachedBy(-50)).isFalse();

        RelativeChange fall = new RelativeChange(-20);
        assertThat(fall.reachedBy(-20)).isTrue();
        assertThat(fall.reachedBy(-35)).isTrue();
        assertThat(fall.reachedBy(+100)).isFalse();
        assertThat(fall.direction()).isEqualTo(Direction.FALL_IS_WORSE);

        AbsoluteChange points = new AbsoluteChange(0.5);
        assertThat(points.reachedBy(0.1 + 0.4)).isTrue();
        assertThat(points.reachedBy(0.49)).isFalse();
    }

    @Test
    void aLimitIsBreachedWhenItsComparisonHolds() {
        assertThat(limit("> 1").breachedBy(MetricValue.of(1.0))).isFalse();
        assertThat(limit("> 1").breachedBy(MetricValue.of(2.0))).isTrue();
        assertThat(limit(">= 800").breachedBy(MetricValue.of(800.0))).isTrue();
        assertThat(limit(">= 800").breachedBy(MetricValue.of(799.9))).isFalse();
        assertThat(limit("< 100").breachedBy(MetricValue.of(100.0))).isFalse();
        assertThat(limit("< 100").breachedBy(MetricValue.of(99.0))).isTrue();
        assertThat(limit("<= 5").breachedBy(MetricValue.of(5.0))).isTrue();
        assertThat(limit("== 0").breachedBy(MetricValue.of(0.0))).isTrue();
        assertThat(limit("!= 0").breachedBy(MetricValue.of(0.0))).isFalse();
        assertThat(limit("!= 0").breachedBy(MetricValue.of(3.0))).isTrue();
        assertThat(limit("== false").breachedBy(MetricValue.of(false))).isTrue();
        assertThat(limit("== false").breachedBy(MetricValue.of(true))).isFalse();
        assertThat(limit("!= true").breachedBy(MetricValue.of(false))).isTrue();
        assertThat(limit("< 100").direction()).isEqualTo(Direction.FALL_IS_WORSE);
        assertThat(limit("== 0").direction()).isEqualTo(Direction.NONE);
        assertThat(limit("== 0").needsBaseline()).isFalse();
        assertThat(ThresholdLevel.parse("+5").needsBaseline()).isTrue();
    }

    private static Limit limit(String text) {
        return (Limit) ThresholdLevel.parse(text);
    }
}
