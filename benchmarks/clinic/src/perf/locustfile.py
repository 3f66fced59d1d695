"""The clinic's users: three browse (search owners by the start of a last name, open an owner, list the vets), one
records a visit for a pet every second, about 30 per 30-second run: a thin endpoint beside three busy ones."""

import random

from locust import HttpUser, between, constant_pacing, task

# each matches about 100 owners
PREFIXES = ["Dav", "Daw", "Fra", "Bla", "Esc", "Est", "McT", "Sch", "Col", "Car",
            "Dou", "Lea", "Ort", "Jen", "Ste", "Rod", "Her", "Fis", "Gar", "Mil"]
OWNERS = 2000


class Browser(HttpUser):
    wait_time = between(0.05, 0.25)

    @task(3)
    def owners(self):
        self.client.get(f"/owners?lastName={random.choice(PREFIXES)}", name="GET /owners?lastName")

    @task(3)
    def owner(self):
        self.client.get(f"/owners/{random.randint(1, OWNERS)}", name="GET /owners/{id}")

    @task(1)
    def vets(self):
        self.client.get("/vets", name="GET /vets")


class Receptionist(HttpUser):
    fixed_count = 1
    wait_time = constant_pacing(1.0)

    def on_start(self):
        owner = random.randint(1, OWNERS)
        pets = self.client.get(f"/owners/{owner}", name="GET /owners/{id}").json()["pets"]
        self.target = (owner, pets[0]["id"])

    @task
    def visit(self):
        owner, pet = self.target
        self.client.post(f"/owners/{owner}/pets/{pet}/visits", json={"description": "vaccination"}, name="POST visit")
