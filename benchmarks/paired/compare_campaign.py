#!/usr/bin/env python3
"""A/A and A/B campaign of locust:compare on benchmarks/paired, side by side with the plain check of the same builds.

Every build is `mvn verify -Pperf` of benchmarks/paired (a copy in <work>/project): locust:compare starts
paired_service.py twice (base and change), runs 3 pairs (or --pairs) of runs A B B A A B, and check judges the change
against the base (target/locust/comparison.json); in the same build a second check execution judges the change's
first run against the committed baseline as a plain `run` + `check` build would (target/locust/against-baseline/
verdict.json, never failing the build). A/B builds slow one endpoint of the change (-Dpaired.slow, -Dpaired.factor).

Protocol:
 1. Unless --skip-install, install the plugin of this checkout into <work>/m2 (every build reads it from there).
 2. Copy benchmarks/paired to <work>/project, pick two free ports on 127.0.0.1. With --busy K start K CPU-bound
    processes (python3 -c "while True: pass") and stop them when the campaign ends, however it ends.
 3. Baseline: one A/A build, then `locust:baseline -Dlocust.resultsDirectory=target/locust/compare/change-1` (by its full coordinates,
    with -Pperf: the plugin is declared in the profile only)
    promotes its first change run to <work>/project/docs/performance-baselines.json, as a team takes its baseline
    from its CI runner.
 4. --aa A/A builds, then for each of --factors, --ab builds with --endpoint slowed by that factor. target/ is deleted
    before every build; each build's output is in <work>/logs/<phase>-<n>.log.
 5. After every build one JSON line goes to <work>/<name>-results.jsonl (exit code, the comparison's and the plain
    check's verdict, their failed and warned checks, the slowed endpoint's ratio and interval for avg and p95) and
    one line to the terminal; at the end the summary table is printed and written to <work>/<name>-summary.md.
    --summarize-only rebuilds it from the results file.

Python 3 standard library only. Usage: python3 benchmarks/paired/compare_campaign.py --help
"""

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
TARGET = Path(__file__).resolve().parent


def arguments():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--work", type=Path, required=True, help="a folder of its own for the copy, logs and results")
    p.add_argument("--name", default="paired", help="the results' file names: <name>-results.jsonl, <name>-summary.md")
    p.add_argument("--aa", type=int, default=20, help="A/A builds")
    p.add_argument("--ab", type=int, default=20, help="A/B builds per factor")
    p.add_argument("--factors", default="1.2,1.1", help="comma-separated slowdowns of --endpoint")
    p.add_argument("--endpoint", default="GET /search", help="the Locust name of the endpoint to slow down")
    p.add_argument("--pairs", type=int, default=3)
    p.add_argument("--busy", type=int, default=0, help="CPU-bound processes to run beside the builds")
    p.add_argument("--skip-install", action="store_true", help="use the plugin already in <work>/m2")
    p.add_argument("--maven-arg", action="append", default=[], help="one more argument for every build")
    p.add_argument("--summarize-only", action="store_true")
    return p.parse_args()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def maven(work, args, log):
    command = [str(REPO / "mvnw"), "-B", "-f", str(work / "project" / "pom.xml"),
               f"-Dmaven.repo.local={work / 'm2'}",
               f"-Dmaven.repo.local.tail={Path.home() / '.m2' / 'repository'}"] + args
    with open(log, "w") as out:
        return subprocess.run(command, stdout=out, stderr=subprocess.STDOUT).returncode


def read_json(path):
    return json.loads(path.read_text()) if path.is_file() else None


def build(work, phase, number, ports, endpoint, factor, pairs, extra):
    shutil.rmtree(work / "project" / "target", ignore_errors=True)
    log = work / "logs" / f"{phase}-{number}.log"
    args = ["verify", "-Pperf", f"-Dpaired.base.port={ports[0]}", f"-Dpaired.change.port={ports[1]}",
            f"-Dlocust.pairs={pairs}"]
    if factor != 1.0:
        args += [f"-Dpaired.slow={endpoint}", f"-Dpaired.factor={factor}"]
    started = time.time()
    code = maven(work, args + extra, log)
    target = work / "project" / "target" / "locust"
    comparison = read_json(target / "comparison.json")
    verdict = read_json(target / "against-baseline" / "verdict.json")
    if comparison is None or verdict is None:
        raise SystemExit(f"{log}: the build wrote no comparison.json or no against-baseline/verdict.json (exit code"
                         f" {code}); see its log")
    if (code != 0) != (comparison["verdict"] == "FAIL"):
        raise SystemExit(f"{log}: exit code {code} disagrees with the comparison's verdict {comparison['verdict']}")
    slowed = {c["metric"]: {k: c[k] for k in ("ratio", "ci_low", "ci_high", "status")}
              for c in comparison["checks"] if c["endpoint"] == endpoint}
    return {
        "phase": phase, "build": number, "factor": factor, "exit_code": code, "seconds": round(time.time() - started),
        "compare": comparison["verdict"],
        "compare_failed": [f"{c['endpoint']}/{c['metric']}" for c in comparison["checks"] if c["status"] == "FAIL"],
        "compare_warned": [f"{c['endpoint']}/{c['metric']}" for c in comparison["checks"] if c["status"] == "WARN"],
        "check": verdict["verdict"],
        "check_failed": [f"{c.get('endpoint')}/{c['metric']}" for c in verdict["checks"] if c["status"] == "FAIL"],
        "check_warned": [f"{c.get('endpoint')}/{c['metric']}" for c in verdict["checks"] if c["status"] == "WARN"],
        "slowed": slowed,
    }


