package dev.locustmaven.locust.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ShutdownSequenceTest {

    @Test
    void locustIsStoppedBeforeTheSystemUnderTestThoughTheSystemStartedFirst() {
        ShutdownSequence sequence = new ShutdownSequence();
        List<String> stopped = new CopyOnWriteArrayList<>();
        sequence.register(ShutdownSequence.Stage.SYSTEM_UNDER_TEST, () -> stopped.add("demo-service"));
        sequence.register(ShutdownSequence.Stage.LOAD, () -> {
            assertThat(sequence.isRunning()).isTrue();
            stopped.add("locust");
        });

        sequence.run();

        assertThat(stopped).containsExactly("locust", "demo-service");
    }

    @Test
    void aFailingStopStillStopsTheNextStageAndAClosedRegistrationIsNotRun() {
        ShutdownSequence sequence = new ShutdownSequence();
        List<String> stopped = new CopyOnWriteArrayList<>();
        sequence.register(ShutdownSequence.Stage.SYSTEM_UNDER_TEST, () -> stopped.add("demo-service"));
        sequence.register(ShutdownSequence.Stage.LOAD, () -> {
            throw new IllegalStateException("Locust is gone already");
        });
        sequence.register(ShutdownSequence.Stage.LOAD, () -> stopped.add("finished scenario"))
                .close();

        sequence.run();

        assertThat(stopped).containsExactly("demo-service");
    }
}
