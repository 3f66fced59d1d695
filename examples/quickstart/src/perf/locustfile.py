"""One Locust user class per service of the demo: an API gateway, a retrieval (RAG) service and a tool (MCP) server."""

from locust import HttpUser, between, task


class ApiGatewayUser(HttpUser):
    wait_time = between(0.05, 0.1)

    @task(5)
    def items(self):
        self.client.get("/api/items", name="GET /api/items")

    @task(1)
    def health(self):
        self.client.get("/health", name="GET /health")


class RagServiceUser(HttpUser):
    wait_time = between(0.05, 0.1)

    @task(3)
    def query(self):
        self.client.post("/rag/query", json={"q": "what is locust?"}, name="query")

    @task(1)
    def index(self):
        self.client.post("/rag/index", json={"doc": "locust is a load testing tool"}, name="index")


class McpServerUser(HttpUser):
    wait_time = between(0.05, 0.1)

    @task
    def tool(self):
        self.client.post("/mcp/tools/run", json={"tool": "search"}, name="tool")
