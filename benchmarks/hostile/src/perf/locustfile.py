"""One Locust user class per service of the hostile target. Each service has a busy endpoint (a few hundred requests
per 5-second run) and a thin one (20 to 50 requests per run), chosen at random by the task weights."""

from locust import HttpUser, between, task


class ApiGatewayUser(HttpUser):
    wait_time = between(0.05, 0.15)

    @task(11)
    def items(self):
        self.client.get("/api/items", name="GET /api/items")

    @task(1)
    def health(self):
        self.client.get("/api/health", name="GET /api/health")


class RagServiceUser(HttpUser):
    wait_time = between(0.05, 0.15)

    @task(8)
    def query(self):
        self.client.post("/rag/query", json={"q": "what is locust?"}, name="query")

    @task(1)
    def index(self):
        self.client.post("/rag/index", json={"doc": "locust is a load testing tool"}, name="index")


class McpServerUser(HttpUser):
    wait_time = between(0.05, 0.15)

    @task(9)
    def list_tools(self):
        self.client.post("/mcp/tools/list", json={}, name="list_tools")

    @task(1)
    def tool(self):
        self.client.post("/mcp/tools/run", json={"tool": "search"}, name="tool")
