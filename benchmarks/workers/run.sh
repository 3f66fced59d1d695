#!/usr/bin/env bash
# Requests per second of the same load with 1 and 2 local Locust workers against a fast local target, and the ratio.
# Usage: benchmarks/workers/run.sh [run time, default 20s]. Needs the test venv Locust (.ci/run installs it).
set -euo pipefail
cd "$(dirname "$0")"
ROOT=../..
RUN_TIME="${1:-20s}"
"$ROOT/mvnw" -q -B -f "$ROOT/pom.xml" install -DskipTests -Dinvoker.skip=true

declare -A RPS
for WORKERS in 1 2; do
  LOG="target/bench-workers-$WORKERS.log"
  mkdir -p target
  "$ROOT/mvnw" -B -f pom.xml verify -Dlocust.workers="$WORKERS" -Dlocust.runTime="$RUN_TIME" > "$LOG"
  LINE=$(grep -E '\[INFO\] bench: [0-9]+ requests' "$LOG")
  RPS[$WORKERS]=$(sed -E 's/.* ([0-9.]+) req\/s.*/\1/' <<< "$LINE")
  echo "workers=$WORKERS: ${LINE#*bench: }"
done
echo "requests per second: 1 worker ${RPS[1]}, 2 workers ${RPS[2]}, ratio $(awk "BEGIN {printf \"%.2f\", ${RPS[2]} / ${RPS[1]}}")"
