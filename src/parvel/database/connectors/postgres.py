"""PostgreSQL connections on asyncpg with its own pool."""

from __future__ import annotations

import datetime as dt
import decimal
import uuid
from collections.abc import AsyncIterator, Sequence
from typing import Any

from parvel.database._placeholders import to_numbered
from parvel.database._rows import rows_to_dicts
from parvel.database.connection import Bindings, Connection
from parvel.database.connectors import import_driver
from parvel.database.exceptions import LostConnectionError, QueryError, UniqueConstraintViolation
from parvel.database.query.grammars.postgres import PostgresGrammar

_COERCE_MARK = "invalid input for query argument"


def _coerce(value: Any, type_name: str) -> Any:
    """Convert a loosely typed value (e.g. a string from a form) to the parameter's type."""
    if value is None:
        return None
    try:
        if type_name in {"int2", "int4", "int8", "oid"}:
            return int(value)
        if type_name in {"float4", "float8"}:
            return float(value)
        if type_name == "numeric":
            return decimal.Decimal(str(value))
        if type_name == "bool":
            if isinstance(value, str):
                return value.strip().lower() in {"1", "true", "t", "yes", "y", "on"}
            return bool(value)
        if type_name in {"text", "varchar", "bpchar", "name", "json", "jsonb", "unknown"}:
            if isinstance(value, bool):
                return "true" if value else "false"
            return value if isinstance(value, str) else str(value)
        if type_name == "date" and isinstance(value, str):
            return dt.date.fromisoformat(value[:10])
        if type_name in {"timestamp", "timestamptz"} and isinstance(value, str):
            value = dt.datetime.fromisoformat(value)
        if type_name == "timestamp" and isinstance(value, dt.datetime) and value.tzinfo:
            # An aware value against a plain timestamp column: compare in UTC, the way the
            # ORM stores datetimes (naive UTC).
            return value.astimezone(dt.UTC).replace(tzinfo=None)
        if type_name == "timestamptz" and isinstance(value, dt.datetime) and value.tzinfo is None:
            return value.replace(tzinfo=dt.UTC)
        if type_name == "time" and isinstance(value, str):
            return dt.time.fromisoformat(value)
        if type_name == "uuid" and isinstance(value, str):
            return uuid.UUID(value)
    except (ValueError, ArithmeticError):
        return value
    return value


async def _keep_session(raw: Any) -> None:
    """Pool reset hook: asyncpg already rolled back any open transaction; keep the session.

    Skipping asyncpg's full reset (``RESET ALL; UNLISTEN *; ...``) saves one round trip per
    query, like a persistent PDO connection. Set ``pool.reset_session`` to restore it.
    """
    return None


