package dev.locustmaven.locust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Version and feature detection on the two real Locusts. */
class LocustDetectorTest {

    @TempDir
    Path dir;

    @Test
    void newestReportsItsVersionAndHasEveryOption() {
        LocustInstallation newest = TestLocusts.newest();

        assertThat(newest.version().text()).isEqualTo(TestLocusts.NEWEST_VERSION);
        assertThat(newest.reportsVersion()).isTrue();
        assertThat(newest.features()).isEqualTo(new LocustFeatures(true, true, true, true));
        assertThat(newest.describe()).isEqualTo("Locust 2.47.0 (" + TestLocusts.newestExecutable() + ", test venv)");
    }

    @Test
    void debiansEmptyVersionComesFromDpkg() {
        LocustInstallation debian = TestLocusts.debian();

        assertThat(debian.version().text()).isEqualTo("2.12.1");
        assertThat(debian.reportsVersion()).isFalse();
        assertThat(debian.features()).isEqualTo(new LocustFeatures(false, false, false, true));
        assertThat(debian.describe())
                .isEqualTo("Locust 2.12.1 (per the package manager; Locust itself reports no version)"
                        + " (/usr/bin/locust, Debian package)");
        assertThat(LocustDetector.dpkgVersion(Path.of("/usr/bin/locust"))).contains("2.12.1");
        assertThat(LocustDetector.dpkgVersion(dir.resolve("nothing"))).isEmpty();
    }

    @Test
    void somethingElseIsNotTakenForLocust() throws Exception {
        Path fake = Files.writeString(dir.resolve("locust"), "#!/bin/sh\necho 'usage: something else' >&2\nexit 3\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));

        assertThatThrownBy(() -> LocustDetector.detect(fake, "locustExecutable"))
                .isInstanceOf(LocustRunException.class)
                .hasMessage(fake + " (locustExecutable) is not a working Locust: '" + fake
                        + " -V' exited with 3 and printed:" + System.lineSeparator() + "usage: something else");
        assertThatThrownBy(() -> LocustDetector.detect(dir.resolve("missing"), "locustExecutable"))
                .hasMessage("The Locust executable " + dir.resolve("missing") + " (locustExecutable) does not exist.");
    }

    @Test
    void tooOldIsRefused() throws Exception {
        Path fake = Files.writeString(dir.resolve("locust"), "#!/bin/sh\necho 'locust 2.8.6'\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));

        assertThatThrownBy(() -> LocustDetector.detect(fake, "PATH"))
                .hasMessageContaining("Locust 2.8.6 at " + fake + " (PATH) is too old: the plugin needs Locust 2.11.0");
    }
}
