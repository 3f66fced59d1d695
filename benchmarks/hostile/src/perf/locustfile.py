"""The Locust users of the hostile target, two classes per service: one busy endpoint (a few hundred requests per
5-second run, from several users with random waits) and one thin endpoint (20 to 50 requests per run, from users of
their own with a fixed pace, like a health probe or a periodic indexing job, so that the count stays in that range
even when the endpoint is slowed down twice).

A scenario runs both classes of its service; fixed_count keeps the thin class at its number of users and gives the
rest of the scenario's users to the busy class.
"""

from locust import HttpUser, between, constant_pacing, task


class ApiGatewayUser(HttpUser):
    wait_time = between(0.05, 0.15)

    @task
    def items(self):
        self.client.get("/api/items", name="GET /api/items")


class ApiHealthProbe(HttpUser):
    """About 25 requests per 5 s: one user, one request every 0.2 s."""

    fixed_count = 1
    wait_time = constant_pacing(0.2)

    @task
    def health(self):
        self.client.get("/api/health", name="GET /api/health")


class RagServiceUser(HttpUser):
    wait_time = between(0.05, 0.15)

    @task
    def query(self):
        self.client.post("/rag/query", json={"q": "what is locust?"}, name="query")


class RagIndexer(HttpUser):
    """About 36 requests per 5 s: three users, each one request every 0.42 s (enough for most requests even at x2)."""

    fixed_count = 3
    wait_time = constant_pacing(0.42)

    @task
    def index(self):
        self.client.post("/rag/index", json={"doc": "locust is a load testing tool"}, name="index")


class McpServerUser(HttpUser):
    wait_time = between(0.05, 0.15)

    @task
    def list_tools(self):
        self.client.post("/mcp/tools/list", json={}, name="list_tools")


class McpToolCaller(HttpUser):
    """About 30 requests per 5 s: one user, one request every 0.165 s."""

    fixed_count = 1
    wait_time = constant_pacing(0.165)

    @task
    def tool(self):
        self.client.post("/mcp/tools/run", json={"tool": "search"}, name="tool")
