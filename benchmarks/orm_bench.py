"""ORM benchmark on PostgreSQL: Parvel vs raw asyncpg, SQLAlchemy ORM (async), Django ORM, Masonite ORM.

Runs in one process against the local PostgreSQL test database (tables ``bench_*``):

* ``find``: fetch one post by primary key (a fresh session per lookup for SQLAlchemy).
* ``all``: fetch 1,000 posts as objects and read one attribute of each.
* ``eager``: 100 posts with their comments (5 per post) eager loaded.

Django and Masonite ORM are synchronous; they run outside the event loop on psycopg.
Prints operations per second and each ORM's ratio to raw asyncpg.
``python benchmarks/orm_bench.py`` (needs ``pip install sqlalchemy django masonite-orm
psycopg2-binary`` for the peers; a missing peer is reported and skipped). Finishes in < 2 minutes.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

HOST = os.environ.get("PARVEL_TEST_PG_HOST", "127.0.0.1")
PORT = int(os.environ.get("PARVEL_TEST_PG_PORT", "5432"))
USER = os.environ.get("PARVEL_TEST_PG_USER", "postgres")
PASSWORD = os.environ.get("PARVEL_TEST_PG_PASSWORD", "")
SERVICE_DATABASE = os.environ.get("PARVEL_TEST_PG_DATABASE", "test")
DATABASE = os.environ.get("PARVEL_BENCH_PG_DATABASE", "parvel_orm_bench")
"""A database of its own, created on first run, so other suites cannot drop the tables."""
POSTS, COMMENTS_PER_POST, EAGER_POSTS = 1000, 5, 100
ROUNDS, SLICE = 6, 0.3
Result = dict[str, dict[str, float]]
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Django runs sync, in the same loop


Ops = dict[str, Callable[[], Any]]


async def measure(fn: Callable[[], Any], seconds: float) -> tuple[float, float]:
    """``fn`` (sync or async) per wall-clock second and per CPU second of this process.

    The CPU figure is the client-side cost (driver + ORM), stable on a busy machine; the wall
    figure includes the database server and the machine's load.
    """
    count = 0
    start = time.perf_counter()
    cpu_start = time.process_time()
    while True:
        result = fn()
        if asyncio.iscoroutine(result):
            await result
        count += 1
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            cpu = max(time.process_time() - cpu_start, 1e-9)
            return count / elapsed, count / cpu


# -- data ---------------------------------------------------------------------------------------
async def seed() -> None:
    import asyncpg

    admin = await asyncpg.connect(host=HOST, port=PORT, user=USER, password=PASSWORD or None,
                                  database=SERVICE_DATABASE)  # fmt: skip
    if not await admin.fetchval("select 1 from pg_database where datname = $1", DATABASE):
        await admin.execute(f'create database "{DATABASE}"')
    await admin.close()
    conn = await asyncpg.connect(
        host=HOST, port=PORT, user=USER, password=PASSWORD or None, database=DATABASE
    )
    await conn.execute("drop table if exists bench_comments; drop table if exists bench_posts")
    await conn.execute(
        "create table bench_posts (id serial primary key, title varchar(200) not null, "
        "body text, votes integer not null default 0, published_at timestamp null, "
        "created_at timestamp null, updated_at timestamp null)"
    )
    await conn.execute(
        "create table bench_comments (id serial primary key, post_id integer not null, "
        "body text not null, created_at timestamp null, updated_at timestamp null)"
    )
    await conn.executemany(
        "insert into bench_posts (title, body, votes, created_at, updated_at) values ($1, $2, $3, now(), now())",
        [(f"Post {i}", "Lorem ipsum dolor sit amet " * 4, i % 50) for i in range(POSTS)],
    )
    await conn.executemany(
        "insert into bench_comments (post_id, body, created_at, updated_at) values ($1, $2, now(), now())",
        [(p, f"comment {c}") for p in range(1, EAGER_POSTS + 1) for c in range(COMMENTS_PER_POST)],
    )
    await conn.execute("create index on bench_comments (post_id)")
    await conn.close()


async def drop() -> None:
    import asyncpg

    conn = await asyncpg.connect(
        host=HOST, port=PORT, user=USER, password=PASSWORD or None, database=DATABASE
    )
    await conn.execute("drop table if exists bench_comments; drop table if exists bench_posts")
    await conn.close()


# -- raw asyncpg ---------------------------------------------------------------------------------
async def setup_asyncpg() -> tuple[Ops, Callable[[], Awaitable[None]]]:
    import asyncpg

    pool = await asyncpg.create_pool(host=HOST, port=PORT, user=USER, password=PASSWORD or None,
                                     database=DATABASE, min_size=1, max_size=4)  # fmt: skip
    ids = iter(range(10**9))

    async def find() -> None:
        row = await pool.fetchrow("select * from bench_posts where id = $1", next(ids) % POSTS + 1)
        assert row is not None

    async def all_() -> None:
        rows = await pool.fetch("select * from bench_posts")
        assert sum(r["votes"] for r in rows) > 0

    async def eager() -> None:
        posts = await pool.fetch("select * from bench_posts order by id limit $1", EAGER_POSTS)
        comments = await pool.fetch(
            "select * from bench_comments where post_id = any($1::int[])", [p["id"] for p in posts]
        )
        grouped: dict[int, list[Any]] = {}
        for c in comments:
            grouped.setdefault(c["post_id"], []).append(c)
        assert sum(len(grouped.get(p["id"], [])) for p in posts) == EAGER_POSTS * COMMENTS_PER_POST

    return {"find": find, "all": all_, "eager": eager}, pool.close


# -- Parvel --------------------------------------------------------------------------------------
async def setup_parvel() -> tuple[Ops, Callable[[], Awaitable[None]]]:
    from datetime import datetime

    from parvel.database import DatabaseManager
    from parvel.orm import Model, has_many

    class BenchComment(Model):
        table = "bench_comments"
        id: int
        post_id: int
        body: str

    class BenchPost(Model):
        table = "bench_posts"
        id: int
        title: str
        body: str | None
        votes: int
        published_at: datetime | None
        comments = has_many(BenchComment, "post_id")

    manager = DatabaseManager({"default": "pgsql", "connections": {"pgsql": {
        "driver": "pgsql", "host": HOST, "port": PORT, "database": DATABASE, "username": USER,
        "password": PASSWORD, "pool": {"min_size": 1, "max_size": 4}}}})  # fmt: skip
    Model.set_connection_resolver(manager)
    ids = iter(range(10**9))

    async def find() -> None:
        post = await BenchPost.find(next(ids) % POSTS + 1)
        assert post is not None

    async def all_() -> None:
        posts = await BenchPost.all()
        assert sum(p.votes for p in posts) > 0

    async def eager() -> None:
        posts = await BenchPost.with_("comments").order_by("id").limit(EAGER_POSTS).get()
        assert sum(len(p.comments) for p in posts) == EAGER_POSTS * COMMENTS_PER_POST

    return {"find": find, "all": all_, "eager": eager}, manager.disconnect_all


# -- SQLAlchemy ORM (async) ----------------------------------------------------------------------
async def setup_sqlalchemy() -> tuple[Ops, Callable[[], Awaitable[None]]]:
    from sqlalchemy import Column, DateTime, ForeignKey, Integer, String, Text, select
    from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine
    from sqlalchemy.orm import declarative_base, relationship, selectinload

    base: Any = declarative_base()

    class SaPost(base):  # type: ignore[misc, valid-type]
        __tablename__ = "bench_posts"
        id = Column(Integer, primary_key=True)
        title = Column(String(200), nullable=False)
        body = Column(Text)
        votes = Column(Integer, nullable=False)
        published_at = Column(DateTime)
        created_at = Column(DateTime)
        updated_at = Column(DateTime)
        comments = relationship("SaComment", back_populates="post")

    class SaComment(base):  # type: ignore[misc, valid-type]
        __tablename__ = "bench_comments"
        id = Column(Integer, primary_key=True)
        post_id = Column(Integer, ForeignKey("bench_posts.id"), nullable=False)
        body = Column(Text, nullable=False)
        created_at = Column(DateTime)
        updated_at = Column(DateTime)
        post = relationship(SaPost, back_populates="comments")

    password = f":{PASSWORD}" if PASSWORD else ""
    engine = create_async_engine(
        f"postgresql+asyncpg://{USER}{password}@{HOST}:{PORT}/{DATABASE}", pool_size=4
    )
    session_factory = async_sessionmaker(engine, expire_on_commit=False)
    ids = iter(range(10**9))

    async def find() -> None:
        async with session_factory() as session:
            post = await session.get(SaPost, next(ids) % POSTS + 1)
            assert post is not None

    async def all_() -> None:
        async with session_factory() as session:
            posts = (await session.scalars(select(SaPost))).all()
            assert sum(p.votes for p in posts) > 0

    async def eager() -> None:
        async with session_factory() as session:
            query = select(SaPost).options(selectinload(SaPost.comments)).order_by(SaPost.id)
            posts = (await session.scalars(query.limit(EAGER_POSTS))).all()
            assert sum(len(p.comments) for p in posts) == EAGER_POSTS * COMMENTS_PER_POST

    return {"find": find, "all": all_, "eager": eager}, engine.dispose


# -- Django ORM (sync) ---------------------------------------------------------------------------
async def setup_django() -> tuple[Ops, Callable[[], Awaitable[None]]]:
    import django
    from django.conf import settings

    settings.configure(
        DATABASES={"default": {"ENGINE": "django.db.backends.postgresql", "NAME": DATABASE,
                               "USER": USER, "PASSWORD": PASSWORD, "HOST": HOST, "PORT": PORT}},
        INSTALLED_APPS=[], USE_TZ=False,
    )  # fmt: skip
    django.setup()
    from django.db import models

    class DjPost(models.Model):
        title = models.CharField(max_length=200)
        body = models.TextField(null=True)
        votes = models.IntegerField()
        published_at = models.DateTimeField(null=True)
        created_at = models.DateTimeField(null=True)
        updated_at = models.DateTimeField(null=True)

        class Meta:
            app_label = "bench"
            db_table = "bench_posts"

    class DjComment(models.Model):
        post = models.ForeignKey(DjPost, on_delete=models.CASCADE, related_name="comments")
        body = models.TextField()
        created_at = models.DateTimeField(null=True)
        updated_at = models.DateTimeField(null=True)

        class Meta:
            app_label = "bench"
            db_table = "bench_comments"

    ids = iter(range(10**9))

    def find() -> None:
        DjPost.objects.get(pk=next(ids) % POSTS + 1)

    def all_() -> None:
        assert sum(p.votes for p in DjPost.objects.all()) > 0

    def eager() -> None:
        posts = list(DjPost.objects.order_by("id").prefetch_related("comments")[:EAGER_POSTS])
        assert sum(len(p.comments.all()) for p in posts) == EAGER_POSTS * COMMENTS_PER_POST

    from django.db import connection

    async def close() -> None:
        connection.close()

    return {"find": find, "all": all_, "eager": eager}, close


# -- Masonite ORM (sync) -------------------------------------------------------------------------
async def setup_masonite() -> tuple[Ops, Callable[[], Awaitable[None]]]:
    folder = Path(tempfile.mkdtemp())
    (folder / "bench_masonite_config.py").write_text(
        "from masoniteorm.connections import ConnectionResolver\n"
        f"DATABASES = {{'default': 'postgres', 'postgres': {{'driver': 'postgres', 'host': {HOST!r},"
        f" 'user': {USER!r}, 'password': {PASSWORD!r}, 'database': {DATABASE!r}, 'port': {PORT},"
        " 'prefix': '', 'log_queries': False}}\n"
        "DB = ConnectionResolver().set_connection_details(DATABASES)\n"
    )
    sys.path.insert(0, str(folder))
    os.environ["DB_CONFIG_PATH"] = "bench_masonite_config"
    import warnings

    warnings.simplefilter("ignore")
    from masoniteorm.models import Model as MasoniteModel
    from masoniteorm.relationships import has_many

    class MsComment(MasoniteModel):
        __table__ = "bench_comments"

    class MsPost(MasoniteModel):
        __table__ = "bench_posts"

        @has_many("id", "post_id")
        def comments(self) -> Any:
            return MsComment

    ids = iter(range(10**9))

    def find() -> None:
        assert MsPost.find(next(ids) % POSTS + 1) is not None

    def all_() -> None:
        assert sum(p.votes for p in MsPost.all()) > 0

    def eager() -> None:
        posts = MsPost.with_("comments").order_by("id").limit(EAGER_POSTS).get()
        assert sum(len(p.comments) for p in posts) == EAGER_POSTS * COMMENTS_PER_POST

    async def close() -> None:
        return None

    return {"find": find, "all": all_, "eager": eager}, close


# -- main ----------------------------------------------------------------------------------------
SETUPS: dict[str, Callable[[], Awaitable[tuple[Ops, Callable[[], Awaitable[None]]]]]] = {
    "raw asyncpg": setup_asyncpg,
    "Parvel": setup_parvel,
    "SQLAlchemy ORM (async)": setup_sqlalchemy,
    "Django ORM (sync)": setup_django,
    "Masonite ORM (sync)": setup_masonite,
}


async def run() -> tuple[Result, Result, dict[str, str]]:
    """Set every ORM up, then time them in interleaved rounds (best round wins)."""
    suites: dict[str, Ops] = {}
    closers: list[Callable[[], Awaitable[None]]] = []
    skipped: dict[str, str] = {}
    for name, setup in SETUPS.items():
        try:
            ops, close = await setup()
            for op in ops.values():  # warm up (and check the answers)
                result = op()
                if asyncio.iscoroutine(result):
                    await result
        except ImportError as exc:
            skipped[name] = f"not installed ({exc.name})"
            continue
        except Exception as exc:  # a peer failing must not hide the others' figures
            skipped[name] = f"failed: {type(exc).__name__}: {str(exc).splitlines()[0]}"
            continue
        suites[name] = ops
        closers.append(close)
    wall: Result = {name: {"find": 0.0, "all": 0.0, "eager": 0.0} for name in suites}
    cpu: Result = {name: {"find": 0.0, "all": 0.0, "eager": 0.0} for name in suites}
    for _ in range(ROUNDS):
        for name, ops in suites.items():
            for op, fn in ops.items():
                per_wall, per_cpu = await measure(fn, SLICE)
                wall[name][op] = max(wall[name][op], per_wall)
                cpu[name][op] = max(cpu[name][op], per_cpu)
    for close in closers:
        await close()
    return wall, cpu, skipped


def report(title: str, results: Result) -> None:
    """Print one table of figures with ratios to raw asyncpg."""
    raw = results["raw asyncpg"]
    print(f"\n{title}")
    print(f"{'':26}{'find':>10}{'ratio':>8}{'all':>10}{'ratio':>8}{'eager':>10}{'ratio':>8}")
    for name, row in results.items():
        print(f"{name:26}" + "".join(
            f"{row[k]:>10.0f}{row[k] / raw[k]:>8.2f}" for k in ("find", "all", "eager")))  # fmt: skip
    parvel = results["Parvel"]
    print(f"Parvel / raw asyncpg on find: {parvel['find'] / raw['find']:.2f} (goal >= 0.6)")
    for name, row in results.items():
        if name not in {"Parvel", "raw asyncpg"}:
            print(f"Parvel / {name}: find {parvel['find'] / row['find']:.2f}x, "
                  f"all {parvel['all'] / row['all']:.2f}x, eager {parvel['eager'] / row['eager']:.2f}x")  # fmt: skip


def main() -> None:
    asyncio.run(seed())
    try:
        wall, cpu, skipped = asyncio.run(run())
    finally:
        asyncio.run(drop())
    print(f"\nPostgreSQL {HOST}:{PORT}/{DATABASE}; find by key, all (1,000 rows), eager "
          f"({EAGER_POSTS} posts + {EAGER_POSTS * COMMENTS_PER_POST} comments); best of {ROUNDS} "
          f"interleaved rounds of {SLICE}s")  # fmt: skip
    for name, reason in skipped.items():
        print(f"{name:26} skipped: {reason}")
    report("Operations per wall-clock second (includes the server and the machine's load):", wall)
    report("Operations per CPU second of the benchmark process (client-side cost):", cpu)


if __name__ == "__main__":
    main()
