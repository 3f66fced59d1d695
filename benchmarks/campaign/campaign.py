#!/usr/bin/env python3
"""End-to-end A/A and A/B campaign of locust-maven-plugin on the quickstart example (issue 4, item 7).

Builds examples/quickstart many times through real Maven (`mvn verify -Pperf`: the plugin's `run` and `check` goals
with real Locust), unchanged (A/A) and with the demo service slowed down (A/B: -Ddemo.slowdown=S multiplies its
latencies), and counts the builds the whole plugin failed or warned: false fails and detections, end to end.

Protocol:
 1. Unless --skip-install: `./mvnw -B -q install -DskipTests -Dinvoker.skip=true` in the repository root, so that the
    quickstart uses the plugin of this checkout.
 2. Copy examples/quickstart, without target/ and docs/performance-trends.jsonl, to <work>/project. Pick a free TCP
    port on 127.0.0.1 and pass -Ddemo.port=<port> to every build. Nothing of the checkout is written but <work>.
 3. Warm-up: --warmup builds at slowdown 1.0 record history, then `locust:baseline -Dlocust.baselineRuns=<warmup>`
    promotes their median, as a team takes its baseline from its CI runner. Promoting starts a new history segment.
 4. A/A: --aa builds at slowdown 1.0, history accumulating. The statistical gate judges a series once it has
    --min-history runs since the promotion (passed as -Dlocust.minHistory), so the first builds are judged by the
    threshold rules alone; the summary reports both parts.
 5. A/B: for each of --slowdowns, --ab builds. Before each, the history file is restored to its state after the A/A
    phase, so every build is an independent "first regressing build" trial. With --ab-sequence the history is restored
    only at the start of a level and kept between its builds (a regression that stays); the summary then says in
    which build of the sequence it was first caught.
 6. Before every build <project>/target is deleted (confirmation reruns must not carry over). A build is
    `<repo>/mvnw -B -f <project>/pom.xml verify -Pperf -Ddemo.port=P -Ddemo.slowdown=S -Dlocust.minHistory=N` plus
    every --maven-arg; its output goes to <work>/logs/<phase>-<n>.log.
 7. After each build one JSON line goes to <work>/campaign-results.jsonl (exit code, verdict, failed and warned checks
    split into threshold rules and the statistical gate, confirmation reruns, each service's p95 / average latency /
    rps as the plugin recorded them in the history, the promoted baseline's, wall time) and one line to the terminal.
    A build without verdict.json, or whose exit code disagrees with its verdict, is an error, never a pass.
 8. At the end the summary is printed and written to <work>/campaign-summary.md. --summarize-only rebuilds it from an
    existing results file, so an interrupted campaign still yields numbers.

Python 3 standard library only. Usage: python3 benchmarks/campaign/campaign.py --help
"""

import argparse
import datetime
import json
import math
import os
import shlex
import shutil
import socket
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

SERVICES = ("api_gateway", "rag_service", "mcp_server")
SHORT_NAMES = {"api_gateway": "api", "rag_service": "rag", "mcp_server": "mcp"}
RECORDED_METRICS = ("p95_latency_ms", "avg_latency_ms", "rps")
GATE_RULE = "statistical gate"
HISTORY_FILE = "performance-trends.jsonl"
BASELINE_FILE = "performance-baselines.json"
PHASE_LABELS = {"warmup": "warm-up", "aa": "A/A", "ab": "A/B"}


@dataclass(frozen=True)
class Campaign:
    """Where a campaign lives and what every build gets."""

    root: Path
    work: Path
    port: int
    min_history: int
    maven_args: tuple

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


def results_file(work):
    return work / "campaign-results.jsonl"


def meta_file(work):
    return work / "campaign-meta.json"


def summary_file(work):
    return work / "campaign-summary.md"


def saved_history_file(work):
    return work / "history-after-aa.jsonl"


# ---------------------------------------------------------------------------------------------------------- setup


