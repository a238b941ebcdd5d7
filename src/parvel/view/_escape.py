"""Fast escaping for echoes: plain strings go straight to markupsafe's C escaper."""

from __future__ import annotations

from enum import Enum
from typing import Any

from markupsafe import escape

__all__ = ["escape_any", "escape_str"]

try:
    from markupsafe._speedups import _escape_inner as escape_str
except ImportError:  # pragma: no cover - pure-Python markupsafe

    def escape_str(s: str, /) -> str:
        return str(escape(s))


def escape_any(value: Any) -> str:
    """Escape any value: ``None`` is empty, ``__html__`` objects are trusted."""
    if value is None:
        return ""
    kind = type(value)
    if kind is int or kind is float:
        return str(value)
    if isinstance(value, Enum):
        return escape(value.value)
    return escape(value)
