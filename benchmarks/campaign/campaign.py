#!/usr/bin/env python3
"""End-to-end A/A and A/B campaign of locust-maven-plugin on an example project (issue 4, item 7).

Builds a project (--project, default examples/quickstart; benchmarks/hostile is the other one) many times through
real Maven (`mvn verify -Pperf`: the plugin's `run` and `check` goals with real Locust), unchanged (A/A) and with its
target service slowed down (A/B: -Ddemo.slowdown=S multiplies the quickstart's latencies; -Dhostile.slowdown=S with
-Dhostile.endpoint=NAME those of one endpoint of the hostile target), and counts the builds the whole plugin failed or
warned: false fails and detections, end to end.

The project's services (its <scenario> names) and custom metrics are read from its pom. Its port, slowdown and
endpoint properties are the pom properties ending in .port, .slowdown and .endpoint (or --port-property,
--slowdown-property, --endpoint-property); a property the pom does not declare is an error, so that a typo cannot turn
an A/B build into an A/A one.

Protocol:
 1. Unless --skip-install: `./mvnw -B -q install -DskipTests -Dinvoker.skip=true` in the repository root, so that the
    quickstart uses the plugin of this checkout.
 2. Copy the project, without target/ and docs/performance-trends.jsonl, to <work>/project. Pick a free TCP
    port on 127.0.0.1 and pass -D<port property>=<port> to every build. Nothing of the checkout is written but <work>
    and the results (--results-dir, default <work>). With --busy K, start K CPU-bound processes
    (python3 -c "while True: pass") now (or at the start of the --busy-from phase) and stop them when the campaign
    ends, however it ends.
 3. Warm-up: --warmup builds at slowdown 1.0 record history, then `locust:baseline -Dlocust.baselineRuns=<N>`
    promotes the median of the last N (--baseline-runs, default all warm-up builds; 1 is a single-run baseline), as a
    team takes its baseline from its CI runner. Promoting starts a new history segment. With --continue-from WORK
    there is no warm-up: the baseline and the history after the A/A phase of the campaign in WORK are copied in, so
    that another build of the plugin is measured against the same baseline draw and history.
 4. A/A: --aa builds at slowdown 1.0, history accumulating. The statistical gate judges a series once it has
    --min-history runs since the promotion (passed as -Dlocust.minHistory), so the first builds are judged by the
    threshold rules alone; the summary reports both parts.
 5. A/B: for each of --slowdowns, --ab builds. Before each, the history file is restored to its state after the A/A
    phase, so every build is an independent "first regressing build" trial. With --ab-sequence the history is restored
    only at the start of a level and kept between its builds (a regression that stays); the summary then says in
    which build of the sequence it was first caught.
 6. Before every build <project>/target is deleted (confirmation reruns must not carry over). A build is
    `<repo>/mvnw -B -f <project>/pom.xml verify -Pperf -D<port>=P -D<slowdown>=S -Dlocust.minHistory=N
    -Dlocust.recordHistory=true` (every build is recorded, CI or not) plus, in
    A/B builds with --endpoint, -D<endpoint property>=NAME, plus every --maven-arg; its output goes to
    <work>/logs/<phase>-<n>.log. With --private-repo the plugin is installed into <work>/m2 and every build reads it
    from there (-Dmaven.repo.local=<work>/m2 -Dmaven.repo.local.tail=~/.m2/repository), so that someone installing
    another build of the plugin into ~/.m2 meanwhile cannot change what the campaign measures; either way the SHA-256
    of the plugin jar is recorded before every build and a change is reported.
 7. After each build one JSON line goes to <results>/<name>-results.jsonl (exit code, verdict, failed and warned
    checks split into threshold rules and the statistical gate, confirmation reruns, each service's p95 / average
    latency / rps as the plugin recorded them in the history, every endpoint's request count in the first run, as
    Locust wrote it to target/locust/<service>/, and its judged p95, the promoted baseline's values, wall time) and
    one line to the terminal. A build without verdict.json, or whose exit code disagrees with its verdict, is an
    error, never a pass.
 8. At the end the summary is printed and written to <results>/<name>-summary.md (<name> is --name, default
    "campaign"). --summarize-only rebuilds it from an existing results file, so an interrupted campaign still yields
    numbers.

Python 3 standard library only. Usage: python3 benchmarks/campaign/campaign.py --help
"""

import argparse
import csv
import datetime
import json
import math
import hashlib
import os
import re
import shlex
import shutil
import socket
import statistics
import subprocess
import sys
import signal
import time
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, field
from pathlib import Path

# The quickstart's services, in its order: the order of results files that predate the project's own list.
QUICKSTART_SERVICES = ("api_gateway", "rag_service", "mcp_server")
DEFAULT_PROJECT = Path("examples") / "quickstart"
# The campaign's phases, in their order.
PHASES = ("warmup", "aa", "ab")
POM_NS = {"m": "http://maven.apache.org/POM/4.0.0"}
PLUGIN_ARTIFACT = "locust-maven-plugin"
RECORDED_METRICS = ("p95_latency_ms", "avg_latency_ms", "rps")
GATE_RULE = "statistical gate"
HISTORY_FILE = "performance-trends.jsonl"
BASELINE_FILE = "performance-baselines.json"
PHASE_LABELS = {"warmup": "warm-up", "aa": "A/A", "ab": "A/B"}


@dataclass(frozen=True)
class Project:
    """What the campaign needs to know of the project, read from its pom."""

    label: str
    services: tuple
    metrics: dict = field(default_factory=dict)  # custom metric name -> (service or None, requests regex or None)
    properties: dict = field(default_factory=dict)
    plugin_version: str = None


@dataclass(frozen=True)
class Campaign:
    """Where a campaign lives and what every build gets."""

    root: Path
    work: Path
    port: int
    min_history: int
    maven_args: tuple
    services: tuple = QUICKSTART_SERVICES
    port_property: str = "demo.port"
    slowdown_property: str = "demo.slowdown"
    endpoint_property: str = None
    endpoint: str = None
    repo_args: tuple = ()
    plugin_jar: Path = None

    @property
    def project(self):
        return self.work / "project"

    @property
    def logs(self):
        return self.work / "logs"

    @property
    def history(self):
        return self.project / "docs" / HISTORY_FILE

    @property
    def history_after_aa(self):
        return saved_history_file(self.work)

    def mvnw(self):
        return str(self.root / "mvnw")


@dataclass(frozen=True)
class Output:
    """Where the results, the metadata and the summary of a campaign go: <directory>/<name>-*."""

    directory: Path
    name: str = "campaign"

    @property
    def results(self):
        return self.directory / f"{self.name}-results.jsonl"

    @property
    def meta(self):
        return self.directory / f"{self.name}-meta.json"

    @property
    def summary(self):
        return self.directory / f"{self.name}-summary.md"


