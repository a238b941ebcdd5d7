"""Calling Laravel-style callbacks: ``(item)`` or ``(item, key)``, whichever they take."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from parvel.support.callbacks import arity, call

__all__ = ["_MISSING", "arity", "call", "conditionally"]

_MISSING: Any = object()
"""The "argument not given" marker shared with collection.py."""


def conditionally(
    target: Any,
    value: Any,
    callback: Callable[..., Any] | None,
    default: Callable[..., Any] | None,
) -> Any:
    """Laravel's ``when()``: ``callback(target, value)`` when ``value`` is truthy, else ``default``.

    ``value`` is called with ``target`` first when callable; the result is the callback's, or
    ``target`` when that is None.
    """
    resolved = value(target) if callable(value) else value
    chosen = callback if resolved else default
    if chosen is None:
        return target
    result = call(chosen, arity(chosen), target, resolved)
    return target if result is None else result


def _pairs(value: Any) -> dict[Any, Any]:
    if isinstance(value, dict):
        return value
    key, val = value
    return {key: val}
