"""Per-task log context: the request id and values added with :func:`log_context`.

Both live in :mod:`contextvars`, so every asyncio task (every request) has its own values and
concurrent requests never see each other's. The HTTP layer sets :data:`request_id` per request;
every line written while it is set carries it (``extra.request_id``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from types import MappingProxyType
from typing import Any

__all__ = ["add_log_context", "current_log_context", "log_context", "request_id"]

#: The current request's id, set by the HTTP layer; ``None`` outside a request.
request_id: ContextVar[str | None] = ContextVar("parvel_request_id", default=None)

_EMPTY: Mapping[str, Any] = MappingProxyType({})
_context: ContextVar[Mapping[str, Any]] = ContextVar("parvel_log_context", default=_EMPTY)


def current_log_context() -> dict[str, Any]:
    """Return the values every log line of the current task carries (including request_id)."""
    values = dict(_context.get())
    rid = request_id.get()
    if rid is not None:
        values["request_id"] = rid
    return values


def add_log_context(values: Mapping[str, Any] | None = None, /, **more: Any) -> None:
    """Add values to every later log line of the current task (and tasks it starts).

    Args:
        values: A mapping of values to add.
        **more: Further values as keyword arguments.
    """
    _context.set(MappingProxyType({**_context.get(), **(values or {}), **more}))


@contextmanager
def log_context(values: Mapping[str, Any] | None = None, /, **more: Any) -> Iterator[None]:
    """Add values to every log line written inside the ``with`` block.

    Example:
        ``with log_context(job="SendInvoice", attempt=2): Log.info("started")``
    """
    token = _context.set(MappingProxyType({**_context.get(), **(values or {}), **more}))
    try:
        yield
    finally:
        _context.reset(token)
