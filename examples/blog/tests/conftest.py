"""Shared fixtures for the app's tests. Parvel's pytest plugin provides `app` and `client`.

The tests use the database named by `.env.testing` (an SQLite file by default; set
DB_CONNECTION, DB_HOST, DB_DATABASE ... in the environment to run them on PostgreSQL or
MariaDB). The first test migrates it from scratch; every test starts with empty tables.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from parvel.database.migrations import Migrator

from app.models.user import User

ROOT = Path(__file__).resolve().parent.parent
TABLES = ["comments", "post_tag", "posts", "tags", "sessions", "users"]
_migrated = False


@pytest.fixture(autouse=True)
async def fresh_database(app: Any) -> None:
    """Migrate the test database once per run, then empty its tables before every test."""
    global _migrated
    db = app.make("db")
    if not _migrated:
        await Migrator(db, [ROOT / "database" / "migrations"]).fresh()
        _migrated = True
    else:
        for table in TABLES:
            await db.table(table).delete()


@pytest.fixture
async def author() -> User:
    """One saved user to write posts and comments."""
    user = await User.factory().create({"name": "Ada Lovelace"})
    assert isinstance(user, User)
    return user
