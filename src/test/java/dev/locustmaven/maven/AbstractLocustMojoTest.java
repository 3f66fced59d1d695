package dev.locustmaven.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.locustmaven.failure.ConfigurationException;
import dev.locustmaven.locust.LocustRunException;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;

/** The one way every goal starts: skipped, or run with the plugin's own failures reported as their message alone. */
class AbstractLocustMojoTest {

    /** A goal that throws what it is given. */
    private static final class Probe extends AbstractLocustMojo {
        private final RuntimeException failure;
        private final List<String> info = new ArrayList<>();
        private boolean ran;
        private boolean skipProbe;

        Probe(RuntimeException failure) {
            this.failure = failure;
            setLog(new SystemStreamLog() {
                @Override
                public void info(CharSequence content) {
                    info.add(content.toString());
                }
            });
        }

        @Override
        protected String goal() {
            return "probe";
        }

        @Override
        protected boolean skipsGoal() {
            return skipProbe;
        }

        @Override
        protected void run() {
            ran = true;
            if (failure != null) {
                throw failure;
            }
        }
    }

    @Test
    void aSkippedGoalSaysSoAndDoesNothing() throws Exception {
        Probe probe = new Probe(new IllegalStateException("never thrown"));
        probe.skip = true;

        probe.execute();

        assertThat(probe.ran).isFalse();
        assertThat(probe.info).containsExactly("Skipping locust:probe (locust.skip).");
    }

    @Test
    void aGoalsOwnSkipSkipsItAndNamesItsProperty() throws Exception {
        Probe probe = new Probe(new IllegalStateException("never thrown"));
        probe.skipProbe = true;

        probe.execute();

        assertThat(probe.ran).isFalse();
        assertThat(probe.info).containsExactly("Skipping locust:probe (locust.probe.skip).");
    }

    @Test
    void thePluginsOwnFailuresBecomeTheirMessageAlone() {
        LocustRunException failure =
                new LocustRunException("Cannot start locust: no such file", new java.io.IOException("no such file"));

        assertThatThrownBy(() -> new Probe(failure).execute())
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("Cannot start locust: no such file")
                .hasNoCause();
        assertThatThrownBy(() -> new Probe(new ConfigurationException("locust.confidence must be below 1")).execute())
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("locust.confidence must be below 1");
    }

    @Test
    void anyOtherExceptionIsABugAndPropagatesAsItIs() {
        IllegalStateException bug = new IllegalStateException("a bug");

        assertThatThrownBy(() -> new Probe(bug).execute()).isSameAs(bug);
    }
}
