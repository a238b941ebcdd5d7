"""Query-builder speed against raw asyncpg, SQLAlchemy Core (async) and Django's ORM.

One run, one PostgreSQL server (``PARVEL_TEST_PG_*`` env vars, defaults 127.0.0.1:5432,
user postgres, database test). Two workloads, each run sequentially in one task:

* single-row select by primary key
* a 1,000-row select

Parvel runs twice: with its default pool (a connection keeps its session when returned, saving
asyncpg's per-release ``RESET ALL`` round trip) and with ``reset_session=True`` (asyncpg's full
reset, as raw asyncpg does by default).

Usage: ``python benchmarks/database_bench.py`` (needs asyncpg, sqlalchemy[asyncio], django,
psycopg; uvloop when installed, as under granian/uvicorn). Prints ops/s and the ratio to raw
asyncpg.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

HOST = os.environ.get("PARVEL_TEST_PG_HOST", "127.0.0.1")
PORT = int(os.environ.get("PARVEL_TEST_PG_PORT", "5432"))
USER = os.environ.get("PARVEL_TEST_PG_USER", "postgres")
PASSWORD = os.environ.get("PARVEL_TEST_PG_PASSWORD", "")
ADMIN_DATABASE = os.environ.get("PARVEL_TEST_PG_DATABASE", "test")
DATABASE = "parvel_bench"  # a database of its own: test suites may wipe the shared one
TABLE = "parvel_bench_users"
ROWS = 1000
SINGLE_OPS = int(os.environ.get("BENCH_SINGLE_OPS", "100"))
MANY_OPS = int(os.environ.get("BENCH_MANY_OPS", "10"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "30"))

Op = Callable[[int], Awaitable[object]]
Contender = tuple[Op, Op, Callable[[], Awaitable[None]]]


async def setup() -> None:
    import asyncpg

    admin = await asyncpg.connect(
        host=HOST, port=PORT, user=USER, password=PASSWORD or None, database=ADMIN_DATABASE
    )
    if not await admin.fetchval("select 1 from pg_database where datname = $1", DATABASE):
        await admin.execute(f"create database {DATABASE}")
    await admin.close()
    conn = await asyncpg.connect(
        host=HOST, port=PORT, user=USER, password=PASSWORD or None, database=DATABASE
    )
    await conn.execute(f"drop table if exists {TABLE}")
    await conn.execute(
        f"create table {TABLE} (id serial primary key, name varchar(100) not null, "
        "email varchar(190) not null, votes integer not null, created_at timestamp not null default now())"
    )
    await conn.executemany(
        f"insert into {TABLE} (name, email, votes) values ($1, $2, $3)",
        [(f"user {i}", f"user{i}@example.com", i % 50) for i in range(ROWS)],
    )
    await conn.close()


async def teardown() -> None:
    import asyncpg

    conn = await asyncpg.connect(
        host=HOST, port=PORT, user=USER, password=PASSWORD or None, database=DATABASE
    )
    await conn.execute(f"drop table if exists {TABLE}")
    await conn.close()


async def measure(ops: int, fn: Op) -> float:
    start = time.perf_counter()
    for i in range(ops):
        await fn(i)
    return ops / (time.perf_counter() - start)


async def bench_asyncpg() -> Contender:
    import asyncpg

    pool = await asyncpg.create_pool(
        host=HOST,
        port=PORT,
        user=USER,
        password=PASSWORD or None,
        database=DATABASE,
        min_size=1,
        max_size=10,
    )

    async def single(i: int) -> object:
        return await pool.fetchrow(f"select * from {TABLE} where id = $1 limit 1", i % ROWS + 1)

    async def many(i: int) -> object:
        return await pool.fetch(f"select * from {TABLE} limit 1000")

    return single, many, pool.close


async def bench_parvel_reset() -> Contender:
    return await bench_parvel(reset_session=True)


async def bench_parvel(reset_session: bool = False) -> Contender:
    from parvel.database import DatabaseManager

    db = DatabaseManager(
        {
            "default": "pgsql",
            "connections": {
                "pgsql": {
                    "driver": "pgsql",
                    "host": HOST,
                    "port": PORT,
                    "database": DATABASE,
                    "username": USER,
                    "password": PASSWORD,
                    "pool": {"min_size": 1, "max_size": 10, "reset_session": reset_session},
                }
            },
        }
    )

    async def single(i: int) -> object:
        return await db.table(TABLE).where("id", i % ROWS + 1).first()

    async def many(i: int) -> object:
        return await db.table(TABLE).limit(1000).get()

    return single, many, db.disconnect_all


async def bench_sqlalchemy() -> Contender:
    from sqlalchemy import Column, DateTime, Integer, MetaData, String, Table, select
    from sqlalchemy.ext.asyncio import create_async_engine

    auth = f"{USER}:{PASSWORD}" if PASSWORD else USER
    engine = create_async_engine(
        f"postgresql+asyncpg://{auth}@{HOST}:{PORT}/{DATABASE}", pool_size=10
    )
    table = Table(
        TABLE,
        MetaData(),
        Column("id", Integer, primary_key=True),
        Column("name", String),
        Column("email", String),
        Column("votes", Integer),
        Column("created_at", DateTime),
    )

    async def single(i: int) -> object:
        async with engine.connect() as conn:
            result = await conn.execute(select(table).where(table.c.id == i % ROWS + 1).limit(1))
            return result.mappings().first()

    async def many(i: int) -> object:
        async with engine.connect() as conn:
            result = await conn.execute(select(table).limit(1000))
            return result.mappings().all()

    return single, many, engine.dispose


async def bench_django() -> Contender:
    import django
    from django.conf import settings

    if not settings.configured:
        settings.configure(
            DATABASES={
                "default": {
                    "ENGINE": "django.db.backends.postgresql",
                    "HOST": HOST,
                    "PORT": PORT,
                    "NAME": DATABASE,
                    "USER": USER,
                    "PASSWORD": PASSWORD,
                    "CONN_MAX_AGE": None,
                }
            },
            INSTALLED_APPS=[],
            USE_TZ=False,
        )
        django.setup()
    from django.db import models

    class BenchUser(models.Model):
        name = models.CharField(max_length=100)
        email = models.CharField(max_length=190)
        votes = models.IntegerField()
        created_at = models.DateTimeField()

        class Meta:
            app_label = "bench"
            db_table = TABLE
            managed = False

    async def single(i: int) -> object:
        return await BenchUser.objects.filter(id=i % ROWS + 1).values().afirst()

    async def many(i: int) -> object:
        return [row async for row in BenchUser.objects.values()[:1000]]

    async def close() -> None:
        return None

    return single, many, close


async def main() -> None:
    await setup()
    contenders: dict[str, Contender] = {}
    samples: dict[str, tuple[list[float], list[float]]] = {}
    try:
        for name, factory in (
            ("raw asyncpg", bench_asyncpg),
            ("Parvel query builder", bench_parvel),
            ("Parvel, reset_session=True", bench_parvel_reset),
            ("SQLAlchemy Core async", bench_sqlalchemy),
            ("Django ORM (async, values())", bench_django),
        ):
            try:
                contenders[name] = await factory()
            except ImportError as exc:
                print(f"skipping {name}: {exc}")
                continue
            single, many, _ = contenders[name]
            for i in range(100):  # warm up statement caches and pools
                await single(i)
            for i in range(5):
                await many(i)
            samples[name] = ([], [])
        # Many short interleaved rounds: a noisy neighbour slows every contender of a round
        # alike, so per-round ratios stay meaningful; medians drop the outliers.
        for _ in range(ROUNDS):
            for name, (single, many, _close) in contenders.items():
                samples[name][0].append(await measure(SINGLE_OPS, single))
                samples[name][1].append(await measure(MANY_OPS, many))
    finally:
        for _single, _many, close in contenders.values():
            await close()
        await teardown()
    base = samples["raw asyncpg"]
    print(
        f"\nPostgreSQL {HOST}:{PORT}, one task, {ROUNDS} interleaved rounds of {SINGLE_OPS} single-row "
        f"and {MANY_OPS} {ROWS}-row selects; medians (ratio = median of per-round ratios)\n"
    )
    print(
        f"{'contender':<30} {'by id ops/s':>12} {'ratio':>7} {'1000 rows ops/s':>16} {'ratio':>7}"
    )
    for name, (single, many) in samples.items():
        single_ratio = statistics.median(s / b for s, b in zip(single, base[0], strict=True))
        many_ratio = statistics.median(m / b for m, b in zip(many, base[1], strict=True))
        print(
            f"{name:<30} {statistics.median(single):>12,.0f} {single_ratio:>6.2f}x "
            f"{statistics.median(many):>16,.1f} {many_ratio:>6.2f}x"
        )


if __name__ == "__main__":
    try:
        import uvloop  # the loop granian and uvicorn run Parvel apps on

        uvloop.install()
        print("event loop: uvloop")
    except ImportError:
        print("event loop: asyncio")
    asyncio.run(main())
