from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from parvel.session import SessionManager


@pytest.fixture(params=["array", "file", "redis", "cookie"])
async def manager(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[SessionManager]:
    """A session manager for each driver that needs no database."""
    driver = request.param
    config: dict[str, Any] = {"driver": driver, "files": str(tmp_path / "sessions")}
    client = None
    redis_factory = None
    if driver == "redis":
        service = request.getfixturevalue("redis_service")
        import redis.asyncio as aioredis

        client = aioredis.Redis(host=service.host, port=service.port, db=int(service.database))
        await client.flushdb()

        def redis_factory(_: str | None) -> Any:
            return client

    yield SessionManager(config, base_path=tmp_path, redis=redis_factory)
    if client is not None:
        await client.flushdb()
        await client.aclose()
