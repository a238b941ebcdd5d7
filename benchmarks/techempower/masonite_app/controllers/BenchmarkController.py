"""The TechEmpower tests as one Masonite controller.

Masonite's container injects each method's arguments from their annotations, which must be real
classes: no ``from __future__ import annotations`` here.
"""

from benchmarks.techempower import common
from benchmarks.techempower.masonite_app.config.database import DB
from benchmarks.techempower.masonite_app.models.Fortune import Fortune
from benchmarks.techempower.masonite_app.models.World import World
from masonite.controllers import Controller
from masonite.request import Request
from masonite.response import Response
from masonite.views import View


class BenchmarkController(Controller):
    def plaintext(self, response: Response) -> str:
        response.header("Content-Type", "text/plain; charset=utf-8")
        return common.HELLO

    def json(self) -> dict[str, str]:
        return {"message": common.HELLO}

    def db(self) -> dict[str, int]:
        return World.find(common.random_id()).to_json()

    def queries(self, request: Request) -> list[dict[str, int]]:
        count = common.clamp_queries(request.input("queries", None))
        return [World.find(world_id).to_json() for world_id in common.random_ids(count)]

    def fortunes(self, view: View) -> View:
        fortunes = Fortune.all()
        fortunes.push(Fortune.hydrate({"id": 0, "message": common.ADDITIONAL_FORTUNE}))
        fortunes.sort("message")
        return view.render("fortunes", {"fortunes": fortunes})

    def updates(self, request: Request) -> list[dict[str, int]]:
        count = common.clamp_queries(request.input("queries", None))
        worlds = []
        with DB.transaction():
            for world_id in sorted(common.random_ids(count)):
                world = World.find(world_id)
                world.randomnumber = common.random_id()
                world.save()
                worlds.append(world.to_json())
        return worlds
