"""Markers a resource's ``to_array`` may return: missing values and values to merge in."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


class MissingValue:
    """A value left out of the output (``when(False, ...)``, an unloaded ``when_loaded``).

    Its key is removed, also inside nested dicts and lists.
    """

    __slots__ = ()

    def is_missing(self) -> bool:
        """Always True."""
        return True

    def __bool__(self) -> bool:
        return False

    def __repr__(self) -> str:
        return "MissingValue()"


MISSING = MissingValue()
"""The shared :class:`MissingValue` instance."""


class MergeValue(dict[str, Any]):
    """Keys merged into the surrounding dict (``merge``, ``merge_when``).

    It is a dict, so it spreads with ``**self.merge_when(...)``; placed as the value of any
    key instead, its items are spliced in at that position and the key is dropped. A list given
    as the data is spliced into a surrounding list.
    """

    __slots__ = ("data",)

    def __init__(self, data: Any = None) -> None:
        if data is None:
            data = {}
        elif not isinstance(data, Mapping | list | tuple):
            for method in ("to_dict", "to_array", "all"):
                fn = getattr(data, method, None)
                if callable(fn):
                    data = fn()
                    break
        super().__init__(data if isinstance(data, Mapping) else {})
        self.data: Any = data

    def __repr__(self) -> str:
        return f"MergeValue({self.data!r})"


def is_missing(value: Any) -> bool:
    """Whether ``value`` is missing: a :class:`MissingValue`, or a resource wrapping one."""
    if value is MISSING or isinstance(value, MissingValue):
        return True
    check = getattr(type(value), "is_missing", None)
    return check is not None and bool(check(value))
