"""TechEmpower tests written the way a Parvel app is: routes, the ORM and a Blade view."""

from __future__ import annotations

import random
import tempfile
from pathlib import Path
from typing import Any, ClassVar

from benchmarks.techempower import common

from parvel import Application, Model, Route, response, view
from parvel.http import Request

HERE = Path(__file__).resolve().parent


class World(Model):
    """A row of the ``world`` table."""

    table: ClassVar[str] = "world"
    timestamps: ClassVar[bool] = False
    id: int
    randomnumber: int


class Fortune(Model):
    """A row of the ``fortune`` table."""

    table: ClassVar[str] = "fortune"
    timestamps: ClassVar[bool] = False
    fillable: ClassVar[list[str]] = ["id", "message"]
    id: int
    message: str


def world_json(world: World) -> dict[str, int]:
    """The TechEmpower shape of a world row."""
    return {"id": world.id, "randomNumber": world.randomnumber}


async def plaintext() -> Any:
    """``/plaintext``."""
    return response(common.HELLO, 200, {"content-type": "text/plain"})


async def json() -> dict[str, str]:
    """``/json``: a dict becomes JSON."""
    return {"message": common.HELLO}


async def single_query() -> dict[str, int]:
    """``/db``: one random row through the ORM."""
    world = await World.find(common.random_id())
    assert world is not None
    return world_json(world)


async def queries(request: Request) -> list[dict[str, int]]:
    """``/queries?queries=N``: N rows, one query each."""
    count = common.clamp_queries(request.query("queries"))
    worlds = []
    for world_id in common.random_ids(count):
        world = await World.find(world_id)
        assert world is not None
        worlds.append(world_json(world))
    return worlds


async def fortunes() -> Any:
    """``/fortunes``: every fortune plus one, sorted, rendered by Blade (escaped)."""
    rows = list(await Fortune.all())
    rows.append(Fortune(id=0, message=common.ADDITIONAL_FORTUNE))
    rows.sort(key=lambda fortune: fortune.message)
    return view("fortunes", fortunes=rows)


async def updates(request: Request) -> list[dict[str, int]]:
    """``/updates?queries=N``: read N rows one by one, then write the new numbers in one upsert.

    TechEmpower allows batching the writes; the raw baseline batches them with ``executemany``.
    """
    count = common.clamp_queries(request.query("queries"))
    changed = []
    for world_id in sorted(common.random_ids(count)):
        world = await World.find(world_id)
        assert world is not None
        changed.append({"id": world.id, "randomnumber": random.randint(1, common.WORLD_ROWS)})
    await World.upsert(changed, "id", ["randomnumber"])
    return [{"id": row["id"], "randomNumber": row["randomnumber"]} for row in changed]


def routes(app: Application) -> None:
    """The six test routes, in the stateless ``api`` middleware group (no prefix)."""
    with Route.middleware("api").group():
        Route.get("/plaintext", plaintext)
        Route.get("/json", json)
        Route.get("/db", single_query)
        Route.get("/queries", queries)
        Route.get("/fortunes", fortunes)
        Route.get("/updates", updates)


def create() -> Application:
    """The application, configured for the benchmark database."""
    application = Application(HERE)
    application.config.set(
        {
            "app": {"env": "production", "debug": False, "key": None},
            "view": {"paths": [str(HERE / "views")], "compiled": tempfile.mkdtemp()},
            "database": {
                "default": "pgsql",
                "connections": {
                    "pgsql": {
                        "driver": "pgsql",
                        "host": common.PG_HOST,
                        "port": common.PG_PORT,
                        "database": common.PG_DATABASE,
                        "username": common.PG_USER,
                        "password": common.PG_PASSWORD,
                        "pool": {"min_size": common.POOL_SIZE, "max_size": common.POOL_SIZE},
                    }
                },
            },
            "logging": {"default": "null", "channels": {"null": {"driver": "null"}}},
        }
    )
    application.settings["routing"] = {"then": routes}
    return application.bootstrap()


app = create()
