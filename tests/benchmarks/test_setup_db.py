"""The benchmark database is created, filled and repaired idempotently on real PostgreSQL."""

from __future__ import annotations

from typing import Any

import asyncpg
from benchmarks.techempower import common, setup_db


async def _connect(service: Any) -> asyncpg.Connection:
    return await asyncpg.connect(
        host=service.host,
        port=service.port,
        user=service.user,
        password=service.password or None,
        database=common.PG_DATABASE,
    )


async def test_setup_is_idempotent_and_complete(bench_db: Any) -> None:
    assert await setup_db.setup() == {"world": 10_000, "fortune": 12}
    assert await setup_db.setup() == {"world": 10_000, "fortune": 12}
    conn = await _connect(bench_db)
    try:
        fortunes = [tuple(row) for row in await conn.fetch("SELECT * FROM fortune ORDER BY id")]
        bounds = await conn.fetchrow("SELECT min(id), max(id) FROM world")
    finally:
        await conn.close()
    assert fortunes == list(setup_db.FORTUNES)
    assert tuple(bounds) == (1, 10_000)
    assert any("<script>" in message for _, message in fortunes)


async def test_setup_repairs_damaged_tables(bench_db: Any) -> None:
    conn = await _connect(bench_db)
    try:
        await conn.execute("UPDATE fortune SET message = 'tampered' WHERE id = 3")
        await conn.execute("DELETE FROM world WHERE id > 9990")
    finally:
        await conn.close()
    assert await setup_db.setup() == {"world": 10_000, "fortune": 12}
    conn = await _connect(bench_db)
    try:
        message = await conn.fetchval("SELECT message FROM fortune WHERE id = 3")
    finally:
        await conn.close()
    assert message == dict(setup_db.FORTUNES)[3]
