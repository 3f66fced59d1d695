"""Helper locustfile of locust-maven-plugin, loaded before the user's: ``locust -f helper.py,locustfile.py``.

It defines no User class. It
* makes the run last its full run time even when Locust started slowly (see ``_on_init``);
* ignores Locust's default config files (``~/.locust.conf``, ``locust.conf``, ``pyproject.toml``), because the plugin
  passes every option explicitly and a stray file must not change the run;
* writes a small status JSON every second to ``$LOCUSTMAVEN_STATUS`` for the plugin's progress line;
* writes the final statistics to ``$LOCUSTMAVEN_FINAL_STATS`` on the ``quit`` event, after Locust printed its final
  summary, without resetting anything (``StatsEntry.serialize()``, not the destructive ``serialize_stats()``);
  already on ``quitting`` it writes them marked incomplete, because stopping the users can hang (a long
  ``--stop-timeout``), and then the plugin kills Locust and keeps these numbers as partial results; when the plugin
  stopped the run early (nothing but failures), they carry its reason from ``$LOCUSTMAVEN_EARLY_STOP``;
* with ``$LOCUSTMAVEN_WARM_UP`` seconds above 0 (standalone runs only; the plugin refuses it with workers), resets
  Locust's statistics, its history for the HTML report and its exceptions that long after the test started, as
  the web UI's "Reset stats" does, so that every result covers only the measured part; ``--run-time`` already
  includes the warm-up;
* on a master, lets the workers deliver their final reports before the master stops listening (Locust waits only
  0.5 s for them, which a busy machine misses, and the master's totals then lack the workers' last requests);
* on a worker, counts the requests it sent and writes the count to ``$LOCUSTMAVEN_WORKER_COUNTS/worker-<pid>.json``
  at ``quit``, so the plugin can check that the master's totals hold every worker's requests.

Works with Locust 2.11 and newer.
"""

import ast
import json
import logging
import os
import platform
import time

import gevent
import locust
from locust import events
from locust.exception import CatchResponseError
from locust.rpc import Message
from locust.runners import MasterRunner, WorkerRunner
from locust.stats import PERCENTILES_TO_REPORT, StatsError

FORMAT_VERSION = 1
_WORKER_GOODBYE_TIMEOUT = 30
_STATUS_PATH = os.environ.get("LOCUSTMAVEN_STATUS")
_FINAL_PATH = os.environ.get("LOCUSTMAVEN_FINAL_STATS")
_WORKER_COUNTS_DIR = os.environ.get("LOCUSTMAVEN_WORKER_COUNTS")
_EARLY_STOP_PATH = os.environ.get("LOCUSTMAVEN_EARLY_STOP")
_WARM_UP = float(os.environ.get("LOCUSTMAVEN_WARM_UP") or 0)

_state = {
    "environment": None,
    "worker": False,
    "peak_users": 0,
    "peak_workers": 0,
    "test_start": None,
    "test_stop": None,
    "sent": 0,
    "sent_failed": 0,
    "warming_up": False,
    "measure_start": None,
}


@events.init_command_line_parser.add_listener
def _ignore_default_config_files(parser, **_kwargs):
    # configargparse reads these files in addition to any --config; Locust itself clears the list the same way.
    parser._default_config_files = []


@events.init.add_listener
def _on_init(environment, **_kwargs):
    # Locust schedules the --run-time stop with gevent.spawn_later right after this event, relative to the event
    # loop's cached clock. That clock was last read when the loop last ran, which can be seconds ago when startup
    # (imports, the locustfile) was slow on a busy CPU; the run then ends that much early (a 5 s run once lasted
    # 0.5 s). Reading the clock now makes the run last its run time.
    gevent.get_hub().loop.update_now()
    _state["environment"] = environment
    if isinstance(environment.runner, WorkerRunner):
        _state["worker"] = True
        return
    if isinstance(environment.runner, MasterRunner):
        _wait_for_final_worker_reports(environment.runner)
    if _STATUS_PATH:
        gevent.spawn(_status_loop, environment)


