"""The test target of a paired comparison: one shop service, started twice on two ports, as the base and the change.

Both instances serve the same endpoints with the same latencies, drawn at random per request, so a comparison of the
two (A/A) must find nothing; --slow NAME --factor F makes one endpoint of one instance F times slower (A/B), the
regression a comparison must find. The latencies are built to be realistic rather than kind:

- lognormal around a per-endpoint median (4 to 20 ms, sigma 0.3 to 0.4), with 2% of each request's time spent as CPU
  work, so a busy machine stretches it a little, as for a service whose time mostly goes to its own back ends;
- rare slow outliers: any request, independently, takes 3 times as long with probability 2%;
- a cold start: the first 30 requests after the process started are slower, the first one 3 times, fading linearly,
  which a warm-up must absorb;
- two thin endpoints, which the locustfile calls at a fixed pace (a few requests per second), beside two busy ones.

The medians are small so that the p95s stay below 100 ms on a quiet machine even at --factor 1.5: there Locust keeps
response times to the millisecond, while from 100 ms up it rounds them to 10 ms, a step of 5 to 10% that blurs a 10%
regression (on a busy machine the service's own overhead can still push a p95 past 100 ms; a comparison must cope).

GET /ready answers at once and counts as no request. The random stream is seeded from the operating system, so every
run draws new latencies; --seed makes a process reproducible. An unknown --slow name is an error, so that a typo
cannot turn an A/B comparison into an A/A one.

--scale S multiplies every median (default 1): on a machine so busy that scheduling delays of tens of milliseconds
dwarf the medians, a larger scale keeps the service's own time, and so a slowdown, in view (the plugin's ITs use 5).

Usage: paired_service.py --port PORT [--name base|change] [--slow ENDPOINT --factor F] [--seed N] [--scale S]
"""

import argparse
import json
import math
import random
import sys
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass(frozen=True)
class Endpoint:
    name: str  # the Locust request name
    method: str
    path: str
    median: float  # seconds
    sigma: float


ENDPOINTS = [
    Endpoint("GET /catalog", "GET", "/catalog", 0.010, 0.30),
    Endpoint("GET /search", "GET", "/search", 0.020, 0.35),
    Endpoint("POST /checkout", "POST", "/checkout", 0.020, 0.30),  # thin
    Endpoint("GET /health", "GET", "/health", 0.004, 0.40),  # thin
]
OUTLIER_PROBABILITY = 0.02
OUTLIER_FACTOR = 3.0
COLD_REQUESTS = 30
COLD_FACTOR = 3.0
CPU_SHARE = 0.02


class Latencies:
    """Draws the seconds each request takes; thread-safe."""

    def __init__(self, rng, slow, factor, scale=1.0):
        self.rng = rng
        self.slow = slow
        self.factor = factor
        self.scale = scale
        self.lock = threading.Lock()
        self.served = 0

    def draw(self, endpoint):
        with self.lock:
            self.served += 1
            order = self.served
            seconds = self.scale * endpoint.median * math.exp(endpoint.sigma * self.rng.gauss(0.0, 1.0))
            if self.rng.random() < OUTLIER_PROBABILITY:
                seconds *= OUTLIER_FACTOR
        if order <= COLD_REQUESTS:
            seconds *= 1 + (COLD_FACTOR - 1) * (COLD_REQUESTS - order + 1) / COLD_REQUESTS
        if endpoint.name == self.slow:
            seconds *= self.factor
        return seconds


def spend(seconds):
    """CPU work for a share of the time, then sleep: a busy machine stretches the first part."""
    end_of_work = time.perf_counter() + seconds * CPU_SHARE
    while time.perf_counter() < end_of_work:
        pass
    time.sleep(seconds * (1 - CPU_SHARE))


def handler(latencies):
    routes = {(e.method, e.path): e for e in ENDPOINTS}

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def serve(self, method):
            path = self.path.split("?", 1)[0]
            length = int(self.headers.get("Content-Length") or 0)
            if length:
                self.rfile.read(length)
            if (method, path) == ("GET", "/ready"):
                self.reply(200, {"ready": True})
                return
            endpoint = routes.get((method, path))
            if endpoint is None:
                self.reply(404, {"error": f"no route {method} {path}"})
                return
            spend(latencies.draw(endpoint))
            self.reply(200, {"ok": True, "endpoint": endpoint.name})

        def reply(self, status, body):
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self):
            self.serve("GET")

        def do_POST(self):
            self.serve("POST")

    return Handler


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True
    # All users connect at once; the default backlog of 5 would drop connections and add 1 s SYN retransmissions.
    request_queue_size = 128

    def handle_error(self, request, client_address):
        # Load generators close connections abruptly when a run ends; that is not an error of the service.
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


def arguments(argv):
    parser = argparse.ArgumentParser(description="The shop service a paired comparison runs twice.")
    parser.add_argument("--port", type=int, required=True, help="the loopback port to listen on")
    parser.add_argument("--name", default="shop", help="how the startup line names this instance (base, change)")
    parser.add_argument("--slow", default="none", help="the Locust name of the endpoint to slow down, or none")
    parser.add_argument("--factor", type=float, default=1.0, help="how many times slower --slow answers")
    parser.add_argument("--seed", type=int, help="a seed for a reproducible process")
    parser.add_argument(
        "--scale",
        type=float,
        default=1.0,
        help="multiplies every median, so that on a starved machine the service's own time outweighs scheduling delays",
    )
    args = parser.parse_args(argv)
    names = [e.name for e in ENDPOINTS]
    if args.scale <= 0:
        parser.error(f"--scale must be positive, not {args.scale}")
    if args.factor <= 0:
        parser.error(f"--factor must be positive, not {args.factor}")
    if args.slow != "none" and args.slow not in names:
        parser.error(f"--slow {args.slow!r} names no endpoint; expected none or one of {names}")
    if args.factor != 1.0 and args.slow == "none":
        parser.error(f"--factor is {args.factor} but --slow names no endpoint to slow down")
    return args


def main(argv):
    args = arguments(argv)
    latencies = Latencies(random.Random(args.seed), args.slow, args.factor, args.scale)
    server = QuietServer(("127.0.0.1", args.port), handler(latencies))
    slowed = f", {args.slow} x{args.factor:g}" if args.slow != "none" else ""
    print(f"{args.name} listening on http://127.0.0.1:{args.port}{slowed}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main(sys.argv[1:])
