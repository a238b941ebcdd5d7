"""The migrator: run, roll back and report migrations, one batch at a time.

See ``docs/migrations.md`` for the guide.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from parvel.database.connection import Connection
from parvel.database.exceptions import QueryError
from parvel.database.manager import DatabaseManager
from parvel.database.migrations.dumper import dump_schema, load_schema
from parvel.database.migrations.exceptions import MigrationError, MigrationFailed, ProductionGuard
from parvel.database.migrations.loader import (
    MigrationFile,
    error_line,
    find_migrations,
    load_migration_class,
)
from parvel.database.migrations.migration import Migration
from parvel.database.migrations.repository import MigrationRepository
from parvel.database.schema import SchemaBuilder

EventKind = Literal["running", "done", "failed", "pretend", "missing", "schema", "skipped"]


@dataclass
class MigrationEvent:
    """Progress reported to the migrator's ``output`` callback.

    Attributes:
        kind: ``running``, ``done``, ``failed``, ``pretend`` (with ``queries``), ``missing``
            (a recorded migration whose file is gone), ``skipped`` (``should_run()`` said
            no) or ``schema`` (a schema dump was loaded;
            ``migration`` holds its path).
        migration: The migration's name.
        direction: ``up`` or ``down``.
        time_ms: How long it took (``done`` only).
        queries: The SQL that would run (``pretend`` only).
    """

    kind: EventKind
    migration: str
    direction: str = "up"
    time_ms: float = 0.0
    queries: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class MigrationStatus:
    """One row of ``migrate:status``."""

    migration: str
    ran: bool
    batch: int | None


class Migrator:
    """Runs migration files found in ``paths`` against a connection.

    Args:
        source: A :class:`DatabaseManager` (migrations may pick a named ``connection``) or
            a single :class:`Connection`.
        paths: Folders (or files) holding migration files.
        connection: The connection name for the migrations table (the default when None).
        table: The migrations table name.
        environment: The app environment; ``production`` requires ``force=True``.
        output: Called with a :class:`MigrationEvent` as migrations run.
        schema_path: A ``schema:dump`` file loaded before migrating an empty database.
    """

    def __init__(
        self,
        source: DatabaseManager | Connection,
        paths: Sequence[str | Path],
        *,
        connection: str | None = None,
        table: str = "migrations",
        environment: str = "local",
        output: Callable[[MigrationEvent], Any] | None = None,
        schema_path: str | Path | None = None,
    ) -> None:
        self.source = source
        self.paths = [Path(p) for p in paths]
        self.connection_name = connection
        self.environment = environment
        self.output = output
        self.schema_path = Path(schema_path) if schema_path else None
        self.repository = MigrationRepository(self.connection(), table)

    # -- plumbing -------------------------------------------------------------------------------
    def connection(self, name: str | None = None) -> Connection:
        """The connection called ``name`` (the migrator's own when None)."""
        if isinstance(self.source, Connection):
            if name and name != self.source.name:
                raise MigrationError(
                    f"A migration asks for the [{name}] connection but the migrator was given "
                    f"only the [{self.source.name}] connection.",
                    hint="Create the Migrator with the DatabaseManager instead of one connection.",
                )
            return self.source
        return self.source.connection(name or self.connection_name)

    def _emit(self, event: MigrationEvent) -> None:
        if self.output is not None:
            self.output(event)

    def guard(self, force: bool) -> None:
        """Refuse to change a production database unless ``force`` is set."""
        if self.environment == "production" and not force:
            raise ProductionGuard(
                "The application is in production: refusing to change the database.",
                hint="Pass --force (force=True) to run the command anyway.",
            )

    def files(self) -> list[MigrationFile]:
        """The migration files on disk, in order."""
        return find_migrations(list(self.paths))

    async def ensure_repository(self) -> None:
        """Create the migrations table if it does not exist yet (``migrate:install``)."""
        if not await self.repository.exists():
            await self.repository.create()

    async def load_schema_dump(self) -> bool:
        """Load ``schema_path`` when the migrations table does not exist yet; True if loaded."""
        path = self.schema_path
        if path is None or not path.is_file() or await self.repository.exists():
            return False
        start = time.perf_counter()
        await load_schema(self.connection(), path)
        ms = (time.perf_counter() - start) * 1000
        self._emit(MigrationEvent("schema", str(path), time_ms=ms))
        return True

    async def dump_schema(self, path: str | Path, *, prune: bool = False) -> Path:
        """Write the schema and the migrations table to ``path`` (``schema:dump``).

        With ``prune=True`` the migration files are deleted afterwards: the dump replaces them.
        """
        await self.ensure_repository()
        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        sql = await dump_schema(self.connection(), self.repository)
        await asyncio.to_thread(target.write_text, sql, encoding="utf-8")
        if prune:
            for file in self.files():
                file.path.unlink()
        return target

    @asynccontextmanager
    async def lock(self, *, seconds: int = 600) -> AsyncIterator[bool]:
        """Hold the migration lock (``--isolated``); yields False when another process has it.

        The lock is a row in ``<migrations table>_lock``, so it works across servers sharing
        the database. A lock older than ``seconds`` is considered abandoned and taken over.
        """
        conn = self.connection()
        table = f"{self.repository.table}_lock"
        schema = SchemaBuilder(conn)
        if not await schema.has_table(table):
            try:
                async with schema.create(table) as blueprint:
                    blueprint.string("key", 64).primary()
                    blueprint.string("owner", 64)
                    blueprint.big_integer("expiration")
            except QueryError:
                if not await schema.has_table(table):  # pragma: no cover - lost a race
                    raise
        owner = uuid.uuid4().hex
        now = int(time.time())
        row = {"key": "migrate", "owner": owner, "expiration": now + seconds}
        acquired = True
        try:
            await conn.table(table).insert(row)
        except QueryError:
            await conn.table(table).where("key", "migrate").where("expiration", "<", now).delete()
            try:
                await conn.table(table).insert(row)
            except QueryError:
                acquired = False
        try:
            yield acquired
        finally:
            if acquired:
                try:
                    await conn.table(table).where("owner", owner).delete()
                except QueryError:
                    pass  # migrate:fresh dropped the lock table with everything else

    # -- running ------------------------------------------------------------------------------------
    async def run(
        self, *, step: bool = False, pretend: bool = False, force: bool = False
    ) -> list[str]:
        """Run the pending migrations; return their names.

        All of them share one batch number, or each gets its own with ``step=True``.
        """
        if not pretend:
            self.guard(force)
            await self.load_schema_dump()
            await self.ensure_repository()
            ran = set(await self.repository.get_ran())
        else:
            ran = set(await self.repository.get_ran()) if await self.repository.exists() else set()
        pending = [f for f in self.files() if f.name not in ran]
        classes = [(f, load_migration_class(f)) for f in pending]
        batch = await self.repository.get_next_batch_number() if not pretend else 0
        done: list[str] = []
        for file, cls in classes:
            if await self._run_one(file, cls, "up", batch, pretend):
                done.append(file.name)
                if step:
                    batch += 1
        return done

    async def rollback(
        self,
        *,
        step: int = 0,
        batch: int | None = None,
        pretend: bool = False,
        force: bool = False,
    ) -> list[str]:
        """Roll back the last batch, the last ``step`` migrations, or batch ``batch``."""
        if not pretend:
            self.guard(force)
        if not await self.repository.exists():
            return []
        if step > 0:
            rows = await self.repository.get_migrations(step)
        elif batch is not None:
            rows = await self.repository.get_migrations_by_batch(batch)
        else:
            rows = await self.repository.get_last()
        return await self._roll_back([str(r["migration"]) for r in rows], pretend)

    async def reset(self, *, pretend: bool = False, force: bool = False) -> list[str]:
        """Roll back every migration that ran."""
        if not pretend:
            self.guard(force)
        if not await self.repository.exists():
            return []
        rows = await self.repository.get_all_newest_first()
        return await self._roll_back([str(r["migration"]) for r in rows], pretend)

    async def refresh(self, *, step: int = 0, force: bool = False) -> list[str]:
        """Roll back (everything, or the last ``step`` migrations), then migrate again."""
        self.guard(force)
        if step > 0:
            await self.rollback(step=step, force=True)
        else:
            await self.reset(force=True)
        return await self.run(force=True)

    async def fresh(self, *, force: bool = False) -> list[str]:
        """Drop every table, then run every migration."""
        await self.wipe(force=force)
        return await self.run(force=True)

    async def wipe(
        self, *, force: bool = False, drop_views: bool = False, drop_types: bool = False
    ) -> None:
        """Drop every table of the migrator's connection.

        ``drop_views`` drops the views first; ``drop_types`` (PostgreSQL) the user-defined
        types after.
        """
        self.guard(force)
        schema = SchemaBuilder(self.connection())
        if drop_views:
            await schema.drop_all_views()
        await schema.drop_all_tables()
        if drop_types:
            await schema.drop_all_types()

    async def status(self) -> list[MigrationStatus]:
        """Every migration file with whether (and in which batch) it ran."""
        batches = await self.repository.get_batches() if await self.repository.exists() else {}
        rows = [
            MigrationStatus(f.name, f.name in batches, batches.get(f.name)) for f in self.files()
        ]
        on_disk = {f.name for f in self.files()}
        rows += [
            MigrationStatus(name, True, b) for name, b in batches.items() if name not in on_disk
        ]
        return sorted(rows, key=lambda r: r.migration)

    async def _roll_back(self, names: list[str], pretend: bool) -> list[str]:
        files = {f.name: f for f in self.files()}
        done: list[str] = []
        for name in names:
            file = files.get(name)
            if file is None:
                self._emit(MigrationEvent("missing", name, "down"))
                continue
            if await self._run_one(file, load_migration_class(file), "down", 0, pretend):
                done.append(name)
        return done

    async def _run_one(
        self, file: MigrationFile, cls: type[Migration], direction: str, batch: int, pretend: bool
    ) -> bool:
        conn = self.connection(cls.connection)
        migration = cls(conn)
        method = migration.up if direction == "up" else migration.down
        if not await migration.should_run():
            self._emit(MigrationEvent("skipped", file.name, direction))
            return False
        if pretend:
            async with conn.pretend() as log:
                await self._call(file, method, direction)
            queries = [str(entry["query"]) for entry in log]
            self._emit(MigrationEvent("pretend", file.name, direction, queries=queries))
            return True
        self._emit(MigrationEvent("running", file.name, direction))
        start = time.perf_counter()
        use_transaction = cls.within_transaction and conn.supports_transactional_ddl
        try:
            if use_transaction:
                async with self._foreign_keys_paused(conn), conn.transaction():
                    await self._call(file, method, direction)
                    await self._record(file.name, direction, batch)
                    await self._check_foreign_keys(conn, file)
            else:
                await self._call(file, method, direction)
                await self._record(file.name, direction, batch)
        except MigrationFailed:
            self._emit(MigrationEvent("failed", file.name, direction))
            raise
        ms = (time.perf_counter() - start) * 1000
        self._emit(MigrationEvent("done", file.name, direction, time_ms=ms))
        return True

    async def _record(self, name: str, direction: str, batch: int) -> None:
        if direction == "up":
            await self.repository.log(name, batch)
        else:
            await self.repository.delete(name)

    async def _call(self, file: MigrationFile, method: Callable[[], Any], direction: str) -> None:
        try:
            await method()
        except Exception as exc:
            line = error_line(exc, file.path)
            where = f"{file.path}:{line}" if line else str(file.path)
            raise MigrationFailed(
                f"Migration {file.name} failed in {direction}() at {where}: "
                f"{type(exc).__name__}: {exc}",
                migration=file.name,
                path=str(file.path),
                line=line,
                hint="Nothing was recorded for it; fix the migration and run the command again.",
            ) from exc

    async def _check_foreign_keys(self, conn: Connection, file: MigrationFile) -> None:
        if conn.driver != "sqlite":
            return
        rows = await conn.select("pragma foreign_key_check")
        if rows:
            tables = sorted({str(r["table"]) for r in rows})
            raise MigrationFailed(
                f"Migration {file.name} ({file.path}) left {len(rows)} row(s) violating foreign "
                f"keys in {', '.join(tables)}; it was rolled back.",
                migration=file.name,
                path=str(file.path),
                line=None,
                hint="Make the migration keep every foreign key pointing at an existing row.",
            )

    @asynccontextmanager
    async def _foreign_keys_paused(self, conn: Connection) -> AsyncIterator[None]:
        """On SQLite, stop enforcing foreign keys around a migration's transaction.

        SQLite can only rebuild a referenced table (to drop or change columns) with
        foreign keys off, and the setting cannot change inside a transaction. Violations
        are still caught: ``pragma foreign_key_check`` runs before the commit.
        """
        if conn.driver != "sqlite" or conn.transaction_level() > 0:
            yield
            return
        enforcing = bool(await conn.scalar("pragma foreign_keys"))
        if enforcing:
            await conn.statement("pragma foreign_keys = off")
        try:
            yield
        finally:
            if enforcing:
                await conn.statement("pragma foreign_keys = on")
