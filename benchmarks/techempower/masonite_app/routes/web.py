"""The six TechEmpower routes."""

from __future__ import annotations

from benchmarks.techempower.masonite_app.controllers.BenchmarkController import (
    BenchmarkController,
)
from masonite.routes import Route

ROUTES = [
    Route.get("/plaintext", BenchmarkController.plaintext),
    Route.get("/json", BenchmarkController.json),
    Route.get("/db", BenchmarkController.db),
    Route.get("/queries", BenchmarkController.queries),
    Route.get("/fortunes", BenchmarkController.fortunes),
    Route.get("/updates", BenchmarkController.updates),
]
