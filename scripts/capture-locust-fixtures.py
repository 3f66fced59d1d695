#!/usr/bin/env python3
"""Captures real Locust outputs of several Locust versions as test fixtures, for the fidelity tests.

For each version below, where Locust's output formats changed, this installs that Locust into its own virtual
environment, starts src/test/fixtures/target_server.py on 127.0.0.1, runs Locust headless against it with
src/test/fixtures/locustfile.py, and replaces src/test/resources/locust/<version>/<case>/ with what the run wrote:

  fidelity-csv          --csv run                          (versions without any JSON output: 2.12.1)
  fidelity-json-stdout  --csv run --json >stdout.json      (2.14.1 and later)
  fidelity-json-file    --csv run --json-file stats        (2.37.10 and later)
  json-and-json-file    --csv run --json >stdout.json --json-file stats   (2.37.10, 2.47.0: stats.json is [])
  json-file-empty       --csv run --json-file stats        (2.37.0 only: stats.json is empty)
  fidelity-run-goal     the plugin's run goal with locustExecutable set to that Locust: the service folder it
                        leaves (final-stats.json, locust.log, the CSV files; not report.html); all but 2.37.0

Every case also keeps Locust's stderr (console.log; the run goal's locust.log), file-times.txt, and Locust's final summary as final-summary.json, written by the
locustfile on the quitting event (before --json resets the stats) from Locust's own StatsEntry: the numbers of the
summary table Locust prints at exit, unrounded. Where Locust printed its full summary itself, this script checks that
final-summary.json agrees with that printed table, so the file is known to be Locust's final summary.

  scripts/capture-locust-fixtures.py                 every version (about 6 minutes once installed)
  scripts/capture-locust-fixtures.py 2.20.0 2.47.0   some of them
  scripts/capture-locust-fixtures.py --no-run-goal   without the run goal cases (no Maven build)

For the run goal cases the plugin is first built and installed into target/m2, a private local repository (the
user's own ~/.m2 serves as its read-only tail), and a throwaway project runs `mvn verify` with it.

Installs go to $LOCUST_FIXTURE_VENVS (default ~/.cache/locust-fixture-venvs/<version>) with uv (on the PATH, or the
plugin's own at ~/.cache/locust-maven-plugin/tools/uv/bin/uv) or else python3 -m venv and pip. Versions the plugin
pins are installed from its pins (src/main/resources/dev/locustmaven/locust/pins); the others with their
dependencies as PyPI stood a few weeks after the release (--exclude-newer), as newer releases of gevent, flask and
werkzeug break older Locusts. RUN_TIME (default 8s) and USERS (default 5) change the runs.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "src/test/fixtures"
OUT = ROOT / "src/test/resources/locust"
PINS = ROOT / "src/main/resources/dev/locustmaven/locust/pins"
VENVS = Path(os.environ.get("LOCUST_FIXTURE_VENVS", Path.home() / ".cache/locust-fixture-venvs"))
RUN_TIME = os.environ.get("RUN_TIME", "8s")
USERS = os.environ.get("USERS", "5")
# Distinct from Locust's default 1, so that a crash (exit 1) is not mistaken for "the run had failures".
ERROR_CODE = 3

# version, PyPI date for the dependencies (None: the plugin's pins), why this version
VERSIONS = [
    ("2.12.1", None, "oldest supported; no --json; float histogram keys; median = lower median"),
    ("2.20.0", "2024-01-13", "a team's own Locust; --json to stdout only; First Seen absent"),
    ("2.37.0", "2025-05-20", "the first --json-file, which stays empty"),
    ("2.37.10", "2025-07-01", "first working --json-file (2.37.0 wrote it empty, 2.37.1-2.37.9 lack it)"),
    ("2.43.3", "2026-03-01", "last with float histogram keys (\"150.0\") in the JSON"),
    ("2.43.4", "2026-04-20", "integer histogram keys"),
    ("2.44.0", "2026-06-01", "failures CSV gains First Seen / Last Seen"),
    ("2.47.0", None, "median = upper median (the 50% column)"),
]


# The configargparse releases Locust 2.20-2.37 resolved to then (>= 1.5.5) were later yanked; 1.7.1 (2025) works.
UV_EXTRA = ["--exclude-newer-package", "configargparse=2025-12-31T00:00:00Z"]


def version_key(version):
    return tuple(int(part) for part in version.split("."))


def cases(version):
    v = version_key(version)
    if v == (2, 37, 0):
        return [("json-file-empty", ["--csv", "run", "--json-file", "stats"], None)]
    result = []
    if v < (2, 14, 1):
        result.append(("fidelity-csv", ["--csv", "run"], None))
    if v >= (2, 14, 1):
        result.append(("fidelity-json-stdout", ["--csv", "run", "--json"], "stdout.json"))
    if v >= (2, 37, 10):
        result.append(("fidelity-json-file", ["--csv", "run", "--json-file", "stats"], None))
    if version in ("2.37.10", "2.47.0"):
        # --json resets the stats before --json-file writes them
        result.append(("json-and-json-file", ["--csv", "run", "--json", "--json-file", "stats"], "stdout.json"))
    return result


def has_run_goal_case(version):
    return version != "2.37.0"


def find_uv():
    for candidate in (shutil.which("uv"), Path.home() / ".cache/locust-maven-plugin/tools/uv/bin/uv"):
        if candidate and Path(candidate).is_file():
            return str(candidate)
    return None


def installed_version(venv):
    locust = venv / "bin/locust"
    if not locust.is_file():
        return None
    out = subprocess.run([str(locust), "-V"], capture_output=True, text=True)
    match = re.search(r"^locust (\S+)", out.stdout + out.stderr, re.MULTILINE)
    return match.group(1) if match else None


def install(version, as_of):
    venv = VENVS / version
    if installed_version(venv) == version:
        return venv / "bin/locust"
    print(f"installing Locust {version} into {venv}", flush=True)
    shutil.rmtree(venv, ignore_errors=True)
    pins = PINS / f"locust-{version}.txt"
    if as_of is None:
        requirement = ["-r", str(pins)]
    else:
        requirement = [f"locust=={version}"]
    uv = find_uv()
    if uv:
        subprocess.run([uv, "venv", "-q", "--clear", "--python", sys.executable, str(venv)], check=True)
        extra = [] if as_of is None else ["--exclude-newer", f"{as_of}T00:00:00Z", *UV_EXTRA]
        subprocess.run([uv, "pip", "install", "-q", "--python", str(venv / "bin/python"), *requirement, *extra],
                       check=True)
    else:
        if as_of is not None:
            print(f"  without uv the dependencies of {version} are today's, not those of {as_of}", flush=True)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin/pip"), "install", "-q", *requirement], check=True)
    found = installed_version(venv)
    if found != version:
        raise SystemExit(f"{venv}: locust -V says {found!r}, expected {version}")
    return venv / "bin/locust"


def start_server(work):
    port_file = work / "port"
    server = subprocess.Popen([sys.executable, str(FIXTURES / "target_server.py"), str(port_file)])
    for _ in range(50):
        if port_file.exists() and port_file.read_text():
            return server, f"http://127.0.0.1:{port_file.read_text()}"
        time.sleep(0.1)
    server.kill()
    raise SystemExit("the target server did not start")


def clean_environment():
    # A stray LOCUST_* variable must not change the runs.
    return {k: v for k, v in os.environ.items() if not k.startswith("LOCUST_")}


def run_case(locust, version, case, options, stdout_name, host, work):
    folder = work / version / case
    folder.mkdir(parents=True)
    env = clean_environment()
    env["FIXTURE_FINAL_SUMMARY"] = str(work / version / f"{case}.final-summary.json")
    command = [str(locust), "-f", str(FIXTURES / "locustfile.py"), "--headless", "-u", USERS, "-r", USERS,
               "-t", RUN_TIME, "-H", host, "--exit-code-on-error", str(ERROR_CODE), "--only-summary", *options]
    with open(folder / "console.log", "w") as stderr, \
            open(folder / stdout_name if stdout_name else os.devnull, "w") as stdout:
        rc = subprocess.run(command, cwd=folder, stdout=stdout, stderr=stderr, env=env).returncode
    exited = time.time()
    record_file_times(folder, exited)
    if rc != ERROR_CODE:
        raise SystemExit(f"{version}/{case}: Locust exited with {rc}, expected {ERROR_CODE} (a run with failures);"
                         f" see {folder}/console.log")
    summary_file = work / version / f"{case}.final-summary.json"
    if not summary_file.exists():
        raise SystemExit(f"{version}/{case}: the locustfile wrote no final summary")
    shutil.move(summary_file, folder / "final-summary.json")
    check_against_console(version, case, folder)
    return folder


def record_file_times(folder, exited):
    """Git keeps no file times, so they are written down: a stale-CSV signal may rest on them (see the README)."""
    lines = ["# seconds from each file's last modification to the end of the Locust process (for the run goal:"
             " to the last write of locust.log)"]
    for file in sorted(folder.iterdir()):
        lines.append(f"{file.name}\t{exited - file.stat().st_mtime:.3f}")
    (folder / "file-times.txt").write_text("\n".join(lines) + "\n")


# A row of Locust's printed request table: type, name, # reqs, # fails(ratio) | avg min max med | req/s failures/s
STATS_ROW = re.compile(r"(?s)(\S*)\s+(.*?)\s+(\d+)\s+(\d+)\(\d+\.\d+%\)\s+\|\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)"
                       r"\s+\|\s+(\d+\.\d+)\s+\d+\.\d+\s*")


def printed_summary(console_log):
    """The last request table printed on stderr, {"METHOD name": (reqs, fails, avg, min, max, med, rps)}."""
    lines = console_log.read_text().splitlines()
    headers = [i for i, line in enumerate(lines) if line.startswith("Type") and "# fails" in line]
    if not headers:
        return None
    rows, pending = {}, ""
    for line in lines[headers[-1] + 1:]:
        if not line.strip():
            break
        if line.startswith("--------|"):
            continue
        pending += line
        if not re.search(r"\d\s*$", line):
            pending += "\n"
            continue
        match = STATS_ROW.fullmatch(pending)
        if not match:
            raise SystemExit(f"{console_log}: not a stats row: {pending!r}")
        rows[f"{match.group(1)} {match.group(2)}"] = (
            tuple(int(match.group(i)) for i in range(3, 9)) + (float(match.group(9)),))
        pending = ""
    return rows


def check_against_console(version, case, folder, log_name="console.log"):
    """final-summary.json must be what Locust printed (the printed table truncates ms and rounds req/s)."""
    lines = (folder / log_name).read_text().splitlines()
    header = max((i for i, line in enumerate(lines) if line.startswith("Type") and "# fails" in line), default=0)
    by_hook = lines[header - 1].startswith("Final summary printed by the fixture locustfile")
    printer = "the fixture locustfile's (Locust's print_stats at quitting)" if by_hook else "Locust's own"
    printed = printed_summary(folder / log_name)
    summary = json.loads((folder / "final-summary.json").read_text())
    if printed is None:
        raise SystemExit(f"{version}/{case}: no summary table in {log_name}")
    checked = 0
    for row in summary["entries"] + [summary["aggregated"]]:
        key = f"{row['method']} {row['name']}"
        if key not in printed:
            raise SystemExit(f"{version}/{case}: {key!r} is not in the printed summary")
        reqs, fails, avg, low, high, med, rps = printed[key]
        if reqs == 0 and row["num_requests"] > 0:
            continue  # --json reset the entries before Locust printed them (2.37.10+): only Aggregated is left
        expected = (row["num_requests"], row["num_failures"], int(row["avg_response_time"]),
                    int(row["min_response_time"] or 0), int(row["max_response_time"]),
                    int(row["median_response_time"] or 0), round(row["total_rps"], 2))
        if expected != (reqs, fails, avg, low, high, med, rps):
            raise SystemExit(f"{version}/{case}: {key!r} printed {printed[key]}, final-summary.json says {expected}")
        checked += 1
    print(f"  {version}/{case}: final-summary.json agrees with {printer} printed summary ({checked} rows)", flush=True)


def publish(folder, version, case):
    target = OUT / version / case
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    for file in sorted(folder.iterdir()):
        shutil.copy(file, target / file.name)
    print(f"  wrote {target.relative_to(ROOT)}: {' '.join(sorted(f.name for f in target.iterdir()))}", flush=True)


RUN_GOAL_POM = """<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>dev.locustmaven.fixtures</groupId>
  <artifactId>run-goal-fidelity</artifactId>
  <version>1.0</version>
  <packaging>pom</packaging>
  <build>
    <plugins>
      <plugin>
        <groupId>dev.locustmaven</groupId>
        <artifactId>locust-maven-plugin</artifactId>
        <version>{plugin_version}</version>
        <executions><execution><id>load</id><goals><goal>run</goal></goals></execution></executions>
        <configuration>
          <locustExecutable>{locust}</locustExecutable>
          <locustfile>{locustfile}</locustfile>
          <users>{users}</users>
          <spawnRate>{users}</spawnRate>
          <runTime>{run_time}</runTime>
          <scenarios><scenario><name>web_api</name><host>{host}</host></scenario></scenarios>
        </configuration>
      </plugin>
    </plugins>
  </build>