def saved_history_file(work):
    return work / "history-after-aa.jsonl"


# ---------------------------------------------------------------------------------------------------------- setup


def parse_args(argv):
    parser = argparse.ArgumentParser(
        description="A/A and A/B campaign of a project through real Maven and Locust (see the module docstring).")
    parser.add_argument("--project", type=Path, default=DEFAULT_PROJECT,
                        help="the Maven project to build, relative to the current directory or the repository root "
                             "[examples/quickstart]")
    parser.add_argument("--work", type=Path, help="work directory [target/campaign under the repository root]")
    parser.add_argument("--results-dir", type=Path,
                        help="where <name>-results.jsonl, <name>-meta.json and <name>-summary.md go [the work directory]")
    parser.add_argument("--name", default="campaign", help="prefix of the result files [campaign]")
    parser.add_argument("--continue-from", type=Path, metavar="WORK",
                        help="the work directory of an earlier campaign on the same project: its baseline and its "
                             "history after the A/A phase are this campaign's start (no warm-up, no promotion), so "
                             "that another build of the plugin is measured against the same baseline draw")
    parser.add_argument("--skip-install", action="store_true", help="use the plugin already in ~/.m2")
    parser.add_argument("--private-repo", action="store_true",
                        help="install the plugin into <work>/m2 and build from it, with ~/.m2/repository as a "
                             "read-only tail, so that other installs into ~/.m2 cannot change the plugin under test")
    parser.add_argument("--warmup", type=int,
                        help="builds before the baseline is promoted [--baseline-runs if given, else 5]; 0 keeps the "
                             "project's committed baseline")
    parser.add_argument("--baseline-runs", type=int,
                        help="promote the median of the last N warm-up builds (locust.baselineRuns); 1 is a single-run "
                             "baseline [all warm-up builds]")
    parser.add_argument("--aa", type=int, default=30, help="unchanged builds [30]")
    parser.add_argument("--ab", type=int, default=10, help="slowed-down builds per slowdown [10]")
    parser.add_argument("--slowdowns", default="1.25,1.6", help="comma-separated latency factors [1.25,1.6]")
    parser.add_argument("--ab-sequence", action="store_true",
                        help="keep the history between the A/B builds of a level instead of restoring it")
    parser.add_argument("--min-history", type=int, default=10,
                        help="runs since the promotion before the statistical gate judges (locust.minHistory) [10]")
    parser.add_argument("--busy", type=int, default=0, metavar="K",
                        help="run K CPU-bound processes (python3 -c 'while True: pass') for the whole campaign [0]")
    parser.add_argument("--busy-from", choices=PHASES, default="warmup",
                        help="start the --busy processes at this phase instead, e.g. aa: the baseline comes from a quiet "
                             "machine, the builds after it run on a busy one [warmup]")
    parser.add_argument("--port-property", help="the pom property of the target's port [the one ending in .port]")
    parser.add_argument("--slowdown-property",
                        help="the pom property of the A/B latency factor [the one ending in .slowdown]")
    parser.add_argument("--endpoint-property",
                        help="the pom property naming the endpoint to slow down [the one ending in .endpoint]")
    parser.add_argument("--endpoint",
                        help="A/B builds slow down only this endpoint (its Locust request name), passed as "
                             "-D<endpoint property>=NAME; the project must support it")
    parser.add_argument("--thin-below", type=int, default=100,
                        help="an endpoint whose median request count per run is below this is thin [100]")
    parser.add_argument("--maven-arg", action="append", default=[], metavar="ARG",
                        help="extra argument for every build, repeatable; write it with '=' as in "
                             "--maven-arg=-Dlocust.statisticalGate=fail")
    parser.add_argument("--summarize-only", action="store_true",
                        help="print the summary of an existing <results-dir>/<name>-results.jsonl and exit")
    args = parser.parse_args(argv)
    args.slowdowns = [float(s) for s in args.slowdowns.split(",") if s.strip()]
    if args.continue_from is not None:
        if args.warmup or args.baseline_runs:
            parser.error("--continue-from reuses the earlier campaign's baseline; it takes no --warmup or --baseline-runs")
        args.warmup = 0
        for needed in (args.continue_from / "project" / "docs" / BASELINE_FILE,
                       saved_history_file(args.continue_from)):
            if not needed.is_file():
                parser.error(f"--continue-from {args.continue_from}: no {needed}")
    if args.warmup is None:
        args.warmup = args.baseline_runs if args.baseline_runs is not None else 5
    if args.baseline_runs is None:
        args.baseline_runs = args.warmup
    for name in ("warmup", "aa", "ab", "busy"):
        if getattr(args, name) < 0:
            parser.error(f"--{name} must not be negative")
    if args.busy_from != "warmup" and args.busy == 0:
        parser.error("--busy-from needs --busy K")
    if args.warmup > 0 and not 1 <= args.baseline_runs <= args.warmup:
        parser.error(f"--baseline-runs must be between 1 and --warmup ({args.warmup}), not {args.baseline_runs}")
    if args.private_repo and args.skip_install:
        parser.error("--private-repo installs the plugin into <work>/m2; it cannot be combined with --skip-install")
    return args


def repository_root():
    return Path(__file__).resolve().parents[2]


def project_directory(root, given):
    for candidate in ((given,) if given.is_absolute() else (Path.cwd() / given, root / given)):
        if (candidate / "pom.xml").is_file():
            return candidate.resolve()
    sys.exit(f"No pom.xml in {given} (tried it relative to the current directory and to {root})")


def project_label(root, directory):
    if directory == (root / DEFAULT_PROJECT).resolve():
        return "the quickstart"
    try:
        return str(directory.relative_to(root))
    except ValueError:
        return str(directory)


