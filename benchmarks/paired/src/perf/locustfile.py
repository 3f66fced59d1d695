"""The Locust users of the paired target: busy shoppers on the catalog and the search (a few hundred requests per
10 s run from several users with random waits), and two paced users of their own, a checkout (about 40 requests per
10 s) and a health probe (about 20), the thin endpoints whose percentiles rest on few requests.

fixed_count keeps each paced class at its number of users and gives the rest of the users to the shoppers; run it
with at least 3 users.
"""

from locust import HttpUser, between, constant_pacing, task


class Shopper(HttpUser):
    wait_time = between(0.05, 0.15)

    @task(3)
    def catalog(self):
        self.client.get("/catalog", name="GET /catalog")

    @task(2)
    def search(self):
        self.client.get("/search?q=boots", name="GET /search")


class Buyer(HttpUser):
    """About 4 requests per second: one user, one checkout every 0.25 s."""

    fixed_count = 1
    wait_time = constant_pacing(0.25)

    @task
    def checkout(self):
        self.client.post("/checkout", json={"cart": [1, 2]}, name="POST /checkout")


class HealthProbe(HttpUser):
    """About 2 requests per second."""

    fixed_count = 1
    wait_time = constant_pacing(0.5)

    @task
    def health(self):
        self.client.get("/health", name="GET /health")
