"""A stand-in for three services (an API gateway, a retrieval service and a tool server) on one loopback port.

Each route sleeps for its base latency, +-20%, like a service whose own work dominates its response time; the bases
are large enough that the CPU contention of a busy 2-core build machine (Locust and this server share it) adds noise
but does not decide the percentiles. DEMO_SLOWDOWN multiplies them (1.0 = normal), which is how tests and the A/A and
A/B campaign (benchmarks/campaign) inject a regression. Usage: demo_service.py PORT
"""

import json
import os
import random
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SLOWDOWN = float(os.environ.get("DEMO_SLOWDOWN", "1.0"))
# Base latency in seconds per route, before the slowdown factor.
ROUTES = {
    ("GET", "/health"): 0.002,
    ("GET", "/api/items"): 0.030,
    ("POST", "/rag/query"): 0.080,
    ("POST", "/rag/index"): 0.160,
    ("POST", "/mcp/tools/run"): 0.050,
}
# A deterministic stream so that repeated runs have comparable failure counts.
rng = random.Random(42)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def _serve(self, method):
        path = self.path.split("?", 1)[0]
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        base = ROUTES.get((method, path))
        if base is None:
            self._reply(404, {"error": "no such route"})
            return
        time.sleep(base * SLOWDOWN * (0.8 + 0.4 * rng.random()))
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

    def handle_error(self, request, client_address):
        # Load generators close connections abruptly when a run ends; that is not an error of the service.
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


if __name__ == "__main__":
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 8089
    server = QuietServer(("127.0.0.1", port), Handler)
    print(f"demo service listening on http://127.0.0.1:{port} (slowdown {SLOWDOWN})", flush=True)
    server.serve_forever()
