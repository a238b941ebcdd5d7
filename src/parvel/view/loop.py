"""The ``loop`` variable available inside ``@foreach`` and ``@forelse``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sized
from typing import Any


class Loop:
    """Iteration state of a ``@foreach`` loop.

    Attributes:
        index: Position of the current item, from 0.
        count: Number of items.
        depth: Nesting level, from 1.
        parent: The enclosing loop's ``loop`` (also across ``@include``), or ``None``.
    """

    __slots__ = ("_items", "count", "depth", "index", "parent")

    def __init__(self, items: Iterable[Any] | None, parent: Any = None) -> None:
        if items is None:
            items = ()
        elif not isinstance(items, Sized):
            items = list(items)
        self._items: Iterable[Any] = items
        self.count: int = len(items)
        self.index = -1
        self.parent: Loop | None = parent if isinstance(parent, Loop) else None
        self.depth: int = self.parent.depth + 1 if self.parent is not None else 1

    def __iter__(self) -> Iterator[Any]:
        index = -1
        for item in self._items:
            index += 1
            self.index = index
            yield item

    @property
    def iteration(self) -> int:
        """Position of the current item, from 1."""
        return self.index + 1

    @property
    def remaining(self) -> int:
        """Items left after the current one."""
        return self.count - self.index - 1

    @property
    def first(self) -> bool:
        """Whether this is the first item."""
        return self.index == 0

    @property
    def last(self) -> bool:
        """Whether this is the last item."""
        return self.index == self.count - 1

    @property
    def even(self) -> bool:
        """Whether the iteration (from 1) is even."""
        return (self.index + 1) % 2 == 0

    @property
    def odd(self) -> bool:
        """Whether the iteration (from 1) is odd."""
        return (self.index + 1) % 2 == 1

    def __repr__(self) -> str:
        return f"Loop(index={self.index}, count={self.count}, depth={self.depth})"


def key_value_pairs(items: Iterable[Any] | None) -> Iterable[tuple[Any, Any]]:
    """``@foreach(items as key => value)``: a mapping's items, else ``(index, item)`` pairs."""
    if items is None:
        return ()
    items_method = getattr(items, "items", None)
    if callable(items_method) and not isinstance(items, list | tuple | str):
        pairs: Iterable[tuple[Any, Any]] = items_method()
        return pairs
    return list(enumerate(items))
