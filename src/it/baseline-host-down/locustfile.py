from locust import HttpUser, constant, task


class OrdersUser(HttpUser):
    wait_time = constant(0.1)

    @task
    def list_orders(self):
        self.client.get("/orders")
