package dev.locustmaven.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ChangeBoundsTest {

    @Test
    void aRatioCombinesBothSidesOnTheLogScale() {
        // run 200 (bounds 160..250), baseline 100 (80..125): each side is a factor 1.25 from its bounds
        ChangeBounds bounds = ChangeBounds.ratio(new Bounds(200, 160, 250, false), new Bounds(100, 80, 125, false));

        double spread = Math.sqrt(2) * Math.log(1.25);
        assertThat(bounds.lower()).isCloseTo(2 * Math.exp(-spread), within(1e-12));
        assertThat(bounds.upper()).isCloseTo(2 * Math.exp(spread), within(1e-12));
    }

    @Test
    void anExactBaselineLeavesTheRunsOwnBounds() {
        ChangeBounds bounds = ChangeBounds.ratio(new Bounds(200, 160, 250, false), Bounds.exact(100));

        assertThat(bounds.lower()).isCloseTo(1.6, within(1e-12));
        assertThat(bounds.upper()).isCloseTo(2.5, within(1e-12));
    }

    @Test
    void aBaselineWithoutAnUpperBoundCannotProveARise() {
        ChangeBounds bounds = ChangeBounds.ratio(
                new Bounds(300, 250, 400, false), new Bounds(120, 100, Double.POSITIVE_INFINITY, false));

        assertThat(bounds.lower()).isZero();
        assertThat(bounds.upper())
                .isCloseTo(2.5 * Math.exp(Math.hypot(Math.log(400 / 300.0), Math.log(1.2))), within(1e-12));
    }

    @Test
    void aDifferenceCombinesTheDistancesToTheBounds() {
        // error rate 5% (3..8) against 1% (0..5): down 2 and 4, up 3 and 1
        ChangeBounds bounds = ChangeBounds.difference(new Bounds(5, 3, 8, false), new Bounds(1, 0, 5, false));

        assertThat(bounds.lower()).isCloseTo(4 - Math.hypot(2, 4), within(1e-12));
        assertThat(bounds.upper()).isCloseTo(4 + Math.hypot(3, 1), within(1e-12));
    }
}
