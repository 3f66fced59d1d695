"""The benchmark's scenario: one user asking the benchmark's target server for /ping ten times a second."""

from locust import HttpUser, constant, task


class PingUser(HttpUser):
    wait_time = constant(0.1)

    @task
    def ping(self):
        self.client.get("/ping", name="GET /ping")
