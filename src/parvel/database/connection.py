"""The abstract connection every driver implements: queries, transactions, logging.

See docs/database.md for the guide.
"""

from __future__ import annotations

import asyncio
import contextvars
import enum
import itertools
import random
import time
from abc import ABC, abstractmethod
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import date, datetime
from datetime import time as dtime
from decimal import Decimal
from typing import TYPE_CHECKING, Any, ClassVar

import orjson

from parvel.database._placeholders import named_to_qmark
from parvel.database._scope import current_scope
from parvel.database._transactions import Transaction, TransactionState, call_maybe_async
from parvel.database.exceptions import (
    DatabaseConnectionError,
    DatabaseError,
    LostConnectionError,
    QueryError,
    TransactionError,
)
from parvel.database.query.expression import Expression

if TYPE_CHECKING:
    from parvel.database.query.builder import Builder
    from parvel.database.query.grammars.grammar import Grammar
    from parvel.database.schema.builder import SchemaBuilder

_ids = itertools.count()
Bindings = Sequence[Any] | Mapping[str, Any]
"""Positional values for ``?`` placeholders, or a mapping for ``:name`` placeholders."""
_PLAIN: frozenset[type] = frozenset({int, str, float, type(None), bytes, Decimal})


@dataclass(frozen=True, slots=True)
class QueryExecuted:
    """One executed statement, passed to ``listen()`` callbacks.

    Attributes:
        sql: The SQL with ``?`` placeholders.
        bindings: The bound values.
        time: Duration in milliseconds.
        connection_name: The connection's configured name.
    """

    sql: str
    bindings: list[Any]
    time: float
    connection_name: str


