package dev.locustmaven.locust.install;

import dev.locustmaven.locust.LocustRunException;
import dev.locustmaven.locust.RunLog;
import dev.locustmaven.locust.process.ShortCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Python virtual environment with one exact Locust version, created by the plugin under {@code
 * <cache>/venvs/<version>/} and reused by every later build and project. A supported version installs from the
 * dependency set the plugin ships for it, every package pinned, so that it is the same on every machine and day.
 * Creation happens under a file lock, and a folder is used only when a marker says its installation completed from the
 * same dependency set and its Python and Locust are still there; anything else is rebuilt.
 */
public final class ManagedVenv {

    private static final Pattern VERSION = Pattern.compile("[0-9]+(\\.[0-9]+)*([a-zA-Z0-9.+-]*)");
    private static final Pattern PYTHON_VERSION = Pattern.compile("^Python (3\\.\\d+\\S*)");
    private static final Pattern METADATA_VERSION = Pattern.compile("(?m)^Version: *(\\S+)");
    private static final String MARKER = ".locust-maven-plugin-complete";
    private static final Duration VENV_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(20);
    private static final boolean WINDOWS = System.getProperty("os.name").startsWith("Windows");

    /** A Locust the plugin installed, with the version its package metadata records. */
    public record Installed(Path executable, LocustVersion version) {}

    private record Python(String command, String version) {}

    private final Path cacheDirectory;
    private final String python;
    private final RunLog log;

    /**
     * @param cacheDirectory the plugin's cache, by default {@code ~/.cache/locust-maven-plugin}
     * @param python the Python 3 to create environments with: a path, or a name looked up on the PATH; {@code null}
     *     for {@code python3} (then {@code python})
     */
    public ManagedVenv(Path cacheDirectory, String python, RunLog log) {
        this.cacheDirectory = cacheDirectory;
        this.python = python;
        this.log = log;
    }

    public static Path defaultCacheDirectory() {
        return Path.of(System.getProperty("user.home"), ".cache", "locust-maven-plugin");
    }

    /** The folder for a version, whether it exists or not. */
    public Path directory(String version) {
        return cacheDirectory.resolve("venvs").resolve(version);
    }

    public static Path locustIn(Path venv) {
        return executableIn(venv, "locust");
    }

    static Path pythonIn(Path venv) {
        return executableIn(venv, "python");
    }

    /** A console script or interpreter of a virtual environment: {@code bin/<name>}, on Windows {@code Scripts\\<name>.exe}. */
    static Path executableIn(Path venv, String name) {
        return WINDOWS
                ? venv.resolve("Scripts").resolve(name + ".exe")
                : venv.resolve("bin").resolve(name);
    }

    /**
     * Returns the Locust of the environment for {@code version}, creating or rebuilding the environment first if
     * needed. A usable environment is recognised from its files alone, without starting Python.
     *
     * @throws LocustRunException when Python is missing, the environment cannot be created or the install fails
     */
    public Installed ensure(String version) {
        if (version == null || !VERSION.matcher(version).matches()) {
            throw new LocustRunException("locustVersion '" + version + "' is not a release number such as 2.47.0.");
        }
        Optional<PinnedRequirements> pins = PinnedRequirements.forVersion(version);
        Path venv = directory(version);
        Optional<Installed> ready = usable(venv, version, pins, log);
        if (ready.isPresent()) {
            return ready.get();
        }
        try {
            return CacheLock.holding(
                    cacheDirectory.resolve("venvs").resolve(version + ".lock"),
                    "Waiting for another build that is installing Locust " + version + " in " + cacheDirectory,
                    log,
                    () -> {
                        // another build may have finished it meanwhile; why it was not usable is logged already
                        Optional<Installed> done = usable(venv, version, pins, RunLog.silent());
                        return done.isPresent() ? done.get() : create(venv, version, pins);
                    });
        } catch (IOException e) {
            throw new LocustRunException(
                    "Cannot prepare the virtual environment for Locust " + version + " in " + venv + ": " + e, e);
        }
    }

