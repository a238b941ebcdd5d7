"""The database manager: named connections from configuration, proxied like the DB facade."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager
from typing import TYPE_CHECKING, Any

from parvel.database.connection import Bindings, Connection, QueryExecuted
from parvel.database.contracts import ConnectionFactory
from parvel.database.exceptions import ConfigurationError
from parvel.database.query.expression import Expression
from parvel.database.url import parse_database_url

if TYPE_CHECKING:
    from parvel.database._transactions import Transaction
    from parvel.database.query.builder import Builder
    from parvel.database.schema.builder import SchemaBuilder


def _sqlite(name: str, config: dict[str, Any]) -> Connection:
    from parvel.database.connectors.sqlite import SQLiteConnection

    return SQLiteConnection(name, config)


def _pgsql(name: str, config: dict[str, Any]) -> Connection:
    from parvel.database.connectors.postgres import PostgresConnection

    return PostgresConnection(name, config)


def _mysql(name: str, config: dict[str, Any]) -> Connection:
    from parvel.database.connectors.mysql import MySqlConnection

    return MySqlConnection(name, config)


class DatabaseManager:
    """Creates and caches named connections; every query method targets the default one.

    ``config`` mirrors ``config/database.py``: ``{"default": "sqlite", "connections":
    {"sqlite": {"driver": "sqlite", "database": "database/database.sqlite"}, ...}}``.
    """

    def __init__(self, config: dict[str, Any]) -> None:
        self.config = config
        self._connections: dict[str, Connection] = {}
        self._factories: dict[str, ConnectionFactory] = {
            "sqlite": _sqlite,
            "pgsql": _pgsql,
            "mysql": _mysql,
            "mariadb": _mysql,
        }

    # -- connections --------------------------------------------------------------------------
    def get_default_connection(self) -> str:
        """The default connection's name."""
        default = self.config.get("default")
        if default:
            return str(default)
        connections = self.config.get("connections") or {}
        if len(connections) == 1:
            return str(next(iter(connections)))
        raise ConfigurationError(
            "No default database connection is configured.",
            hint="Set DB_CONNECTION (the 'default' key of config/database.py).",
        )

    def set_default_connection(self, name: str) -> None:
        """Make ``name`` the default connection."""
        self.config["default"] = name

    def configuration(self, name: str) -> dict[str, Any]:
        """The resolved configuration of connection ``name`` (``url`` merged in)."""
        connections = self.config.get("connections") or {}
        if name not in connections:
            known = ", ".join(sorted(connections)) or "none"
            raise ConfigurationError(
                f"Database connection [{name}] is not configured (configured: {known}).",
                hint="Add it under 'connections' in config/database.py.",
            )
        config = dict(connections[name])
        url = config.pop("url", None)
        if url:
            parsed = parse_database_url(str(url))
            if config.get("driver") == "mariadb" and parsed["driver"] == "mysql":
                parsed["driver"] = "mariadb"
            config.update(parsed)
        return config

    def connection(self, name: str | None = None) -> Connection:
        """The connection called ``name`` (the default when None), created once and cached."""
        name = name or self.get_default_connection()
        existing = self._connections.get(name)
        if existing is not None:
            return existing
        config = self.configuration(name)
        driver = str(config.get("driver", ""))
        factory = self._factories.get(driver)
        if factory is None:
            raise ConfigurationError(
                f"Unsupported driver [{driver}] for database connection [{name}].",
                hint="Use sqlite, pgsql, mysql or mariadb, or register one with extend().",
            )
        conn = factory(name, config)
        self._connections[name] = conn
        return conn

    def extend(self, driver: str, factory: ConnectionFactory) -> None:
        """Register ``factory(name, config) -> Connection`` for a custom driver name."""
        self._factories[driver] = factory

    def get_connections(self) -> dict[str, Connection]:
        """The connections created so far, by name."""
        return dict(self._connections)

    async def disconnect(self, name: str | None = None) -> None:
        """Close the pools of connection ``name`` (the default when None)."""
        conn = self._connections.get(name or self.get_default_connection())
        if conn is not None:
            await conn.disconnect()

    async def purge(self, name: str | None = None) -> None:
        """Disconnect ``name`` and forget it, so the next use reads the config again."""
        name = name or self.get_default_connection()
        conn = self._connections.pop(name, None)
        if conn is not None:
            await conn.disconnect()

    async def disconnect_all(self) -> None:
        """Close every open connection pool."""
        for conn in list(self._connections.values()):
            await conn.disconnect()

    # -- proxies to the default connection ------------------------------------------------------
    def table(self, table: str | Expression | Builder, alias: str | None = None) -> Builder:
        """Start a query builder on ``table`` (default connection)."""
        return self.connection().table(table, alias)

    def query(self) -> Builder:
        """A fresh query builder on the default connection."""
        return self.connection().query()

    def raw(self, value: str | int | float) -> Expression:
        """A raw SQL expression."""
        return Expression(value)

    async def select(self, sql: str, bindings: Bindings = ()) -> list[dict[str, Any]]:
        """Run a SELECT on the default connection."""
        return await self.connection().select(sql, bindings)

    async def select_one(self, sql: str, bindings: Bindings = ()) -> dict[str, Any] | None:
        """Run a SELECT and return the first row."""
        return await self.connection().select_one(sql, bindings)

    async def scalar(self, sql: str, bindings: Bindings = ()) -> Any:
        """Run a SELECT and return the first column of the first row."""
        return await self.connection().scalar(sql, bindings)

    async def insert(self, sql: str, bindings: Bindings = ()) -> bool:
        """Run an INSERT on the default connection."""
        return await self.connection().insert(sql, bindings)

    async def update(self, sql: str, bindings: Bindings = ()) -> int:
        """Run an UPDATE; returns affected rows."""
        return await self.connection().update(sql, bindings)

    async def delete(self, sql: str, bindings: Bindings = ()) -> int:
        """Run a DELETE; returns affected rows."""
        return await self.connection().delete(sql, bindings)

    async def statement(self, sql: str, bindings: Bindings = ()) -> bool:
        """Run any statement."""
        return await self.connection().statement(sql, bindings)

    async def affecting_statement(self, sql: str, bindings: Bindings = ()) -> int:
        """Run a statement and return affected rows."""
        return await self.connection().affecting_statement(sql, bindings)

    async def unprepared(self, sql: str) -> bool:
        """Run raw SQL without bindings."""
        return await self.connection().unprepared(sql)

    async def insert_get_id(self, sql: str, bindings: Bindings = (), sequence: str = "id") -> Any:
        """Run an INSERT and return the new id."""
        return await self.connection().insert_get_id(sql, bindings, sequence)

    def cursor(self, sql: str, bindings: Bindings = ()) -> AsyncIterator[dict[str, Any]]:
        """Stream rows of a SELECT."""
        return self.connection().cursor(sql, bindings)

    def transaction(
        self, callback: Callable[..., Any] | None = None, attempts: int = 1
    ) -> Transaction:
        """``async with DB.transaction():`` or ``await DB.transaction(fn)``."""
        return self.connection().transaction(callback, attempts)

    async def begin_transaction(self) -> None:
        """Start a transaction (or savepoint) on the default connection."""
        await self.connection().begin_transaction()

    async def commit(self) -> None:
        """Commit on the default connection."""
        await self.connection().commit()

    async def rollback(self, to_level: int | None = None) -> None:
        """Roll back on the default connection."""
        await self.connection().rollback(to_level)

    def get_schema_builder(self) -> SchemaBuilder:
        """A schema builder on the default connection."""
        return self.connection().get_schema_builder()

    def transaction_level(self) -> int:
        """Open transaction depth on the default connection."""
        return self.connection().transaction_level()

    async def after_commit(self, callback: Callable[[], Any]) -> None:
        """Run ``callback`` after the outermost commit."""
        await self.connection().after_commit(callback)

    def pretend(self) -> AbstractAsyncContextManager[list[dict[str, Any]]]:
        """Record statements instead of running them."""
        return self.connection().pretend()

    def connection_scope(self) -> AbstractAsyncContextManager[None]:
        """Keep one driver connection per pooled connection until the block ends.

        ``async with DB.connection_scope():`` — PostgreSQL and MySQL connections keep the
        driver connection of their first query until the block ends, as every HTTP request
        does (see docs/database.md, "Connections per request").
        """
        from parvel.database._scope import connection_scope

        return connection_scope()

    def enable_query_log(self) -> None:
        """Record statements on the default connection."""
        self.connection().enable_query_log()

    def disable_query_log(self) -> None:
        """Stop recording statements."""
        self.connection().disable_query_log()

    def get_query_log(self) -> list[dict[str, Any]]:
        """The statements recorded on the default connection."""
        return self.connection().get_query_log()

    def flush_query_log(self) -> None:
        """Forget recorded statements."""
        self.connection().flush_query_log()

    def listen(self, callback: Callable[[QueryExecuted], Any]) -> None:
        """Call ``callback`` after every statement on the default connection."""
        self.connection().listen(callback)

    def when_querying_for_longer_than(
        self, ms: float, callback: Callable[[Connection, QueryExecuted], Any]
    ) -> None:
        """Call ``callback`` once when the default connection's total query time exceeds ``ms``."""
        self.connection().when_querying_for_longer_than(ms, callback)

    def when_query_takes_longer_than(
        self, ms: float, callback: Callable[[Connection, QueryExecuted], Any]
    ) -> None:
        """Call ``callback`` for every statement slower than ``ms`` milliseconds."""
        self.connection().when_query_takes_longer_than(ms, callback)
