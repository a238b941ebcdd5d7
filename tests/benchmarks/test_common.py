"""Query clamping, random ids and the database URL shared by every app."""

from __future__ import annotations

import pytest
from benchmarks.techempower import common


@pytest.mark.parametrize(
    ("raw", "count"),
    [(None, 1), ("", 1), ("foo", 1), ("0", 1), ("-5", 1), ("1", 1), ("20", 20),
     ("500", 500), ("501", 500), ("99999", 500), ("2.5", 1)],
)  # fmt: skip
def test_clamp_queries(raw: str | None, count: int) -> None:
    assert common.clamp_queries(raw) == count


def test_random_ids_are_distinct_and_in_range() -> None:
    ids = common.random_ids(500)
    assert len(set(ids)) == 500
    assert all(1 <= i <= common.WORLD_ROWS for i in ids)
    assert 1 <= common.random_id() <= common.WORLD_ROWS


def test_dsn_names_the_driver_and_database() -> None:
    url = common.dsn("postgresql+asyncpg")
    assert url.startswith("postgresql+asyncpg://")
    assert url.endswith(f"/{common.PG_DATABASE}")
