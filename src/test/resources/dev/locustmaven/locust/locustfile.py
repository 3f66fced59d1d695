"""Test locustfile: fast and slow requests, a failing endpoint, a custom failure message, and a class without failures."""
from locust import HttpUser, constant, task


class ApiUser(HttpUser):
    wait_time = constant(0.05)

    @task(4)
    def fast(self):
        self.client.get("/fast")

    @task(1)
    def slow(self):
        self.client.get("/slow", name="slow endpoint")

    @task(1)
    def broken(self):
        self.client.get("/fail")

    @task(1)
    def custom_failure(self):
        with self.client.get("/fast", name="/fast [checked]", catch_response=True) as response:
            response.failure('no results for "q", sorry')


class CleanUser(HttpUser):
    wait_time = constant(0.05)

    @task
    def fast(self):
        self.client.get("/fast")
