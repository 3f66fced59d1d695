"""Test locustfile whose users get stuck in a task; with a long --stop-timeout Locust then never ends by itself."""
import gevent
from locust import HttpUser, constant, task


class StuckUser(HttpUser):
    wait_time = constant(0.05)

    @task(5)
    def fast(self):
        self.client.get("/fast")

    @task(1)
    def stuck(self):
        gevent.sleep(600)
