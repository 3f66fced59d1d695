package dev.locustmaven.locust;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Python virtual environment with one exact Locust version, created by the plugin under {@code
 * <cache>/venvs/<version>/} and reused by every later build and project. Creation happens under a file lock, so two
 * builds (or two modules of a parallel build) never install into the same folder at once, and a folder is used only
 * once a marker says its installation completed.
 */
public final class ManagedVenv {

    private static final Pattern VERSION = Pattern.compile("[0-9]+(\\.[0-9]+)*([a-zA-Z0-9.+-]*)");
    private static final String MARKER = ".locust-maven-plugin-complete";
    private static final Duration VENV_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration PIP_TIMEOUT = Duration.ofMinutes(20);
    private static final boolean WINDOWS = System.getProperty("os.name").startsWith("Windows");
    /** File locks are per JVM; threads of one parallel Maven build also need to wait for each other. */
    private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

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
        return WINDOWS
                ? venv.resolve("Scripts").resolve("locust.exe")
                : venv.resolve("bin").resolve("locust");
    }

    private static Path pythonIn(Path venv) {
        return WINDOWS
                ? venv.resolve("Scripts").resolve("python.exe")
                : venv.resolve("bin").resolve("python");
    }

    /**
     * Returns the Locust executable of the environment for {@code version}, creating the environment first if needed.
     *
     * @throws LocustRunException when Python is missing, the environment cannot be created or pip fails
     */
    public Path ensure(String version) {
        if (version == null || !VERSION.matcher(version).matches()) {
            throw new LocustRunException("locustVersion '" + version + "' is not a release number such as 2.47.0.");
        }
        Path venv = directory(version);
        if (isComplete(venv)) {
            return locustIn(venv);
        }
        Path lockFile = cacheDirectory.resolve("venvs").resolve(version + ".lock");
        ReentrantLock jvmLock =
                JVM_LOCKS.computeIfAbsent(lockFile.toAbsolutePath().normalize(), k -> new ReentrantLock());
        jvmLock.lock();
        try {
            Files.createDirectories(lockFile.getParent());
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = lockOrWait(channel, version)) {
                if (!isComplete(venv)) {
                    create(venv, version);
                }
                return locustIn(venv);
            }
        } catch (IOException e) {
            throw new LocustRunException(
                    "Cannot prepare the virtual environment for Locust " + version + " in " + venv + ": " + e, e);
        } finally {
            jvmLock.unlock();
        }
    }

    private FileLock lockOrWait(FileChannel channel, String version) throws IOException {
        FileLock lock = channel.tryLock();
        if (lock == null) {
            log.info("Waiting for another build that is installing Locust " + version + " in " + cacheDirectory);
            lock = channel.lock();
        }
        return lock;
    }

    private static boolean isComplete(Path venv) {
        return Files.isRegularFile(venv.resolve(MARKER)) && Files.isRegularFile(locustIn(venv));
    }

    private void create(Path venv, String version) throws IOException {
        deleteRecursively(venv);
        String pythonCommand = findPython();
        log.info("Installing Locust " + version + " into " + venv + " (once; later builds reuse it)");
        ShortCommand.Result venvRun =
                ShortCommand.run(List.of(pythonCommand, "-m", "venv", venv.toString()), null, null, VENV_TIMEOUT, null);
        if (!venvRun.succeeded() || !Files.isRegularFile(pythonIn(venv))) {
            deleteRecursively(venv);
            throw new LocustRunException("Cannot create a Python virtual environment with '" + pythonCommand
                    + " -m venv' (exit " + venvRun.exitCode() + "). On Debian or Ubuntu install the python3-venv"
                    + " package. Its output ended with:" + System.lineSeparator() + venvRun.tail(10));
        }
        Path pipLog = venv.resolve("pip-install.log");
        ShortCommand.Result pip = ShortCommand.run(
                List.of(
                        pythonIn(venv).toString(),
                        "-m",
                        "pip",
                        "install",
                        "--disable-pip-version-check",
                        "--no-input",
                        "locust==" + version),
                null,
                null,
                PIP_TIMEOUT,
                pipLog);
        if (!pip.succeeded() || !Files.isRegularFile(locustIn(venv))) {
            String tail = pip.tail(12);
            deleteRecursively(venv);
            throw new LocustRunException("pip could not install locust==" + version + " (exit " + pip.exitCode()
                    + "); check the version exists and that this Python (" + pythonCommand
                    + ") is new enough for it. pip's last lines:" + System.lineSeparator() + tail);
        }
        Files.writeString(venv.resolve(MARKER), version + System.lineSeparator(), StandardCharsets.UTF_8);
    }

    /** The configured Python, or python3/python from the PATH, checked to be Python 3. */
    private String findPython() {
        List<String> candidates = python != null && !python.isBlank() ? List.of(python) : List.of("python3", "python");
        for (String candidate : candidates) {
            try {
                ShortCommand.Result r =
                        ShortCommand.run(List.of(candidate, "--version"), null, null, Duration.ofSeconds(30), null);
                if (r.succeeded() && r.output().trim().startsWith("Python 3")) {
                    return candidate;
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

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
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
