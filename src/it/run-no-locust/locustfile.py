from locust import HttpUser, constant, task


class QuickUser(HttpUser):
    wait_time = constant(0.05)

    @task
    def fast(self):
        self.client.get("/fast")