def summary(rows, endpoint):
    """Per phase: builds the comparison and the plain check failed and warned; for the slowed endpoint, the builds whose
    comparison FAILed it, whose interval of its average or p95 lay above 1, and whose plain check FAILed it; the FAILs
    of other endpoints (a slowdown of one endpoint that the other ones seem to share); the median build's ratio and
    interval of the slowed endpoint's average."""
    lines = ["| phase | builds | compare FAIL | compare WARN | check FAIL | check WARN |"
             f" {endpoint}: compare FAIL | {endpoint}: interval above 1 | {endpoint}: check FAIL |"
             " builds with a FAIL of another endpoint, compare / check | its avg ratio, median [interval] |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    phases = []
    for r in rows:
        if r["phase"] not in phases:
            phases.append(r["phase"])
    for phase in phases:
        rs = [r for r in rows if r["phase"] == phase]
        n = len(rs)
        caught = sum(1 for r in rs if any(s["status"] == "FAIL" for s in r["slowed"].values()))
        above = sum(1 for r in rs if any((s["ci_low"] or 0) > 1 for s in r["slowed"].values()))
        check_caught = sum(1 for r in rs if any(f.startswith(endpoint + "/") for f in r["check_failed"]))
        compare_elsewhere = sum(1 for r in rs if any(not f.startswith(endpoint + "/") for f in r["compare_failed"]))
        check_elsewhere = sum(1 for r in rs if any(not f.startswith(endpoint + "/") for f in r["check_failed"]))
        avg = sorted((r["slowed"].get("avg_latency_ms") or {}).get("ratio") or 0 for r in rs)
        mid = rs[[x["slowed"].get("avg_latency_ms", {}).get("ratio") for x in rs].index(avg[n // 2])] if n else None
        interval = ""
        if mid and "avg_latency_ms" in mid["slowed"]:
            s = mid["slowed"]["avg_latency_ms"]
            interval = f"{s['ratio']} [{s['ci_low']}, {s['ci_high']}]"
        lines.append(f"| {phase} | {n} | {sum(r['compare'] == 'FAIL' for r in rs)} | {sum(r['compare'] == 'WARN' for r in rs)}"
                     f" | {sum(r['check'] == 'FAIL' for r in rs)} | {sum(r['check'] == 'WARN' for r in rs)}"
                     f" | {caught} of {n} | {above} of {n} | {check_caught} of {n}"
                     f" | {compare_elsewhere} / {check_elsewhere} | {interval} |")
    return "\n".join(lines) + "\n"


def main():
    a = arguments()
    work = a.work.resolve()
    results = work / f"{a.name}-results.jsonl"
    if a.summarize_only:
        rows = [json.loads(line) for line in results.read_text().splitlines() if line.strip()]
        text = summary(rows, a.endpoint)
        (work / f"{a.name}-summary.md").write_text(text)
        print(text)
        return
    (work / "logs").mkdir(parents=True, exist_ok=True)
    if not a.skip_install:
        subprocess.run([str(REPO / "mvnw"), "-B", "-q", "install", "-DskipTests", "-Dinvoker.skip=true",
                        f"-Dmaven.repo.local={work / 'm2'}",
                        f"-Dmaven.repo.local.tail={Path.home() / '.m2' / 'repository'}"], cwd=REPO, check=True)
    shutil.rmtree(work / "project", ignore_errors=True)
    shutil.copytree(TARGET, work / "project", ignore=shutil.ignore_patterns("target", "docs", "results", "__pycache__"))
    ports = (free_port(), free_port())
    busy = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(a.busy)]
    try:
        print(f"Baseline build (ports {ports[0]}, {ports[1]}{f', {a.busy} busy processes' if a.busy else ''})",
              flush=True)
        shutil.rmtree(work / "project" / "target", ignore_errors=True)
        args = ["verify", "-Pperf", f"-Dpaired.base.port={ports[0]}", f"-Dpaired.change.port={ports[1]}",
                f"-Dlocust.pairs={a.pairs}", "-Dlocust.haltOnFailure=false"]
        maven(work, args + a.maven_arg, work / "logs" / "baseline-build.log")
        code = maven(work, ["-Pperf", "dev.locustmaven:locust-maven-plugin:0.1.0-SNAPSHOT:baseline",
                            "-Dlocust.resultsDirectory=target/locust/compare/change-1"],
                     work / "logs" / "baseline-promote.log")
        if code != 0:
            raise SystemExit(f"locust:baseline failed; see {work / 'logs' / 'baseline-promote.log'}")
        plan = [("A/A", 1.0, a.aa)] + [(f"x{f}", float(f), a.ab) for f in a.factors.split(",") if f]
        with open(results, "a") as out:
            for phase, factor, count in plan:
                for n in range(1, count + 1):
                    row = build(work, phase.replace("/", ""), n, ports, a.endpoint, factor, a.pairs, a.maven_arg)
                    row["phase"] = phase
                    out.write(json.dumps(row) + "\n")
                    out.flush()
                    avg = row["slowed"].get("avg_latency_ms", {})
                    print(f"{phase} {n}/{count}: compare {row['compare']} {row['compare_failed'] or ''}"
                          f" | check {row['check']} {row['check_failed'] or ''}"
                          f" | {a.endpoint} avg ratio {avg.get('ratio')} [{avg.get('ci_low')}, {avg.get('ci_high')}]"
                          f" | {row['seconds']} s", flush=True)
    finally:
        for p in busy:
            p.kill()
    rows = [json.loads(line) for line in results.read_text().splitlines() if line.strip()]
    text = summary(rows, a.endpoint)
    (work / f"{a.name}-summary.md").write_text(text)
    print(text)


if __name__ == "__main__":
    main()