class Connection(ABC):
    """A named database connection with its own pool (one subclass per driver).

    Attributes:
        name: The connection's name in the configuration (``"sqlite"``, ``"pgsql"`` ...).
        driver: ``"sqlite"``, ``"pgsql"``, ``"mysql"`` or ``"mariadb"``.
        grammar: The dialect's query grammar (identifier quoting and SQL compilation).
        config: The connection's configuration dictionary.
    """

    driver: str = ""
    supports_transactional_ddl: ClassVar[bool] = True
    pools_connections: ClassVar[bool] = True
    """False for drivers with one shared connection (SQLite): scopes don't hold those."""
    default_port: ClassVar[int] = 0

    def __init__(self, name: str, config: dict[str, Any]) -> None:
        self.name = name
        self.config = config
        self.grammar: Grammar = self._make_grammar()
        self.grammar.set_table_prefix(str(config.get("prefix", "") or ""))
        uid = next(_ids)
        self._tx: contextvars.ContextVar[TransactionState | None] = contextvars.ContextVar(
            f"parvel_db_tx_{uid}", default=None
        )
        self._pretend: contextvars.ContextVar[list[dict[str, Any]] | None] = contextvars.ContextVar(
            f"parvel_db_pretend_{uid}", default=None
        )
        self._modified: contextvars.ContextVar[bool] = contextvars.ContextVar(
            f"parvel_db_modified_{uid}", default=False
        )
        self._pools: dict[str, Any] = {}
        self._loop: asyncio.AbstractEventLoop | None = None
        self._listeners: list[Callable[[QueryExecuted], Any]] = []
        self._logging = False
        self._query_log: list[dict[str, Any]] = []
        self._observed = False
        self._total_ms = 0.0
        self._duration_handlers: list[list[Any]] = []
        self._has_read = bool(config.get("read"))
        self._sticky = bool(config.get("sticky", False))
        pool_options = config.get("pool") or {}
        self._pins = self.pools_connections and bool(pool_options.get("pin_per_request", True))

    # -- driver hooks -------------------------------------------------------------------------
    @abstractmethod
    def _make_grammar(self) -> Grammar: ...

    @abstractmethod
    async def _create_pool(self, config: dict[str, Any]) -> Any: ...

    @abstractmethod
    async def _close_pool(self, pool: Any) -> None: ...

    @abstractmethod
    async def _acquire(self, pool: Any) -> Any: ...

    @abstractmethod
    async def _release(self, pool: Any, raw: Any) -> None: ...

    @abstractmethod
    async def _fetch(self, raw: Any, sql: str, bindings: Sequence[Any]) -> list[dict[str, Any]]: ...

    @abstractmethod
    async def _execute(self, raw: Any, sql: str, bindings: Sequence[Any]) -> tuple[int, Any]:
        """Run a statement; return (affected rows, last insert id)."""

    @abstractmethod
    async def _script(self, raw: Any, sql: str) -> None: ...

    @abstractmethod
    def _stream(
        self, raw: Any, sql: str, bindings: Sequence[Any]
    ) -> AsyncIterator[dict[str, Any]]: ...

    @abstractmethod
    async def _begin(self, raw: Any) -> None: ...

    @abstractmethod
    async def _commit(self, raw: Any) -> None: ...

    @abstractmethod
    async def _rollback(self, raw: Any) -> None: ...

    @abstractmethod
    def _classify(self, exc: BaseException) -> type[QueryError] | None:
        """The QueryError subclass for a driver exception, or None if not a driver error."""

    def is_concurrency_error(self, exc: BaseException) -> bool:
        """True when ``exc`` is a deadlock or serialization failure worth retrying."""
        return False

    def _connection_lost(self, exc: BaseException, raw: Any) -> bool:
        """True when ``exc`` means the server connection died (safe to retry outside transactions)."""
        return self._classify(exc) is LostConnectionError

    def prepare_binding(self, value: Any) -> Any:
        """Convert one bound value to what the driver accepts."""
        if isinstance(value, enum.Enum):
            return self.prepare_binding(value.value)
        if isinstance(value, (dict, list, tuple)):
            return orjson.dumps(value).decode()
        return value

    def prepare_bindings(self, bindings: Sequence[Any]) -> Sequence[Any]:
        """Convert bound values for the driver (JSON-encode dicts and lists, unwrap enums)."""
        for value in bindings:
            if type(value) not in _PLAIN:
                return [self.prepare_binding(v) for v in bindings]
        return bindings

    # -- pools --------------------------------------------------------------------------------
    def _pool_config(self, kind: str) -> dict[str, Any]:
        base = {k: v for k, v in self.config.items() if k not in ("read", "write")}
        section = self.config.get(kind) or {}
        merged = {**base, **section}
        host = merged.get("host")
        if isinstance(host, (list, tuple)):
            merged["host"] = random.choice(list(host)) if host else "127.0.0.1"
        return merged

    @abstractmethod
    async def _abandon_pool(self, pool: Any) -> None:
        """Drop a pool created on an event loop that is gone (best effort, no awaiting)."""

    async def _get_pool(self, kind: str = "write") -> Any:
        loop = asyncio.get_running_loop()
        if self._loop is not loop:
            if self._loop is not None:
                pools, self._pools = self._pools, {}
                for old in pools.values():
                    try:
                        await self._abandon_pool(old)
                    except Exception:
                        pass
            self._loop = loop
        pool = self._pools.get(kind)
        if pool is None:
            cfg = self._pool_config(kind)
            try:
                pool = await self._create_pool(cfg)
            except DatabaseError:
                raise
            except Exception as exc:
                raise self._connection_error(cfg, exc) from exc
            existing = self._pools.get(kind)
            if existing is not None:
                await self._close_pool(pool)
                return existing
            self._pools[kind] = pool
        return pool

    def _connection_error(self, cfg: dict[str, Any], exc: BaseException) -> DatabaseConnectionError:
        where = f"{cfg.get('host', '127.0.0.1')}:{cfg.get('port') or self.default_port}"
        return DatabaseConnectionError(
            f"Could not connect to the [{self.name}] database connection ({self.driver}) at "
            f"{where}, database {cfg.get('database')!r}: {exc or type(exc).__name__}.",
            hint=(
                "Check that the server is running and that DB_HOST, DB_PORT, DB_DATABASE, "
                "DB_USERNAME and DB_PASSWORD (or DB_URL) are right for this connection."
            ),
        )

    async def disconnect(self) -> None:
        """Close every pooled connection (they reopen on the next query)."""
        pools, self._pools = self._pools, {}
        same_loop = self._loop is asyncio.get_running_loop()
        for pool in pools.values():
            if same_loop:
                await self._close_pool(pool)
                continue
            try:
                await self._abandon_pool(pool)
            except Exception:
                pass

    async def reconnect(self) -> None:
        """Close the pools so that the next query opens fresh connections."""
        await self.disconnect()

    # -- running statements -------------------------------------------------------------------
    def _wrap_error(self, exc: BaseException, sql: str, bindings: Sequence[Any]) -> BaseException:
        if isinstance(exc, DatabaseError):
            return exc
        cls = self._classify(exc)
        if cls is None:
            return exc
        message = str(exc).strip() or type(exc).__name__
        return cls(message, sql=sql, bindings=bindings, connection_name=self.name)

    def _positional(self, sql: str, bindings: Bindings) -> tuple[str, Sequence[Any]]:
        """Turn ``:name`` placeholders with a mapping of values into ``?`` and a list."""
        if not isinstance(bindings, Mapping):
            return sql, bindings
        converted, names = named_to_qmark(sql)
        missing = [n for n in names if n not in bindings]
        if missing:
            raise QueryError(
                f"No value for the named binding :{missing[0]}",
                sql=sql,
                bindings=list(bindings.values()),
                connection_name=self.name,
                hint="Pass every :name used in the SQL as a key of the bindings dict.",
            )
        return converted, [bindings[n] for n in names]

    async def _run(self, kind: str, sql: str, bindings: Bindings, read: bool = False) -> Any:
        if isinstance(bindings, Mapping):
            sql, bindings = self._positional(sql, bindings)
        log = self._pretend.get()
        if log is not None:
            log.append({"query": sql, "bindings": list(bindings), "time": 0.0})
            return [] if kind == "fetch" else (0, None)
        prepared = self.prepare_bindings(bindings)
        start = time.perf_counter()
        tx = self._tx.get()
        try:
            if tx is not None:
                result = await self._dispatch(kind, tx.raw, sql, prepared)
            else:
                result = await self._pooled(kind, sql, prepared, read)
        except BaseException as exc:
            wrapped = self._wrap_error(exc, sql, bindings)
            if wrapped is exc:
                raise
            raise wrapped from exc
        if self._observed:
            await self._log_query(sql, bindings, (time.perf_counter() - start) * 1000)
        return result

    async def _pooled(self, kind: str, sql: str, bindings: Sequence[Any], read: bool) -> Any:
        pool_kind = "write"
        if read and self._has_read and not (self._sticky and self._modified.get()):
            pool_kind = "read"
        scope = current_scope.get() if self._pins else None
        if scope is not None and not scope.closed:
            entry = await scope.hold(self, pool_kind)
            if entry is not None and await entry.claim(False):
                try:
                    return await self._dispatch(kind, entry.raw, sql, bindings)
                except Exception as exc:
                    if not self._connection_lost(exc, entry.raw):
                        raise
                    scope.forget(entry)  # retried below on a fresh connection
                except BaseException:
                    scope.forget(entry)  # cancelled mid-statement: let the pool reset it
                    raise
                finally:
                    if entry.free():
                        await self._release(entry.pool, entry.raw)
        for attempt in (1, 2):
            pool, raw = await self._take_from_pool(pool_kind)
            try:
                return await self._dispatch(kind, raw, sql, bindings)
            except BaseException as exc:
                if attempt == 1 and self._connection_lost(exc, raw):
                    continue
                raise
            finally:
                await self._release(pool, raw)
        raise AssertionError("unreachable")  # pragma: no cover

    async def _take_from_pool(self, pool_kind: str) -> tuple[Any, Any]:
        """A driver connection from the ``pool_kind`` pool, with the pool to return it to."""
        pool = await self._get_pool(pool_kind)
        return pool, await self._acquire(pool)

    async def _dispatch(self, kind: str, raw: Any, sql: str, bindings: Sequence[Any]) -> Any:
        if kind == "fetch":
            return await self._fetch(raw, sql, bindings)
        if kind == "script":
            await self._script(raw, sql)
            return (0, None)
        return await self._execute(raw, sql, bindings)

    async def _log_query(self, sql: str, bindings: Sequence[Any], ms: float) -> None:
        self._total_ms += ms
        if self._logging:
            self._query_log.append({"query": sql, "bindings": list(bindings), "time": round(ms, 2)})
        if self._listeners:
            event = QueryExecuted(sql, list(bindings), ms, self.name)
            for listener in list(self._listeners):
                await call_maybe_async(listener, event)
        for handler in self._duration_handlers:
            if not handler[2] and self._total_ms > handler[0]:
                handler[2] = True
                await call_maybe_async(
                    handler[1], self, QueryExecuted(sql, list(bindings), ms, self.name)
                )

    async def select(
        self, sql: str, bindings: Bindings = (), *, use_read: bool = True
    ) -> list[dict[str, Any]]:
        """Run a SELECT and return every row as a dict."""
        result: list[dict[str, Any]] = await self._run("fetch", sql, bindings, use_read)
        return result

    async def select_from_write_connection(
        self, sql: str, bindings: Bindings = ()
    ) -> list[dict[str, Any]]:
        """Run a SELECT on the write connection (skipping read replicas)."""
        return await self.select(sql, bindings, use_read=False)

    async def select_one(
        self, sql: str, bindings: Bindings = (), *, use_read: bool = True
    ) -> dict[str, Any] | None:
        """Run a SELECT and return the first row, or None."""
        rows = await self.select(sql, bindings, use_read=use_read)
        return rows[0] if rows else None

    async def scalar(self, sql: str, bindings: Bindings = (), *, use_read: bool = True) -> Any:
        """Run a SELECT and return the first column of the first row, or None."""
        row = await self.select_one(sql, bindings, use_read=use_read)
        if row is None:
            return None
        return next(iter(row.values()), None)

    async def insert(self, sql: str, bindings: Bindings = ()) -> bool:
        """Run an INSERT; returns True."""
        return await self.statement(sql, bindings)

    async def update(self, sql: str, bindings: Bindings = ()) -> int:
        """Run an UPDATE and return the number of affected rows."""
        return await self.affecting_statement(sql, bindings)

    async def delete(self, sql: str, bindings: Bindings = ()) -> int:
        """Run a DELETE and return the number of affected rows."""
        return await self.affecting_statement(sql, bindings)

    async def statement(self, sql: str, bindings: Bindings = ()) -> bool:
        """Run any statement; returns True."""
        await self._run("execute", sql, bindings)
        self._modified.set(True)
        return True

    async def affecting_statement(self, sql: str, bindings: Bindings = ()) -> int:
        """Run a statement and return the number of affected rows."""
        affected, _ = await self._run("execute", sql, bindings)
        self._modified.set(True)
        return int(affected)

    async def unprepared(self, sql: str) -> bool:
        """Run raw SQL without bindings; it may hold several statements."""
        await self._run("script", sql, ())
        self._modified.set(True)
        return True

    async def insert_get_id(self, sql: str, bindings: Bindings = (), sequence: str = "id") -> Any:
        """Run an INSERT and return the new row's auto-increment id."""
        _, last_id = await self._run("execute", sql, bindings)
        self._modified.set(True)
        return last_id

    async def cursor(
        self, sql: str, bindings: Bindings = (), *, use_read: bool = True
    ) -> AsyncIterator[dict[str, Any]]:
        """Stream rows one by one without loading the whole result into memory."""
        sql, bindings = self._positional(sql, bindings)
        log = self._pretend.get()
        if log is not None:
            log.append({"query": sql, "bindings": list(bindings), "time": 0.0})
            return
        prepared = self.prepare_bindings(bindings)
        start = time.perf_counter()
        tx = self._tx.get()
        pool = raw = None
        if tx is None:
            kind = (
                "read"
                if use_read and self._has_read and not (self._sticky and self._modified.get())
                else "write"
            )
            pool, raw = await self._take_from_pool(kind)
        try:
            stream = self._stream(tx.raw if tx is not None else raw, sql, prepared)
            try:
                async for row in stream:
                    yield row
            except BaseException as exc:
                wrapped = self._wrap_error(exc, sql, bindings)
                if wrapped is exc:
                    raise
                raise wrapped from exc
        finally:
            if pool is not None:
                await self._release(pool, raw)
        if self._observed:
            await self._log_query(sql, bindings, (time.perf_counter() - start) * 1000)

    # -- transactions -------------------------------------------------------------------------
    def transaction(
        self, callback: Callable[..., Any] | None = None, attempts: int = 1
    ) -> Transaction:
        """Open a transaction: ``async with conn.transaction():`` or ``await conn.transaction(fn)``.

        Nested calls create savepoints. All statements inside use one pinned connection,
        private to the current task.
        """
        return Transaction(self, callback, attempts)

    def transaction_level(self) -> int:
        """How many transactions (including savepoints) the current task has open."""
        tx = self._tx.get()
        return 0 if tx is None else tx.level

    async def begin_transaction(self) -> None:
        """Start a transaction, or a savepoint when one is already open."""
        tx = self._tx.get()
        pretending = self._pretend.get() is not None
        if tx is None:
            if pretending:
                self._tx.set(TransactionState(None))
                return
            scope = current_scope.get() if self._pins else None
            held = None
            if scope is not None and not scope.closed:
                held = await scope.hold(self, "write")
                if held is not None and not await held.claim(True):
                    held = None
            raw = held.raw if held is not None else (await self._take_from_pool("write"))[1]
            tx = TransactionState(raw, held)
            try:
                await self._begin(raw)
            except BaseException as exc:
                if held is not None and scope is not None:
                    scope.forget(held)  # returned to the pool by _give_back
                await self._give_back(tx)
                wrapped = self._wrap_error(exc, "begin", ())
                if wrapped is exc:
                    raise
                raise wrapped from exc
            self._tx.set(tx)
            return
        if not pretending and tx.raw is not None:
            await self._run_on(tx, self.grammar.compile_savepoint(f"trans{tx.level + 1}"))
        tx.level += 1

    async def _give_back(self, tx: TransactionState) -> None:
        """Return a finished transaction's connection to its scope or its pool."""
        held = tx.held
        if held is None:
            await self._release(self._pools["write"], tx.raw)
        elif held.free():
            await self._release(held.pool, held.raw)

    async def _run_on(self, tx: TransactionState, sql: str) -> None:
        try:
            await self._execute(tx.raw, sql, ())
        except BaseException as exc:
            wrapped = self._wrap_error(exc, sql, ())
            if wrapped is exc:
                raise
            raise wrapped from exc

    async def commit(self) -> None:
        """Commit the current transaction level; callbacks run after the outermost commit."""
        tx = self._tx.get()
        if tx is None:
            raise TransactionError(
                f"commit() was called on the [{self.name}] connection with no open transaction."
            )
        if tx.level > 1:
            tx.lower_callbacks(tx.level)
            tx.level -= 1
            return
        self._tx.set(None)
        if tx.raw is not None:
            try:
                await self._commit(tx.raw)
            except BaseException as exc:
                try:
                    await self._rollback(tx.raw)
                except Exception:
                    pass
                wrapped = self._wrap_error(exc, "commit", ())
                if wrapped is exc:
                    raise
                raise wrapped from exc
            finally:
                await self._give_back(tx)
        self._modified.set(True)
        for _, callback in tx.callbacks:
            await call_maybe_async(callback)

    async def rollback(self, to_level: int | None = None) -> None:
        """Roll back the innermost level (or down to ``to_level``); savepoints roll back alone."""
        tx = self._tx.get()
        if tx is None:
            return
        target = tx.level - 1 if to_level is None else to_level
        if target < 0 or target >= tx.level:
            return
        if target == 0:
            self._tx.set(None)
            if tx.raw is not None:
                try:
                    await self._rollback(tx.raw)
                except BaseException as exc:
                    if self._classify(exc) is not LostConnectionError:
                        wrapped = self._wrap_error(exc, "rollback", ())
                        if wrapped is exc:
                            raise
                        raise wrapped from exc
                finally:
                    await self._give_back(tx)
            return
        if tx.raw is not None:
            await self._run_on(tx, self.grammar.compile_savepoint_rollback(f"trans{target + 1}"))
        tx.discard_callbacks(target + 1)
        tx.level = target

    async def after_commit(self, callback: Callable[[], Any]) -> None:
        """Run ``callback`` after the outermost commit (at once if no transaction is open).

        Callbacks registered inside a transaction or savepoint that rolls back are discarded.
        """
        tx = self._tx.get()
        if tx is None:
            await call_maybe_async(callback)
            return
        tx.callbacks.append((tx.level, callback))

    # -- pretend, logging, listeners -------------------------------------------------------------
    @asynccontextmanager
    async def pretend(self) -> AsyncIterator[list[dict[str, Any]]]:
        """Record statements (``query``, ``bindings``) instead of running them."""
        log: list[dict[str, Any]] = []
        token = self._pretend.set(log)
        try:
            yield log
        finally:
            self._pretend.reset(token)

    def pretending(self) -> bool:
        """True inside ``pretend()``."""
        return self._pretend.get() is not None

    def enable_query_log(self) -> None:
        """Start recording every statement (``get_query_log()``)."""
        self._logging = True
        self._observed = True

    def disable_query_log(self) -> None:
        """Stop recording statements."""
        self._logging = False
        self._observed = bool(self._listeners or self._duration_handlers)

    def logging(self) -> bool:
        """True when the query log is enabled."""
        return self._logging

    def get_query_log(self) -> list[dict[str, Any]]:
        """The recorded statements: dicts with ``query``, ``bindings`` and ``time`` (ms)."""
        return list(self._query_log)

    def flush_query_log(self) -> None:
        """Forget the recorded statements."""
        self._query_log.clear()

    def listen(self, callback: Callable[[QueryExecuted], Any]) -> None:
        """Call ``callback(QueryExecuted)`` after every statement (sync or async)."""
        self._listeners.append(callback)
        self._observed = True

    def when_query_takes_longer_than(
        self, ms: float, callback: Callable[[Connection, QueryExecuted], Any]
    ) -> None:
        """Call ``callback(connection, event)`` for every statement slower than ``ms``."""

        async def check(event: QueryExecuted) -> None:
            if event.time > ms:
                await call_maybe_async(callback, self, event)

        self.listen(check)

    def when_querying_for_longer_than(
        self, ms: float, callback: Callable[[Connection, QueryExecuted], Any]
    ) -> None:
        """Call ``callback(connection, event)`` once when the total query time exceeds ``ms``.

        The total accumulates until :meth:`reset_total_query_duration` (the HTTP layer resets
        it for every request).
        """
        self._duration_handlers.append([ms, callback, False])
        self._observed = True

    def total_query_duration(self) -> float:
        """Milliseconds spent in queries since the last reset (while anything observes them)."""
        return self._total_ms

    def reset_total_query_duration(self) -> None:
        """Start counting query time from zero again."""
        self._total_ms = 0.0

    def allow_query_duration_handlers_to_run_again(self) -> None:
        """Let :meth:`when_querying_for_longer_than` callbacks fire again."""
        for handler in self._duration_handlers:
            handler[2] = False

    def records_have_been_modified(self) -> bool:
        """True once the current task wrote through this connection (sticky reads)."""
        return self._modified.get()

    def forget_records_modification(self) -> None:
        """Let reads go to replicas again in the current task."""
        self._modified.set(False)

    # -- query builder entry points ----------------------------------------------------------------
    def table(self, table: str | Expression | Builder, alias: str | None = None) -> Builder:
        """Start a query builder on ``table``."""
        return self.query().from_(table, alias)

    def query(self) -> Builder:
        """A fresh query builder on this connection."""
        from parvel.database.query.builder import Builder

        return Builder(self)

    def raw(self, value: str | int | float) -> Expression:
        """A raw SQL expression (never put user input in it)."""
        return Expression(value)

    def get_schema_builder(self) -> SchemaBuilder:
        """A schema builder on this connection (``DB.connection("pgsql").get_schema_builder()``)."""
        from parvel.database.schema.builder import SchemaBuilder

        return SchemaBuilder(self)

    def get_table_prefix(self) -> str:
        """The prefix added to table names."""
        return self.grammar.table_prefix

    def set_table_prefix(self, prefix: str) -> None:
        """Change the prefix added to table names."""
        self.grammar.set_table_prefix(prefix)

    def get_database_name(self) -> str:
        """The configured database name."""
        return str(self.config.get("database", ""))

    def get_name(self) -> str:
        """The connection's configured name."""
        return self.name

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name!r} driver={self.driver!r}>"


def datetime_to_string(value: Any) -> Any:
    """Format dates and times the way SQLite and MySQL store them."""
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, (date, dtime)):
        return value.isoformat()
    return value
