"""Test locustfile whose import keeps the CPU busy for 3 s without letting gevent's event loop run.

That is what a slow start on a starved CPU looks like to Locust: its --run-time timer, scheduled against the loop's
stale clock, would fire 3 s early.
"""
import time

import gevent
from locust import HttpUser, constant, task

gevent.get_hub()  # the loop and its clock exist from here on
_busy_until = time.perf_counter() + 3
while time.perf_counter() < _busy_until:
    pass


class SteadyUser(HttpUser):
    wait_time = constant(0.1)

    @task
    def fast(self):
        self.client.get("/fast")