def read_project(root, directory):
    """The services (scenario names), custom metrics, properties and plugin version of the project's pom."""
    tree = ElementTree.parse(directory / "pom.xml").getroot()

    def text(element, path):
        found = element.find(path, POM_NS)
        return None if found is None or found.text is None else found.text.strip()

    properties = {}
    for element in tree.findall("m:properties/*", POM_NS):
        properties[element.tag.split("}", 1)[-1]] = (element.text or "").strip()
    # the plugin as a build plugin (with executions), not as a report in <reporting>
    plugins = [p for p in tree.iter(f"{{{POM_NS['m']}}}plugin")
               if text(p, "m:artifactId") == PLUGIN_ARTIFACT and p.find("m:executions", POM_NS) is not None]
    if not plugins:
        sys.exit(f"{directory / 'pom.xml'} does not run {PLUGIN_ARTIFACT} (no plugin with executions)")
    plugin = plugins[0]
    # the configuration may sit on another declaration of the plugin (the quickstart shares it outside its profile)
    declarations = [p for p in tree.iter(f"{{{POM_NS['m']}}}plugin") if text(p, "m:artifactId") == PLUGIN_ARTIFACT]
    configurations = [p.find("m:configuration", POM_NS) for p in [plugin] + declarations]
    configuration = next((c for c in configurations if c is not None and c.find("m:scenarios", POM_NS) is not None),
                         plugin.find("m:configuration", POM_NS))
    services = []
    metrics = {}
    if configuration is not None:
        services = [text(s, "m:name") for s in configuration.findall("m:scenarios/m:scenario", POM_NS)]
        if not services and text(configuration, "m:service"):
            services = [text(configuration, "m:service")]
        for metric in configuration.findall("m:metrics/m:metric", POM_NS):
            metrics[text(metric, "m:name")] = (text(metric, "m:service"), text(metric, "m:requests"))
    if not services:
        services = [text(tree, "m:artifactId")]
    return Project(project_label(root, directory), tuple(s for s in services if s), metrics, properties,
                   text(plugin, "m:version"))


def pick_property(project, suffix, explicit, option, required):
    """The pom property the campaign passes for a role: the one named, or the only one ending in the suffix."""
    if explicit:
        if explicit not in project.properties:
            sys.exit(f"{option} {explicit}: the project's pom declares no such property "
                     f"(it declares {', '.join(sorted(project.properties)) or 'none'})")
        return explicit
    found = sorted(name for name in project.properties if name.endswith(suffix))
    if len(found) == 1:
        return found[0]
    if not found and not required:
        return None
    sys.exit(f"The project's pom declares {len(found)} properties ending in {suffix} ({', '.join(found) or 'none'}); "
             f"name the one to use with {option}")


def short_name(service):
    return service.split("_", 1)[0]


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def load_average():
    with open("/proc/loadavg", encoding="ascii") as f:
        return " ".join(f.read().split()[:3])


def git_commit(root):
    def git(*args):
        return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True).stdout.strip()

    commit = git("rev-parse", "HEAD") or "unknown"
    return commit + (" (with uncommitted changes)" if git("status", "--porcelain") else "")


def now_iso():
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")


def clean_work_directory(work, output):
    """Removes what an earlier campaign left in the work directory and this campaign's result files, nothing else."""
    for path in (work / "project", work / "logs", work / "m2"):
        shutil.rmtree(path, ignore_errors=True)
    for path in (output.results, output.meta, output.summary, saved_history_file(work)):
        path.unlink(missing_ok=True)
    (work / "logs").mkdir(parents=True)
    output.directory.mkdir(parents=True, exist_ok=True)


def install_plugin(root, log, repo_args=()):
    where = f" into {repo_args[0].split('=', 1)[1]}" if repo_args else ""
    print(f"Installing the plugin of this checkout{where} (./mvnw -B -q install -DskipTests -Dinvoker.skip=true) ...",
          flush=True)
    command = [str(root / "mvnw"), "-B", "-q", "install", "-DskipTests", "-Dinvoker.skip=true", *repo_args]
    if run_logged(command, root, log) != 0:
        sys.exit(f"Installing the plugin failed; see {log}")


def plugin_jar(repository, version):
    if not version:
        return None
    return repository / "dev" / "locustmaven" / PLUGIN_ARTIFACT / version / f"{PLUGIN_ARTIFACT}-{version}.jar"


def sha256_of(path):
    if path is None or not path.is_file():
        return None
    return hashlib.sha256(path.read_bytes()).hexdigest()


def copy_project(source, target):
    """Copies the project without its build output and its history, so the campaign starts from nothing."""

    def ignored(directory, names):
        here = Path(directory)
        if here == source:
            return {"target"} & set(names)
        if here == source / "docs":
            return {HISTORY_FILE} & set(names)
        return set()

    shutil.copytree(source, target, ignore=ignored)


def continue_from(earlier, campaign):
    """The earlier campaign's baseline and its history after the A/A phase, as this campaign's start."""
    (campaign.project / "docs").mkdir(exist_ok=True)
    shutil.copyfile(earlier / "project" / "docs" / BASELINE_FILE, campaign.project / "docs" / BASELINE_FILE)
    shutil.copyfile(saved_history_file(earlier), campaign.history)
    print(f"Continuing from {earlier}: its baseline and its history after the A/A phase "
          f"({len(history_records(campaign.history))} runs)", flush=True)


def run_logged(command, cwd, log):
    """Runs a command with its whole output in the log file; returns its exit code."""
    with open(log, "w", encoding="utf-8") as out:
        out.write("$ " + shlex.join(command) + "\n\n")
        out.flush()
        return subprocess.run(command, cwd=cwd, stdout=out, stderr=subprocess.STDOUT).returncode


def promote_baseline(campaign, runs, builds):
    log = campaign.logs / "promote-baseline.log"
    command = [campaign.mvnw(), "-B", "-f", str(campaign.project / "pom.xml"), "-Pperf", "locust:baseline",
               f"-Dlocust.baselineRuns={runs}", *campaign.repo_args, *campaign.maven_args]
    which = f"the {runs} warm-up builds" if runs == builds else f"the last {runs} of the {builds} warm-up builds"
    print(f"Promoting the median of {which} to the baseline (locust:baseline -Dlocust.baselineRuns={runs}) ...",
          flush=True)
    if run_logged(command, campaign.root, log) != 0:
        sys.exit(f"Promoting the baseline failed; see {log}")


class BusyProcesses:
    """K CPU-bound processes from a phase to the end of the campaign; stopped, each by its own pid, however the
    campaign ends."""

    def __init__(self, count, phase):
        self.count = count
        self.phase = phase
        self.processes = []

    def enter(self, phase):
        """Starts the processes when the campaign reaches their phase."""
        if phase != self.phase or self.processes or self.count == 0:
            return
        self.processes = [subprocess.Popen([sys.executable, "-c", "while True: pass"], stdin=subprocess.DEVNULL,
                                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                          for _ in range(self.count)]
        print(f"Started {self.count} CPU-bound processes (pids {', '.join(str(p.pid) for p in self.processes)}) "
              f"for the {'whole campaign' if phase == 'warmup' else 'rest of the campaign, from phase ' + phase}.",
              flush=True)

    def stop(self):
        for process in self.processes:
            if process.poll() is None:
                process.kill()
            process.wait()
        if self.processes:
            print(f"Stopped the {len(self.processes)} CPU-bound processes.", flush=True)
        self.processes = []


def interrupt_on_terminate():
    """SIGTERM and SIGHUP end the campaign like Ctrl-C, so that the busy processes are stopped and a summary written."""

    def handler(signum, frame):
        raise KeyboardInterrupt

    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, handler)


