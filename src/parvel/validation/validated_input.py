"""``validator.safe()``: the validated data with Laravel's ``only``/``except`` helpers."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from parvel.validation._data import MISSING, get_path


class ValidatedInput(Mapping[str, Any]):
    """A read-only mapping of validated data.

    Example:
        >>> safe = ValidatedInput({"name": "Ada", "email": "ada@example.com"})
        >>> safe.only("name")
        {'name': 'Ada'}
    """

    __slots__ = ("_data",)

    def __init__(self, data: Mapping[str, Any]) -> None:
        self._data = dict(data)

    def only(self, *keys: str | list[str]) -> dict[str, Any]:
        """Return the given top-level keys that are present.

        Args:
            *keys: Key names, or lists of them.

        Returns:
            A new dict.
        """
        wanted = [k for key in keys for k in ([key] if isinstance(key, str) else key)]
        return {k: self._data[k] for k in wanted if k in self._data}

    def except_(self, *keys: str | list[str]) -> dict[str, Any]:
        """Return every key except the given ones (``except`` is a Python keyword).

        Args:
            *keys: Key names, or lists of them.

        Returns:
            A new dict.
        """
        dropped = {k for key in keys for k in ([key] if isinstance(key, str) else key)}
        return {k: v for k, v in self._data.items() if k not in dropped}

    def merge(self, extra: Mapping[str, Any]) -> ValidatedInput:
        """Return a new input with ``extra`` merged over the validated data.

        Args:
            extra: Keys to add or replace.

        Returns:
            A new :class:`ValidatedInput`.
        """
        return ValidatedInput({**self._data, **extra})

    def has(self, *keys: str | list[str]) -> bool:
        """Whether every given key (dot notation allowed) is present.

        Args:
            *keys: Key names, or lists of them.

        Returns:
            ``True`` when all are present.
        """
        wanted = [k for key in keys for k in ([key] if isinstance(key, str) else key)]
        return all(get_path(self._data, k) is not MISSING for k in wanted)

    def missing(self, *keys: str | list[str]) -> bool:
        """Whether none of the given keys is present (Laravel's ``missing``).

        Args:
            *keys: Key names, or lists of them.

        Returns:
            ``True`` when every key is absent.
        """
        wanted = [k for key in keys for k in ([key] if isinstance(key, str) else key)]
        return all(get_path(self._data, k) is MISSING for k in wanted)

    def input(self, key: str | None = None, default: Any = None) -> Any:
        """Return one value by dot path (``"user.name"``), or everything without a key.

        Args:
            key: The dot path.
            default: Returned when the path is absent.

        Returns:
            The value.
        """
        if key is None:
            return self.all()
        value = get_path(self._data, key)
        return default if value is MISSING else value

    def all(self) -> dict[str, Any]:
        """Return a copy of the validated data.

        Returns:
            A new dict.
        """
        return dict(self._data)

    def __getitem__(self, key: str) -> Any:
        return self._data[key]

    def __getattr__(self, name: str) -> Any:
        """``safe.name`` reads a validated key, as Laravel's ``$validated->name``."""
        if name.startswith("__") or name == "_data":
            raise AttributeError(name)
        try:
            return self._data[name]
        except KeyError:
            raise AttributeError(name) from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __repr__(self) -> str:
        return f"ValidatedInput({self._data!r})"
