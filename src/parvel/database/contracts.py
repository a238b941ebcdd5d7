"""Protocols of the database layer, for code that needs connections without a manager."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

if TYPE_CHECKING:
    from parvel.database.connection import Connection

ConnectionFactory = Callable[[str, dict[str, Any]], "Connection"]
"""``factory(name, config) -> Connection``, registered with ``DatabaseManager.extend()``."""


@runtime_checkable
class ConnectionResolver(Protocol):
    """Anything that hands out named connections (the manager, or a test double)."""

    def connection(self, name: str | None = None) -> Connection:
        """The connection called ``name`` (the default one when None)."""
        ...

    def get_default_connection(self) -> str:
        """The default connection's name."""
        ...