    /** The environment's Locust if the environment is complete; otherwise empty, having logged why when it exists. */
    private static Optional<Installed> usable(
            Path venv, String version, Optional<PinnedRequirements> pins, RunLog log) {
        if (!Files.exists(venv)) {
            return Optional.empty();
        }
        Optional<String> problem = problem(venv, version, pins);
        if (problem.isPresent()) {
            log.info("The environment " + venv + " is not usable (" + problem.get() + "); rebuilding it.");
            return Optional.empty();
        }
        return metadataVersion(venv).flatMap(LocustVersion::parse).map(v -> new Installed(locustIn(venv), v));
    }

    private static Optional<String> problem(Path venv, String version, Optional<PinnedRequirements> pins) {
        Path marker = venv.resolve(MARKER);
        if (!Files.isRegularFile(marker)) {
            return Optional.of("no completion marker: an earlier installation did not finish");
        }
        if (!Files.isRegularFile(locustIn(venv))) {
            return Optional.of(locustIn(venv) + " is missing");
        }
        Optional<BasePython> base = BasePython.of(venv);
        if (base.isEmpty()) {
            return Optional.of("its pyvenv.cfg is missing or names no Python");
        }
        Path basePython = base.get().executable();
        if (!Files.exists(pythonIn(venv)) || !Files.isRegularFile(basePython)) {
            return Optional.of("its Python " + basePython + " is missing: removed, or upgraded to another version");
        }
        String expected =
                markerText(version, pins.filter(p -> p.supportsPython(base.get().version())));
        String recorded;
        try {
            recorded = Files.readString(marker, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return Optional.of("cannot read " + marker + ": " + e.getMessage());
        }
        if (!recorded.equals(expected)) {
            return Optional.of("it holds " + recorded + ", this plugin installs " + expected);
        }
        Optional<String> installed = metadataVersion(venv);
        boolean same = installed
                .flatMap(LocustVersion::parse)
                .flatMap(i -> LocustVersion.parse(version).map(v -> i.compareTo(v) == 0))
                .orElse(false);
        if (!same) {
            return Optional.of("its Locust package metadata says " + installed.orElse("nothing") + ", not " + version);
        }
        return Optional.empty();
    }

    /**
     * The Python an environment was made from, as its {@code pyvenv.cfg} records it ({@code home}, and {@code version}
     * from venv or {@code version_info} from uv): read without starting Python.
     */
    private record BasePython(Path home, String version) {

        private static final Pattern LINE = Pattern.compile("(?m)^\\s*(home|version|version_info)\\s*=\\s*(.+?)\\s*$");

        static Optional<BasePython> of(Path venv) {
            String text;
            try {
                text = Files.readString(venv.resolve("pyvenv.cfg"), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return Optional.empty();
            }
            String home = null;
            String version = null;
            Matcher m = LINE.matcher(text);
            while (m.find()) {
                if (m.group(1).equals("home")) {
                    home = m.group(2);
                } else {
                    version = m.group(2);
                }
            }
            return home == null || version == null
                    ? Optional.empty()
                    : Optional.of(new BasePython(Path.of(home), version));
        }

        /** {@code <home>/python3.11}: an upgrade in place to 3.12 leaves the link in the environment working but this gone. */
        Path executable() {
            String[] parts = version.split("\\.");
            return WINDOWS
                    ? home.resolve("python.exe")
                    : home.resolve("python" + parts[0] + (parts.length > 1 ? "." + parts[1] : ""));
        }
    }

    private static String markerText(String version, Optional<PinnedRequirements> pins) {
        return "locust==" + version + pins.map(p -> " pinned " + p.id()).orElse(" unpinned");
    }

    /** The {@code Version:} of Locust's installed package metadata ({@code locust-<v>.dist-info/METADATA}). */
    private static Optional<String> metadataVersion(Path venv) {
        List<Path> libs = WINDOWS ? List.of(venv.resolve("Lib")) : children(venv.resolve("lib"));
        for (Path lib : libs) {
            for (Path info : children(lib.resolve("site-packages"))) {
                String name = info.getFileName().toString();
                if (name.startsWith("locust-") && name.endsWith(".dist-info")) {
                    try {
                        Matcher m = METADATA_VERSION.matcher(
                                Files.readString(info.resolve("METADATA"), StandardCharsets.UTF_8));
                        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
                    } catch (IOException e) {
                        return Optional.empty();
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static List<Path> children(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private Installed create(Path venv, String version, Optional<PinnedRequirements> available) throws IOException {
        deleteRecursively(venv);
        Python found = findPython();
        Optional<PinnedRequirements> pins = available.filter(p -> p.supportsPython(found.version()));
        if (available.isEmpty()) {
            log.info("The plugin has no pinned dependency set for Locust " + version + "; installing locust==" + version
                    + " with the newest dependencies PyPI offers.");
        } else if (pins.isEmpty()) {
            log.info("Locust " + version + "'s pinned dependencies were resolved for Python >="
                    + available.get().pythonMinimum() + ",<" + available.get().pythonBelow() + ", not "
                    + found.version() + " (" + found.command() + "); installing locust==" + version
                    + " with the newest dependencies PyPI offers.");
        }
        PackageInstaller installer = InstallerChoice.choose(cacheDirectory, found.command(), log);
        log.info("Installing Locust " + version + " into " + venv + " with " + installer.describe()
                + " (once; later builds reuse it)");
        long start = System.nanoTime();
        ShortCommand.Result venvRun = ShortCommand.run(
                installer.createEnvironment(found.command(), venv), null, installer.environment(), VENV_TIMEOUT, null);
        if (!venvRun.succeeded() || !Files.isRegularFile(pythonIn(venv))) {
            deleteRecursively(venv);
            throw new LocustRunException("Cannot create a Python virtual environment with " + installer.describe()
                    + " from '" + found.command() + "' (exit " + venvRun.exitCode()
                    + "). On Debian or Ubuntu install the python3-venv package. Its output ended with:"
                    + System.lineSeparator() + venvRun.tail(10));
        }
        Path requirements = venv.resolve("requirements.txt");
        if (pins.isPresent()) {
            Files.writeString(requirements, pins.get().text(), StandardCharsets.UTF_8);
        }
        ShortCommand.Result install = ShortCommand.run(
                installer.install(pythonIn(venv), pins.isPresent() ? requirements : null, "locust==" + version),
                null,
                installer.environment(),
                INSTALL_TIMEOUT,
                venv.resolve("install.log"));
        Optional<String> installed = metadataVersion(venv);
        if (!install.succeeded() || !Files.isRegularFile(locustIn(venv)) || installed.isEmpty()) {
            String tail = install.tail(12);
            deleteRecursively(venv);
            throw new LocustRunException(installer.describe() + " could not install locust==" + version + " (exit "
                    + install.exitCode() + "); check the version exists and that this Python (" + found.command()
                    + ", " + found.version() + ") is new enough for it. Its last lines:" + System.lineSeparator()
                    + tail);
        }
        Files.writeString(
                venv.resolve(MARKER), markerText(version, pins) + System.lineSeparator(), StandardCharsets.UTF_8);
        log.info("Installed Locust " + version + " with " + installer.describe() + " in " + seconds(start) + " ("
                + (pins.isPresent() ? "pinned dependencies" : "unpinned dependencies") + ")");
        return new Installed(
                locustIn(venv), LocustVersion.parse(installed.get()).orElseThrow());
    }

    /** The configured Python, or python3/python from the PATH, checked to be Python 3. */
    private Python findPython() {
        List<String> candidates = python != null && !python.isBlank() ? List.of(python) : List.of("python3", "python");
        for (String candidate : candidates) {
            try {
                ShortCommand.Result r =
                        ShortCommand.run(List.of(candidate, "--version"), null, null, Duration.ofSeconds(30), null);
                Matcher m = PYTHON_VERSION.matcher(r.output().trim());
                if (r.succeeded() && m.find()) {
                    return new Python(candidate, m.group(1));
                }
            } catch (IOException e) {
                // not there; try the next name
            }
        }
        throw new LocustRunException(
                "Python 3 was not found (tried " + String.join(" and ", candidates)
                        + "), so the plugin cannot install Locust. Install Python 3 (3.11 or newer for current Locust), or set"
                        + " pythonExecutable (-Dlocust.pythonExecutable) to it, or set locustExecutable to an installed Locust.");
    }

    static String seconds(long startNanos) {
        return String.format(java.util.Locale.ROOT, "%.1f s", (System.nanoTime() - startNanos) / 1e9);
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
