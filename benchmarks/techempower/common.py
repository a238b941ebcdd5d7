"""Settings and rules shared by every TechEmpower app (database, pool size, query clamping).

Every app reads its database settings from here so all frameworks talk to the same PostgreSQL
database with the same pool size. Environment variables override the defaults:

    BENCH_PG_HOST (127.0.0.1)  BENCH_PG_PORT (5432)  BENCH_PG_USER (postgres)
    BENCH_PG_PASSWORD ("")     BENCH_PG_DATABASE (parvel_bench)  BENCH_POOL_SIZE (16)
"""

from __future__ import annotations

import os
import random

PG_HOST = os.environ.get("BENCH_PG_HOST", "127.0.0.1")
PG_PORT = int(os.environ.get("BENCH_PG_PORT", "5432"))
PG_USER = os.environ.get("BENCH_PG_USER", "postgres")
PG_PASSWORD = os.environ.get("BENCH_PG_PASSWORD", "")
PG_DATABASE = os.environ.get("BENCH_PG_DATABASE", "parvel_bench")
POOL_SIZE = int(os.environ.get("BENCH_POOL_SIZE", "16"))

WORLD_ROWS = 10_000
MAX_QUERIES = 500
HELLO = "Hello, World!"
ADDITIONAL_FORTUNE = "Additional fortune added at request time."


def dsn(driver: str = "postgresql") -> str:
    """The database URL for ``driver`` (``postgresql``, ``postgresql+asyncpg``, ...)."""
    auth = PG_USER if not PG_PASSWORD else f"{PG_USER}:{PG_PASSWORD}"
    return f"{driver}://{auth}@{PG_HOST}:{PG_PORT}/{PG_DATABASE}"


def clamp_queries(raw: str | None) -> int:
    """The number of queries asked for, per TechEmpower rules: not a number -> 1, clamp 1..500."""
    try:
        count = int(raw) if raw is not None else 1
    except ValueError:
        return 1
    return min(max(count, 1), MAX_QUERIES)


def random_id() -> int:
    """A random ``world`` row id (1..10,000)."""
    return random.randint(1, WORLD_ROWS)


def random_ids(count: int) -> list[int]:
    """``count`` distinct random ``world`` ids (distinct so batched updates never deadlock)."""
    return random.sample(range(1, WORLD_ROWS + 1), count)
