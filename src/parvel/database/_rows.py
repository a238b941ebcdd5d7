"""Turn driver rows (asyncpg Records, sqlite3 Rows) into dicts quickly.

For each distinct column list a small converter is generated once: a list comprehension
building a dict display with constant keys. It is about twice as fast as ``dict(record)``
on wide results. Keys enter the generated code only through ``repr()``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

Converter = Callable[[Sequence[Any]], list[dict[str, Any]]]
_converters: dict[tuple[str, ...], Converter] = {}
_LIMIT = 1024


def _build(keys: tuple[str, ...]) -> Converter:
    names = [f"_{i}" for i in range(len(keys))]
    target = ", ".join(names) + ("," if len(names) == 1 else "")
    body = ", ".join(f"{key!r}: {name}" for key, name in zip(keys, names, strict=True))
    source = f"def convert(rows):\n    return [{{{body}}} for ({target}) in rows]\n"
    namespace: dict[str, Any] = {}
    exec(compile(source, "<parvel.database rows>", "exec"), namespace)
    converter: Converter = namespace["convert"]
    return converter


def rows_to_dicts(rows: Sequence[Any], keys: Sequence[str]) -> list[dict[str, Any]]:
    """Convert ``rows`` (sequences of values in ``keys`` order) to dicts."""
    if not rows:
        return []
    key_tuple = tuple(keys)
    converter = _converters.get(key_tuple)
    if converter is None:
        if not key_tuple:
            return [{} for _ in rows]
        if len(_converters) >= _LIMIT:
            _converters.clear()
        converter = _converters[key_tuple] = _build(key_tuple)
    return converter(rows)