def _wait_for_final_worker_reports(runner):
    """Makes the master's quit ask every worker to quit and wait until each has said goodbye.

    A worker sends its final stats report and then its goodbye on the same connection, so once every worker is gone
    the master holds all their requests. Then Locust's own quit runs as usual (it finds no worker left to tell).
    """
    original_quit = runner.quit
    waited = []

    def quit_after_workers_reported():
        if not waited:
            waited.append(True)
            try:
                workers = [client.id for client in runner.clients.all]
                for worker in workers:
                    runner.server.send_to_client(Message("quit", None, worker))
                deadline = time.time() + _WORKER_GOODBYE_TIMEOUT
                while any(worker in runner.clients for worker in workers) and time.time() < deadline:
                    gevent.sleep(0.1)
            except Exception as e:  # an unexpected Locust version: fall back to its own quit
                logging.getLogger(__name__).warning("locust-maven-plugin could not wait for the workers: %r", e)
        original_quit()

    runner.quit = quit_after_workers_reported


@events.test_start.add_listener
def _on_test_start(**_kwargs):
    if _state["test_start"] is None:
        _state["test_start"] = time.time()
        if _WARM_UP > 0 and not _state["worker"]:
            _state["warming_up"] = True
            gevent.spawn_later(_WARM_UP, _end_warm_up)


def _end_warm_up():
    environment = _state["environment"]
    runner = environment.runner
    runner.stats.reset_all()
    runner.exceptions = {}
    # what the web UI's "Reset stats" fires, so that plugins holding their own numbers reset them as well
    environment.events.reset_stats.fire()
    _state["measure_start"] = time.time()
    _state["warming_up"] = False


@events.test_stop.add_listener
def _on_test_stop(**_kwargs):
    _state["test_stop"] = time.time()


@events.spawning_complete.add_listener
def _on_spawning_complete(user_count, **_kwargs):
    _state["peak_users"] = max(_state["peak_users"], user_count or 0)


@events.request.add_listener
def _on_request(exception=None, **_kwargs):
    if _state["worker"]:
        _state["sent"] += 1
        if exception is not None:
            _state["sent_failed"] += 1


@events.quitting.add_listener
def _on_quitting(**_kwargs):
    environment = _state["environment"]
    if environment is not None and environment.runner is not None and not _state["worker"] and _FINAL_PATH:
        _write_json(_FINAL_PATH, _final_stats(environment, None, complete=False))


@events.quit.add_listener
def _on_quit(exit_code=None, **_kwargs):
    environment = _state["environment"]
    if environment is None or environment.runner is None:
        return
    if _state["worker"]:
        if _WORKER_COUNTS_DIR:
            count = {"pid": os.getpid(), "requests": _state["sent"], "failures": _state["sent_failed"]}
            _write_json(os.path.join(_WORKER_COUNTS_DIR, f"worker-{os.getpid()}.json"), count)
    elif _FINAL_PATH:
        _write_json(_FINAL_PATH, _final_stats(environment, exit_code, complete=True))


def _status_loop(environment):
    while True:
        try:
            _write_json(_STATUS_PATH, _status(environment))
        except Exception:  # progress is best effort; never disturb the test
            pass
        gevent.sleep(1.0)


def _status(environment):
    runner = environment.runner
    total = runner.stats.total
    users = runner.user_count
    workers = _worker_count(runner)
    _state["peak_users"] = max(_state["peak_users"], users)
    _state["peak_workers"] = max(_state["peak_workers"], workers)
    p95 = None
    if total.num_requests:
        try:
            p95 = total.get_current_response_time_percentile(0.95)
        except Exception:
            p95 = None
        if not p95:
            p95 = total.get_response_time_percentile(0.95)
    return {
        "time": time.time(),
        "state": str(runner.state),
        "test_started": _state["test_start"] is not None,
        "warming_up": _state["warming_up"],
        "users": users,
        "workers": workers,
        "requests": total.num_requests,
        "failures": total.num_failures,
        "current_rps": total.current_rps,
        "fail_ratio": total.fail_ratio,
        "p95_ms": p95,
    }


