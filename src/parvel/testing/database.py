"""Database testing: RefreshDatabase, DatabaseTruncation, seeding, assertions, query counting.

The ``db`` fixture returns a :class:`DatabaseTester` for the test's app. Tests marked
``@pytest.mark.refresh_database`` run against a database migrated once per run, each inside a
transaction rolled back at the end; ``@pytest.mark.database_truncation`` truncates every table
after the test instead. See docs/testing.md.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from parvel.database.migrations import Migrator
from parvel.database.schema.builder import SchemaBuilder

if TYPE_CHECKING:
    from parvel.database.connection import Connection, QueryExecuted
    from parvel.database.manager import DatabaseManager
    from parvel.database.seeding.seeder import Seeder
    from parvel.foundation.application import Application

# (driver, host, port, database, migrations folder) of every database migrated during this
# run (per process, so per xdist worker).
_MIGRATED: set[tuple[str, ...]] = set()


def _identity(conn: Connection, migrations: Path) -> tuple[str, ...]:
    cfg = conn.config
    return (
        conn.driver,
        str(cfg.get("host", "")),
        str(cfg.get("port", "")),
        str(cfg.get("database", "")),
        str(migrations.resolve()),
    )


def _in_memory(conn: Connection) -> bool:
    database = str(conn.config.get("database", ""))
    return conn.driver == "sqlite" and (database == ":memory:" or "mode=memory" in database)


def worker_database_name(database: str, driver: str, worker: str) -> str:
    """The database name for pytest-xdist worker ``worker``: ``<name>_test_<worker>``.

    SQLite files get the suffix before their extension (``database/test_test_gw0.sqlite``);
    in-memory SQLite databases are already private and keep their name.
    """
    if driver == "sqlite":
        if database == ":memory:" or "mode=memory" in database:
            return database
        path = Path(database)
        return str(path.with_name(f"{path.stem}_test_{worker}{path.suffix}"))
    return f"{database}_test_{worker}"


_EXISTS_SQL = {
    "pgsql": "select 1 from pg_database where datname = ?",
    "mysql": "select 1 from information_schema.schemata where schema_name = ?",
    "mariadb": "select 1 from information_schema.schemata where schema_name = ?",
}


async def use_worker_database(app: Application, worker: str) -> None:
    """Point the app's default connection at its own database for xdist worker ``worker``.

    The worker database is created when missing (``parvel test --parallel``), so parallel
    workers never share rows.
    """
    if not app.bound("db"):
        return
    manager: DatabaseManager = app.make("db")
    name = manager.get_default_connection()
    original = manager.connection(name)
    database = str(original.config.get("database", ""))
    target = worker_database_name(database, original.driver, worker)
    exists_sql = _EXISTS_SQL.get(original.driver) if target != database else None
    if exists_sql and await original.scalar(exists_sql, [target]) is None:
        await SchemaBuilder(original).create_database(target)
    await manager.purge(name)
    settings = manager.configuration(name)  # the url, if any, already merged in
    settings["database"] = target
    manager.config.setdefault("connections", {})[name] = settings


def forget_migrated() -> None:
    """Forget which databases were migrated: the next RefreshDatabase test migrates afresh."""
    _MIGRATED.clear()


class DatabaseTester:
    """Database helpers and assertions for one test (what the ``db`` fixture returns).

    Args:
        app: The test's application.
    """

    __test__ = False

    def __init__(self, app: Application) -> None:
        self.app = app
        if not app.bound("db"):
            raise AssertionError(
                "The db fixture needs the database component: the app has no 'db' binding "
                "(register DatabaseServiceProvider, as new apps do)."
            )
        self.manager: DatabaseManager = app.make("db")
        self._pinned: list[Connection] = []

    # -- plumbing ----------------------------------------------------------------------------

    def connection(self, name: str | None = None) -> Connection:
        """The app's connection called ``name`` (the default when None)."""
        return self.manager.connection(name)

    def table(self, table: str, connection: str | None = None) -> Any:
        """A query builder on ``table``."""
        return self.connection(connection).table(table)

    def migrations_path(self) -> Path:
        """The app's ``database/migrations`` folder."""
        return Path(self.app.database_path("migrations"))

    def _migrator(self, connection: str | None) -> Migrator:
        return Migrator(
            self.manager,
            [self.migrations_path()],
            connection=connection,
            table=str(self.app.config.get("database.migrations.table", "migrations")),
            environment=str(self.app.environment()),
        )

    # -- RefreshDatabase / DatabaseTruncation ---------------------------------------------------

    def _check_migrations(self) -> None:
        path = self.migrations_path()
        if not path.is_dir():
            raise AssertionError(
                f"RefreshDatabase found no migrations folder at [{path}]: create it and add "
                "migrations (parvel make:migration create_users_table)."
            )

    async def migrate(self, connection: str | None = None) -> list[str]:
        """Run the pending migrations on ``connection`` (``migrate``)."""
        self._check_migrations()
        return await self._migrator(connection).run(force=True)

    async def migrate_fresh(self, connection: str | None = None) -> list[str]:
        """Drop every table of ``connection`` and run every migration (``migrate:fresh``)."""
        self._check_migrations()
        return await self._migrator(connection).fresh(force=True)

    async def refresh(self, connections: Sequence[str | None] = (None,)) -> None:
        """Migrate each connection once per run, then open a transaction rolled back by :meth:`end`.

        In-memory SQLite databases live as long as the app, so they are migrated every time.
        """
        for name in connections:
            conn = self.connection(name)
            key = _identity(conn, self.migrations_path())
            if _in_memory(conn) or key not in _MIGRATED:
                await self.migrate_fresh(name)
                if not _in_memory(conn):
                    _MIGRATED.add(key)
            await conn.begin_transaction()
            self._pinned.append(conn)

    async def end(self) -> None:
        """Roll back every transaction :meth:`refresh` opened."""
        while self._pinned:
            conn = self._pinned.pop()
            await conn.rollback(0)

    async def truncate(self, connection: str | None = None, *, exclude: Sequence[str] = ()) -> None:
        """Empty every table of ``connection`` except the migrations table (DatabaseTruncation)."""
        conn = self.connection(connection)
        skip = {str(self.app.config.get("database.migrations.table", "migrations")), *exclude}
        schema = SchemaBuilder(conn)
        tables = [t for t in await schema.get_tables() if _table_name(t) not in skip]
        async with conn.transaction():  # pins one driver connection for the FK switch
            await schema.disable_foreign_key_constraints()
            try:
                for table in tables:
                    await conn.table(_table_name(table)).truncate()
            finally:
                await schema.enable_foreign_key_constraints()

    async def seed(self, *seeders: type[Seeder] | str) -> None:
        """Run seeders (classes, or names from ``database/seeders``; ``DatabaseSeeder`` if none)."""
        from parvel.database.seeding.loader import SeederLoader

        loader = SeederLoader(self.app.database_path("seeders"))
        for item in seeders or ("DatabaseSeeder",):
            cls = loader.load(item) if isinstance(item, str) else item
            await cls(self.manager, loader=loader).invoke(silent=True)

    # -- assertions ----------------------------------------------------------------------------

    async def _count(self, table: str, data: Mapping[str, Any], connection: str | None) -> int:
        conn = self.connection(connection)
        if not await SchemaBuilder(conn).has_table(table):
            raise AssertionError(
                f"Table [{table}] does not exist on the [{conn.name}] connection. Is a migration "
                f"missing from {self.migrations_path()}, or is the test not using "
                "@pytest.mark.refresh_database?"
            )
        query = conn.table(table)
        for column, value in data.items():
            query = query.where_null(column) if value is None else query.where(column, value)
        return int(await query.count())

    async def _sample(self, table: str, connection: str | None) -> str:
        rows = await self.connection(connection).table(table).limit(3).get()
        found = [dict(row) for row in rows]
        return f"Found: {found}" if found else "The table is empty."

    async def assert_database_has(
        self, table: str | type[Any], data: Mapping[str, Any], connection: str | None = None
    ) -> None:
        """Assert ``table`` (or a model class's table) has a row matching ``data``."""
        name, connection = _resolve_table(table, connection)
        if await self._count(name, data, connection) == 0:
            sample = await self._sample(name, connection)
            raise AssertionError(
                f"Failed asserting that a row in the table [{name}] matches the attributes "
                f"{dict(data)}.\n\n{sample}"
            )

    async def assert_database_missing(
        self, table: str | type[Any], data: Mapping[str, Any], connection: str | None = None
    ) -> None:
        """Assert ``table`` has no row matching ``data``."""
        name, connection = _resolve_table(table, connection)
        count = await self._count(name, data, connection)
        if count:
            raise AssertionError(
                f"Failed asserting that no row in the table [{name}] matches the attributes "
                f"{dict(data)}: {count} found."
            )

    async def assert_database_count(
        self, table: str | type[Any], count: int, connection: str | None = None
    ) -> None:
        """Assert ``table`` holds exactly ``count`` rows."""
        name, connection = _resolve_table(table, connection)
        actual = await self._count(name, {}, connection)
        if actual != count:
            raise AssertionError(
                f"Failed asserting that table [{name}] matches expected entries count of "
                f"{count}. Entries found: {actual}."
            )

    async def assert_database_empty(
        self, table: str | type[Any], connection: str | None = None
    ) -> None:
        """Assert ``table`` holds no rows."""
        await self.assert_database_count(table, 0, connection)

    async def assert_model_exists(self, model: Any) -> None:
        """Assert the model's row exists (soft-deleted rows count)."""
        table, connection = _resolve_table(type(model), None)
        await self.assert_database_has(table, {model.get_key_name(): model.get_key()}, connection)

    async def assert_model_missing(self, model: Any) -> None:
        """Assert the model's row no longer exists."""
        table, connection = _resolve_table(type(model), None)
        await self.assert_database_missing(
            table, {model.get_key_name(): model.get_key()}, connection
        )

    async def assert_soft_deleted(
        self,
        table: str | Any,
        data: Mapping[str, Any] | None = None,
        connection: str | None = None,
        deleted_at_column: str = "deleted_at",
    ) -> None:
        """Assert a model (or a row of ``table`` matching ``data``) is soft deleted."""
        name, criteria, connection, column = _soft_target(
            table, data, connection, deleted_at_column
        )
        query = self.connection(connection).table(name)
        for key, value in criteria.items():
            query = query.where(key, value)
        if not await query.where_not_null(column).exists():
            raise AssertionError(
                f"Failed asserting that a row in the table [{name}] matching {criteria} "
                f"is soft deleted ({column} is null or no such row)."
            )

    async def assert_not_soft_deleted(
        self,
        table: str | Any,
        data: Mapping[str, Any] | None = None,
        connection: str | None = None,
        deleted_at_column: str = "deleted_at",
    ) -> None:
        """Assert a model (or a row of ``table`` matching ``data``) is not soft deleted."""
        name, criteria, connection, column = _soft_target(
            table, data, connection, deleted_at_column
        )
        query = self.connection(connection).table(name)
        for key, value in criteria.items():
            query = query.where(key, value)
        if not await query.where_null(column).exists():
            raise AssertionError(
                f"Failed asserting that a row in the table [{name}] matching {criteria} "
                f"is not soft deleted."
            )

    # -- query counting --------------------------------------------------------------------------

    @contextmanager
    def expect_queries(self, count: int, connection: str | None = None) -> Iterator[list[str]]:
        """Assert the block runs exactly ``count`` queries on ``connection``.

        Yields the list of SQL statements as they run.
        """
        conn = self.connection(connection)
        seen: list[str] = []
        active = [True]

        def record(event: QueryExecuted) -> None:
            if active[0]:
                seen.append(event.sql)

        conn.listen(record)
        try:
            yield seen
        finally:
            active[0] = False
            _unlisten(conn, record)
        if len(seen) != count:
            listing = "\n".join(f"  {i}. {sql}" for i, sql in enumerate(seen, 1)) or "  (none)"
            raise AssertionError(
                f"Expected {count} queries to be executed, but {len(seen)} were.\n{listing}"
            )


def _unlisten(conn: Connection, callback: Any) -> None:
    listeners: list[Any] = conn._listeners
    if callback in listeners:
        listeners.remove(callback)
    conn._observed = bool(conn._listeners or conn._duration_handlers or conn.logging())


def _table_name(table: Any) -> str:
    if isinstance(table, Mapping):
        return str(table.get("name"))
    return str(table)


def _resolve_table(table: str | type[Any], connection: str | None) -> tuple[str, str | None]:
    if isinstance(table, str):
        return table, connection
    name = str(table.get_table())
    if connection is None:
        connection = getattr(table, "connection", None) or None
    return name, connection if isinstance(connection, str) else None


def _soft_target(
    table: Any, data: Mapping[str, Any] | None, connection: str | None, column: str
) -> tuple[str, dict[str, Any], str | None, str]:
    if isinstance(table, str):
        return table, dict(data or {}), connection, column
    model = table
    name, connection = _resolve_table(type(model), connection)
    column = str(getattr(type(model), "DELETED_AT", column))
    return name, {model.get_key_name(): model.get_key()}, connection, column
