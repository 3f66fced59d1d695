#!/usr/bin/env python3
"""The plugin's own time: `mvn verify` of a one-scenario project against `mvn validate` plus a bare Locust run.

What the plugin costs a build is what `mvn -o verify` of a project with the `run` and `check` goals takes beyond what
Maven takes for the same pom without them (`mvn -o validate`: a pom-packaged project binds no other mojo up to verify)
and beyond what Locust takes for the same scenario on its own (`locust --headless -t <same length>`, same locustfile,
same Locust executable). This program measures the three, interleaved in every round, and reports per round (pair by
pair, so that a busy machine shifts all three together):

    plugin's own time = verify - (validate + bare Locust)

for wall time and for CPU time (user + sys of the command's whole process tree, from os.wait4), and breaks the
verify down into phases, each set against what validate or the bare Locust spends on the same step:

    Maven start until the project is read  | "Building ..." line             (against validate)
    plugin set-up by Maven: build plan and  | its dependencies collected     (against validate's "Building" to end)
      dependency resolution, class realm and component discovery, mojo loading and configuration
    mojo start                              | until `locust -V` starts
    Locust detection                        | `locust -V` and `locust --help` processes
    helper preparation                      | until the Locust run process starts
    Locust start to first request           | first request at the target     (against the bare run)
    load                                    | first to last request           (against the bare run)
    last request to Locust exit             |                                 (against the bare run)
    Locust exit to end of the run goal      | "--- ...:check" line
    check                                   | "BUILD SUCCESS" line
    Maven end                               | process exit                    (against validate)

The points come from three clocks that all read the machine's wall clock: Maven's log lines (timestamps switched on
with -Dorg.slf4j.simpleLogger.showDateTime), the process table (/proc, polled every 10 ms: start and end of every
process the build starts, and its CPU time) and a small HTTP target server inside this program, on a free port of
127.0.0.1, that records when each request arrives. Maven's plugin set-up is split with the debug lines of three of
its loggers (not -X, which would slow the whole build). The per-phase "plugin's own" column adds up to the plugin's
own time of the round.

Protocol:
 1. Unless --skip-install: `./mvnw -B -q install -DskipTests -Dinvoker.skip=true` in the repository root.
 2. Copy benchmarks/overhead/project to <work>/project (the pom with --scenarios scenarios). Locust is the plugin's
    managed installation (locustVersion, in <work>/cache; the first build installs it), or --locust PATH.
 3. --warmup rounds (not counted), then --rounds rounds. A round runs, in an order that rotates from round to round:
    `mvnw -B -o -f <project>/pom.xml verify` once per variant ("managed": locustVersion; "explicit":
    -Dlocust.locustExecutable=<the same executable>), `mvnw -B -o -f <project>/pom.xml validate` with the same
    arguments, and the bare `locust -f locustfile.py --headless -u 1 -r 1 -t <run time> -H <target>` (once per
    scenario, one after another). Before each verify, <project>/target and the history file are deleted, so every
    build does the same work.
 4. With --debug-build, one untimed `verify -X` at the end.
 5. Every command's record goes to <work>/overhead-results.jsonl; the summary is printed and written to
    <work>/overhead-summary.md. --summarize-only rebuilds it from an existing results file.

Python 3 standard library only (Linux: it reads /proc). Usage: python3 benchmarks/overhead/overhead.py --help
"""

import argparse
import datetime
import hashlib
import http.server
import json
import os
import re
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
import xml.etree.ElementTree as ET
from pathlib import Path

POLL_INTERVAL = 0.01
CLOCK_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
LOG_LINE = re.compile(r"^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}(?:Z|[+-]\d\d:\d\d)) \[(\w+)\] ?(.*)$")
TIMESTAMPS = ["-Dorg.slf4j.simpleLogger.showDateTime=true",
              "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSSXXX"]
# Debug lines of three Maven loggers only (not -X): when the plugin's dependencies are collected, its class realm
# populated, its mojo loaded and configured; and the plugin's own debug lines, if it writes any.
SET_UP_LOGGERS = ["-Dorg.slf4j.simpleLogger.log.org.eclipse.aether.internal.impl.collect=debug",
                  "-Dorg.slf4j.simpleLogger.log.org.codehaus.plexus.PlexusContainer=debug",
                  "-Dorg.slf4j.simpleLogger.log.org.apache.maven.plugin.internal.DefaultMavenPluginManager=debug",
                  "-Dorg.slf4j.simpleLogger.log.dev.locustmaven=debug"]
TARGET_MS = 1000
TARGET_FURTHER_MS = 300


# ------------------------------------------------------------------------------------------------------ arguments


