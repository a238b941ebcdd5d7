"""API routes: stateless, under the /api prefix (the `api` middleware group)."""

from parvel import Route

Route.get("/status", lambda: {"status": "ok"}).name("api.status")
