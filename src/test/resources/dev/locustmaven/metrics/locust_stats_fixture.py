"""Writes locust-stats-2.47.0.json: request statistics computed by Locust's own StatsEntry code.

Response times are drawn from fixed-seed log-normal distributions and logged through RequestStats.log_request and
log_error, so the histograms (bucketing), min/max/avg, failure rows and every percentile, including those of merged
entries (StatsEntry.extend) and of the Aggregated entry, are Locust's own numbers. Only rps is not Locust's: it is
num_requests / 120, as for a two-minute run.

Run with the test venv's Python: python locust_stats_fixture.py > locust-stats-2.47.0.json
"""

import json
import random

import locust
from locust.stats import RequestStats, StatsEntry

PERCENTILES = [0.5, 0.66, 0.75, 0.8, 0.9, 0.95, 0.98, 0.99, 0.999]
RUN_SECONDS = 120.0

random.seed(24)


def run(stats, method, name, count, median_ms, sigma, failures=()):
    for _ in range(count):
        stats.log_request(method, name, random.lognormvariate(0, sigma) * median_ms, 512)
    for message, occurrences in failures:
        for _ in range(occurrences):
            stats.log_request(method, name, random.lognormvariate(0, sigma) * median_ms, 0)
            stats.log_error(method, name, message)


rag = RequestStats()
run(rag, "POST", "query", 600, 900, 0.35, [("Qdrant timeout after 5000 ms", 4), ("empty search results", 2)])
run(rag, "POST", "index", 150, 1800, 0.25, [("qdrant write TIMEOUT", 1)])
run(rag, "GET", "/health", 900, 4, 0.5)

mcp = RequestStats()
run(mcp, "GET", "/items", 300, 45, 0.4)
run(mcp, "POST", "/items", 80, 120, 0.3, [("429 Too Many Requests", 3)])
run(mcp, "SANDBOX", "run_tool", 5, 30, 0.2, [("Sandbox violation: write outside /tmp", 5)])


def entry_json(entry):
    return {
        "method": entry.method or "",
        "name": entry.name,
        "num_requests": entry.num_requests,
        "num_failures": entry.num_failures,
        "min_response_time": entry.min_response_time,
        "max_response_time": entry.max_response_time,
        "avg_response_time": entry.avg_response_time,
        "rps": entry.num_requests / RUN_SECONDS,
        "response_times": {str(k): v for k, v in sorted(entry.response_times.items())},
        "percentiles": {str(p): entry.get_response_time_percentile(p) for p in PERCENTILES},
    }


def service_json(stats):
    return {
        "entries": [entry_json(stats.entries[key]) for key in sorted(stats.entries)],
        "aggregated": entry_json(stats.total),
        "failures": [
            {"method": e.method, "name": e.name, "error": e.error, "occurrences": e.occurrences}
            for e in sorted(stats.errors.values(), key=lambda e: (e.name, e.method, str(e.error)))
        ],
    }


merged = StatsEntry(rag, "query+index", "")
merged.extend(rag.get("query", "POST"))
merged.extend(rag.get("index", "POST"))

print(
    json.dumps(
        {
            "locust_version": locust.__version__,
            "services": {"rag_service": service_json(rag), "mcp_server": service_json(mcp)},
            "rag_service_query_and_index_merged": entry_json(merged),
        },
        indent=1,
    )
)
