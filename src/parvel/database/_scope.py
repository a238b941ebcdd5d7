"""Connection scopes: a request keeps the pooled connection its first query took.

Inside a scope (every HTTP request opens one), a pooled connection (PostgreSQL, MySQL) takes
one driver connection from its pool at the first statement and keeps it until the scope
closes, so twenty queries cost one pool round trip instead of twenty. Statements from tasks of
the same request take turns on it; a transaction begun in the scope runs on it too. A task that
wants it while another task's *transaction* holds it uses another pooled connection instead of
waiting, so a transaction that awaits such a task cannot deadlock.
"""

from __future__ import annotations

import asyncio
import contextvars
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from parvel.database.connection import Connection

current_scope: contextvars.ContextVar[ConnectionScope | None] = contextvars.ContextVar(
    "parvel_db_connection_scope", default=None
)


class HeldConnection:
    """One driver connection kept by a scope, shared in turn by the scope's tasks."""

    __slots__ = ("_waiters", "busy", "in_transaction", "orphaned", "owner", "pool", "raw")

    def __init__(self, owner: Connection, pool: Any, raw: Any) -> None:
        self.owner = owner
        self.pool = pool
        self.raw = raw
        self.busy = False
        self.in_transaction = False
        self.orphaned = False  # the scope closed (or the connection died) while it was busy
        self._waiters: list[asyncio.Future[None]] = []

    async def claim(self, for_transaction: bool) -> bool:
        """Take the connection; False means "use another pooled connection instead"."""
        while self.busy:
            if self.in_transaction or self.orphaned:
                return False
            waiter: asyncio.Future[None] = asyncio.get_running_loop().create_future()
            self._waiters.append(waiter)
            try:
                await waiter
            finally:
                if waiter in self._waiters:
                    self._waiters.remove(waiter)
        if self.orphaned:
            return False
        self.busy = True
        self.in_transaction = for_transaction
        return True

    def free(self) -> bool:
        """Hand the connection back to the scope; True when it must go back to its pool now."""
        self.busy = False
        self.in_transaction = False
        waiters, self._waiters = self._waiters, []
        for waiter in waiters:
            if not waiter.done():
                waiter.set_result(None)
        return self.orphaned


class ConnectionScope:
    """The connections held by one request (or one ``DB.connection_scope()`` block)."""

    __slots__ = ("closed", "held")

    def __init__(self) -> None:
        self.held: dict[tuple[int, str], HeldConnection] = {}
        self.closed = False

    async def hold(self, conn: Connection, pool_kind: str) -> HeldConnection | None:
        """The connection ``conn`` keeps in this scope for ``pool_kind``, taken on first use.

        None when it could not be kept (the scope closed meanwhile); the caller then uses the
        pool directly. Tasks arriving while the first one waits for the pool wait for it too,
        so a request never takes a second connection just because its tasks raced.
        """
        key = (id(conn), pool_kind)
        entry = self.held.get(key)
        if entry is not None:
            return entry
        entry = self.held[key] = HeldConnection(conn, None, None)
        entry.busy = True  # being taken from the pool: other tasks wait in claim()
        try:
            entry.pool, entry.raw = await conn._take_from_pool(pool_kind)
        except BaseException:
            self.forget(entry)
            entry.free()
            raise
        if entry.free():  # the scope closed while we waited for the pool
            await conn._release(entry.pool, entry.raw)
            return None
        return entry

    def forget(self, entry: HeldConnection) -> None:
        """Stop keeping ``entry`` (its connection died); it returns to the pool when freed."""
        entry.orphaned = True
        for key, held in list(self.held.items()):
            if held is entry:
                del self.held[key]

    async def close(self) -> None:
        """Return every idle connection to its pool; busy ones follow when their task ends."""
        self.closed = True
        held, self.held = self.held, {}
        for entry in held.values():
            if entry.busy:
                entry.orphaned = True
                continue
            try:
                await entry.owner._release(entry.pool, entry.raw)
            except Exception:  # a pool closed meanwhile: nothing left to return it to
                pass


class RequestConnections:
    """The HTTP kernel's request scope: opens a connection scope per request."""

    __slots__ = ()

    def enter(self) -> object:
        """Open a scope for the request that starts now."""
        return current_scope.set(ConnectionScope())

    async def exit(self, token: Any) -> None:
        """Close the request's scope once the response is sent."""
        scope = current_scope.get()
        current_scope.reset(token)
        if scope is not None and scope.held:
            await scope.close()
        elif scope is not None:
            scope.closed = True


@asynccontextmanager
async def connection_scope() -> AsyncIterator[None]:
    """Keep one pooled connection per database connection until the block ends.

    HTTP requests get this for free; use it in a command or a long task that runs many
    queries. Inside an open scope it does nothing (the outer scope keeps the connections).
    """
    outer = current_scope.get()
    if outer is not None and not outer.closed:
        yield
        return
    scope = RequestConnections()
    token = scope.enter()
    try:
        yield
    finally:
        await scope.exit(token)