def parse_args(argv):
    parser = argparse.ArgumentParser(
        description="The plugin's own time per build: mvn verify against mvn validate plus a bare Locust run "
                    "(see the module docstring).")
    parser.add_argument("--work", type=Path, help="work directory [target/overhead under the repository root]")
    parser.add_argument("--rounds", type=int, default=5, help="counted rounds [5]")
    parser.add_argument("--warmup", type=int, default=1, help="rounds run first and not counted [1]")
    parser.add_argument("--run-time", default="5s", help="Locust's run time, as Locust writes it [5s]")
    parser.add_argument("--scenarios", type=int, default=1,
                        help="scenarios in the project; the bare Locust then runs as often [1]")
    parser.add_argument("--locust", type=Path,
                        help="a Locust executable for the builds (-Dlocust.locustExecutable) and the bare runs; "
                             "default: the plugin's managed installation of --locust-version in <work>/cache")
    parser.add_argument("--locust-version", default="2.47.0", help="locustVersion of the managed install [2.47.0]")
    parser.add_argument("--variants", default=None,
                        help="comma-separated verify variants: managed (locustVersion), explicit "
                             "(locustExecutable) [managed; explicit with --locust]")
    parser.add_argument("--skip-install", action="store_true", help="use the plugin already in ~/.m2")
    parser.add_argument("--quiet-cores", type=float, default=0.15,
                        help="a round is quiet when the machine's other work used less than this many cores on "
                             "average during each of its commands [0.15]")
    parser.add_argument("--until-quiet", type=int, default=0, metavar="N",
                        help="after the --rounds rounds, go on until N rounds were quiet (at most 4 x --rounds "
                             "rounds in all) [0]")
    parser.add_argument("--wait-quiet", type=float, default=0, metavar="SECONDS",
                        help="before each round, wait up to this long for other work to stay below --quiet-cores "
                             "for 2 s [0: do not wait]")
    parser.add_argument("--debug-build", action="store_true",
                        help="end with one untimed verify -X and print the split of Maven's plugin set-up it logs")
    parser.add_argument("--maven-arg", action="append", default=[], metavar="ARG",
                        help="extra argument for every Maven command, repeatable (--maven-arg=-Dx=y)")
    parser.add_argument("--summarize-only", action="store_true",
                        help="print the summary of an existing <work>/overhead-results.jsonl and exit")
    args = parser.parse_args(argv)
    if args.rounds < 1 or args.warmup < 0 or args.scenarios < 1:
        parser.error("--rounds and --scenarios must be at least 1, --warmup not negative")
    default_variants = "explicit" if args.locust else "managed"
    args.variants = [v.strip() for v in (args.variants or default_variants).split(",") if v.strip()]
    for variant in args.variants:
        if variant not in ("managed", "explicit"):
            parser.error(f"unknown variant {variant!r}")
        if variant == "managed" and args.locust:
            parser.error("the managed variant installs Locust itself; leave out --locust or use --variants explicit")
    return args


def repository_root():
    return Path(__file__).resolve().parents[2]


def plugin_version(root):
    ns = {"m": "http://maven.apache.org/POM/4.0.0"}
    return ET.parse(root / "pom.xml").getroot().find("m:version", ns).text.strip()


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

    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    return commit + (" (with uncommitted changes)" if git("status", "--porcelain") else "")


def now_iso():
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")


def machine_busy_s():
    """CPU seconds the whole machine has been busy since boot (all cores, from /proc/stat)."""
    with open("/proc/stat", encoding="ascii") as f:
        fields = [int(x) for x in f.readline().split()[1:]]
    user, nice, system, idle, iowait, irq, softirq, steal = (fields + [0] * 8)[:8]
    return (user + nice + system + irq + softirq + steal) / CLOCK_TICKS


def wait_until_quiet(limit_cores, timeout_s):
    """Waits until the machine's other work uses less than limit_cores over 2 s, for at most timeout_s."""
    deadline = time.monotonic() + timeout_s
    while True:
        before = machine_busy_s()
        time.sleep(2)
        used = (machine_busy_s() - before) / 2
        if used < limit_cores or time.monotonic() > deadline:
            return used


def sha256(path):
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


# --------------------------------------------------------------------------------------------- the target server


class Target:
    """An HTTP server on a free port of 127.0.0.1 that answers every GET with 200 and records when requests came."""

    def __init__(self):
        self.requests = []
        self.lock = threading.Lock()
        target = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):
                arrived = time.time()
                with target.lock:
                    target.requests.append(arrived)
                self.send_response(200)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, *args):
                pass

        class Server(http.server.ThreadingHTTPServer):
            def handle_error(self, request, client_address):
                pass  # Locust closing its connections as it exits

        self.server = Server(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.5}, daemon=True)
        self.thread.start()

    def take(self):
        """The arrival times since the last call, and forget them."""
        with self.lock:
            taken, self.requests = self.requests, []
        return taken

    def close(self):
        self.server.shutdown()
        self.server.server_close()


# ------------------------------------------------------------------------------------------ the process watcher


def boot_wall_time():
    """The wall-clock time of boot, for /proc/<pid>/stat's start times (clock ticks since boot)."""
    return time.time() - time.clock_gettime(time.CLOCK_BOOTTIME)


