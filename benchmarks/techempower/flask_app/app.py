"""TechEmpower tests on Flask with SQLAlchemy's ORM (psycopg 3 driver) and Jinja2 (WSGI)."""

from __future__ import annotations

from benchmarks.techempower import common
from flask import Flask, Response, jsonify, render_template, request
from sqlalchemy import String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, scoped_session, sessionmaker


class Base(DeclarativeBase):
    pass


class World(Base):
    __tablename__ = "world"
    id: Mapped[int] = mapped_column(primary_key=True)
    randomnumber: Mapped[int]


class Fortune(Base):
    __tablename__ = "fortune"
    id: Mapped[int] = mapped_column(primary_key=True)
    message: Mapped[str] = mapped_column(String(2048))


engine = create_engine(common.dsn("postgresql+psycopg"), pool_size=common.POOL_SIZE, max_overflow=0)
db = scoped_session(sessionmaker(engine, expire_on_commit=False))

app = Flask(__name__)
app.json.sort_keys = False  # type: ignore[attr-defined]


@app.teardown_appcontext
def remove_session(exception: BaseException | None) -> None:
    db.remove()


def _as_dict(world: World) -> dict[str, int]:
    return {"id": world.id, "randomNumber": world.randomnumber}


@app.get("/plaintext")
def plaintext() -> Response:
    return Response(common.HELLO, mimetype="text/plain")


@app.get("/json")
def json() -> Response:
    return jsonify(message=common.HELLO)


@app.get("/db")
def single_query() -> Response:
    world = db.get(World, common.random_id())
    assert world is not None
    return jsonify(_as_dict(world))


@app.get("/queries")
def queries() -> Response:
    count = common.clamp_queries(request.args.get("queries"))
    worlds = [db.get(World, world_id) for world_id in common.random_ids(count)]
    return jsonify([_as_dict(world) for world in worlds if world is not None])


@app.get("/fortunes")
def fortunes() -> str:
    rows = list(db.scalars(select(Fortune)))
    rows.append(Fortune(id=0, message=common.ADDITIONAL_FORTUNE))
    rows.sort(key=lambda fortune: fortune.message)
    return render_template("fortunes.html", fortunes=rows)


@app.get("/updates")
def updates() -> Response:
    count = common.clamp_queries(request.args.get("queries"))
    worlds = []
    for world_id in sorted(common.random_ids(count)):
        world = db.get(World, world_id)
        assert world is not None
        world.randomnumber = common.random_id()
        worlds.append(_as_dict(world))
    db.commit()
    return jsonify(worlds)
