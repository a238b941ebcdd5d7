"""Create the TechEmpower tables in the ``parvel_bench`` PostgreSQL database (idempotent).

    python benchmarks/techempower/setup_db.py

Creates the database when missing, then ``world`` (10,000 rows of random numbers) and
``fortune`` (the 12 standard fortunes). Running it again leaves a correct database untouched
and repairs a broken one.
"""

from __future__ import annotations

import asyncio
import random
import sys
from pathlib import Path

import asyncpg

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from benchmarks.techempower import common

FORTUNES: tuple[tuple[int, str], ...] = (
    (1, "fortune: No such file or directory"),
    (2, "A computer scientist is someone who fixes things that aren't broken."),
    (3, "After enough decimal places, nobody gives a damn."),
    (4, "A bad random number generator: 1, 1, 1, 1, 1, 4.33e+67, 1, 1, 1"),
    (5, "A computer program does what you tell it to do, not what you want it to do."),
    (6, "Emacs is a nice operating system, but I prefer UNIX. — Tom Christaensen"),
    (7, "Any program that runs right is obsolete."),
    (8, "A list is only as strong as its weakest link. — Donald Knuth"),
    (9, "Feature: A bug with seniority."),
    (10, "Computers make very fast, very accurate mistakes."),
    (11, '<script>alert("This should not be displayed in a browser alert box.");</script>'),
    (12, "フレームワークのベンチマーク"),
)


async def _connect(database: str) -> asyncpg.Connection:
    return await asyncpg.connect(
        host=common.PG_HOST,
        port=common.PG_PORT,
        user=common.PG_USER,
        password=common.PG_PASSWORD or None,
        database=database,
    )


async def ensure_database() -> None:
    """Create the benchmark database when it does not exist yet."""
    admin = await _connect("postgres")
    try:
        exists = await admin.fetchval(
            "SELECT 1 FROM pg_database WHERE datname = $1", common.PG_DATABASE
        )
        if not exists:
            await admin.execute(f'CREATE DATABASE "{common.PG_DATABASE}"')
    finally:
        await admin.close()


async def ensure_tables() -> dict[str, int]:
    """Create and fill ``world`` and ``fortune``; return their row counts."""
    conn = await _connect(common.PG_DATABASE)
    try:
        async with conn.transaction():
            await conn.execute(
                "CREATE TABLE IF NOT EXISTS world "
                "(id integer PRIMARY KEY, randomnumber integer NOT NULL DEFAULT 0)"
            )
            await conn.execute(
                "CREATE TABLE IF NOT EXISTS fortune "
                "(id integer PRIMARY KEY, message varchar(2048) NOT NULL)"
            )
            world_ok = await conn.fetchval(
                "SELECT count(*) = $1 AND min(id) = 1 AND max(id) = $1 FROM world",
                common.WORLD_ROWS,
            )
            if not world_ok:
                await conn.execute("TRUNCATE world")
                rows = [(i, random.randint(1, 10_000)) for i in range(1, common.WORLD_ROWS + 1)]
                await conn.copy_records_to_table(
                    "world", records=rows, columns=["id", "randomnumber"]
                )
            current = await conn.fetch("SELECT id, message FROM fortune ORDER BY id")
            if [tuple(row) for row in current] != list(FORTUNES):
                await conn.execute("TRUNCATE fortune")
                await conn.executemany(
                    "INSERT INTO fortune (id, message) VALUES ($1, $2)", FORTUNES
                )
        await conn.execute("ANALYZE world")
        await conn.execute("ANALYZE fortune")
        return {
            "world": await conn.fetchval("SELECT count(*) FROM world"),
            "fortune": await conn.fetchval("SELECT count(*) FROM fortune"),
        }
    finally:
        await conn.close()


async def setup() -> dict[str, int]:
    """Make sure the database and both tables exist and hold the standard data."""
    await ensure_database()
    return await ensure_tables()


def main() -> None:
    counts = asyncio.run(setup())
    print(
        f"{common.PG_DATABASE} on {common.PG_HOST}:{common.PG_PORT}: "
        f"world {counts['world']} rows, fortune {counts['fortune']} rows"
    )


if __name__ == "__main__":
    main()