def _final_stats(environment, exit_code, complete):
    runner = environment.runner
    stats = runner.stats
    entries = sorted(stats.entries.values(), key=lambda e: (e.name, e.method or ""))
    now = time.time()
    options = environment.parsed_options
    return {
        "format": FORMAT_VERSION,
        "locust_version": locust.__version__ or os.environ.get("LOCUSTMAVEN_LOCUST_VERSION", ""),
        "complete": complete,
        "exit_code": exit_code,
        "runner": type(runner).__name__,
        "workers": max(_state["peak_workers"], _worker_count(runner)),
        "start_time": stats.start_time,
        "test_start_time": _state["test_start"],
        "warm_up_seconds": _WARM_UP,
        "measure_start_time": _state["measure_start"],
        "test_stop_time": _state["test_stop"] or now,
        "end_time": now,
        "target_users": getattr(options, "num_users", None) if options else None,
        "peak_users": max(_state["peak_users"], runner.user_count),
        "python_version": platform.python_version(),
        "user_classes": [cls.__name__ for cls in environment.user_classes],
        "host": environment.host,
        "percentiles_to_report": list(PERCENTILES_TO_REPORT),
        "entries": [_entry(e) for e in entries],
        "aggregated": _entry(stats.total),
        "failures": [_failure(e) for e in stats.errors.values()],
        "exceptions": [_exception(row) for row in runner.exceptions.values()],
        "early_stop": _early_stop(),
    }


def _early_stop():
    """Why the plugin stopped the run early: it writes the reason before it sends SIGTERM; None when it did not."""
    if not _EARLY_STOP_PATH:
        return None
    try:
        with open(_EARLY_STOP_PATH, encoding="utf-8") as file:
            return file.read().strip() or None
    except OSError:
        return None


def _entry(entry):
    data = dict(entry.serialize())
    data["name"] = entry.name
    data["method"] = entry.method or ""
    data["avg_response_time"] = entry.avg_response_time
    data["median_response_time"] = entry.median_response_time if entry.num_requests else None
    data["avg_content_length"] = entry.avg_content_length
    data["total_rps"] = entry.total_rps
    data["total_fail_per_sec"] = entry.total_fail_per_sec
    data["fail_ratio"] = entry.fail_ratio
    data["percentiles"] = {
        repr(p): (entry.get_response_time_percentile(p) if entry.num_requests else None) for p in PERCENTILES_TO_REPORT
    }
    return data


def _failure(error):
    return {
        "method": error.method or "",
        "name": error.name,
        "error": StatsError.parse_error(error.error),
        "message": _message(error.error),
        "occurrences": error.occurrences,
    }


def _message(error):
    """The user's message: what ``resp.failure("…")`` was given, or the exception's repr (as Locust's error report)."""
    if isinstance(error, CatchResponseError):
        return str(error.args[0]) if error.args else ""
    if isinstance(error, str):
        # distributed: the worker sent the error already turned into text, possibly quoted once more
        text = error
        for _ in range(2):
            text = _unquote(text)
            if text.startswith("CatchResponseError(") and text.endswith(")"):
                return _unquote(text[len("CatchResponseError(") : -1])
        return text
    return StatsError.parse_error(error)


def _unquote(text):
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":


        try:
            value = ast.literal_eval(text)
            if isinstance(value, str):
                return value
        except (ValueError, SyntaxError):
            pass
    return text


def _exception(row):
    nodes = row.get("nodes") or []
    return {
        "count": row.get("count", 0),
        "msg": row.get("msg", ""),
        "traceback": row.get("traceback", ""),
        "nodes": ", ".join(sorted(str(n) for n in nodes)),
    }


def _worker_count(runner):
    clients = getattr(runner, "clients", None)
    return len(clients) if clients is not None else 0


def _write_json(path, data):
    tmp = f"{path}.tmp"
    with open(tmp, "w", encoding="utf-8") as file:
        json.dump(data, file, indent=1, default=str)
    os.replace(tmp, path)
