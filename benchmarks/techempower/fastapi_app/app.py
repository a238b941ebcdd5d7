"""TechEmpower tests on FastAPI with SQLAlchemy's async ORM (asyncpg driver) and Jinja2."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Annotated

from benchmarks.techempower import common
from fastapi import Depends, FastAPI, Request
from fastapi.responses import PlainTextResponse
from fastapi.templating import Jinja2Templates
from sqlalchemy import String, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


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


engine = create_async_engine(
    common.dsn("postgresql+asyncpg"), pool_size=common.POOL_SIZE, max_overflow=0
)
Session = async_sessionmaker(engine, expire_on_commit=False)
templates = Jinja2Templates(directory=Path(__file__).parent / "templates")


@contextlib.asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    yield
    await engine.dispose()


async def get_session() -> AsyncIterator[AsyncSession]:
    async with Session() as session:
        yield session


DB = Annotated[AsyncSession, Depends(get_session)]
app = FastAPI(lifespan=lifespan)


@app.get("/plaintext", response_class=PlainTextResponse)
async def plaintext() -> str:
    return common.HELLO


@app.get("/json")
async def json() -> dict[str, str]:
    return {"message": common.HELLO}


@app.get("/db")
async def single_query(session: DB) -> dict[str, int]:
    world = await session.get(World, common.random_id())
    assert world is not None
    return {"id": world.id, "randomNumber": world.randomnumber}


@app.get("/queries")
async def queries(session: DB, queries: str | None = None) -> list[dict[str, int]]:
    worlds = []
    for world_id in common.random_ids(common.clamp_queries(queries)):
        world = await session.get(World, world_id)
        assert world is not None
        worlds.append({"id": world.id, "randomNumber": world.randomnumber})
    return worlds


@app.get("/fortunes")
async def fortunes(request: Request, session: DB) -> object:
    rows = list(await session.scalars(select(Fortune)))
    rows.append(Fortune(id=0, message=common.ADDITIONAL_FORTUNE))
    rows.sort(key=lambda fortune: fortune.message)
    return templates.TemplateResponse(request, "fortunes.html", {"fortunes": rows})


@app.get("/updates")
async def updates(session: DB, queries: str | None = None) -> list[dict[str, int]]:
    worlds = []
    async with session.begin():
        for world_id in sorted(common.random_ids(common.clamp_queries(queries))):
            world = await session.get(World, world_id)
            assert world is not None
            world.randomnumber = common.random_id()
            worlds.append({"id": world.id, "randomNumber": world.randomnumber})
    return worlds