def read_stat(pid):
    """(ppid, start ticks, utime + stime ticks) of a process, or None when it is gone."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as f:
            text = f.read()
    except OSError:
        return None
    fields = text[text.rindex(")") + 2:].split()
    return int(fields[1]), int(fields[19]), int(fields[11]) + int(fields[12])


def read_cmdline(pid):
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return [a.decode("utf-8", "replace") for a in f.read().split(b"\0") if a]
    except OSError:
        return None


class Watcher:
    """Polls /proc for the processes a command starts: their start and end times, command lines and CPU times."""

    def __init__(self, root_pid):
        self.root = root_pid
        self.boot = boot_wall_time()
        self.known = set(int(p) for p in os.listdir("/proc") if p.isdigit())
        self.known.discard(root_pid)
        self.tracked = {}
        self.family = {root_pid}
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self.loop, daemon=True)
        self.thread.start()

    def loop(self):
        while not self.stopping.is_set():
            self.scan()
            self.stopping.wait(POLL_INTERVAL)
        self.scan()

    def scan(self):
        now = time.time()
        pids = set(int(p) for p in os.listdir("/proc") if p.isdigit())
        for pid in pids - self.known:
            self.known.add(pid)
            stat = read_stat(pid)
            if stat is None or (stat[0] not in self.family and pid != self.root):
                continue
            self.family.add(pid)
            if pid != self.root:
                self.tracked[pid] = {"pid": pid, "start": self.boot + stat[1] / CLOCK_TICKS, "first_seen": now,
                                     "last_seen": now, "cpu_s": stat[2] / CLOCK_TICKS, "cmdline": None,
                                     "alive": True}
        for pid, p in self.tracked.items():
            if not p["alive"]:
                continue
            stat = read_stat(pid) if pid in pids else None
            if stat is None:
                p["alive"] = False
                continue
            p["last_seen"] = now
            p["cpu_s"] = stat[2] / CLOCK_TICKS
            cmdline = p["cmdline"]
            if not cmdline or os.path.basename(cmdline[0]) in ("java", "jspawnhelper"):
                # a child of the JVM is a copy of it, then jspawnhelper, until it execs its own command line
                p["cmdline"] = read_cmdline(pid) or cmdline

    def stop(self):
        self.stopping.set()
        self.thread.join()
        return sorted(self.tracked.values(), key=lambda p: p["start"])


def kind_of(process):
    args = process["cmdline"] or []
    if any("dpkg" in a for a in args):
        return "dpkg"
    if args and args[-1] == "-V":
        return "detect-version"
    if args and args[-1] == "--help":
        return "detect-help"
    if "--headless" in args:
        return "locust-run"
    if "--worker" in args:
        return "locust-worker"
    if args and os.path.basename(args[0]) == "git":
        return "git"
    return "other"


# -------------------------------------------------------------------------------------------------- Maven's log


def helper_times(results):
    """When the plugin wrote each scenario's helper locustfile (file modification times), in run order."""
    times = []
    for helper in results.glob("*/.locust-maven/locust_maven_helper.py"):
        try:
            times.append(helper.stat().st_mtime_ns / 1e9)
        except OSError:
            pass
    return sorted(times)


def log_events(path):
    """[(wall time, level, text)] of the log lines with a timestamp."""
    events = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        m = LOG_LINE.match(line)
        if m:
            stamp = datetime.datetime.fromisoformat(m.group(1).replace("Z", "+00:00")).timestamp()
            events.append((stamp, m.group(2), m.group(3)))
    return events


def first(events, predicate, after=None):
    for stamp, level, text in events:
        if (after is None or stamp >= after) and predicate(level, text):
            return stamp
    return None


def maven_points(events):
    """The points of a Maven build that the breakdown uses, as wall-clock times (None when absent)."""
    p = {"building": first(events, lambda l, t: t.startswith("Building "))}
    p["run_start"] = first(events, lambda l, t: t.startswith("--- locust:") and ":run " in t)
    p["scenario_lines"] = [s for s, l, t in events if t.startswith("Scenario '")]
    p["command_lines"] = [s for s, l, t in events if t.startswith("Command: ")]
    p["result_lines"] = [s for s, l, t in events if re.match(r"^\S+: \d+ requests, ", t)]
    p["check_start"] = first(events, lambda l, t: t.startswith("--- locust:") and ":check " in t)
    p["verdict"] = first(events, lambda l, t: t.startswith("Locust verdict:"))
    p["build_end"] = first(events, lambda l, t: t in ("BUILD SUCCESS", "BUILD FAILURE"))
    p["installing"] = first(events, lambda l, t: t.startswith("Installing Locust "))
    run = p["run_start"]
    p["collected"] = first(events, lambda l, t: t.startswith("Dependency collection stats"), run)
    realm = first(events, lambda l, t: t.startswith("Populating class realm plugin>dev.locustmaven:"), run)
    p["realm_jars"] = sum(1 for s, l, t in events if t.startswith("  Included: ") and realm is not None
                          and s >= realm and (p["check_start"] is None or s < p["check_start"]))
    p["mojo_loading"] = first(events, lambda l, t: t.startswith("Loading mojo dev.locustmaven:") and ":run " in t, run)
    configuring = first(events, lambda l, t: t.startswith("Configuring mojo execution 'dev.locustmaven:")
                        and ":run:" in t, run)
    p["configured"] = first(events, lambda l, t: t == "-- end configuration --", configuring)
    return p