def parse_args(argv):
    parser = argparse.ArgumentParser(
        description="A/A and A/B campaign of the quickstart through real Maven and Locust (see the module docstring).")
    parser.add_argument("--work", type=Path, help="work directory [target/campaign under the repository root]")
    parser.add_argument("--skip-install", action="store_true", help="use the plugin already in ~/.m2")
    parser.add_argument("--warmup", type=int, default=5,
                        help="builds whose median becomes the baseline [5]; 0 keeps the quickstart's committed one")
    parser.add_argument("--aa", type=int, default=30, help="unchanged builds [30]")
    parser.add_argument("--ab", type=int, default=10, help="slowed-down builds per slowdown [10]")
    parser.add_argument("--slowdowns", default="1.25,1.6", help="comma-separated latency factors [1.25,1.6]")
    parser.add_argument("--ab-sequence", action="store_true",
                        help="keep the history between the A/B builds of a level instead of restoring it")
    parser.add_argument("--min-history", type=int, default=10,
                        help="runs since the promotion before the statistical gate judges (locust.minHistory) [10]")
    parser.add_argument("--maven-arg", action="append", default=[], metavar="ARG",
                        help="extra argument for every build, repeatable; write it with '=' as in "
                             "--maven-arg=-Dlocust.statisticalGate=fail")
    parser.add_argument("--summarize-only", action="store_true",
                        help="print the summary of an existing <work>/campaign-results.jsonl and exit")
    args = parser.parse_args(argv)
    args.slowdowns = [float(s) for s in args.slowdowns.split(",") if s.strip()]
    for name in ("warmup", "aa", "ab"):
        if getattr(args, name) < 0:
            parser.error(f"--{name} must not be negative")
    return args


def repository_root():
    return Path(__file__).resolve().parents[2]


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


def clean_work_directory(work):
    """Removes what an earlier campaign left in the work directory, and nothing else."""
    for path in (work / "project", work / "logs"):
        shutil.rmtree(path, ignore_errors=True)
    for path in (results_file(work), meta_file(work), summary_file(work), saved_history_file(work)):
        path.unlink(missing_ok=True)
    (work / "logs").mkdir(parents=True)


def install_plugin(root, log):
    print("Installing the plugin of this checkout (./mvnw -B -q install -DskipTests -Dinvoker.skip=true) ...",
          flush=True)
    command = [str(root / "mvnw"), "-B", "-q", "install", "-DskipTests", "-Dinvoker.skip=true"]
    if run_logged(command, root, log) != 0:
        sys.exit(f"Installing the plugin failed; see {log}")


def copy_project(source, target):
    """Copies the quickstart without its build output and its history, so the campaign starts from nothing."""

    def ignored(directory, names):
        here = Path(directory)
        if here == source:
            return {"target"} & set(names)
        if here == source / "docs":
            return {HISTORY_FILE} & set(names)
        return set()

    shutil.copytree(source, target, ignore=ignored)


def run_logged(command, cwd, log):
    """Runs a command with its whole output in the log file; returns its exit code."""
    with open(log, "w", encoding="utf-8") as out:
        out.write("$ " + shlex.join(command) + "\n\n")
        out.flush()
        return subprocess.run(command, cwd=cwd, stdout=out, stderr=subprocess.STDOUT).returncode


def promote_baseline(campaign, runs):
    log = campaign.logs / "promote-baseline.log"
    command = [campaign.mvnw(), "-B", "-f", str(campaign.project / "pom.xml"), "-Pperf", "locust:baseline",
               f"-Dlocust.baselineRuns={runs}", *campaign.maven_args]
    print(f"Promoting the median of the {runs} warm-up builds to the baseline (locust:baseline "
          f"-Dlocust.baselineRuns={runs}) ...", flush=True)
    if run_logged(command, campaign.root, log) != 0:
        sys.exit(f"Promoting the baseline failed; see {log}")


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


