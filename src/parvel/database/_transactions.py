"""Transaction state pinned to one task, and the ``transaction()`` helper object."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Generator
from typing import TYPE_CHECKING, Any

from parvel.support.callbacks import arity

if TYPE_CHECKING:
    from types import TracebackType

    from parvel.database._scope import HeldConnection
    from parvel.database.connection import Connection


class TransactionState:
    """The pinned driver connection and depth of the current task's transaction."""

    __slots__ = ("callbacks", "held", "level", "raw")

    def __init__(self, raw: Any, held: HeldConnection | None = None) -> None:
        self.raw = raw
        self.held = held  # set when the connection belongs to the request's connection scope
        self.level = 1
        self.callbacks: list[tuple[int, Callable[[], Any]]] = []

    def discard_callbacks(self, from_level: int) -> None:
        self.callbacks = [(lvl, cb) for lvl, cb in self.callbacks if lvl < from_level]

    def lower_callbacks(self, level: int) -> None:
        self.callbacks = [(level - 1 if lvl >= level else lvl, cb) for lvl, cb in self.callbacks]


async def call_maybe_async(callback: Callable[..., Any], *args: Any) -> Any:
    """Call ``callback`` and await its result when it is awaitable."""
    result = callback(*args)
    if inspect.isawaitable(result):
        result = await result
    return result


class Transaction:
    """What ``conn.transaction()`` returns: use with ``async with`` or ``await``.

    ``async with conn.transaction():`` commits when the block ends and rolls back when it
    raises. ``await conn.transaction(fn, attempts=3)`` calls ``fn(conn)`` (or ``fn()`` when
    it takes no argument, as Laravel's closures usually do) inside a transaction, retrying on deadlocks up to ``attempts`` times, and returns its result.
    """

    __slots__ = ("_attempts", "_callback", "_conn")

    def __init__(
        self, conn: Connection, callback: Callable[..., Any] | None = None, attempts: int = 1
    ) -> None:
        self._conn = conn
        self._callback = callback
        self._attempts = max(1, attempts)

    async def __aenter__(self) -> Connection:
        await self._conn.begin_transaction()
        return self._conn

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc is None:
            await self._conn.commit()
        else:
            await self._conn.rollback()

    def __await__(self) -> Generator[Any, None, Any]:
        return self._run().__await__()

    async def _run(self) -> Any:
        if self._callback is None:
            raise TypeError(
                "transaction() needs a callback when awaited: "
                "use `await conn.transaction(fn)` or `async with conn.transaction():`."
            )
        conn = self._conn
        for attempt in range(1, self._attempts + 1):
            await conn.begin_transaction()
            try:
                args = (conn,) if arity(self._callback) else ()
                result = await call_maybe_async(self._callback, *args)
            except BaseException as exc:
                await conn.rollback()
                if (
                    attempt < self._attempts
                    and conn.transaction_level() == 0
                    and conn.is_concurrency_error(exc)
                ):
                    continue
                raise
            try:
                await conn.commit()
            except Exception as exc:
                if attempt < self._attempts and conn.is_concurrency_error(exc):
                    continue
                raise
            return result
        return None  # pragma: no cover - the loop always returns or raises