def debug_points(events, plugin_key):
    """The points of Maven's plugin set-up that only -X logs."""
    run_start = first(events, lambda l, t: t.startswith("--- locust:") and ":run " in t)
    p = {"run_start": run_start}
    p["dependencies_collected"] = first(events, lambda l, t: t.startswith("Dependency collection stats"), run_start)
    p["realm_populated"] = first(events, lambda l, t: t.startswith("Populating class realm plugin>" + plugin_key))
    p["mojo_loading"] = first(events, lambda l, t: t.startswith("Loading mojo " + plugin_key) and ":run " in t)
    p["configuring"] = first(events, lambda l, t: t.startswith("Configuring mojo execution '" + plugin_key)
                             and ":run:" in t)
    p["configured"] = first(events, lambda l, t: t == "-- end configuration --", p["configuring"])
    p["scenario"] = first(events, lambda l, t: t.startswith("Scenario '"), run_start)
    p["check_start"] = first(events, lambda l, t: t.startswith("--- locust:") and ":check " in t)
    p["check_configured"] = first(events, lambda l, t: t == "-- end configuration --", p["check_start"])
    p["build_end"] = first(events, lambda l, t: t in ("BUILD SUCCESS", "BUILD FAILURE"))
    p["realm_jars"] = sum(1 for i, (s, l, t) in enumerate(events)
                          if t.startswith("  Included: ") and p["realm_populated"] is not None
                          and s >= p["realm_populated"] and (p["mojo_loading"] is None or s <= p["mojo_loading"]))
    return p


# --------------------------------------------------------------------------------------------------- commands


class Bench:
    def __init__(self, args, root, work):
        self.args = args
        self.root = root
        self.work = work
        self.project = work / "project"
        self.logs = work / "logs"
        self.cache = work / "cache"
        self.version = plugin_version(root)
        self.target = None
        self.locust = None

    def managed_locust(self):
        return self.cache / "venvs" / self.args.locust_version / "bin" / "locust"

    def maven(self, goal, variant, extra=()):
        command = [str(self.root / "mvnw"), "-B", "-o", "-f", str(self.project / "pom.xml"), goal,
                   f"-Dbench.pluginVersion={self.version}", f"-Dbench.locustVersion={self.args.locust_version}",
                   f"-Dbench.cacheDirectory={self.cache}", f"-Dbench.port={self.target.port}",
                   f"-Dbench.runTime={self.args.run_time}", *TIMESTAMPS, *SET_UP_LOGGERS, *self.args.maven_arg,
                   *extra]
        if variant == "explicit":
            command.append(f"-Dlocust.locustExecutable={self.locust}")
        return command

    def bare(self):
        return [str(self.locust), "-f", "locustfile.py", "--headless", "-u", "1", "-r", "1",
                "-t", self.args.run_time, "-H", f"http://127.0.0.1:{self.target.port}"]

    def commands_of_round(self, number):
        commands = [("verify-" + v, v) for v in self.args.variants] + [("validate", None), ("bare", None)]
        shift = number % len(commands)
        return commands[shift:] + commands[:shift]

    def run(self, name, variant, label, debug=False):
        """Runs one command of a round and returns its record."""
        log = self.logs / f"{label}-{name}{'-X' if debug else ''}.log"
        if name.startswith("verify"):
            shutil.rmtree(self.project / "target", ignore_errors=True)
            (self.project / "docs" / "performance-trends.jsonl").unlink(missing_ok=True)
        self.target.take()
        record = {"command": name, "label": label, "loadavg": load_average(), "log": str(log)}
        if name == "bare":
            runs = [self.timed(self.bare(), log, append=i > 0) for i in range(self.args.scenarios)]
            record["runs"] = runs
            record["start"], record["end"] = runs[0]["start"], runs[-1]["end"]
            record["exit_code"] = max(r["exit_code"] for r in runs)
            for key in ("wall_s", "cpu_s", "user_s", "sys_s", "own_cpu_s", "others_cpu_s"):
                record[key] = sum(r[key] for r in runs)
        else:
            goal = "validate" if name == "validate" else "verify"
            record.update(self.timed(self.maven(goal, variant, ["-X"] if debug else []), log))
            record["points"] = maven_points(log_events(log))
            record["points"]["helper_written"] = helper_times(self.project / "target" / "locust")
            if debug:
                record["debug"] = debug_points(log_events(log), f"dev.locustmaven:locust-maven-plugin:{self.version}")
        record["requests"] = self.target.take()
        return record

    def timed(self, command, log, append=False):
        with open(log, "a" if append else "w", encoding="utf-8") as out:
            out.write("$ " + " ".join(command) + "\n\n")
            out.flush()
            env = {k: v for k, v in os.environ.items() if not k.startswith("LOCUST_")}
            self_before = resource.getrusage(resource.RUSAGE_SELF)
            busy_before = machine_busy_s()
            start = time.time()
            process = subprocess.Popen(command, cwd=self.project, stdout=out, stderr=subprocess.STDOUT,
                                       stdin=subprocess.DEVNULL, env=env)
            watcher = Watcher(process.pid)
            _, status, usage = os.wait4(process.pid, 0)
            end = time.time()
            process.returncode = os.waitstatus_to_exitcode(status)
            processes = watcher.stop()
            busy = machine_busy_s() - busy_before
            self_after = resource.getrusage(resource.RUSAGE_SELF)
        for p in processes:
            p["kind"] = kind_of(p)
        own = (self_after.ru_utime - self_before.ru_utime) + (self_after.ru_stime - self_before.ru_stime)
        return {"exit_code": process.returncode, "start": start, "end": end, "wall_s": end - start,
                "user_s": usage.ru_utime, "sys_s": usage.ru_stime, "cpu_s": usage.ru_utime + usage.ru_stime,
                "own_cpu_s": own, "others_cpu_s": max(0.0, busy - usage.ru_utime - usage.ru_stime - own),
                "processes": processes}


# ------------------------------------------------------------------------------------------------------ phases


def requests_between(requests, start, end):
    inside = [t for t in requests if start <= t <= end]
    return (inside[0], inside[-1], len(inside)) if inside else (None, None, 0)


