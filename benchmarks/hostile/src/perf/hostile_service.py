"""A hostile stand-in for three services (an API gateway, a retrieval service and a tool server) on one loopback port.

It is built to make performance verdicts hard, the way real services do:

- base latencies are lognormal around a per-endpoint median (10 to 120 ms), with a spread, and 2% of each request's
  time is CPU work, so a busy machine stretches it a little (most of it is waiting, as for a service whose time goes to
  its own back ends);
- rare slow outliers: each request, independently and at random, takes OUTLIER_FACTOR (3) times as long with
  probability OUTLIER_PROBABILITY (3%);
- a cold start: the first COLD_REQUESTS requests after the process started are slower, the first one COLD_FACTOR
  times, fading linearly to normal;
- the load generator (src/perf/locustfile.py) sends only 20 to 50 requests per run to one endpoint of each service
  ("thin" endpoints) and a few hundred to the others.

The random stream is seeded from the operating system, so every build draws new latencies (HOSTILE_SEED makes a
process reproducible). HOSTILE_SLOWDOWN multiplies the latency of the one endpoint HOSTILE_ENDPOINT names (its
Locust request name, such as "index", or its path, such as /rag/index), or of every endpoint of the service it names
(such as rag_service), which is how an A/B campaign injects a regression; 1.0 (the default) changes nothing, and
"none" (the default endpoint) names none. An unknown name is an error, so that a typo cannot turn an A/B build into an
A/A one. GET /ready answers at once and is not counted as a request of any service.

Usage: hostile_service.py PORT
"""

import json
import math
import os
import random
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# (method, path) -> (Locust request name, median latency in seconds, lognormal sigma)
ROUTES = {
    ("GET", "/api/items"): ("GET /api/items", 0.030, 0.25),
    ("GET", "/api/health"): ("GET /api/health", 0.010, 0.30),
    ("POST", "/rag/query"): ("query", 0.080, 0.25),
    ("POST", "/rag/index"): ("index", 0.120, 0.30),
    ("POST", "/mcp/tools/list"): ("list_tools", 0.015, 0.30),
    ("POST", "/mcp/tools/run"): ("tool", 0.050, 0.30),
}
OUTLIER_PROBABILITY = 0.03
OUTLIER_FACTOR = 3.0
COLD_REQUESTS = 20
COLD_FACTOR = 3.0
CPU_SHARE = 0.02
# service -> the path prefix of its endpoints
SERVICES = {"api_gateway": "/api/", "rag_service": "/rag/", "mcp_server": "/mcp/"}


def endpoint_names():
    return {name for name, _, _ in ROUTES.values()} | {path for _, path in ROUTES} | set(SERVICES)


def slowed(name, path):
    """True when HOSTILE_ENDPOINT names this endpoint, or the service it belongs to."""
    return ENDPOINT in (name, path) or (ENDPOINT in SERVICES and path.startswith(SERVICES[ENDPOINT]))


SLOWDOWN = float(os.environ.get("HOSTILE_SLOWDOWN", "1.0"))
ENDPOINT = os.environ.get("HOSTILE_ENDPOINT", "").strip()
if ENDPOINT == "none":
    ENDPOINT = ""
if SLOWDOWN <= 0:
    sys.exit(f"HOSTILE_SLOWDOWN must be positive, not {SLOWDOWN}")
if ENDPOINT and ENDPOINT not in endpoint_names():
    sys.exit(f"HOSTILE_ENDPOINT {ENDPOINT!r} names no endpoint; expected one of {sorted(endpoint_names())}")
if SLOWDOWN != 1.0 and not ENDPOINT:
    sys.exit(f"HOSTILE_SLOWDOWN is {SLOWDOWN} but HOSTILE_ENDPOINT names no endpoint to slow down")

seed = os.environ.get("HOSTILE_SEED")
rng = random.Random(int(seed) if seed else None)
lock = threading.Lock()
served = 0


def latency(name, path, median, sigma):
    """The seconds one request of this endpoint takes: lognormal, maybe an outlier, maybe cold, maybe slowed down."""
    global served
    with lock:
        served += 1
        order = served
        seconds = median * math.exp(sigma * rng.gauss(0.0, 1.0))
        if rng.random() < OUTLIER_PROBABILITY:
            seconds *= OUTLIER_FACTOR
    if order <= COLD_REQUESTS:
        seconds *= 1 + (COLD_FACTOR - 1) * (COLD_REQUESTS - order + 1) / COLD_REQUESTS
    if slowed(name, path):
        seconds *= SLOWDOWN
    return seconds


def spend(seconds):
    """CPU work for a share of the time, then sleep: a busy machine stretches the first part."""
    end_of_work = time.perf_counter() + seconds * CPU_SHARE
    x = 0
    while time.perf_counter() < end_of_work:
        x += 1
    remaining = seconds * (1 - CPU_SHARE)
    if remaining > 0:
        time.sleep(remaining)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def _serve(self, method):
        path = self.path.split("?", 1)[0]
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        if (method, path) == ("GET", "/ready"):
            self._reply(200, {"ready": True})
            return
        route = ROUTES.get((method, path))
        if route is None:
            self._reply(404, {"error": "no such route"})
            return
        name, median, sigma = route
        spend(latency(name, path, median, sigma))
        if path == "/mcp/tools/run" and self.headers.get("X-Tool") == "shell":
            self._reply(403, {"error": "sandbox violation: shell is not allowed"})
            return
        self._reply(200, {"ok": True, "path": path})

    def _reply(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        self._serve("GET")

    def do_POST(self):
        self._serve("POST")


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True
    # All users of a scenario connect at once; the default backlog of 5 would drop connections and add 1-second SYN
    # retransmissions, an accident of the socket rather than the designed hostility.
    request_queue_size = 128

    def handle_error(self, request, client_address):
        # Load generators close connections abruptly when a run ends; that is not an error of the service.
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


if __name__ == "__main__":
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 8089
    server = QuietServer(("127.0.0.1", port), Handler)
    target = f", endpoint {ENDPOINT}" if ENDPOINT else ""
    print(f"hostile service listening on http://127.0.0.1:{port} (slowdown {SLOWDOWN}{target})", flush=True)
    server.serve_forever()
