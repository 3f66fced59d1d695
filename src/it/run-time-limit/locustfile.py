import gevent
from locust import HttpUser, constant, task


class StuckUser(HttpUser):
    """Gets stuck in a task; with a long --stop-timeout, Locust then waits for it long past its run time."""

    wait_time = constant(0.05)

    @task(20)
    def fast(self):
        self.client.get("/fast")

    @task(1)
    def stuck(self):
        gevent.sleep(600)