def verify_phases(record):
    """The verify's phases in seconds, or a reason why they cannot be computed."""
    p = record["points"]
    procs = record["processes"]
    detect = [q for q in procs if q["kind"] in ("detect-version", "detect-help", "dpkg")]
    runs = [q for q in procs if q["kind"] == "locust-run"]
    if record["exit_code"] != 0:
        return None, f"exit code {record['exit_code']}"
    if p["installing"] is not None:
        return None, "the build installed Locust"
    # a plugin that remembers its detection starts no Locust for it: detection is then nil, at the end of configuration
    if not detect and p.get("configured") is None:
        return None, "no detection processes and no configuration point in the log"
    if not runs or p["building"] is None or p["check_start"] is None or p["build_end"] is None:
        return None, "points missing in the log or the process table"
    if len(p["scenario_lines"]) != len(runs):
        return None, f"{len(p['scenario_lines'])} scenario runs logged, {len(runs)} Locust runs seen (reruns?)"
    detect_start = min(q["start"] for q in detect) if detect else p["configured"]
    detect_end = max(q["last_seen"] for q in detect) if detect else p["configured"]
    helpers = p.get("helper_written") or []
    if len(helpers) != len(runs):
        return None, f"{len(helpers)} helper files for {len(runs)} Locust runs"
    split = [p.get(k) for k in ("collected", "mojo_loading", "configured")]
    if all(x is not None for x in split) and p["building"] <= split[0] <= split[1] <= split[2] <= detect_start:
        set_up = {"resolve": split[0] - p["building"], "realm": split[1] - split[0], "configure": split[2] - split[1],
                  "mojo_start": detect_start - split[2]}
    else:  # another Maven that does not log these points: all of it in the first row
        set_up = {"resolve": detect_start - p["building"], "realm": 0.0, "configure": 0.0, "mojo_start": 0.0}
    ph = {"maven_start": p["building"] - record["start"], **set_up, "detection": detect_end - detect_start, "prepare": 0.0, "launch": 0.0, "to_first": 0.0, "load": 0.0,
          "to_exit": 0.0}
    previous_end = detect_end
    for run, helper in zip(runs, helpers):
        first_req, last_req, count = requests_between(record["requests"], run["start"], run["last_seen"] + 0.05)
        if not count:
            return None, "a Locust run made no request to the target"
        ph["prepare"] += helper - previous_end
        ph["launch"] += run["start"] - helper
        ph["to_first"] += first_req - run["start"]
        ph["load"] += last_req - first_req
        ph["to_exit"] += run["last_seen"] - last_req
        previous_end = run["last_seen"]
    ph["after_run"] = p["check_start"] - previous_end
    ph["check"] = p["build_end"] - p["check_start"]
    ph["maven_end"] = record["end"] - p["build_end"]
    return ph, None


def validate_phases(record):
    p = record["points"]
    if record["exit_code"] != 0 or p["building"] is None or p["build_end"] is None:
        return None
    return {"maven_start": p["building"] - record["start"], "resolve": p["build_end"] - p["building"],
            "maven_end": record["end"] - p["build_end"]}


def bare_phases(record):
    ph = {"to_first": 0.0, "load": 0.0, "to_exit": 0.0}
    for run in record["runs"]:
        first_req, last_req, count = requests_between(record["requests"], run["start"], run["end"])
        if not count or run["exit_code"] != 0:
            return None
        ph["to_first"] += first_req - run["start"]
        ph["load"] += last_req - first_req
        ph["to_exit"] += run["end"] - last_req
    return ph


PHASES = [
    ("maven_start", "Maven start until the project is read", "validate"),
    ("resolve", "plugin set-up by Maven: build plan, the plugin's dependencies resolved", "validate"),
    ("realm", "plugin set-up by Maven: class realm, component discovery", None),
    ("configure", "plugin set-up by Maven: mojo loaded and configured", None),
    ("mojo_start", "mojo start until `locust -V` starts", None),
    ("detection", "Locust detection (`locust -V`, `locust --help`)", None),
    ("prepare", "helper preparation (detection end to helper file written)", None),
    ("launch", "helper written to Locust run process started", None),
    ("to_first", "Locust start to first request", "bare"),
    ("load", "load (first to last request)", "bare"),
    ("to_exit", "last request to Locust exit", "bare"),
    ("after_run", "Locust exit to the end of the run goal", None),
    ("check", "check goal", None),
    ("maven_end", "Maven end (BUILD SUCCESS to exit)", "validate"),
]


def process_cpu(record, kinds):
    return sum(p["cpu_s"] for p in record["processes"] if p["kind"] in kinds)


# ----------------------------------------------------------------------------------------------------- summary


def fmt_s(value, digits=2):
    return "-" if value is None else f"{value:.{digits}f}"


def spread(values, digits=2):
    """median (min-max) of a list of seconds."""
    values = [v for v in values if v is not None]
    if not values:
        return "-"
    return f"{statistics.median(values):.{digits}f} ({min(values):.{digits}f}-{max(values):.{digits}f})"


