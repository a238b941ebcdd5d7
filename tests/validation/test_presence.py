"""DatabasePresenceVerifier against a small query builder over real SQLite (aiosqlite)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import aiosqlite
import pytest

from parvel.validation import DatabasePresenceVerifier, Rule, ValidationConfigError, Validator


class Query:
    """The query-builder surface DatabasePresenceVerifier relies on, executed on SQLite."""

    def __init__(self, db: aiosqlite.Connection, table: str) -> None:
        self.db = db
        self.table = table
        self.clauses: list[str] = []
        self.bindings: list[Any] = []

    def where(self, column: str, operator: str, value: Any) -> Query:
        self.clauses.append(f'"{column}" {operator} ?')
        self.bindings.append(value)
        return self

    def where_null(self, column: str) -> Query:
        self.clauses.append(f'"{column}" IS NULL')
        return self

    def where_not_null(self, column: str) -> Query:
        self.clauses.append(f'"{column}" IS NOT NULL')
        return self

    def where_in(self, column: str, values: list[Any]) -> Query:
        self.clauses.append(f'"{column}" IN ({", ".join("?" for _ in values)})')
        self.bindings.extend(values)
        return self

    def where_not_in(self, column: str, values: list[Any]) -> Query:
        self.clauses.append(f'"{column}" NOT IN ({", ".join("?" for _ in values)})')
        self.bindings.extend(values)
        return self

    async def count(self) -> int:
        where = " AND ".join(self.clauses) or "1"
        sql = f'SELECT COUNT(*) FROM "{self.table}" WHERE {where}'
        async with self.db.execute(sql, self.bindings) as cursor:
            row = await cursor.fetchone()
        assert row is not None
        return int(row[0])


class Manager:
    def __init__(self, db: aiosqlite.Connection) -> None:
        self.db = db
        self.names: list[str | None] = []

    def connection(self, name: str | None = None) -> Manager:
        self.names.append(name)
        return self

    def table(self, name: str) -> Query:
        return Query(self.db, name)


@pytest.fixture
async def manager(tmp_path: Path) -> Any:
    db = await aiosqlite.connect(tmp_path / "app.db")
    await db.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT, deleted_at TEXT)")
    await db.executemany(
        "INSERT INTO users (id, email, deleted_at) VALUES (?, ?, ?)",
        [(1, "a@x.io", None), (2, "b@x.io", "2024-01-01"), (3, "c@x.io", None)],
    )
    await db.commit()
    yield Manager(db)
    await db.close()


async def test_unique_and_exists_on_sqlite(manager: Manager) -> None:
    verifier = DatabasePresenceVerifier(manager)
    assert await verifier.get_count("users", "email", "a@x.io") == 1
    assert await verifier.get_count("users", "email", "a@x.io", excluded_id=1) == 0
    assert (
        await verifier.get_count("users", "email", "b@x.io", extra=[("deleted_at", "null", None)])
        == 0
    )
    assert await verifier.get_count("users", "email", "b@x.io", extra=[("id", "!=", 9)]) == 1
    assert await verifier.get_multi_count("users", "email", ["a@x.io", "c@x.io", "z@x.io"]) == 2

    rules = {
        "email": ["required", "email", Rule.unique("users").ignore(3)],
        "owner": "exists:users,email",
    }
    v = Validator.make({"email": "c@x.io", "owner": "a@x.io"}, rules, presence_verifier=verifier)
    assert await v.passes()
    v = Validator.make({"email": "a@x.io", "owner": "q@x.io"}, rules, presence_verifier=verifier)
    assert await v.fails()
    assert v.errors().messages() == {
        "email": ["The email has already been taken."],
        "owner": ["The selected owner is invalid."],
    }
    await Validator.make(
        {"e": "a@x.io"}, {"e": "unique:main.users,email"}, presence_verifier=verifier
    ).passes()
    assert manager.names[-1] == "main"


async def test_query_constraints_on_sqlite(manager: Manager) -> None:
    verifier = DatabasePresenceVerifier(manager)
    rule = Rule.unique("users", "email").where_in("id", [1, 2]).where_not_in("id", [2])
    v = Validator.make({"email": "a@x.io"}, {"email": [rule]}, presence_verifier=verifier)
    assert await v.fails()
    rule = Rule.unique("users", "email").where("id", [2, 3])
    assert await Validator.make(
        {"email": "a@x.io"}, {"email": [rule]}, presence_verifier=verifier
    ).passes()
    rule = Rule.exists("users", "email").where(lambda query: query.where_not_null("deleted_at"))
    assert await Validator.make({"e": "b@x.io"}, {"e": [rule]}, presence_verifier=verifier).passes()
    assert await Validator.make({"e": "a@x.io"}, {"e": [rule]}, presence_verifier=verifier).fails()
    trashed = Rule.exists("users", "email").with_only_trashed().where("email", None)
    assert await Validator.make(
        {"e": "b@x.io"}, {"e": [trashed]}, presence_verifier=verifier
    ).fails()


async def test_without_manager_is_a_clear_error() -> None:
    verifier = DatabasePresenceVerifier()
    with pytest.raises(ValidationConfigError, match="database manager"):
        await verifier.get_count("users", "email", "x")
