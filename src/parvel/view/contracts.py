"""Protocols the view layer relies on."""

from __future__ import annotations

from typing import Protocol, runtime_checkable


@runtime_checkable
class Htmlable(Protocol):
    """An object that renders itself as safe HTML (``markupsafe.Markup``, slots, bags)."""

    def __html__(self) -> str:
        """Return the HTML (never escaped again)."""
        ...


class ErrorBag(Protocol):
    """Validation messages by field, as ``@error`` reads them."""

    def has(self, key: str) -> bool:
        """Whether ``key`` has at least one message."""
        ...

    def first(self, key: str) -> str | None:
        """The first message for ``key``, or ``None``."""
        ...

    def get(self, key: str) -> list[str]:
        """Every message for ``key``."""
        ...
