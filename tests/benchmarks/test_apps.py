"""Every installed peer app answers each TechEmpower test correctly against real PostgreSQL."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import asyncpg
import httpx
from benchmarks.techempower import server as servers
from benchmarks.techempower import validate


def _get(server: servers.Server, path: str) -> httpx.Response:
    return httpx.get(server.base_url + path, timeout=30)


def test_plaintext_and_json(app_server: servers.Server) -> None:
    assert validate.validate(app_server.base_url, "plaintext") == []
    assert validate.validate(app_server.base_url, "json") == []
    assert _get(app_server, "/json").json() == {"message": "Hello, World!"}


def test_single_query(app_server: servers.Server) -> None:
    assert validate.validate(app_server.base_url, "db") == []
    ids = {_get(app_server, "/db").json()["id"] for _ in range(5)}
    assert len(ids) > 1, "five /db calls returned the same row: ids are not random"


def test_queries_count_and_clamping(app_server: servers.Server) -> None:
    assert validate.validate(app_server.base_url, "queries") == []
    for raw, count in [("7", 7), ("-3", 1), ("1000", 500), ("2.5", 1)]:
        assert len(_get(app_server, f"/queries?queries={raw}").json()) == count, raw


def test_fortunes_escaped_sorted_with_added_row(app_server: servers.Server) -> None:
    assert validate.validate(app_server.base_url, "fortunes") == []
    page = _get(app_server, "/fortunes").text
    assert "フレームワークのベンチマーク" in page
    assert page.index("A bad random number generator") < page.index("フレームワーク")
    assert "Additional fortune added at request time." in page


async def _numbers(service: Any, ids: list[int]) -> dict[int, int]:
    conn = await asyncpg.connect(
        host=service.host,
        port=service.port,
        user=service.user,
        password=service.password or None,
        database="parvel_bench",
    )
    try:
        rows = await conn.fetch("SELECT id, randomnumber FROM world WHERE id = ANY($1)", ids)
    finally:
        await conn.close()
    return {row["id"]: row["randomnumber"] for row in rows}


def test_updates_are_written(app_server: servers.Server, bench_db: Any) -> None:
    assert validate.validate(app_server.base_url, "updates") == []
    worlds = _get(app_server, "/updates?queries=15").json()
    assert len(worlds) == 15
    stored = asyncio.run(_numbers(bench_db, [world["id"] for world in worlds]))
    assert stored == {world["id"]: world["randomNumber"] for world in worlds}, json.dumps(worlds)


def test_worker_memory_is_readable(app_server: servers.Server) -> None:
    worker = app_server.worker_pid()
    assert servers.rss_kib(worker) > 10_000
    assert worker == app_server.process.pid or worker in servers.descendants(app_server.process.pid)
