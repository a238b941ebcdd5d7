"""TechEmpower tests on Litestar with an asyncpg pool and Litestar's Jinja2 template engine."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from operator import itemgetter
from pathlib import Path
from typing import Any

import asyncpg
from benchmarks.techempower import common
from litestar import Litestar, MediaType, Request, get
from litestar.contrib.jinja import JinjaTemplateEngine
from litestar.response import Template
from litestar.template.config import TemplateConfig

SELECT_WORLD = "SELECT id, randomnumber FROM world WHERE id = $1"
UPDATE_WORLD = "UPDATE world SET randomnumber = $2 WHERE id = $1"


@contextlib.asynccontextmanager
async def db_pool(app: Litestar) -> AsyncIterator[None]:
    app.state.pool = await asyncpg.create_pool(
        common.dsn(), min_size=common.POOL_SIZE, max_size=common.POOL_SIZE
    )
    try:
        yield
    finally:
        await app.state.pool.close()


def _pool(request: Request[Any, Any, Any]) -> asyncpg.Pool:
    pool: asyncpg.Pool = request.app.state.pool
    return pool


@get("/plaintext", media_type=MediaType.TEXT)
async def plaintext() -> bytes:
    return common.HELLO.encode()


@get("/json")
async def json() -> dict[str, str]:
    return {"message": common.HELLO}


@get("/db")
async def single_query(request: Request[Any, Any, Any]) -> dict[str, int]:
    async with _pool(request).acquire() as conn:
        row = await conn.fetchrow(SELECT_WORLD, common.random_id())
    return {"id": row[0], "randomNumber": row[1]}


@get("/queries")
async def queries(
    request: Request[Any, Any, Any], queries: str | None = None
) -> list[dict[str, int]]:
    async with _pool(request).acquire() as conn:
        statement = await conn.prepare(SELECT_WORLD)
        worlds = []
        for world_id in common.random_ids(common.clamp_queries(queries)):
            row = await statement.fetchrow(world_id)
            worlds.append({"id": row[0], "randomNumber": row[1]})
    return worlds


@get("/fortunes")
async def fortunes(request: Request[Any, Any, Any]) -> Template:
    async with _pool(request).acquire() as conn:
        rows = [dict(row) for row in await conn.fetch("SELECT id, message FROM fortune")]
    rows.append({"id": 0, "message": common.ADDITIONAL_FORTUNE})
    rows.sort(key=itemgetter("message"))
    return Template(template_name="fortunes.html", context={"fortunes": rows})


@get("/updates")
async def updates(
    request: Request[Any, Any, Any], queries: str | None = None
) -> list[dict[str, int]]:
    ids = sorted(common.random_ids(common.clamp_queries(queries)))
    async with _pool(request).acquire() as conn:
        statement = await conn.prepare(SELECT_WORLD)
        worlds = []
        for world_id in ids:
            await statement.fetchval(world_id)
            worlds.append({"id": world_id, "randomNumber": common.random_id()})
        await conn.executemany(UPDATE_WORLD, [(w["id"], w["randomNumber"]) for w in worlds])
    return worlds


app = Litestar(
    route_handlers=[plaintext, json, single_query, queries, fortunes, updates],
    lifespan=[db_pool],
    template_config=TemplateConfig(
        directory=Path(__file__).parent / "templates", engine=JinjaTemplateEngine
    ),
)
