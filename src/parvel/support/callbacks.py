"""Calling Laravel-style callbacks with as many arguments as they take.

Laravel passes ``(item, key)`` to collection callbacks and ``(rows, page)`` to ``chunk``
callbacks; PHP ignores extra arguments, Python does not. :func:`arity` tells how many a callback
requires and :func:`call` passes that many.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any
from weakref import WeakKeyDictionary

_ARITIES: WeakKeyDictionary[Callable[..., Any], int] = WeakKeyDictionary()


def _arity_of(fn: Callable[..., Any]) -> int:
    try:
        params = inspect.signature(fn).parameters.values()
    except (TypeError, ValueError):
        return 1
    count = 0
    for p in params:
        if p.kind is p.VAR_POSITIONAL:
            return 1_000
        if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD) and p.default is p.empty:
            count += 1
    return count


def arity(fn: Callable[..., Any]) -> int:
    """How many positional arguments ``fn`` requires (Laravel passes ``(item, key)``).

    Remembered per function without keeping it alive.
    """
    try:
        return _ARITIES[fn]
    except (KeyError, TypeError):
        pass
    count = _arity_of(fn)
    try:
        _ARITIES[fn] = count
    except TypeError:  # not weak-referenceable (some builtins)
        pass
    return count


def call(fn: Callable[..., Any], n: int, *args: Any) -> Any:
    """Call ``fn`` with as many of ``args`` as it takes (``n`` from :func:`arity`)."""
    return fn(*args[: max(1, n)])
