package dev.locustmaven.locust.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FailureOnlyWatchTest {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    @Test
    void stopsOnceEveryRequestFailedForTheLimitCountedFromTheFirstFailure() {
        FailureOnlyWatch watch = new FailureOnlyWatch(Duration.ofSeconds(3));

        // no request yet (a slow connect), then the first failure at 5 s
        assertThat(watch.onlyFailures(0, 0, 0)).isFalse();
        assertThat(watch.onlyFailures(0, 0, 4 * SECOND)).isFalse();
        assertThat(watch.onlyFailures(2, 2, 5 * SECOND)).isFalse();
        assertThat(watch.onlyFailures(40, 40, 7 * SECOND)).isFalse();
        assertThat(watch.onlyFailures(61, 61, 8 * SECOND)).isTrue();
    }

    @Test
    void oneRequestThatSucceededEndsTheWatchForGood() {
        FailureOnlyWatch watch = new FailureOnlyWatch(Duration.ofSeconds(3));

        assertThat(watch.onlyFailures(10, 10, 0)).isFalse();
        assertThat(watch.onlyFailures(21, 20, SECOND)).isFalse();
        // the service went down later: its error rate is check's to judge, the run goes on
        assertThat(watch.onlyFailures(500, 479, 60 * SECOND)).isFalse();
        assertThat(watch.onlyFailures(900, 879, 120 * SECOND)).isFalse();
    }

    @Test
    void zeroNeverStops() {
        FailureOnlyWatch watch = new FailureOnlyWatch(Duration.ZERO);

        assertThat(watch.onlyFailures(10, 10, 0)).isFalse();
        assertThat(watch.onlyFailures(1000, 1000, 600 * SECOND)).isFalse();
    }
}
