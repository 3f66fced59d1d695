package dev.locustmaven.locust.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.locustmaven.locust.LocustRunException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Version and feature detection on the real Locusts, and what a build remembers of them. */
class LocustDetectorTest {

    @TempDir
    Path dir;

    @Test
    void newestReportsItsVersionAndHasEveryOption() {
        Path executable = TestLocusts.newest().executable();

        LocustInstallation newest = LocustDetector.detect(executable, "locustExecutable", DetectionCache.none());

        assertThat(newest.version().text()).isEqualTo(TestLocusts.NEWEST_VERSION);
        assertThat(newest.reportsVersion()).isTrue();
        assertThat(newest.features()).isEqualTo(new LocustFeatures(true, true, true, true));
        assertThat(newest.describe()).isEqualTo("Locust 2.47.0 (" + executable + ", locustExecutable)");
    }

    @Test
    void aManagedLocustIsKnownFromItsMetadataAndItsHelp() {
        Path venv = TestLocusts.cacheDirectory().resolve("venvs/2.47.0");

        LocustInstallation managed = TestLocusts.newest();

        assertThat(managed.features()).isEqualTo(new LocustFeatures(true, true, true, true));
        assertThat(managed.describe())
                .isEqualTo("Locust 2.47.0 (" + venv.resolve("bin/locust") + ", managed environment " + venv + ")");
    }

    @Test
    void oldestFromPypiReportsItsVersionAndLacksTheNewerOptions() {
        LocustInstallation oldest =
                LocustDetector.detect(TestLocusts.oldest().executable(), "locustExecutable", DetectionCache.none());

        assertThat(oldest.version().text()).isEqualTo(TestLocusts.OLDEST_VERSION);
        assertThat(oldest.reportsVersion()).isTrue();
        assertThat(oldest.features()).isEqualTo(new LocustFeatures(false, false, false, true));
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
    void aSecondDetectionOfTheSameExecutableStartsNothing() throws Exception {
        Path calls = dir.resolve("calls");
        // a Python entry-point script, as pip and uv write them
        Path fake = executable(
                "locust",
                "#!/usr/bin/env python3\nimport sys\n"
                        + "open(" + quoted(calls) + ", 'a').write(sys.argv[1] + '\\n')\n"
                        + "print('locust 2.40.0' if sys.argv[1] == '-V' else 'usage: locust --json')\n");
        DetectionCache cache = DetectionCache.in(dir.resolve("cache"));

        LocustInstallation first = LocustDetector.detect(fake, "PATH", cache);
        LocustInstallation second = LocustDetector.detect(fake, "PATH", cache);

        assertThat(second).isEqualTo(first);
        assertThat(second.features().json()).isTrue();
        assertThat(Files.readAllLines(calls)).containsExactlyInAnyOrder("-V", "--help");

        // an upgrade rewrites the launcher: its new size and time make a fresh detection
        Files.writeString(fake, Files.readString(fake).replace("2.40.0", "2.41.0"));
        Files.setLastModifiedTime(fake, FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(LocustDetector.detect(fake, "PATH", cache).version().text()).isEqualTo("2.41.0");
        assertThat(Files.readAllLines(calls)).hasSize(4);
    }

    @Test
    void aWrapperIsDetectedAfreshEveryTime() throws Exception {
        Path calls = dir.resolve("calls");
        // like a pyenv shim: it stays the same when the Locust behind it changes
        Path wrapper = executable(
                "locust",
                "#!/bin/sh\necho \"$1\" >> '" + calls + "'\n"
                        + "if [ \"$1\" = -V ]; then echo 'locust 2.40.0'; else echo 'usage: locust --json'; fi\n");
        DetectionCache cache = DetectionCache.in(dir.resolve("cache"));

        LocustDetector.detect(wrapper, "PATH", cache);
        LocustDetector.detect(wrapper, "PATH", cache);

        assertThat(Files.readAllLines(calls)).hasSize(4);
    }

    @Test
    void aFailedDetectionIsNotRemembered() throws Exception {
        Path fake = executable("locust", "#!/bin/sh\necho 'usage: something else' >&2\nexit 3\n");
        DetectionCache cache = DetectionCache.in(dir.resolve("cache"));

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> LocustDetector.detect(fake, "PATH", cache))
                    .hasMessageContaining("is not a working Locust");
        }
        assertThat(cache.output(fake, "-V")).isEmpty();
    }

    @Test
    void somethingElseIsNotTakenForLocust() throws Exception {
        Path fake = executable("locust", "#!/bin/sh\necho 'usage: something else' >&2\nexit 3\n");

        assertThatThrownBy(() -> LocustDetector.detect(fake, "locustExecutable", DetectionCache.none()))
                .isInstanceOf(LocustRunException.class)
                .hasMessage(fake + " (locustExecutable) is not a working Locust: '" + fake
                        + " -V' exited with 3 and printed:" + System.lineSeparator() + "usage: something else");
        assertThatThrownBy(
                        () -> LocustDetector.detect(dir.resolve("missing"), "locustExecutable", DetectionCache.none()))
                .hasMessage("The Locust executable " + dir.resolve("missing") + " (locustExecutable) does not exist.");
    }

    @Test
    void tooOldIsRefused() throws Exception {
        Path fake = executable("locust", "#!/bin/sh\necho 'locust 2.8.6'\n");

        assertThatThrownBy(() -> LocustDetector.detect(fake, "PATH", DetectionCache.none()))
                .hasMessageContaining("Locust 2.8.6 at " + fake + " (PATH) is too old: the plugin needs Locust 2.11.0");
    }

    private static String quoted(Path path) {
        return "'" + path.toString().replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private Path executable(String name, String script) throws Exception {
        Path file = Files.writeString(dir.resolve(name), script);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
