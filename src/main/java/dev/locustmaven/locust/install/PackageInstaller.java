package dev.locustmaven.locust.install;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** How a virtual environment is created and filled: with uv when the plugin has one (seconds), else with pip. */
sealed interface PackageInstaller {

    /** For the log: {@code uv 0.13.9} or {@code pip}. */
    String describe();

    List<String> createEnvironment(String python, Path venv);

    /** Installs from a pinned requirements file ({@code pinned} non-null) or the plain requirement {@code spec}. */
    List<String> install(Path venvPython, Path pinned, String spec);

    /** The environment the commands run in: ours, with the installer's caches inside the plugin's cache. */
    Map<String, String> environment();

    /**
     * uv: {@code uv venv} needs no venv module, {@code uv pip install} resolves and downloads in parallel. It never
     * downloads a Python of its own here: the environment uses the Python the plugin was given or found.
     */
    record Uv(String executable, String version, Path cacheDirectory) implements PackageInstaller {

        @Override
        public String describe() {
            return "uv " + version;
        }

        @Override
        public List<String> createEnvironment(String python, Path venv) {
            return List.of(executable, "venv", "--quiet", "--python", python, venv.toString());
        }

        @Override
        public List<String> install(Path venvPython, Path pinned, String spec) {
            List<String> command =
                    new ArrayList<>(List.of(executable, "pip", "install", "--python", venvPython.toString()));
            command.addAll(
                    pinned != null ? List.of("--require-hashes", "--no-deps", "-r", pinned.toString()) : List.of(spec));
            return command;
        }

        @Override
        public Map<String, String> environment() {
            Map<String, String> env = new HashMap<>(System.getenv());
            env.put("UV_CACHE_DIR", cacheDirectory.resolve("uv-cache").toString());
            env.put("UV_PYTHON_DOWNLOADS", "never");
            env.put("UV_NO_PROGRESS", "1");
            return env;
        }
    }

    /** pip, from the environment's own Python, with its download cache inside the plugin's cache. */
    record Pip(Path cacheDirectory) implements PackageInstaller {

        @Override
        public String describe() {
            return "pip";
        }

        @Override
        public List<String> createEnvironment(String python, Path venv) {
            return List.of(python, "-m", "venv", venv.toString());
        }

        @Override
        public List<String> install(Path venvPython, Path pinned, String spec) {
            List<String> command = new ArrayList<>(List.of(
                    venvPython.toString(),
                    "-m",
                    "pip",
                    "install",
                    "--disable-pip-version-check",
                    "--no-input",
                    "--cache-dir",
                    cacheDirectory.resolve("pip-cache").toString()));
            command.addAll(
                    pinned != null ? List.of("--require-hashes", "--no-deps", "-r", pinned.toString()) : List.of(spec));
            return command;
        }

        @Override
        public Map<String, String> environment() {
            return new HashMap<>(System.getenv());
        }
    }
}
