"""TechEmpower tests on raw Starlette, asyncpg (one pool) and Jinja2 (the baseline)."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from operator import itemgetter
from pathlib import Path

import asyncpg
import orjson
from benchmarks.techempower import common
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response
from starlette.routing import Route

SELECT_WORLD = "SELECT id, randomnumber FROM world WHERE id = $1"
UPDATE_WORLD = "UPDATE world SET randomnumber = $2 WHERE id = $1"
SELECT_FORTUNES = "SELECT id, message FROM fortune"

templates = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=select_autoescape(["html"]),
)
fortunes_template = templates.get_template("fortunes.html")
pool: asyncpg.Pool | None = None


class OrjsonResponse(Response):
    media_type = "application/json"

    def render(self, content: object) -> bytes:
        return orjson.dumps(content)


def _pool() -> asyncpg.Pool:
    assert pool is not None, "the pool opens in the lifespan"
    return pool


@contextlib.asynccontextmanager
async def lifespan(app: Starlette) -> AsyncIterator[None]:
    global pool
    pool = await asyncpg.create_pool(
        common.dsn(), min_size=common.POOL_SIZE, max_size=common.POOL_SIZE
    )
    yield
    await pool.close()


async def plaintext(request: Request) -> Response:
    return PlainTextResponse(common.HELLO)


async def json(request: Request) -> Response:
    return OrjsonResponse({"message": common.HELLO})


async def single_query(request: Request) -> Response:
    async with _pool().acquire() as conn:
        row = await conn.fetchrow(SELECT_WORLD, common.random_id())
    return OrjsonResponse({"id": row[0], "randomNumber": row[1]})


async def queries(request: Request) -> Response:
    count = common.clamp_queries(request.query_params.get("queries"))
    async with _pool().acquire() as conn:
        statement = await conn.prepare(SELECT_WORLD)
        worlds = []
        for world_id in common.random_ids(count):
            row = await statement.fetchrow(world_id)
            worlds.append({"id": row[0], "randomNumber": row[1]})
    return OrjsonResponse(worlds)


async def fortunes(request: Request) -> Response:
    async with _pool().acquire() as conn:
        rows = [dict(row) for row in await conn.fetch(SELECT_FORTUNES)]
    rows.append({"id": 0, "message": common.ADDITIONAL_FORTUNE})
    rows.sort(key=itemgetter("message"))
    return HTMLResponse(fortunes_template.render(fortunes=rows))


async def updates(request: Request) -> Response:
    count = common.clamp_queries(request.query_params.get("queries"))
    ids = sorted(common.random_ids(count))
    async with _pool().acquire() as conn:
        statement = await conn.prepare(SELECT_WORLD)
        worlds = []
        for world_id in ids:
            await statement.fetchval(world_id)
            worlds.append({"id": world_id, "randomNumber": common.random_id()})
        await conn.executemany(UPDATE_WORLD, [(w["id"], w["randomNumber"]) for w in worlds])
    return OrjsonResponse(worlds)


app = Starlette(
    routes=[
        Route("/plaintext", plaintext),
        Route("/json", json),
        Route("/db", single_query),
        Route("/queries", queries),
        Route("/fortunes", fortunes),
        Route("/updates", updates),
    ],
    lifespan=lifespan,
)
