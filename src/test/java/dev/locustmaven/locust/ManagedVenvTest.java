package dev.locustmaven.locust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManagedVenvTest {

    @TempDir
    Path cache;

    @Test
    void aCompletedEnvironmentIsReusedWithoutPython() throws Exception {
        Path venv = cache.resolve("venvs/2.47.0");
        Files.createDirectories(venv.resolve("bin"));
        Files.writeString(venv.resolve("bin/locust"), "");
        Files.writeString(venv.resolve(".locust-maven-plugin-complete"), "2.47.0\n");

        // a Python that does not exist proves nothing was installed
        Path locust = new ManagedVenv(cache, "/no/such/python", RunLog.silent()).ensure("2.47.0");

        assertThat(locust).isEqualTo(venv.resolve("bin/locust"));
    }

    @Test
    void anUnfinishedEnvironmentIsNotUsed() throws Exception {
        Path venv = cache.resolve("venvs/2.47.0");
        Files.createDirectories(venv.resolve("bin"));
        Files.writeString(venv.resolve("bin/locust"), "");

        assertThatThrownBy(() -> new ManagedVenv(cache, "/no/such/python", RunLog.silent()).ensure("2.47.0"))
                .isInstanceOf(LocustRunException.class)
                .hasMessage("Python 3 was not found (tried /no/such/python), so the plugin cannot install Locust."
                        + " Install Python 3 (3.11 or newer for current Locust), or set pythonExecutable"
                        + " (-Dlocust.pythonExecutable) to it, or set locustExecutable to an installed Locust.");
        assertThat(venv).doesNotExist();
    }

    @Test
    void aVersionMustBeAReleaseNumber() {
        assertThatThrownBy(() -> new ManagedVenv(cache, null, RunLog.silent()).ensure("../../etc"))
                .hasMessage("locustVersion '../../etc' is not a release number such as 2.47.0.");
    }

    @Test
    void pipFailureShowsPipsLastLines() {
        TestLocusts.Lines log = new TestLocusts.Lines();

        // no Locust release has this number; pip looks it up and gives up
        assertThatThrownBy(() -> new ManagedVenv(cache, null, log).ensure("0.0.0.999"))
                .isInstanceOf(LocustRunException.class)
                .hasMessageStartingWith("pip could not install locust==0.0.0.999 (exit 1)")
                .hasMessageContaining("No matching distribution found for locust==0.0.0.999");
        assertThat(cache.resolve("venvs/0.0.0.999")).doesNotExist();
        assertThat(log.info)
                .containsExactly("Installing Locust 0.0.0.999 into " + cache.resolve("venvs/0.0.0.999")
                        + " (once; later builds reuse it)");
    }
}
