"""The configuration repository: nested dicts read with dot notation."""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping
from typing import Any

from parvel.config.exceptions import ConfigError, UnknownConfigKey

_MISSING: Any = object()


class Repository(Mapping[str, Any]):
    """Holds every config file's values: ``repo.get("database.connections.sqlite.driver")``.

    The top-level keys are the config file names (``app``, ``database``...).
    """

    def __init__(self, items: dict[str, Any] | None = None) -> None:
        self._items: dict[str, Any] = items or {}

    def get(self, key: str, default: Any = None) -> Any:
        """Return the value at the dotted ``key``, or ``default`` (None) when it does not exist.

        ``repo["app.name"]`` is the strict spelling: it raises :class:`UnknownConfigKey`, with
        the closest existing key as a hint, for a key that does not exist.
        """
        return self._find(key, default)

    def _find(self, key: str, default: Any) -> Any:
        node: Any = self._items
        for segment in key.split("."):
            if isinstance(node, Mapping) and segment in node:
                node = node[segment]
            elif isinstance(node, list) and segment.isdigit() and int(segment) < len(node):
                node = node[int(segment)]
            else:
                if default is _MISSING:
                    raise self._unknown(key)
                return default
        return node

    def string(self, key: str, default: Any = _MISSING) -> str:
        """The value at ``key``, which must be a ``str`` (Laravel's ``Config::string``).

        Raises:
            ConfigError: the value is of another type.
        """
        value: str = self._typed(key, default, str, "a string")
        return value

    def integer(self, key: str, default: Any = _MISSING) -> int:
        """The value at ``key``, which must be an ``int`` (not a ``bool``)."""
        value: int = self._typed(key, default, int, "an integer")
        return value

    def float(self, key: str, default: Any = _MISSING) -> float:
        """The value at ``key``, which must be a ``float``."""
        value: float = self._typed(key, default, float, "a float")
        return value

    def boolean(self, key: str, default: Any = _MISSING) -> bool:
        """The value at ``key``, which must be a ``bool``."""
        value: bool = self._typed(key, default, bool, "a boolean")
        return value

    def array(self, key: str, default: Any = _MISSING) -> Any:
        """The value at ``key``, which must be a list or a dict."""
        return self._typed(key, default, (list, tuple, Mapping), "an array (a list or a dict)")

    def _typed(self, key: str, default: Any, kind: Any, label: str) -> Any:
        value = self._find(key, default)
        wrong_bool = isinstance(value, bool) and kind is int
        if not isinstance(value, kind) or wrong_bool:
            raise ConfigError(
                f"Configuration value for key [{key}] must be {label}, "
                f"{type(value).__name__} given."
            )
        return value

    def has(self, key: str) -> bool:
        """Whether the dotted ``key`` exists."""
        return self._find(key, _MISSING_SENTINEL) is not _MISSING_SENTINEL

    def set(self, key: str | Mapping[str, Any], value: Any = None) -> None:
        """Set one dotted key, or many from a mapping: ``set({"app.debug": True})``."""
        pairs = key.items() if isinstance(key, Mapping) else [(key, value)]
        for dotted, item in pairs:
            node = self._items
            *parents, last = dotted.split(".")
            for segment in parents:
                child = node.get(segment)
                if not isinstance(child, dict):
                    child = {}
                    node[segment] = child
                node = child
            node[last] = item

    def push(self, key: str, value: Any) -> None:
        """Append ``value`` to the list at ``key``."""
        self.set(key, [*self.get(key, []), value])

    def prepend(self, key: str, value: Any) -> None:
        """Put ``value`` first in the list at ``key``."""
        self.set(key, [value, *self.get(key, [])])

    def all(self) -> dict[str, Any]:
        """Every config value as nested dicts."""
        return self._items

    def _unknown(self, key: str) -> UnknownConfigKey:
        known = list(_flatten(self._items))
        close = difflib.get_close_matches(key, known, n=1)
        hint = f"Did you mean '{close[0]}'?" if close else None
        hint = hint or "Add it to the config file, or pass a default: config(key, default)."
        return UnknownConfigKey(f"Unknown config key '{key}'.", hint=hint)

    def __getitem__(self, key: str) -> Any:
        """The value at ``key``; :class:`UnknownConfigKey` (a ``KeyError``) when it is missing."""
        return self._find(key, _MISSING)

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.has(key)


_MISSING_SENTINEL: Any = object()


def _flatten(items: Mapping[str, Any], prefix: str = "") -> Iterator[str]:
    for key, value in items.items():
        dotted = f"{prefix}{key}"
        yield dotted
        if isinstance(value, Mapping):
            yield from _flatten(value, f"{dotted}.")
