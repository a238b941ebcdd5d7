"""Escaping for echoes, with the entities of Laravel's ``e()`` (PHP's ``htmlspecialchars``).

Plain strings go through markupsafe's C escaper; its ``&#34;`` and ``&#39;`` are then written
as ``&quot;`` and ``&#039;``, the forms ``htmlspecialchars(..., ENT_QUOTES)`` produces, so the
output matches Laravel's byte for byte.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from markupsafe import Markup
from markupsafe import escape as _markupsafe_escape

__all__ = ["escape", "escape_any", "escape_html", "escape_str"]

try:
    from markupsafe._speedups import _escape_inner
except ImportError:  # pragma: no cover - pure-Python markupsafe

    def _escape_inner(s: str, /) -> str:
        return str(_markupsafe_escape(s))


def escape_str(s: str, /) -> str:
    """Escape ``&``, ``<``, ``>``, ``"`` and ``'`` in a plain string."""
    out: str = _escape_inner(s)
    if "&#3" in out:
        out = out.replace("&#34;", "&quot;").replace("&#39;", "&#039;")
    return out


def escape_html(value: Any) -> Markup:
    """Escape any value as Markup: ``None`` is empty, ``__html__`` objects are trusted."""
    if value is None:
        return Markup("")
    if hasattr(value, "__html__"):
        return Markup(value.__html__())
    if isinstance(value, Enum):
        value = value.value
    return Markup(escape_str(value if type(value) is str else str(value)))


def escape_any(value: Any) -> str:
    """Escape any value for an echo: ``None`` is empty, ``__html__`` objects are trusted."""
    kind = type(value)
    if kind is int or kind is float:
        return str(value)
    return escape_html(value)


#: Public name (``from parvel.view import escape``): Laravel's ``e()``.
escape = escape_html