</project>
"""
RUN_GOAL_FILES = ("final-stats.json", "locust.log", "final-summary.json")


def maven_repository_options():
    return [f"-Dmaven.repo.local={ROOT / 'target/m2'}", f"-Dmaven.repo.local.tail={Path.home() / '.m2/repository'}"]


def install_plugin():
    print("building the plugin into target/m2", flush=True)
    subprocess.run([str(ROOT / "mvnw"), "-B", "-q", "install", "-DskipTests", "-Dinvoker.skip=true",
                    "-Dspotless.check.skip=true", *maven_repository_options()], cwd=ROOT, check=True)
    version = re.search(r"<artifactId>locust-maven-plugin</artifactId>\s*<version>([^<]+)</version>",
                        (ROOT / "pom.xml").read_text()).group(1)
    return version


def run_goal_case(plugin_version, locust, version, host, work):
    """The plugin's run goal on this Locust; the service folder it leaves, with Locust's final summary beside it."""
    case = "fidelity-run-goal"
    project = work / version / "run-goal-project"
    project.mkdir(parents=True)
    (project / "pom.xml").write_text(RUN_GOAL_POM.format(
        plugin_version=plugin_version, locust=locust, locustfile=FIXTURES / "locustfile.py", users=USERS,
        run_time=RUN_TIME, host=host))
    env = clean_environment()
    service = project / "target/locust/web_api"
    env["FIXTURE_FINAL_SUMMARY"] = str(service / "final-summary.json")
    with open(work / version / "run-goal-build.log", "w") as log:
        rc = subprocess.run([str(ROOT / "mvnw"), "-B", "verify", *maven_repository_options()], cwd=project,
                            stdout=log, stderr=subprocess.STDOUT, env=env).returncode
    if rc != 0:
        raise SystemExit(f"{version}/{case}: the build failed ({rc}); see {work / version / 'run-goal-build.log'}")
    folder = work / version / case
    folder.mkdir()
    for file in sorted(service.iterdir()):
        if file.is_file() and (file.name in RUN_GOAL_FILES or file.name.endswith(".csv")):
            shutil.copy2(file, folder / file.name)
    record_file_times(folder, (service / "locust.log").stat().st_mtime)
    check_against_console(version, case, folder, "locust.log")
    return folder


def main(arguments):
    run_goal = "--no-run-goal" not in arguments
    wanted = [a for a in arguments if a != "--no-run-goal"]
    known = [v for v, _, _ in VERSIONS]
    unknown = [v for v in wanted if v not in known]
    if unknown:
        raise SystemExit(f"unknown version(s) {unknown}; this script knows {known}")
    selected = [entry for entry in VERSIONS if not wanted or entry[0] in wanted]
    locusts = {}
    for version, as_of, _why in selected:
        locusts[version] = install(version, as_of)
    plugin_version = install_plugin() if run_goal else None
    with tempfile.TemporaryDirectory(prefix="locust-fixtures-") as tmp:
        work = Path(tmp)
        server, host = start_server(work)
        print(f"target server on {host}", flush=True)
        try:
            for version, _as_of, why in selected:
                print(f"Locust {version} ({why})", flush=True)
                for case, options, stdout_name in cases(version):
                    folder = run_case(locusts[version], version, case, options, stdout_name, host, work)
                    publish(folder, version, case)
                if run_goal and has_run_goal_case(version):
                    publish(run_goal_case(plugin_version, locusts[version], version, host, work), version,
                            "fidelity-run-goal")
        finally:
            server.terminate()
            server.wait()


if __name__ == "__main__":
    main(sys.argv[1:])
