#!/usr/bin/env bash
# Regenerates the Locust results the invoker ITs check: a real run of each service of the quickstart's demo against
# the demo service on 127.0.0.1. Usage: generate-results.sh <locust executable> <output dir> [slowdown]
set -euo pipefail
LOCUST=${1:?locust executable}
OUT=${2:?output dir}
SLOWDOWN=${3:-1.0}
HERE=$(cd "$(dirname "$0")" && pwd)
PERF="$HERE/../../examples/quickstart/src/perf"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')

DEMO_SLOWDOWN="$SLOWDOWN" python3 "$PERF/demo_service.py" "$PORT" &
SERVER=$!
trap 'kill $SERVER' EXIT
sleep 1

run() {
  local service=$1 class=$2
  mkdir -p "$OUT/$service"
  rm -f "$OUT/$service"/*
  (cd "$OUT/$service" && "$LOCUST" -f "$PERF/locustfile.py" "$class" --headless -u 4 -r 4 -t 8s \
      --host "http://127.0.0.1:$PORT" --csv run --json-file run --exit-code-on-error 3 \
      >console.log 2>&1) || true
}
run api_gateway ApiGatewayUser
run rag_service RagServiceUser
run mcp_server McpServerUser