def summarize(meta, records):
    lines = []
    out = lines.append
    counted = [r for r in records if r["label"].startswith("round-")]
    rounds = sorted({r["label"] for r in counted}, key=lambda s: int(s.split("-")[1]))
    by_round = {label: {r["command"]: r for r in counted if r["label"] == label} for label in rounds}
    variants = meta["variants"]
    limit = meta.get("quiet_cores", 0.15)
    quiet = {r for r in rounds if is_quiet(by_round[r].values(), limit)}
    phase_rounds = [r for r in rounds if r in quiet] if len(quiet) >= 3 else rounds
    phase_subset = f"the {len(phase_rounds)} quiet rounds" if phase_rounds is not rounds else "all rounds"
    out("# Plugin overhead")
    out("")
    out(f"* command: `{meta['command']}`")
    out(f"* date {meta['started']} to {meta.get('finished', '?')}, commit {meta['commit']}, plugin "
        f"{meta['plugin_version']}, {meta['locust']}, {meta['cores']} cores, load average {meta['loadavg_start']} "
        f"at the start, {meta.get('loadavg_end', '?')} at the end")
    out(f"* {len(rounds)} counted rounds (after {meta['warmup']} warm-up), Locust run time {meta['run_time']}, "
        f"{meta['scenarios']} scenario(s), verify variants: {', '.join(variants)}")
    if meta.get("plugin_jar_changed"):
        out(f"* WARNING: the installed plugin jar changed during the run ({meta['plugin_jar_changed']}); "
            "another build installed over it")
    out("")
    out("## Commands (seconds; median (min-max))")
    out("")
    out("| command | n | wall | CPU (user+sys) | CPU / wall | other work on the machine, cores |")
    out("|---|---|---|---|---|---|")
    for name in [f"verify-{v}" for v in variants] + ["validate", "bare"]:
        rs = [by_round[r][name] for r in rounds if name in by_round[r] and by_round[r][name]["exit_code"] == 0]
        label = {"validate": "mvn -o validate", "bare": f"bare locust -t {meta['run_time']}"
                 + (f" x{meta['scenarios']}" if meta["scenarios"] > 1 else "")}.get(name, f"mvn -o verify ({name[7:]})")
        out(f"| {label} | {len(rs)} | {spread([r['wall_s'] for r in rs])} | {spread([r['cpu_s'] for r in rs])} | "
            f"{spread([r['cpu_s'] / r['wall_s'] for r in rs])} | "
            f"{spread([r.get('others_cpu_s', 0) / r['wall_s'] for r in rs])} |")
    failed = [r for r in counted if r["exit_code"] != 0]
    for r in failed:
        out(f"* {r['label']} {r['command']} exited with {r['exit_code']}: see {r['log']}")
    out("")
    out("## Plugin's own time, pair by pair: verify - (validate + bare Locust) of the same round")
    out("")
    out("| variant | rounds | wall s | CPU s | verify / (validate + bare) | per round (wall s; * quiet) |")
    out("|---|---|---|---|---|---|")
    own = {}
    for v in variants:
        for subset, name in ((rounds, v), ([r for r in rounds if r in quiet], f"{v}, quiet rounds only")):
            walls, cpus, ratios, cells = [], [], [], []
            for r in subset:
                c = by_round[r]
                if all(k in c and c[k]["exit_code"] == 0 for k in (f"verify-{v}", "validate", "bare")):
                    base = c["validate"]["wall_s"] + c["bare"]["wall_s"]
                    walls.append(c[f"verify-{v}"]["wall_s"] - base)
                    cpus.append(c[f"verify-{v}"]["cpu_s"] - c["validate"]["cpu_s"] - c["bare"]["cpu_s"])
                    ratios.append(c[f"verify-{v}"]["wall_s"] / base)
                    cells.append(f"{walls[-1]:.2f}" + ("*" if r in quiet else ""))
            if subset is rounds and phase_rounds is rounds or subset is not rounds and phase_rounds is not rounds:
                own[v] = walls
            if subset is not rounds and not walls:
                continue
            out(f"| {name} | {len(walls)} | {spread(walls)} | {spread(cpus)} | {spread(ratios, 3)} | "
                f"{' '.join(cells) if subset is rounds else ''} |")
    out(f"* quiet: the machine's other work used less than {limit:g} cores during each command of the round "
        f"({len(quiet)} of {len(rounds)} rounds)")
    target = (TARGET_MS + TARGET_FURTHER_MS * (meta["scenarios"] - 1)) / 1000
    for v in variants:
        if own[v]:
            median = statistics.median(own[v])
            out(f"* {v} ({phase_subset}): median {median:.2f} s against the goal of at most {target:.1f} s: "
                f"{'met' if median <= target else f'{median - target:.2f} s over'}")
    for v in variants:
        out("")
        out(f"## Where the verify's time goes ({v}; seconds, median (min-max) over {phase_subset})")
        out("")
        out("| phase | verify | validate or bare Locust | plugin's own |")
        out("|---|---|---|---|")
        table = {key: ([], [], []) for key, _, _ in PHASES}
        skipped = []
        for r in phase_rounds:
            c = by_round[r]
            if not all(k in c for k in (f"verify-{v}", "validate", "bare")):
                continue
            ph, why = verify_phases(c[f"verify-{v}"])
            vph = validate_phases(c["validate"])
            bph = bare_phases(c["bare"])
            if ph is None or vph is None or bph is None:
                skipped.append(f"{r}: {why or 'validate or bare run incomplete'}")
                continue
            for key, _, against in PHASES:
                base = {"validate": vph, "bare": bph}.get(against, {}).get(key, 0.0)
                table[key][0].append(ph[key])
                table[key][1].append(base if against else None)
                table[key][2].append(ph[key] - base)
        for key, text, against in PHASES:
            verify_v, base_v, own_v = table[key]
            out(f"| {text} | {spread(verify_v)} | {spread(base_v) if against else '-'} | {spread(own_v)} |")
        sums = [sum(table[key][2][i] for key, _, _ in PHASES) for i in range(len(table["maven_start"][2]))]
        out(f"| **sum: the plugin's own time** | | | **{spread(sums)}** |")
        out(f"| sum without the load phase | | | {spread([x - y for x, y in zip(sums, table['load'][2])])} |")
        out("")
        out("The load phase is longer than the bare run's because the plugin's helper makes the test last its full "
            "run time (a bare Locust schedules its stop from a clock read before its slow start, so its test ends "
            "early); that part is no overhead to cut.")
        for s in skipped:
            out(f"* left out: {s}")
        jars = [by_round[r][f"verify-{v}"]["points"].get("realm_jars") for r in phase_rounds
                if f"verify-{v}" in by_round[r]]
        jars = [j for j in jars if j]
        if jars:
            out(f"* the plugin's class realm: {statistics.median(jars):.0f} jars")
        cpu_rows = []
        for r in phase_rounds:
            c = by_round[r].get(f"verify-{v}")
            if c and c["exit_code"] == 0:
                detect = process_cpu(c, ("detect-version", "detect-help", "dpkg"))
                run = process_cpu(c, ("locust-run", "locust-worker"))
                cpu_rows.append((c["cpu_s"], detect, run, c["cpu_s"] - detect - run, c["own_cpu_s"]))
        if cpu_rows:
            out("")
            out(f"CPU of the verify ({v}), s: total {spread([x[0] for x in cpu_rows])}; the `locust -V` and "
                f"`--help` processes {spread([x[1] for x in cpu_rows])}; the Locust run "
                f"{spread([x[2] for x in cpu_rows])}; Maven's JVM (the rest) {spread([x[3] for x in cpu_rows])}. "
                f"This program's own CPU (target server, /proc polling) during a verify: "
                f"{spread([x[4] for x in cpu_rows])}.")
    debug = [r for r in records if r.get("debug")]
    if debug:
        d = debug[-1]["debug"]
        p = debug[-1]
        procs = p["processes"]
        detect = [q for q in procs if q["kind"] in ("detect-version", "detect-help", "dpkg")]
        steps = [("--- run line (plan computed, plugin descriptor read) to its dependencies resolved",
                  d["run_start"], d["dependencies_collected"]),
                 ("dependencies resolved to the class realm populated", d["dependencies_collected"],
                  d["realm_populated"]),
                 (f"class realm ({d['realm_jars']} jars) to the mojo loading (component discovery)",
                  d["realm_populated"], d["mojo_loading"]),
                 ("mojo loading to configured", d["mojo_loading"], d["configured"]),
                 ("configured to `locust -V` started", d["configured"],
                  min(q["start"] for q in detect) if detect else None),
                 ("`locust -V` started to the scenario line", min(q["start"] for q in detect) if detect else None,
                  d["scenario"]),
                 ("check: --- check line to configured", d["check_start"], d["check_configured"]),
                 ("check: configured to BUILD SUCCESS", d["check_configured"], d["build_end"])]
        out("")
        out(f"## Maven's plugin set-up in detail (one untimed `verify -X`, {p['wall_s']:.1f} s wall; "
            "-X itself slows Maven)")
        out("")
        out("| step | s |")
        out("|---|---|")
        for text, a, b in steps:
            out(f"| {text} | {fmt_s(None if a is None or b is None else b - a)} |")
    return "\n".join(lines) + "\n"