class PostgresConnection(Connection):
    """A connection to PostgreSQL through an asyncpg pool."""

    driver = "pgsql"
    supports_transactional_ddl = True
    default_port = 5432

    def _make_grammar(self) -> PostgresGrammar:
        return PostgresGrammar()

    async def _create_pool(self, config: dict[str, Any]) -> Any:
        asyncpg = import_driver("asyncpg", "postgres", self.name)
        pool_cfg = config.get("pool") or {}
        options = dict(config.get("options") or {})
        settings: dict[str, str] = dict(options.pop("server_settings", {}) or {})
        schema = config.get("search_path") or config.get("schema")
        if schema:
            settings["search_path"] = ",".join(schema) if isinstance(schema, list) else str(schema)
        if config.get("application_name"):
            settings["application_name"] = str(config["application_name"])
        if config.get("timezone"):
            settings["timezone"] = str(config["timezone"])
        ssl = config.get("sslmode")
        if ssl is not None and "ssl" not in options:
            options["ssl"] = ssl
        return await asyncpg.create_pool(
            host=config.get("host") or "127.0.0.1",
            port=int(config.get("port") or 5432),
            user=config.get("username") or None,
            password=config.get("password") or None,
            database=config.get("database") or None,
            min_size=int(pool_cfg.get("min_size", 1)),
            max_size=int(pool_cfg.get("max_size", 10)),
            max_inactive_connection_lifetime=float(pool_cfg.get("max_idle_time", 300.0)),
            timeout=float(config.get("connect_timeout", 10)),
            command_timeout=config.get("command_timeout"),
            server_settings=settings or None,
            reset=None if pool_cfg.get("reset_session") else _keep_session,
            **options,
        )

    async def _abandon_pool(self, pool: Any) -> None:
        pool.terminate()

    async def _close_pool(self, pool: Any) -> None:
        await pool.close()

    async def _acquire(self, pool: Any) -> Any:
        raw = await pool.acquire()
        if self.config.get("pre_ping"):
            try:
                await raw.execute("SELECT 1")
            except Exception:
                await pool.release(raw)
                pool.expire_connections()
                raw = await pool.acquire()
        return raw

    async def _release(self, pool: Any, raw: Any) -> None:
        await pool.release(raw)

    async def _call(self, raw: Any, method: str, sql: str, bindings: Sequence[Any]) -> Any:
        query = to_numbered(sql)
        try:
            return await getattr(raw, method)(query, *bindings)
        except Exception as exc:
            if _COERCE_MARK not in str(exc) or not bindings:
                raise
            statement = await raw.prepare(query)
            types = [p.name for p in statement.get_parameters()]
            coerced = [_coerce(v, t) for v, t in zip(bindings, types, strict=False)]
            return await getattr(raw, method)(query, *coerced)

    async def _fetch(self, raw: Any, sql: str, bindings: Sequence[Any]) -> list[dict[str, Any]]:
        records = await self._call(raw, "fetch", sql, bindings)
        if not records:
            return []
        return rows_to_dicts(records, records[0].keys())

    async def _execute(self, raw: Any, sql: str, bindings: Sequence[Any]) -> tuple[int, Any]:
        status = await self._call(raw, "execute", sql, bindings)
        tail = str(status).rsplit(" ", 1)[-1]
        return (int(tail) if tail.isdigit() else 0, None)

    async def _script(self, raw: Any, sql: str) -> None:
        await raw.execute(sql)

    async def _stream(
        self, raw: Any, sql: str, bindings: Sequence[Any]
    ) -> AsyncIterator[dict[str, Any]]:
        query = to_numbered(sql)
        prefetch = int(self.config.get("cursor_chunk", 256))
        if raw.is_in_transaction():
            async for record in raw.cursor(query, *bindings, prefetch=prefetch):
                yield dict(record)
            return
        async with raw.transaction():
            async for record in raw.cursor(query, *bindings, prefetch=prefetch):
                yield dict(record)

    async def insert_get_id(self, sql: str, bindings: Bindings = (), sequence: str = "id") -> Any:
        """Run an INSERT ... RETURNING the ``sequence`` column and return the new id."""
        sql, bindings = self._positional(sql, bindings)
        if " returning " not in sql.lower():
            sql = f"{sql} returning {self.grammar.wrap(sequence)}"
        rows = await self._run("fetch", sql, bindings)
        self._modified.set(True)
        if not rows:
            return None
        return next(iter(rows[0].values()))

    async def _begin(self, raw: Any) -> None:
        await raw.execute("BEGIN")

    async def _commit(self, raw: Any) -> None:
        await raw.execute("COMMIT")

    async def _rollback(self, raw: Any) -> None:
        await raw.execute("ROLLBACK")

    def _classify(self, exc: BaseException) -> type[QueryError] | None:
        try:
            import asyncpg
        except ImportError:  # pragma: no cover - only reached with asyncpg installed
            return None
        if isinstance(exc, asyncpg.UniqueViolationError):
            return UniqueConstraintViolation
        if isinstance(
            exc, (asyncpg.ConnectionDoesNotExistError, asyncpg.InternalClientError, ConnectionError)
        ):
            return LostConnectionError
        if isinstance(exc, asyncpg.InterfaceError) and (
            "closed" in str(exc) or "released back" in str(exc)
        ):
            return LostConnectionError
        if isinstance(exc, (asyncpg.PostgresError, asyncpg.InterfaceError, asyncpg.DataError)):
            return QueryError
        return None

    def _connection_lost(self, exc: BaseException, raw: Any) -> bool:
        if super()._connection_lost(exc, raw):
            return True
        try:
            return bool(raw.is_closed())
        except Exception:
            return True

    def is_concurrency_error(self, exc: BaseException) -> bool:
        """Deadlocks and serialization failures."""
        cause = exc.__cause__ or exc
        return getattr(cause, "sqlstate", None) in {"40001", "40P01"}
