"""SQLite connections on aiosqlite: one serialized connection per database file."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator, Sequence
from pathlib import Path
from typing import Any

from parvel.database._rows import rows_to_dicts
from parvel.database.connection import Connection, datetime_to_string
from parvel.database.connectors import import_driver
from parvel.database.exceptions import (
    ConfigurationError,
    LostConnectionError,
    QueryError,
    UniqueConstraintViolation,
)
from parvel.database.query.grammars.sqlite import SQLiteGrammar


class _SQLitePool:
    """One aiosqlite connection guarded by a lock that its holding task may re-enter.

    SQLite has a single writer anyway. Re-entry lets a task run queries while it streams a
    ``cursor()`` (the stream holds the connection) instead of waiting for itself.
    """

    def __init__(self, raw: Any) -> None:
        self.raw = raw
        self.lock = asyncio.Lock()
        self.owner: asyncio.Task[Any] | None = None
        self.depth = 0

    async def acquire(self) -> None:
        task = asyncio.current_task()
        if self.owner is task and task is not None:
            self.depth += 1
            return
        await self.lock.acquire()
        self.owner = task
        self.depth = 1

    def release(self) -> None:
        self.depth -= 1
        if self.depth == 0:
            self.owner = None
            self.lock.release()


def split_statements(script: str) -> list[str]:
    """Split an SQL script into complete statements (semicolons in literals stay put)."""
    statements: list[str] = []
    buffer = ""
    for piece in script.split(";"):
        buffer += piece + ";"
        if sqlite3.complete_statement(buffer):
            if buffer.strip(" \t\r\n;"):
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip(" \t\r\n;"):
        statements.append(buffer.rstrip(";").strip())
    return statements


def _check_folder(name: str, database: str) -> None:
    if database == ":memory:" or database.startswith("file:"):
        return
    if not Path(database).expanduser().parent.is_dir():
        raise ConfigurationError(
            f"The [{name}] SQLite database {database!r} is in a folder that does not exist.",
            hint="Create the folder or fix DB_DATABASE (an absolute path is safest).",
        )


class SQLiteConnection(Connection):
    """A connection to an SQLite database file (or ``:memory:``)."""

    driver = "sqlite"
    pools_connections = False
    supports_transactional_ddl = True

    def _make_grammar(self) -> SQLiteGrammar:
        return SQLiteGrammar()

    async def _create_pool(self, config: dict[str, Any]) -> _SQLitePool:
        aiosqlite = import_driver("aiosqlite", "", self.name)
        database = str(config.get("database") or ":memory:")
        _check_folder(self.name, database)
        timeout = float(config.get("busy_timeout", 5000)) / 1000
        pending = aiosqlite.connect(
            database, isolation_level=None, timeout=timeout, uri=database.startswith("file:")
        )
        # aiosqlite's worker thread is not a daemon: a script that never calls disconnect()
        # would hang at exit. Committed data is safe either way.
        worker = getattr(pending, "_thread", None)
        if worker is not None:
            worker.daemon = True
        raw = await pending
        raw.row_factory = sqlite3.Row
        fk = config.get("foreign_key_constraints", True)
        await raw.execute(f"PRAGMA foreign_keys = {'ON' if fk or fk is None else 'OFF'}")
        await raw.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        if config.get("journal_mode"):
            mode = str(config["journal_mode"]).upper()
            if mode not in {"DELETE", "TRUNCATE", "PERSIST", "MEMORY", "WAL", "OFF"}:
                raise ConfigurationError(f"Unknown SQLite journal_mode {mode!r} on [{self.name}].")
            await raw.execute(f"PRAGMA journal_mode = {mode}")
        if config.get("synchronous"):
            sync = str(config["synchronous"]).upper()
            if sync not in {"OFF", "NORMAL", "FULL", "EXTRA"}:
                raise ConfigurationError(f"Unknown SQLite synchronous {sync!r} on [{self.name}].")
            await raw.execute(f"PRAGMA synchronous = {sync}")
        return _SQLitePool(raw)

    async def _abandon_pool(self, pool: Any) -> None:
        stopped = pool.raw.stop()
        if stopped is not None:
            await stopped

    async def _close_pool(self, pool: _SQLitePool) -> None:
        await pool.raw.close()

    async def _acquire(self, pool: _SQLitePool) -> Any:
        await pool.acquire()
        return pool.raw

    async def _release(self, pool: _SQLitePool, raw: Any) -> None:
        pool.release()

    def prepare_binding(self, value: Any) -> Any:
        """Dates become ISO strings; dicts and lists become JSON."""
        return datetime_to_string(super().prepare_binding(value))

    async def _fetch(self, raw: Any, sql: str, bindings: Sequence[Any]) -> list[dict[str, Any]]:
        rows = await raw.execute_fetchall(sql, bindings)
        if not rows:
            return []
        return rows_to_dicts(rows, rows[0].keys())

    async def _execute(self, raw: Any, sql: str, bindings: Sequence[Any]) -> tuple[int, Any]:
        cursor = await raw.execute(sql, bindings)
        result = (cursor.rowcount, cursor.lastrowid)
        await cursor.close()
        return result

    async def _script(self, raw: Any, sql: str) -> None:
        for statement in split_statements(sql):
            await (await raw.execute(statement)).close()

    async def _stream(
        self, raw: Any, sql: str, bindings: Sequence[Any]
    ) -> AsyncIterator[dict[str, Any]]:
        cursor = await raw.execute(sql, bindings)
        try:
            while True:
                rows = await cursor.fetchmany(int(self.config.get("cursor_chunk", 256)))
                if not rows:
                    break
                for row in rows:
                    yield dict(row)
        finally:
            await cursor.close()

    async def _begin(self, raw: Any) -> None:
        mode = str(self.config.get("transaction_mode", "DEFERRED")).upper()
        if mode not in {"DEFERRED", "IMMEDIATE", "EXCLUSIVE"}:
            mode = "DEFERRED"
        await (await raw.execute(f"BEGIN {mode}")).close()

    async def _commit(self, raw: Any) -> None:
        await (await raw.execute("COMMIT")).close()

    async def _rollback(self, raw: Any) -> None:
        await (await raw.execute("ROLLBACK")).close()

    def _classify(self, exc: BaseException) -> type[QueryError] | None:
        if isinstance(exc, sqlite3.IntegrityError) and "UNIQUE constraint failed" in str(exc):
            return UniqueConstraintViolation
        if isinstance(exc, sqlite3.ProgrammingError) and "closed" in str(exc):
            return LostConnectionError
        if isinstance(exc, sqlite3.Error):
            return QueryError
        return None

    def is_concurrency_error(self, exc: BaseException) -> bool:
        """A locked database is worth retrying."""
        return "database is locked" in str(exc) or "deadlock" in str(exc).lower()