# -------------------------------------------------------------------------------------------------------- main


def is_quiet(records, limit):
    """Whether the machine's other work stayed below limit cores during each of the commands."""
    return all(r.get("others_cpu_s", 0) / r["wall_s"] < limit for r in records)


def round_line(label, by_command, variants):
    others = max(r["others_cpu_s"] / r["wall_s"] for r in by_command.values())
    parts = [f"{label:9}", f"others {others:.2f} cores"]
    for name, r in by_command.items():
        parts.append(f"{name} {r['wall_s']:.2f}/{r['cpu_s']:.2f}" + ("" if r["exit_code"] == 0
                                                                    else f" (exit {r['exit_code']})"))
    if all(k in by_command for k in ("validate", "bare")):
        base = by_command["validate"]["wall_s"] + by_command["bare"]["wall_s"]
        for v in variants:
            if f"verify-{v}" in by_command:
                parts.append(f"own[{v}] {by_command[f'verify-{v}']['wall_s'] - base:+.2f} s")
    return "  ".join(parts) + "   (wall/CPU s)"


def main(argv):
    args = parse_args(argv)
    root = repository_root()
    work = (args.work or root / "target" / "overhead").resolve()
    results = work / "overhead-results.jsonl"
    meta_path = work / "overhead-meta.json"
    summary_path = work / "overhead-summary.md"
    if args.summarize_only:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        records = [json.loads(line) for line in results.read_text(encoding="utf-8").splitlines() if line.strip()]
        text = summarize(meta, records)
        summary_path.write_text(text, encoding="utf-8")
        print(text)
        return 0
    if not Path("/proc/self/stat").exists():
        sys.exit("This benchmark reads /proc (Linux).")
    bench = Bench(args, root, work)
    for path in (bench.project, bench.logs):
        shutil.rmtree(path, ignore_errors=True)
    for path in (results, meta_path, summary_path):
        path.unlink(missing_ok=True)
    bench.logs.mkdir(parents=True)
    if not args.skip_install:
        print("Installing the plugin of this checkout (./mvnw -B -q install -DskipTests -Dinvoker.skip=true) ...",
              flush=True)
        with open(bench.logs / "install.log", "w", encoding="utf-8") as out:
            if subprocess.run([str(root / "mvnw"), "-B", "-q", "install", "-DskipTests", "-Dinvoker.skip=true"],
                              cwd=root, stdout=out, stderr=subprocess.STDOUT).returncode != 0:
                sys.exit(f"Installing the plugin failed; see {bench.logs / 'install.log'}")
    jar = (Path.home() / ".m2" / "repository" / "dev" / "locustmaven" / "locust-maven-plugin" / bench.version
           / f"locust-maven-plugin-{bench.version}.jar")
    jar_sum = sha256(jar)
    if jar_sum is None:
        sys.exit(f"No installed plugin at {jar}; leave out --skip-install")
    copy_project(root / "benchmarks" / "overhead" / "project", bench.project, args.scenarios)
    bench.locust = args.locust.resolve() if args.locust else bench.managed_locust()
    bench.target = Target()
    meta = {"command": "python3 benchmarks/overhead/overhead.py" + (" " + " ".join(argv) if argv else ""),
            "started": now_iso(), "commit": git_commit(root), "plugin_version": bench.version,
            "cores": os.cpu_count(), "loadavg_start": load_average(), "rounds": args.rounds, "warmup": args.warmup,
            "run_time": args.run_time, "scenarios": args.scenarios, "variants": args.variants,
            "quiet_cores": args.quiet_cores,
            "locust": f"Locust {args.locust_version} (managed)" if not args.locust else str(bench.locust),
            "locust_executable": str(bench.locust), "target_port": bench.target.port}
    print(f"Target server on 127.0.0.1:{bench.target.port}; work in {work}", flush=True)
    if not args.locust and not bench.locust.exists():
        print(f"The first verify installs Locust {args.locust_version} into {bench.cache} (not counted) ...",
              flush=True)
        setup = bench.run("verify-managed", "managed", "setup")
        if setup["exit_code"] != 0 or not bench.locust.exists():
            sys.exit(f"The set-up build failed; see {setup['log']}")
    if args.locust:
        version = subprocess.run([str(bench.locust), "-V"], capture_output=True, text=True).stdout.strip()
        meta["locust"] = version or meta["locust"]
    try:
        with open(results, "w", encoding="utf-8") as out:
            labels = [f"warmup-{i + 1}" for i in range(args.warmup)] + [f"round-{i + 1}" for i in range(args.rounds)]
            quiet_rounds = 0
            number = -1
            while True:
                number += 1
                if number >= len(labels):
                    if quiet_rounds >= args.until_quiet or number >= args.warmup + 4 * args.rounds:
                        break
                    labels.append(f"round-{number - args.warmup + 1}")
                label = labels[number]
                if args.wait_quiet > 0:
                    wait_until_quiet(args.quiet_cores, args.wait_quiet)
                by_command = {}
                for name, variant in bench.commands_of_round(number):
                    record = bench.run(name, variant, label)
                    by_command[name] = record
                    out.write(json.dumps(record) + "\n")
                    out.flush()
                print(round_line(label, by_command, args.variants), flush=True)
                if label.startswith("round-") and is_quiet(by_command.values(), args.quiet_cores):
                    quiet_rounds += 1
                if sha256(jar) != jar_sum:
                    meta["plugin_jar_changed"] = f"after {label}"
                    print(f"WARNING: {jar} changed during {label}; another build installed over it", flush=True)
                    jar_sum = sha256(jar)
            if args.debug_build:
                record = bench.run("verify-" + args.variants[0], args.variants[0], "debug", debug=True)
                out.write(json.dumps(record) + "\n")
    finally:
        bench.target.close()
    meta["finished"] = now_iso()
    meta["loadavg_end"] = load_average()
    meta_path.write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    records = [json.loads(line) for line in results.read_text(encoding="utf-8").splitlines() if line.strip()]
    text = summarize(meta, records)
    summary_path.write_text(text, encoding="utf-8")
    print()
    print(text)
    print(f"Written to {summary_path}; per-command records in {results}; logs in {bench.logs}")
    return 0


def copy_project(source, target, scenarios):
    """Copies the template; with more than one scenario, lists them in the pom and gives each a baseline."""
    shutil.copytree(source, target)
    if scenarios == 1:
        return
    names = ["bench"] + [f"bench{i}" for i in range(2, scenarios + 1)]
    pom = target / "pom.xml"
    xml = "<scenarios>" + "".join(f"<scenario><name>{n}</name></scenario>" for n in names) + "</scenarios>"
    pom.write_text(pom.read_text(encoding="utf-8").replace("<!--SCENARIOS-->", xml), encoding="utf-8")
    baseline = target / "docs" / "performance-baselines.json"
    one = json.loads(baseline.read_text(encoding="utf-8"))["bench"]
    baseline.write_text(json.dumps({n: one for n in names}, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
