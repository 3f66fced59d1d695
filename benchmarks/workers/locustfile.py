from locust import FastHttpUser, task


class BenchUser(FastHttpUser):
    """No wait between requests: each user sends as fast as its Locust process allows."""

    @task
    def fast(self):
        self.client.get("/fast")