# ---------------------------------------------------------------------------------------------------------- builds


def read_json(path):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def history_records(path):
    """The history file's records; a line that is not JSON is skipped (the plugin reports those itself)."""
    if not path.exists():
        return []
    records = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            records.append(json.loads(line))
        except ValueError:
            continue
    return records


def service_values(by_service, services=QUICKSTART_SERVICES):
    """{service: {metric: value}} of the recorded metrics, from a baseline or a history record's services."""
    values = {}
    for service in services:
        metrics = by_service.get(service) or {}
        metrics = metrics.get("metrics", metrics)
        values[service] = {m: metrics.get(m) for m in RECORDED_METRICS}
    return values


def first_run_counts(results, service):
    """{endpoint: requests} of the service's first run, from Locust's JSON (what the plugin reads) or its stats CSV."""
    folder = results / service
    counts = {}
    data = read_json(folder / "final-stats.json")
    if data and isinstance(data.get("entries"), list):
        for entry in data["entries"]:
            name = entry.get("name")
            if name is not None and isinstance(entry.get("num_requests"), int):
                counts[name] = counts.get(name, 0) + entry["num_requests"]
        return counts
    csv_file = folder / "locust_stats.csv"
    if csv_file.is_file():
        with open(csv_file, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                if row.get("Name") and row.get("Name") != "Aggregated" and row.get("Request Count", "").isdigit():
                    counts[row["Name"]] = counts.get(row["Name"], 0) + int(row["Request Count"])
    return counts


def endpoint_values(results, history_services, services):
    """Per service and endpoint: the first run's request count and the judged (recorded) p95."""
    values = {}
    for service in services:
        recorded = ((history_services or {}).get(service) or {}).get("endpoints") or {}
        counts = first_run_counts(results, service)
        values[service] = {
            endpoint: {"requests": counts.get(endpoint),
                       "p95_latency_ms": (recorded.get(endpoint) or {}).get("p95_latency_ms")}
            for endpoint in sorted(set(counts) | set(recorded))}
    return values


def check_label(check):
    endpoint = f" {check['endpoint']}" if check.get("endpoint") else ""
    return f"{check['service']}{endpoint} {check['metric']}"


def checks_by_layer(checks, status):
    """The labels of the checks with this status, split into threshold rules and the statistical gate."""
    layers = {"rule": [], "gate": []}
    for check in checks:
        if check.get("status") == status:
            layers["gate" if check.get("rule") == GATE_RULE else "rule"].append(check_label(check))
    return layers


def outcome_of(exit_code, verdict):
    """FAIL, WARN or PASS when Maven's exit code agrees with the verdict; otherwise ERROR and why."""
    if verdict is None:
        return "ERROR", f"no verdict.json (Maven exit {exit_code})"
    level = verdict.get("verdict")
    if (level == "FAIL") == (exit_code != 0) and level in ("PASS", "WARN", "FAIL"):
        return level, None
    return "ERROR", f"verdict {level} but Maven exit {exit_code}"


def fail_layer(failed):
    if failed["rule"] and failed["gate"]:
        return "both"
    if failed["gate"]:
        return "gate"
    return "rule" if failed["rule"] else "other"


def run_build(campaign, phase, slowdown, number, total):
    """One `mvn verify -Pperf` of the project; returns its result record."""
    name = phase if phase != "ab" else f"ab-x{slowdown:g}"
    log = campaign.logs / f"{name}-{number}.log"
    shutil.rmtree(campaign.project / "target", ignore_errors=True)
    baseline = read_json(campaign.project / "docs" / BASELINE_FILE) or {}
    history_before = len(history_records(campaign.history))
    command = [campaign.mvnw(), "-B", "-f", str(campaign.project / "pom.xml"), "verify", "-Pperf",
               f"-D{campaign.port_property}={campaign.port}", f"-D{campaign.slowdown_property}={slowdown}",
               f"-Dlocust.minHistory={campaign.min_history}", "-Dlocust.recordHistory=true"]
    if phase == "ab" and campaign.endpoint:
        command.append(f"-D{campaign.endpoint_property}={campaign.endpoint}")
    command += [*campaign.repo_args, *campaign.maven_args]
    record = {"phase": phase, "slowdown": slowdown, "build": number, "of": total, "started": now_iso(),
              "loadavg": load_average(), "log": str(log), "plugin_sha256": sha256_of(campaign.plugin_jar)}
    if phase == "ab" and campaign.endpoint:
        record["slowed_endpoint"] = campaign.endpoint
    start = time.monotonic()
    exit_code = run_logged(command, campaign.root, log)
    record["wall_s"] = round(time.monotonic() - start, 1)
    results = campaign.project / "target" / "locust"
    verdict = read_json(results / "verdict.json")
    outcome, error = outcome_of(exit_code, verdict)
    checks = (verdict or {}).get("checks", [])
    reruns = results / ".reruns"
    record.update({
        "exit_code": exit_code,
        "verdict": (verdict or {}).get("verdict"),
        "outcome": outcome,
        "error": error,
        "failed": checks_by_layer(checks, "FAIL"),
        "warned": checks_by_layer(checks, "WARN"),
        "rerun_scenarios": sum(1 for p in reruns.iterdir() if p.is_dir()) if reruns.is_dir() else 0,
        "baseline": service_values(baseline, campaign.services),
        "calibration": calibration_of(results / "calibration.json"),
        "machine_speed": ((verdict or {}).get("calibration") or {}).get("speed"),
        "machine_warned": [check_label(c) for c in checks if (c.get("message") or "").startswith("Machine ")],
    })
    records = history_records(campaign.history)
    record.update(recorded_run(records, history_before, campaign.min_history, campaign.services))
    recorded = records[-1].get("services") if len(records) == history_before + 1 else None
    record["endpoints"] = endpoint_values(results, recorded, campaign.services)
    return record


CALIBRATION_LINE = re.compile(r"Machine calibration: CPU loop ([0-9.]+) ms, loopback round trip ([0-9.]+) ms")


def calibration_of(path):
    """The build's machine calibration (the plugin's calibration.json), or None."""
    figures = read_json(path)
    if not figures or "cpu_loop_ms" not in figures:
        return None
    return {"cpu_loop_ms": figures["cpu_loop_ms"], "loopback_round_trip_ms": figures["loopback_round_trip_ms"]}


def record_calibration(record):
    """A record's calibration; for records written before it was kept, read from the build log if it is still there."""
    if record.get("calibration"):
        return record["calibration"]
    log = Path(record.get("log", ""))
    if not log.is_file():
        return None
    match = CALIBRATION_LINE.search(log.read_text(encoding="utf-8", errors="replace"))
    return {"cpu_loop_ms": float(match.group(1)), "loopback_round_trip_ms": float(match.group(2))} if match else None


def recorded_run(records, count_before, min_history, services=QUICKSTART_SERVICES):
    """What the build's history record says: the judged values, Locust's version and the runs of its segment."""
    if len(records) != count_before + 1:
        return {"values": service_values({}, services), "locust_version": None, "segment_runs_before": None,
                "gate_judged": None}
    record = records[-1]
    recorded = record.get("services", {})
    fingerprint = (recorded.get(services[0]) or {}).get("fingerprint", {})
    earlier = sum(1 for r in records[:-1] if r.get("segment") == record.get("segment"))
    return {"values": service_values(recorded, services), "locust_version": fingerprint.get("locust_version"),
            "segment_runs_before": earlier, "gate_judged": earlier >= min_history}


def brief_list(labels, layer, limit=3):
    shown = [f"{label} ({layer})" for label in labels[:limit]]
    return shown + ([f"+{len(labels) - limit} more {layer}"] if len(labels) > limit else [])


def describe_checks(layers):
    items = brief_list(layers["rule"], "rule") + brief_list(layers["gate"], "gate")
    return ", ".join(items) if items else "-"


def phase_name(record):
    label = PHASE_LABELS[record["phase"]]
    return f"{label} x{record['slowdown']:g}" if record["phase"] == "ab" else label


def record_services(record):
    """The services of a record, in the project's order when the record predates the stored list."""
    values = record.get("values") or {}
    known = [s for s in QUICKSTART_SERVICES if s in values]
    return known + sorted(s for s in values if s not in known)


def build_line(record, services=None):
    head = f"{phase_name(record):<10} {record['build']:>2}/{record['of']:<2}  {record['outcome']:<5}"
    if record["outcome"] == "ERROR":
        return f"{head}  {record['error']}; see {record['log']}  {record['wall_s']:.0f} s"
    services = services or record_services(record)
    p95 = " ".join(f"{short_name(s)} {format_number(record['values'][s]['p95_latency_ms'])}" for s in services)
    return (f"{head}  exit {record['exit_code']}  fails: {describe_checks(record['failed'])}  "
            f"warns: {describe_checks(record['warned'])}  rerun scenarios {record['rerun_scenarios']}  "
            f"p95 {p95} ms  {record['wall_s']:.0f} s")


def format_number(value):
    return "-" if value is None else f"{value:g}"


def append_result(output, record, services):
    with open(output.results, "a", encoding="utf-8") as f:
        f.write(json.dumps(record, sort_keys=True) + "\n")
    print(build_line(record, services), flush=True)


def run_phase(campaign, output, phase, slowdown, builds, restore_each=False):
    for number in range(1, builds + 1):
        if restore_each:
            restore_history(campaign)
        append_result(output, run_build(campaign, phase, slowdown, number, builds), campaign.services)


def save_history(campaign):
    if campaign.history.exists():
        shutil.copyfile(campaign.history, campaign.history_after_aa)


def restore_history(campaign):
    if campaign.history_after_aa.exists():
        shutil.copyfile(campaign.history_after_aa, campaign.history)
    else:
        campaign.history.unlink(missing_ok=True)


def endpoint_metrics(project, endpoint):
    """The project's custom metrics whose requests pattern selects the endpoint (Java and Python agree on these)."""
    if not endpoint:
        return []
    selected = []
    for name, (service, requests) in project.metrics.items():
        try:
            if requests and re.fullmatch(requests, endpoint):
                selected.append({"metric": name, "service": service})
        except re.error:
            continue
    return selected


def run_campaign(args, work, output):
    root = repository_root()
    directory = project_directory(root, args.project)
    project = read_project(root, directory)
    port_property = pick_property(project, ".port", args.port_property, "--port-property", True)
    slowdown_property = pick_property(project, ".slowdown", args.slowdown_property, "--slowdown-property", True)
    endpoint_property = pick_property(project, ".endpoint", args.endpoint_property, "--endpoint-property",
                                      bool(args.endpoint))
    clean_work_directory(work, output)
    repository = work / "m2" if args.private_repo else Path.home() / ".m2" / "repository"
    repo_args = (f"-Dmaven.repo.local={repository}",
                 f"-Dmaven.repo.local.tail={Path.home() / '.m2' / 'repository'}") if args.private_repo else ()
    meta = {"command": shlex.join(["python3", *sys.argv]), "started": now_iso(), "git_commit": git_commit(root),
            "cores": os.cpu_count(), "load_start": load_average(), "min_history": args.min_history,
            "ab_sequence": args.ab_sequence, "project": project.label, "services": list(project.services),
            "warmup": args.warmup, "baseline_runs": args.baseline_runs if args.warmup > 0 else None,
            "busy": args.busy, "busy_from": args.busy_from, "slowdown_property": slowdown_property, "endpoint": args.endpoint,
            "endpoint_metrics": endpoint_metrics(project, args.endpoint), "thin_below": args.thin_below,
            "private_repo": args.private_repo}
    output.meta.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    if not args.skip_install:
        install_plugin(root, work / "logs" / "install.log", repo_args)
    jar = plugin_jar(repository, project.plugin_version)
    meta["plugin_jar"] = str(jar) if jar else None
    meta["plugin_sha256_start"] = sha256_of(jar)
    campaign = Campaign(root, work, free_port(), args.min_history, tuple(args.maven_arg), project.services,
                        port_property, slowdown_property, endpoint_property, args.endpoint, repo_args, jar)
    copy_project(directory, campaign.project)
    if args.continue_from is not None:
        continue_from(args.continue_from, campaign)
        meta["continued_from"] = str(args.continue_from.resolve())
        output.meta.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    print(f"Project {project.label} copied to {campaign.project}; services {', '.join(project.services)}; target on "
          f"127.0.0.1:{campaign.port}; build logs in {campaign.logs}", flush=True)
    interrupt_on_terminate()
    busy = BusyProcesses(args.busy, args.busy_from)
    try:
        busy.enter("warmup")
        run_phase(campaign, output, "warmup", 1.0, args.warmup)
        if args.warmup > 0:
            promote_baseline(campaign, args.baseline_runs, args.warmup)
        busy.enter("aa")
        run_phase(campaign, output, "aa", 1.0, args.aa)
        save_history(campaign)
        busy.enter("ab")
        for slowdown in args.slowdowns:
            if args.ab_sequence:
                restore_history(campaign)
            run_phase(campaign, output, "ab", slowdown, args.ab, restore_each=not args.ab_sequence)
    except KeyboardInterrupt:
        print("\nInterrupted; the summary covers the builds so far.", flush=True)
    finally:
        busy.stop()
    meta.update({"finished": now_iso(), "load_end": load_average(), "plugin_sha256_end": sha256_of(jar)})
    output.meta.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")


# ---------------------------------------------------------------------------------------------------------- summary


def binomial_cdf(k, n, p):
    return sum(math.comb(n, i) * p ** i * (1 - p) ** (n - i) for i in range(k + 1))


def bisect(f, lo=0.0, hi=1.0):
    """The root of f, increasing on [lo, hi]."""
    for _ in range(60):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if f(mid) < 0 else (lo, mid)
    return (lo + hi) / 2


def clopper_pearson(k, n, confidence=0.95):
    """The exact (Clopper-Pearson) two-sided interval of a binomial proportion k/n."""
    tail = (1 - confidence) / 2
    lower = 0.0 if k == 0 else bisect(lambda p: (1 - binomial_cdf(k - 1, n, p)) - tail)
    upper = 1.0 if k == n else bisect(lambda p: tail - binomial_cdf(k, n, p))
    return lower, upper


def rate(k, n):
    if n == 0:
        return "-"
    lower, upper = clopper_pearson(k, n)
    return f"{k}/{n} = {100 * k / n:.1f}% (95% CI {100 * lower:.1f}-{100 * upper:.1f}%)"


def median_or_none(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def p95_change_pct(record, service):
    current = record["values"][service]["p95_latency_ms"]
    baseline = record["baseline"][service]["p95_latency_ms"]
    if current is None or not baseline:
        return None
    return 100 * (current / baseline - 1)


def signed_pct(value):
    return "-" if value is None else f"{value:+.1f}%"


def median_p95_changes(records, services):
    valid = [r for r in records if r["outcome"] != "ERROR"]
    return " / ".join(signed_pct(median_or_none([p95_change_pct(r, s) for r in valid])) for s in services)


def count(records, outcome):
    return sum(1 for r in records if r["outcome"] == outcome)


def failed_layers(records):
    layers = [fail_layer(r["failed"]) for r in records if r["outcome"] == "FAIL"]
    return " / ".join(str(layers.count(layer)) for layer in ("rule", "gate", "both")) + (
        f" (+{layers.count('other')} other)" if "other" in layers else "")


def groups(records):
    """The records per phase and slowdown, in the order the campaign ran them."""
    grouped = {}
    for record in records:
        grouped.setdefault(phase_name(record), []).append(record)
    return grouped


def short_names(services):
    return " / ".join(short_name(s) for s in services)


def phase_table(grouped, services):
    lines = ["| phase | builds | failed (rule / gate / both) | warned | passed | errors | rerun scenarios per build "
             f"| median p95 change vs baseline, {short_names(services)} | median wall time |",
             "|---|---|---|---|---|---|---|---|---|"]
    for name, records in grouped.items():
        valid = [r for r in records if r["outcome"] != "ERROR"]
        reruns = statistics.mean(r["rerun_scenarios"] for r in valid) if valid else 0
        wall = statistics.median(r["wall_s"] for r in records)
        lines.append(f"| {name} | {len(records)} | {count(records, 'FAIL')} ({failed_layers(records)}) "
                     f"| {count(records, 'WARN')} | {count(records, 'PASS')} | {count(records, 'ERROR')} "
                     f"| {reruns:.2f} | {median_p95_changes(records, services)} | {wall:.0f} s |")
    return lines


def aa_section(records):
    parts = [("rules only (fewer than minHistory runs for the gate)",
              [r for r in records if r["gate_judged"] is False]),
             ("rules and statistical gate", [r for r in records if r["gate_judged"]]),
             ("all A/A builds", records)]
    lines = ["## A/A: false alarms (nothing changed)", "",
             "| part | builds | errors | false fails | false fails by a threshold rule | false warns (WARN verdict) |",
             "|---|---|---|---|---|---|"]
    for label, part in parts:
        valid = len(part) - count(part, "ERROR")
        by_rule = sum(1 for r in part if r["outcome"] == "FAIL" and r["failed"]["rule"])
        lines.append(f"| {label} | {len(part)} | {count(part, 'ERROR')} | {rate(count(part, 'FAIL'), valid)} "
                     f"| {rate(by_rule, valid)} | {rate(count(part, 'WARN'), valid)} |")
    lines += ["", "Confirmation reruns and the threshold rules do not depend on the gate's mode: in the shipped `warn` "
              "mode a build fails exactly when a threshold rule fails, so the rule column is the shipped false-fail "
              "rate even when this campaign ran the gate in `fail` mode."]
    return lines + [""] + flag_tally(records, "A/A")


def flag_tally(records, phase, limit=8):
    """Which checks failed or warned the builds, most frequent first."""
    tally = {}
    for record in records:
        for status, layers in (("FAIL", record["failed"]), ("WARN", record["warned"])):
            for layer, labels in layers.items():
                for label in labels:
                    key = f"{status} {label} ({layer})"
                    tally[key] = tally.get(key, 0) + 1
    if not tally:
        return [f"No check failed or warned in the {phase} builds."]
    ranked = sorted(tally.items(), key=lambda item: (-item[1], item[0]))
    lines = [f"Checks that failed or warned {phase} builds (builds with the check):", ""]
    lines += [f"- {key}: {n}" for key, n in ranked[:limit]]
    return lines + ([f"- {len(ranked) - limit} more"] if len(ranked) > limit else [])


def on_slowed_endpoint(label, endpoint, metrics):
    """Whether a check label ("service metric" or "service endpoint metric") is of the slowed endpoint, or of a custom
    metric that selects it."""
    service, rest = label.split(" ", 1)
    if rest.startswith(endpoint + " "):
        return True
    return any(rest == m["metric"] and m["service"] in (None, "*", service) for m in metrics)


def ab_section(grouped, meta, services):
    sequence = meta.get("ab_sequence", False)
    endpoint = meta.get("endpoint")
    metrics = meta.get("endpoint_metrics") or []
    levels = {name: records for name, records in grouped.items() if records[0]["phase"] == "ab"}
    mode = ("a sequence per slowdown, history kept between its builds" if sequence
            else "independent trials, history restored to its state after A/A before each build")
    target = f" of endpoint {endpoint}" if endpoint else ""
    extra_head = " | failed by a check of the slowed endpoint" if endpoint else ""
    lines = [f"## A/B: detections ({mode})", ""] + ([f"The slowdown multiplies the latency{target} only.", ""]
                                                      if endpoint else []) + [
             "| slowdown | builds | errors | detected (FAIL) | flagged (FAIL or WARN) | detected by rule / gate / both "
             f"| median p95 change vs baseline, {short_names(services)}{extra_head} |",
             "|---|---|---|---|---|---|---|" + ("---|" if endpoint else "")]
    for name, records in levels.items():
        valid = len(records) - count(records, "ERROR")
        flagged = count(records, "FAIL") + count(records, "WARN")
        cells = (f"| x{records[0]['slowdown']:g} | {len(records)} | {count(records, 'ERROR')} "
                 f"| {rate(count(records, 'FAIL'), valid)} | {rate(flagged, valid)} | {failed_layers(records)} "
                 f"| {median_p95_changes(records, services)} |")
        if endpoint:
            on_target = sum(1 for r in records if r["outcome"] == "FAIL" and any(
                on_slowed_endpoint(label, endpoint, metrics) for layer in r["failed"].values() for label in layer))
            cells += f" {rate(on_target, valid)} |"
        lines.append(cells)
    if sequence:
        lines += ["", "| slowdown | first failed at build | first flagged at build |", "|---|---|---|"]
        for records in levels.values():
            lines.append(f"| x{records[0]['slowdown']:g} | {first_build(records, ('FAIL',))} "
                         f"| {first_build(records, ('FAIL', 'WARN'))} |")
    if endpoint or len(grouped) > 3:
        for name, records in levels.items():
            lines += [""] + flag_tally(records, name)
    return lines


def first_build(records, outcomes):
    caught = [r["build"] for r in records if r["outcome"] in outcomes]
    return f"{caught[0]} of {len(records)}" if caught else f"not within {len(records)}"


def coefficient_of_variation(values):
    values = [v for v in values if v is not None]
    if len(values) < 2 or statistics.mean(values) == 0:
        return None
    return statistics.stdev(values) / statistics.mean(values)


def lag1_autocorrelation(values):
    values = [v for v in values if v is not None]
    if len(values) < 3 or statistics.pvariance(values) == 0:
        return None
    mean = statistics.mean(values)
    pairs = sum((a - mean) * (b - mean) for a, b in zip(values, values[1:]))
    return pairs / sum((v - mean) ** 2 for v in values)


def shared_build_effect(valid, services):
    """The mean correlation, across builds, of the services' log average latencies: the share of the noise that a
    whole build shares (the reference note's rho), since the scenarios run one after another in one build."""
    logs = {s: [math.log(r["values"][s]["avg_latency_ms"]) for r in valid if r["values"][s]["avg_latency_ms"]]
            for s in services}
    if len(services) < 2 or any(len(v) != len(valid) or len(v) < 3 for v in logs.values()):
        return None
    pairs = [(a, b) for i, a in enumerate(services) for b in services[i + 1:]]
    try:
        return statistics.mean(statistics.correlation(logs[a], logs[b]) for a, b in pairs)
    except statistics.StatisticsError:
        return None


def noise_section(records, services, thin):
    valid = [r for r in records if r["outcome"] != "ERROR"]
    lines = [f"## A/A run-to-run noise ({len(valid)} builds)", "",
             "Coefficient of variation (sample standard deviation / mean) of each value the plugin recorded per build, "
             "with the mean in brackets, and the lag-1 autocorrelation of the average latency (drift from build to "
             "build shows as a value well above 0):", "",
             "| service | p95 latency | average latency | rps | lag-1 autocorrelation of the average |",
             "|---|---|---|---|---|"]
    for service in services:
        cells = []
        for metric in RECORDED_METRICS:
            values = [r["values"][service][metric] for r in valid]
            cv = coefficient_of_variation(values)
            present = [v for v in values if v is not None]
            cells.append("-" if cv is None else f"{100 * cv:.1f}% ({statistics.mean(present):.4g})")
        autocorrelation = lag1_autocorrelation([r["values"][service]["avg_latency_ms"] for r in valid])
        cells.append("-" if autocorrelation is None else f"{autocorrelation:+.2f}")
        lines.append(f"| {service} | " + " | ".join(cells) + " |")
    shared = shared_build_effect(valid, services)
    if shared is not None:
        lines += ["", f"Shared build effect: the services' average latencies correlate by {shared:+.2f} across builds "
                      f"(the share of the noise a whole build shares, rho in the reference note's model)."]
    if thin:
        lines += ["", "The thin endpoints' p95 as the plugin judged it (the median of the run and its reruns when "
                      "there were any), over the A/A builds:", "",
                  "| service | endpoint | p95 min / median / max | coefficient of variation |", "|---|---|---|---|"]
        for service, endpoint in thin:
            values = [v for v in (endpoint_field(r, service, endpoint, "p95_latency_ms") for r in valid)
                      if v is not None]
            if not values:
                continue
            cv = coefficient_of_variation(values)
            lines.append(f"| {service} | {endpoint} | {min(values):g} / {statistics.median(values):g} / "
                         f"{max(values):g} ms | {'-' if cv is None else f'{100 * cv:.1f}%'} |")
    return lines


def endpoint_field(record, service, endpoint, key):
    return (((record.get("endpoints") or {}).get(service) or {}).get(endpoint) or {}).get(key)


def request_counts(records, services):
    """{(service, endpoint): [first-run request counts]} over the builds that have them."""
    counts = {}
    for record in records:
        for service in services:
            for endpoint, values in ((record.get("endpoints") or {}).get(service) or {}).items():
                if values.get("requests") is not None:
                    counts.setdefault((service, endpoint), []).append(values["requests"])
    return counts


def thin_endpoints(records, services, thin_below):
    counts = request_counts(records, services)
    return [key for key, values in counts.items() if statistics.median(values) < thin_below]


def counts_section(records, services, thin_below):
    valid = [r for r in records if r["outcome"] != "ERROR"]
    counts = request_counts(valid, services)
    if not counts:
        return []
    lines = ["## Requests per run", "",
             f"Each endpoint's request count in the first run of each build (Locust's own output in "
             f"`target/locust/<service>/`; confirmation reruns not counted), over {len(valid)} builds; an endpoint "
             f"is thin when its median is below {thin_below}:", "",
             "| service | endpoint | min | median | max | thin |", "|---|---|---|---|---|---|"]
    for (service, endpoint), values in counts.items():
        median = statistics.median(values)
        lines.append(f"| {service} | {endpoint} | {min(values)} | {median:g} | {max(values)} "
                     f"| {'yes' if median < thin_below else ''} |")
    return lines


def plugin_line(meta, records):
    hashes = [r.get("plugin_sha256") for r in records if r.get("plugin_sha256")]
    if not hashes and not meta.get("plugin_sha256_start"):
        return []
    distinct = sorted(set(hashes + [h for h in (meta.get("plugin_sha256_start"), meta.get("plugin_sha256_end")) if h]))
    where = f" ({meta['plugin_jar']})" if meta.get("plugin_jar") else ""
    if len(distinct) == 1:
        return [f"- Plugin jar SHA-256 {distinct[0][:16]}…, the same before every build{where}"]
    return [f"- **The plugin jar changed during the campaign**: {len(distinct)} different jars{where}; builds per jar: "
            + ", ".join(f"{h[:12]}… {hashes.count(h)}" for h in distinct)]


def header(meta, records):
    versions = sorted({r["locust_version"] for r in records if r.get("locust_version")})
    load_end = meta.get("load_end") or (f"not recorded (interrupted); at the start of the last build "
                                        f"{records[-1]['loadavg']}" if records else "not recorded")
    lines = [f"# A/A and A/B campaign of {meta.get('project', 'the quickstart')}", "",
             f"- Command: `{meta.get('command', 'unknown')}`",
             f"- Started {meta.get('started', 'unknown')}, finished {meta.get('finished', 'not recorded')}",
             f"- Git commit: {meta.get('git_commit', 'unknown')}",
             f"- Locust: {', '.join(versions) or 'unknown'}",
             f"- Cores: {meta.get('cores', 'unknown')}; load average (1, 5, 15 min) at the start "
             f"{meta.get('load_start', 'unknown')}, at the end {load_end}"]
    if meta.get("busy_from", "warmup") != "warmup":
        lines.append(f"- CPU-bound background processes (--busy): {meta['busy']}, from the {meta['busy_from']} phase "
                     f"on (--busy-from); the warm-up builds and the baseline ran on a quiet machine")
    elif "busy" in meta:
        lines.append(f"- CPU-bound background processes for the whole campaign (--busy): {meta['busy']}")
    if meta.get("baseline_runs"):
        lines.append(f"- Baseline: the median of the last {meta['baseline_runs']} of {meta.get('warmup')} warm-up "
                     f"builds (locust:baseline -Dlocust.baselineRuns={meta['baseline_runs']})")
    if meta.get("continued_from"):
        lines.append(f"- Baseline and history after the A/A phase: those of the campaign in {meta['continued_from']} "
                     f"(--continue-from)")
    lines += plugin_line(meta, records)
    lines.append(f"- minHistory: {meta.get('min_history', 'unknown')}; a build FAILED when Maven exited non-zero with "
                 f"a FAIL verdict; values are the ones the plugin judged and recorded in the history (the median of "
                 f"the run and its confirmation reruns when there were any)")
    return lines


def machine_section(records):
    """Builds split by how busy the machine was, as each build's own calibration measured it: a CPU loop more than 1.5
    times the campaign's quietest quartile means the build shared its cores."""
    loops = sorted(c["cpu_loop_ms"] for c in map(record_calibration, records) if c)
    if not loops:
        return []
    quiet = loops[len(loops) // 4]
    limit = 1.5 * quiet
    lines = ["## The machine during the builds", "",
             f"Each build's calibration (CPU loop, ms): min {loops[0]:g}, lower quartile {quiet:g}, median "
             f"{loops[len(loops) // 2]:g}, max {loops[-1]:g}. A build is counted on a *shared* machine when its CPU "
             f"loop took more than 1.5 x the lower quartile ({limit:.1f} ms).", "",
             "| phase | machine | builds | FAIL | WARN | the plugin found it slower / overloaded | checks it turned to WARN"
             " for the machine |", "|---|---|---|---|---|---|---|"]
    for label, part in groups(records).items():
        for machine, selected in (("normal", lambda c: c and c["cpu_loop_ms"] <= limit),
                                  ("shared", lambda c: c and c["cpu_loop_ms"] > limit),
                                  ("not recorded", lambda c: not c)):
            chosen = [r for r in part if selected(record_calibration(r)) and r["outcome"] != "ERROR"]
            if chosen:
                speeds = [r.get("machine_speed") for r in chosen]
                lines.append(f"| {label} | {machine} | {len(chosen)} | {rate(count(chosen, 'FAIL'), len(chosen))} "
                             f"| {rate(count(chosen, 'WARN'), len(chosen))} | {speeds.count('slower')} / "
                             f"{speeds.count('overloaded')} | {sum(len(r.get('machine_warned') or []) for r in chosen)} |")
    return lines


def error_lines(records):
    errors = [r for r in records if r["outcome"] == "ERROR"]
    if not errors:
        return []
    return ["## Errors (not counted as passes)", ""] + [
        f"- {phase_name(r)} build {r['build']}: {r['error']}; log {r['log']}" for r in errors]


def summary(output):
    records = [json.loads(line) for line in output.results.read_text(encoding="utf-8").splitlines() if line]
    meta = read_json(output.meta) or {}
    services = tuple(meta.get("services") or (record_services(records[0]) if records else QUICKSTART_SERVICES))
    thin_below = meta.get("thin_below", 100)
    grouped = groups(records)
    aa = grouped.get(PHASE_LABELS["aa"], [])
    thin = thin_endpoints([r for r in records if r["outcome"] != "ERROR"], services, thin_below)
    lines = header(meta, records) + ["", "## Builds per phase", ""] + phase_table(grouped, services) + [""]
    if aa:
        lines += aa_section(aa) + [""] + noise_section(aa, services, thin) + [""]
    if any(r["phase"] == "ab" for r in records):
        lines += ab_section(grouped, meta, services) + [""]
    counts = counts_section(records, services, thin_below)
    if counts:
        lines += counts + [""]
    machine = machine_section(records)
    if machine:
        lines += machine + [""]
    lines += error_lines(records)
    return "\n".join(lines).rstrip() + "\n"


def main(argv):
    args = parse_args(argv)
    work = (args.work or repository_root() / "target" / "campaign").resolve()
    output = Output((args.results_dir or work).resolve(), args.name)
    if not args.summarize_only:
        run_campaign(args, work, output)
    if not output.results.exists():
        sys.exit(f"No results at {output.results}")
    text = summary(output)
    output.summary.write_text(text, encoding="utf-8")
    print("\n" + text + f"\n(written to {output.summary})")


if __name__ == "__main__":
    main(sys.argv[1:])