def service_values(by_service):
    """{service: {metric: value}} of the recorded metrics, from a baseline or a history record's services."""
    values = {}
    for service in SERVICES:
        metrics = by_service.get(service) or {}
        metrics = metrics.get("metrics", metrics)
        values[service] = {m: metrics.get(m) for m in RECORDED_METRICS}
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
               f"-Ddemo.port={campaign.port}", f"-Ddemo.slowdown={slowdown}",
               f"-Dlocust.minHistory={campaign.min_history}", *campaign.maven_args]
    record = {"phase": phase, "slowdown": slowdown, "build": number, "of": total, "started": now_iso(),
              "loadavg": load_average(), "log": str(log)}
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
        "baseline": service_values(baseline),
    })
    record.update(recorded_run(history_records(campaign.history), history_before, campaign.min_history))
    return record


def recorded_run(records, count_before, min_history):
    """What the build's history record says: the judged values, Locust's version and the runs of its segment."""
    if len(records) != count_before + 1:
        return {"values": service_values({}), "locust_version": None, "segment_runs_before": None,
                "gate_judged": None}
    record = records[-1]
    services = record.get("services", {})
    fingerprint = (services.get(SERVICES[0]) or {}).get("fingerprint", {})
    earlier = sum(1 for r in records[:-1] if r.get("segment") == record.get("segment"))
    return {"values": service_values(services), "locust_version": fingerprint.get("locust_version"),
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


def build_line(record):
    head = f"{phase_name(record):<10} {record['build']:>2}/{record['of']:<2}  {record['outcome']:<5}"
    if record["outcome"] == "ERROR":
        return f"{head}  {record['error']}; see {record['log']}  {record['wall_s']:.0f} s"
    p95 = " ".join(f"{SHORT_NAMES[s]} {format_number(record['values'][s]['p95_latency_ms'])}" for s in SERVICES)
    return (f"{head}  exit {record['exit_code']}  fails: {describe_checks(record['failed'])}  "
            f"warns: {describe_checks(record['warned'])}  rerun scenarios {record['rerun_scenarios']}  "
            f"p95 {p95} ms  {record['wall_s']:.0f} s")


def format_number(value):
    return "-" if value is None else f"{value:g}"


def append_result(work, record):
    with open(results_file(work), "a", encoding="utf-8") as f:
        f.write(json.dumps(record, sort_keys=True) + "\n")
    print(build_line(record), flush=True)


def run_phase(campaign, phase, slowdown, builds, restore_each=False):
    for number in range(1, builds + 1):
        if restore_each:
            restore_history(campaign)
        append_result(campaign.work, run_build(campaign, phase, slowdown, number, builds))


def save_history(campaign):
    if campaign.history.exists():
        shutil.copyfile(campaign.history, campaign.history_after_aa)


def restore_history(campaign):
    if campaign.history_after_aa.exists():
        shutil.copyfile(campaign.history_after_aa, campaign.history)
    else:
        campaign.history.unlink(missing_ok=True)


def run_campaign(args, work):
    root = repository_root()
    clean_work_directory(work)
    meta = {"command": shlex.join(["python3", *sys.argv]), "started": now_iso(), "git_commit": git_commit(root),
            "cores": os.cpu_count(), "load_start": load_average(), "min_history": args.min_history,
            "ab_sequence": args.ab_sequence}
    meta_file(work).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    if not args.skip_install:
        install_plugin(root, work / "logs" / "install.log")
    campaign = Campaign(root, work, free_port(), args.min_history, tuple(args.maven_arg))
    copy_project(root / "examples" / "quickstart", campaign.project)
    print(f"Project copied to {campaign.project}; demo service on 127.0.0.1:{campaign.port}; "
          f"build logs in {campaign.logs}", flush=True)
    try:
        run_phase(campaign, "warmup", 1.0, args.warmup)
        if args.warmup > 0:
            promote_baseline(campaign, args.warmup)
        run_phase(campaign, "aa", 1.0, args.aa)
        save_history(campaign)
        for slowdown in args.slowdowns:
            if args.ab_sequence:
                restore_history(campaign)
            run_phase(campaign, "ab", slowdown, args.ab, restore_each=not args.ab_sequence)
    except KeyboardInterrupt:
        print("\nInterrupted; the summary covers the builds so far.", flush=True)
    meta.update({"finished": now_iso(), "load_end": load_average()})
    meta_file(work).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")


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


def median_p95_changes(records):
    valid = [r for r in records if r["outcome"] != "ERROR"]
    return " / ".join(signed_pct(median_or_none([p95_change_pct(r, s) for r in valid])) for s in SERVICES)


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


def phase_table(grouped):
    lines = ["| phase | builds | failed (rule / gate / both) | warned | passed | errors | rerun scenarios per build "
             "| median p95 change vs baseline, api / rag / mcp | median wall time |",
             "|---|---|---|---|---|---|---|---|---|"]
    for name, records in grouped.items():
        valid = [r for r in records if r["outcome"] != "ERROR"]
        reruns = statistics.mean(r["rerun_scenarios"] for r in valid) if valid else 0
        wall = statistics.median(r["wall_s"] for r in records)
        lines.append(f"| {name} | {len(records)} | {count(records, 'FAIL')} ({failed_layers(records)}) "
                     f"| {count(records, 'WARN')} | {count(records, 'PASS')} | {count(records, 'ERROR')} "
                     f"| {reruns:.2f} | {median_p95_changes(records)} | {wall:.0f} s |")
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
    return lines + [""] + flag_tally(records)


def flag_tally(records, limit=8):
    """Which checks failed or warned the A/A builds, most frequent first."""
    tally = {}
    for record in records:
        for status, layers in (("FAIL", record["failed"]), ("WARN", record["warned"])):
            for layer, labels in layers.items():
                for label in labels:
                    key = f"{status} {label} ({layer})"
                    tally[key] = tally.get(key, 0) + 1
    if not tally:
        return ["No check failed or warned in the A/A builds."]
    ranked = sorted(tally.items(), key=lambda item: (-item[1], item[0]))
    lines = ["Checks that failed or warned A/A builds (builds with the check):", ""]
    lines += [f"- {key}: {n}" for key, n in ranked[:limit]]
    return lines + ([f"- {len(ranked) - limit} more"] if len(ranked) > limit else [])


def ab_section(grouped, sequence):
    levels = {name: records for name, records in grouped.items() if records[0]["phase"] == "ab"}
    mode = ("a sequence per slowdown, history kept between its builds" if sequence
            else "independent trials, history restored to its state after A/A before each build")
    lines = [f"## A/B: detections ({mode})", "",
             "| slowdown | builds | errors | detected (FAIL) | flagged (FAIL or WARN) | detected by rule / gate / both "
             "| median p95 change vs baseline, api / rag / mcp |", "|---|---|---|---|---|---|---|"]
    for name, records in levels.items():
        valid = len(records) - count(records, "ERROR")
        flagged = count(records, "FAIL") + count(records, "WARN")
        lines.append(f"| x{records[0]['slowdown']:g} | {len(records)} | {count(records, 'ERROR')} "
                     f"| {rate(count(records, 'FAIL'), valid)} | {rate(flagged, valid)} | {failed_layers(records)} "
                     f"| {median_p95_changes(records)} |")
    if sequence:
        lines += ["", "| slowdown | first failed at build | first flagged at build |", "|---|---|---|"]
        for records in levels.values():
            lines.append(f"| x{records[0]['slowdown']:g} | {first_build(records, ('FAIL',))} "
                         f"| {first_build(records, ('FAIL', 'WARN'))} |")
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


def shared_build_effect(valid):
    """The mean correlation, across builds, of the services' log average latencies: the share of the noise that a
    whole build shares (the reference note's rho), since the three scenarios run one after another in one build."""
    logs = {s: [math.log(r["values"][s]["avg_latency_ms"]) for r in valid if r["values"][s]["avg_latency_ms"]]
            for s in SERVICES}
    if any(len(v) != len(valid) or len(v) < 3 for v in logs.values()):
        return None
    pairs = [(a, b) for i, a in enumerate(SERVICES) for b in SERVICES[i + 1:]]
    try:
        return statistics.mean(statistics.correlation(logs[a], logs[b]) for a, b in pairs)
    except statistics.StatisticsError:
        return None


def noise_section(records):
    valid = [r for r in records if r["outcome"] != "ERROR"]
    lines = [f"## A/A run-to-run noise ({len(valid)} builds)", "",
             "Coefficient of variation (sample standard deviation / mean) of each value the plugin recorded per build, "
             "with the mean in brackets, and the lag-1 autocorrelation of the average latency (drift from build to "
             "build shows as a value well above 0):", "",
             "| service | p95 latency | average latency | rps | lag-1 autocorrelation of the average |",
             "|---|---|---|---|---|"]
    for service in SERVICES:
        cells = []
        for metric in RECORDED_METRICS:
            values = [r["values"][service][metric] for r in valid]
            cv = coefficient_of_variation(values)
            present = [v for v in values if v is not None]
            cells.append("-" if cv is None else f"{100 * cv:.1f}% ({statistics.mean(present):.4g})")
        autocorrelation = lag1_autocorrelation([r["values"][service]["avg_latency_ms"] for r in valid])
        cells.append("-" if autocorrelation is None else f"{autocorrelation:+.2f}")
        lines.append(f"| {service} | " + " | ".join(cells) + " |")
    shared = shared_build_effect(valid)
    if shared is not None:
        lines += ["", f"Shared build effect: the services' average latencies correlate by {shared:+.2f} across builds "
                      f"(the share of the noise a whole build shares, rho in the reference note's model)."]
    return lines


def header(meta, records):
    versions = sorted({r["locust_version"] for r in records if r.get("locust_version")})
    load_end = meta.get("load_end") or (f"not recorded (interrupted); at the start of the last build "
                                        f"{records[-1]['loadavg']}" if records else "not recorded")
    return ["# A/A and A/B campaign of the quickstart", "",
            f"- Command: `{meta.get('command', 'unknown')}`",
            f"- Started {meta.get('started', 'unknown')}, finished {meta.get('finished', 'not recorded')}",
            f"- Git commit: {meta.get('git_commit', 'unknown')}",
            f"- Locust: {', '.join(versions) or 'unknown'}",
            f"- Cores: {meta.get('cores', 'unknown')}; load average (1, 5, 15 min) at the start "
            f"{meta.get('load_start', 'unknown')}, at the end {load_end}",
            f"- minHistory: {meta.get('min_history', 'unknown')}; a build FAILED when Maven exited non-zero with "
            f"a FAIL verdict; values are the ones the plugin judged and recorded in the history (the median of the "
            f"run and its confirmation reruns when there were any)"]


def error_lines(records):
    errors = [r for r in records if r["outcome"] == "ERROR"]
    if not errors:
        return []
    return ["## Errors (not counted as passes)", ""] + [
        f"- {phase_name(r)} build {r['build']}: {r['error']}; log {r['log']}" for r in errors]


def summary(work):
    records = [json.loads(line) for line in results_file(work).read_text(encoding="utf-8").splitlines() if line]
    meta = read_json(meta_file(work)) or {}
    grouped = groups(records)
    aa = grouped.get(PHASE_LABELS["aa"], [])
    lines = header(meta, records) + ["", "## Builds per phase", ""] + phase_table(grouped) + [""]
    if aa:
        lines += aa_section(aa) + [""] + noise_section(aa) + [""]
    if any(r["phase"] == "ab" for r in records):
        lines += ab_section(grouped, meta.get("ab_sequence", False)) + [""]
    lines += error_lines(records)
    return "\n".join(lines).rstrip() + "\n"


def main(argv):
    args = parse_args(argv)
    work = (args.work or repository_root() / "target" / "campaign").resolve()
    if not args.summarize_only:
        run_campaign(args, work)
    if not results_file(work).exists():
        sys.exit(f"No results at {results_file(work)}")
    text = summary(work)
    summary_file(work).write_text(text, encoding="utf-8")
    print("\n" + text + f"\n(written to {summary_file(work)})")


if __name__ == "__main__":
    main(sys.argv[1:])
