package dev.locustmaven.locust.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.locustmaven.locust.LocustRunException;
import dev.locustmaven.locust.RunLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManagedVenvTest {

    private static final String NO_PYTHON = "Python 3 was not found (tried /no/such/python), so the plugin cannot"
            + " install Locust. Install Python 3 (3.11 or newer for current Locust), or set pythonExecutable"
            + " (-Dlocust.pythonExecutable) to it, or set locustExecutable to an installed Locust.";

    @TempDir
    Path cache;

    @Test
    void aCompletedEnvironmentIsReusedWithoutPython() throws Exception {
        Path venv = completeLookingEnvironment("2.47.0");

        // a Python that does not exist proves nothing was installed
        ManagedVenv.Installed installed = new ManagedVenv(cache, "/no/such/python", RunLog.silent()).ensure("2.47.0");

        assertThat(installed.executable()).isEqualTo(venv.resolve("bin/locust"));
        assertThat(installed.version().text()).isEqualTo("2.47.0");
    }

    @Test
    void anUnfinishedEnvironmentIsRebuiltNotUsed() throws Exception {
        Path venv = completeLookingEnvironment("2.47.0");
        // killed mid-install: the marker is written last
        Files.delete(venv.resolve(".locust-maven-plugin-complete"));
        TestLocusts.Lines log = new TestLocusts.Lines();

        assertThatThrownBy(() -> new ManagedVenv(cache, "/no/such/python", log).ensure("2.47.0"))
                .isInstanceOf(LocustRunException.class)
                .hasMessage(NO_PYTHON);
        assertThat(log.info)
                .containsExactly("The environment " + venv + " is not usable (no completion marker: an earlier"
                        + " installation did not finish); rebuilding it.");
        assertThat(venv).doesNotExist();
    }

    @Test
    void anEnvironmentWhosePythonIsGoneIsRebuilt() throws Exception {
        Path venv = completeLookingEnvironment("2.47.0");
        // an upgrade in place: python3 now is 3.12, the environment's link still resolves, python3.11 is gone
        Path base = cache.resolve("base/bin");
        Files.move(base.resolve("python3.11"), base.resolve("python3.12"));
        TestLocusts.Lines log = new TestLocusts.Lines();

        assertThatThrownBy(() -> new ManagedVenv(cache, "/no/such/python", log).ensure("2.47.0"))
                .hasMessage(NO_PYTHON);
        assertThat(log.info)
                .containsExactly("The environment " + venv + " is not usable (its Python " + base.resolve("python3.11")
                        + " is missing: removed, or upgraded to another version); rebuilding it.");
    }

    @Test
    void anUnpinnedEnvironmentForAPythonOutsideThePinnedRangeIsReused() throws Exception {
        // 2.12.1's set is for Python 3.11 only; on 3.12 the plugin installs it unpinned, and keeps that
        Path venv = completeLookingEnvironment("2.12.1", "3.12.1", "locust==2.12.1 unpinned");

        ManagedVenv.Installed installed = new ManagedVenv(cache, "/no/such/python", RunLog.silent()).ensure("2.12.1");

        assertThat(installed.executable()).isEqualTo(venv.resolve("bin/locust"));
    }

    @Test
    void aShortVersionMatchesItsRelease() throws Exception {
        Path venv = completeLookingEnvironment("2.47", "3.11.7", "locust==2.47 unpinned");
        Path info = venv.resolve("lib/python3.11/site-packages/locust-2.47.dist-info");
        Files.move(info, info.resolveSibling("locust-2.47.0.dist-info"));
        Files.writeString(
                info.resolveSibling("locust-2.47.0.dist-info").resolve("METADATA"),
                "Metadata-Version: 2.4\nName: locust\nVersion: 2.47.0\n");

        ManagedVenv.Installed installed = new ManagedVenv(cache, "/no/such/python", RunLog.silent()).ensure("2.47");

        assertThat(installed.version().text()).isEqualTo("2.47.0");
    }

    @Test
    void anEnvironmentFromAnotherDependencySetIsRebuilt() throws Exception {
        Path venv = completeLookingEnvironment("2.47.0");
        Files.writeString(venv.resolve(".locust-maven-plugin-complete"), "locust==2.47.0 unpinned\n");
        TestLocusts.Lines log = new TestLocusts.Lines();

        assertThatThrownBy(() -> new ManagedVenv(cache, "/no/such/python", log).ensure("2.47.0"))
                .hasMessage(NO_PYTHON);
        assertThat(log.info)
                .containsExactly("The environment " + venv + " is not usable (it holds locust==2.47.0 unpinned, this"
                        + " plugin installs locust==2.47.0 pinned " + pinsId("2.47.0") + "); rebuilding it.");
    }

    @Test
    void anEnvironmentWhoseLocustMetadataDisagreesIsRebuilt() throws Exception {
        Path venv = completeLookingEnvironment("2.47.0");
        Path info = venv.resolve("lib/python3.11/site-packages/locust-2.47.0.dist-info/METADATA");
        Files.writeString(info, "Metadata-Version: 2.4\nName: locust\nVersion: 2.46.0\n");
        TestLocusts.Lines log = new TestLocusts.Lines();

        assertThatThrownBy(() -> new ManagedVenv(cache, "/no/such/python", log).ensure("2.47.0"))
                .hasMessage(NO_PYTHON);
        assertThat(log.info)
                .containsExactly("The environment " + venv
                        + " is not usable (its Locust package metadata says 2.46.0, not 2.47.0); rebuilding it.");
    }

    @Test
    void aVersionMustBeAReleaseNumber() {
        assertThatThrownBy(() -> new ManagedVenv(cache, null, RunLog.silent()).ensure("../../etc"))
                .hasMessage("locustVersion '../../etc' is not a release number such as 2.47.0.");
    }

    @Test
    void anUnknownVersionIsAPlainPinAndAFailedInstallShowsItsLastLines() {
        TestLocusts.Lines log = new TestLocusts.Lines();

        // no Locust release has this number; the installer looks it up and gives up
        assertThatThrownBy(() -> new ManagedVenv(cache, null, log).ensure("0.0.0.999"))
                .isInstanceOf(LocustRunException.class)
                .hasMessageMatching("(?s)(uv \\S+|pip) could not install locust==0\\.0\\.0\\.999 \\(exit 1\\);.*")
                .hasMessageContaining("0.0.0.999");
        assertThat(cache.resolve("venvs/0.0.0.999")).doesNotExist();
        assertThat(log.info)
                .first()
                .isEqualTo("The plugin has no pinned dependency set for Locust 0.0.0.999; installing"
                        + " locust==0.0.0.999 with the newest dependencies PyPI offers.");
        assertThat(log.info)
                .anyMatch(l -> l.matches("Installing Locust 0\\.0\\.0\\.999 into "
                        + Pattern.quote(cache.resolve("venvs/0.0.0.999").toString())
                        + " with (uv \\S+|pip) \\(once; later builds reuse it\\)"));
    }

    @Test
    void theTestLocustsWereInstalledFromTheirPinnedSets() throws Exception {
        for (LocustInstallation locust : List.of(TestLocusts.newest(), TestLocusts.oldest())) {
            String version = locust.version().text();
            Path venv = locust.executable().getParent().getParent();
            assertThat(Files.readString(venv.resolve(".locust-maven-plugin-complete"))
                            .trim())
                    .isEqualTo("locust==" + version + " pinned " + pinsId(version));
            Map<String, String> pinned = new HashMap<>();
            Matcher pin = Pattern.compile("(?m)^([A-Za-z0-9_.-]+)==(\\S+)")
                    .matcher(
                            PinnedRequirements.forVersion(version).orElseThrow().text());
            while (pin.find()) {
                pinned.put(normalized(pin.group(1)), pin.group(2));
            }
            Map<String, String> installed = new HashMap<>();
            try (Stream<Path> infos = Files.list(venv.resolve("lib/python3.11/site-packages"))) {
                infos.map(p -> p.getFileName().toString())
                        .filter(n -> n.endsWith(".dist-info"))
                        .map(n -> n.substring(0, n.length() - ".dist-info".length()))
                        .forEach(n -> installed.put(
                                normalized(n.substring(0, n.lastIndexOf('-'))), n.substring(n.lastIndexOf('-') + 1)));
            }
            assertThat(installed).as(venv.toString()).containsEntry("locust", version);
            assertThat(pinned).as(venv.toString()).containsAllEntriesOf(installed);
        }
    }

    /** A distribution's name as Python's packaging compares them: flask_cors, Flask-Cors and flask.cors are one. */
    private static String normalized(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
    }

    private static String pinsId(String version) {
        return PinnedRequirements.forVersion(version).orElseThrow().id();
    }

    /** The files a finished installation leaves, from a Python 3.11 whose executables exist. */
    private Path completeLookingEnvironment(String version) throws Exception {
        return completeLookingEnvironment(version, "3.11.7", "locust==" + version + " pinned " + pinsId(version));
    }

    private Path completeLookingEnvironment(String version, String python, String marker) throws Exception {
        String minor = python.substring(0, python.lastIndexOf('.'));
        Path base = Files.createDirectories(cache.resolve("base/bin"));
        Files.writeString(base.resolve("python" + minor), "");
        Path venv = cache.resolve("venvs/" + version);
        Files.createDirectories(venv.resolve("bin"));
        Files.writeString(venv.resolve("bin/locust"), "");
        Files.createSymbolicLink(venv.resolve("bin/python"), Path.of("/bin/sh"));
        Files.writeString(venv.resolve("pyvenv.cfg"), "home = " + base + "\nversion = " + python + "\n");
        Path info =
                Files.createDirectories(venv.resolve("lib/python3.11/site-packages/locust-" + version + ".dist-info"));
        Files.writeString(info.resolve("METADATA"), "Metadata-Version: 2.4\nName: locust\nVersion: " + version + "\n");
        Files.writeString(venv.resolve(".locust-maven-plugin-complete"), marker + "\n");
        return venv;
    }
}
