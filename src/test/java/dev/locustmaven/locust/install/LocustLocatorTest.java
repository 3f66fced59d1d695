package dev.locustmaven.locust.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.locustmaven.locust.LocustRunException;
import dev.locustmaven.locust.RunLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocustLocatorTest {

    @TempDir
    Path dir;

    @Test
    void noLocustAnywhereSaysWhatToDo() {
        LocustLocator.Source nothing = new LocustLocator.Source(null, null, null, dir, dir.toString());

        assertThatThrownBy(() -> LocustLocator.locate(nothing, RunLog.silent()))
                .isInstanceOf(LocustRunException.class)
                .hasMessage("No Locust found: neither locustExecutable nor locustVersion is set, and there is no"
                        + " 'locust' on the PATH. Set locustVersion (for example -Dlocust.locustVersion=2.47.0) to let"
                        + " the plugin install Locust into a cached virtual environment, or install Locust (pip"
                        + " install locust), or set locustExecutable to its path.");
    }

    @Test
    void thePathIsSearchedInOrder() throws Exception {
        Path first = Files.createDirectories(dir.resolve("a"));
        Path second = Files.createDirectories(dir.resolve("b"));
        Path locust = Files.createFile(second.resolve("locust"));
        Files.setPosixFilePermissions(locust, PosixFilePermissions.fromString("rwxr-xr-x"));

        assertThat(LocustLocator.onPath(first + ":" + second)).contains(locust);
        assertThat(LocustLocator.onPath(first.toString())).isEmpty();
    }

    @Test
    void theConfiguredExecutableWins() {
        LocustLocator.Source source =
                new LocustLocator.Source(TestLocusts.newest().executable(), null, null, dir, "/nowhere");

        assertThat(LocustLocator.locate(source, RunLog.silent()).origin()).isEqualTo("locustExecutable");
    }
}
