"""Laravel's collection methods that change, transform, order and measure a collection.

Mixed into :class:`parvel.orm.collection.Collection` on top of
:class:`parvel.orm._collection_ops.CollectionOps`; see that module's doc.
"""

from __future__ import annotations

import functools
import random as _random
from collections.abc import Callable, Iterable
from statistics import median as _median
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from parvel.orm._callbacks import _MISSING, _pairs, arity, call, conditionally
from parvel.orm._collection_ops import CollectionOps, _flatten, _get, _iter, _strict_eq
from parvel.orm.keyed_collection import KeyedCollection

if TYPE_CHECKING:
    from parvel.orm.collection import Collection

T = TypeVar("T")
U = TypeVar("U")


class CollectionTransforms(CollectionOps[T], Generic[T]):
    """In-place changes, transformation, ordering, statistics and flow (see the module doc)."""

    __slots__ = ()

    # -- in-place changes (as Laravel's) ---------------------------------------------------------
    def pop(self, count: int = 1) -> Any:
        """Remove and return the last item (a collection of the last ``count`` when > 1)."""
        if count == 1:
            return self.items.pop() if self.items else None
        taken = [self.items.pop() for _ in range(min(count, len(self.items)))]
        return self._new(taken)

    def shift(self, count: int = 1) -> Any:
        """Remove and return the first item (a collection of the first ``count`` when > 1)."""
        if count == 1:
            return self.items.pop(0) if self.items else None
        taken, self.items[:count] = self.items[:count], []
        return self._new(taken)

    def prepend(self, value: T) -> Collection[T]:
        """Put ``value`` first (in place)."""
        self.items.insert(0, value)
        return self  # type: ignore[return-value]

    def put(self, index: int, value: T) -> Collection[T]:
        """Set the item at ``index`` (appending when ``index`` is the count), in place."""
        if index == len(self.items):
            self.items.append(value)
        else:
            self.items[index] = value
        return self  # type: ignore[return-value]

    def pull(self, index: int, default: Any = None) -> T | Any:
        """Remove and return the item at ``index``, else ``default``."""
        if -len(self.items) <= index < len(self.items):
            return self.items.pop(index)
        return default

    def forget(self, *indexes: int | Iterable[int]) -> Collection[T]:
        """Remove the items at the indexes (in place)."""
        flat = {i for x in indexes for i in (x if isinstance(x, Iterable) else [x])}
        self.items[:] = [item for i, item in enumerate(self.items) if i not in flat]
        return self  # type: ignore[return-value]

    def splice(
        self, offset: int, length: int | None = None, replacement: Iterable[T] = ()
    ) -> Collection[T]:
        """Remove (and return) a slice from ``offset``, inserting ``replacement`` in its place."""
        end = len(self.items) if length is None else offset + length
        removed = self.items[offset:end]
        self.items[offset:end] = list(replacement)
        return self._new(removed)  # type: ignore[no-any-return]

    def transform(self, callback: Callable[..., T]) -> Collection[T]:
        """Replace every item by ``callback(item)`` in place."""
        n = arity(callback)
        self.items[:] = [call(callback, n, item, i) for i, item in enumerate(self.items)]
        return self  # type: ignore[return-value]

    def shuffle(self, seed: int | None = None) -> Collection[T]:
        """A copy in random order (repeatable with ``seed``)."""
        items = list(self.items)
        _random.Random(seed).shuffle(items) if seed is not None else _random.shuffle(items)
        return self._new(items)  # type: ignore[no-any-return]

    # -- transformation -------------------------------------------------------------------------
    def reduce(self, callback: Callable[..., Any], initial: Any = None) -> Any:
        """Fold the items: ``callback(carry, item)`` (``(carry, item, index)`` if it takes three)."""
        n = arity(callback)
        carry = initial
        for i, item in enumerate(self.items):
            carry = callback(*(carry, item, i)[: max(2, n)])
        return carry

    def flat_map(self, callback: Callable[..., Iterable[U]]) -> Collection[U]:
        """Map, then flatten one level."""
        n = arity(callback)
        out: list[U] = []
        for i, item in enumerate(self.items):
            out.extend(_iter(call(callback, n, item, i)))
        return self._new(out)  # type: ignore[no-any-return]

    def flatten(self, depth: float = float("inf")) -> Collection[Any]:
        """Nested lists, tuples, collections and dict values flattened (``depth`` levels)."""
        return self._new(_flatten(self.items, depth))  # type: ignore[no-any-return]

    def collapse_with_keys(self) -> KeyedCollection[Any, Any]:
        """A collection of dicts merged into one keyed collection (later keys win)."""
        out: KeyedCollection[Any, Any] = KeyedCollection()
        for item in self.items:
            if isinstance(item, dict):
                out.update(item)
        return out

    def reduce_spread(self, callback: Callable[..., Any], *initial: Any) -> list[Any]:
        """Fold carrying several values: ``callback(*carry, item)`` returns the new carry."""
        carry = list(initial)
        for item in self.items:
            carry = list(callback(*carry, item))
        return carry

    def collapse(self) -> Collection[Any]:
        """A collection of lists (or collections) made one flat collection."""
        out: list[Any] = []
        for item in self.items:
            if isinstance(item, (list, tuple, CollectionOps)):
                out.extend(item)
        return self._new(out)  # type: ignore[no-any-return]

    def map_into(self, cls: Callable[[T], U]) -> Collection[U]:
        """``cls(item)`` for every item."""
        return self._new([cls(item) for item in self.items])  # type: ignore[no-any-return]

    def map_spread(self, callback: Callable[..., U]) -> Collection[U]:
        """``callback(*item)`` for every (list-like) item."""
        rows: list[Any] = self.items
        return self._new([callback(*item) for item in rows])  # type: ignore[no-any-return]

    def each_spread(self, callback: Callable[..., Any]) -> Collection[T]:
        """Call ``callback(*item)`` for every item; returning False stops."""
        rows: list[Any] = self.items
        for item in rows:
            if callback(*item) is False:
                break
        return self  # type: ignore[return-value]

    def map_with_keys(self, callback: Callable[..., Any]) -> KeyedCollection[Any, Any]:
        """Pairs from ``callback(item)`` returning ``{key: value}`` or ``(key, value)``."""
        n = arity(callback)
        out: KeyedCollection[Any, Any] = KeyedCollection()
        for i, item in enumerate(self.items):
            out.update(_pairs(call(callback, n, item, i)))
        return out

    def map_to_groups(self, callback: Callable[..., Any]) -> KeyedCollection[Any, Any]:
        """Group by ``callback(item)`` returning ``{key: value}`` or ``(key, value)``."""
        n = arity(callback)
        groups: dict[Any, list[Any]] = {}
        for i, item in enumerate(self.items):
            for key, value in _pairs(call(callback, n, item, i)).items():
                groups.setdefault(key, []).append(value)
        return KeyedCollection((k, self._new(v)) for k, v in groups.items())

    def count_by(self, key: str | Callable[[T], Any] | None = None) -> KeyedCollection[Any, int]:
        """How many items have each value (of ``key`` or ``callback(item)``)."""
        get = _get(key)
        counts: KeyedCollection[Any, int] = KeyedCollection()
        for item in self.items:
            value = get(item)
            counts[value] = counts.get(value, 0) + 1
        return counts

    def flip(self) -> KeyedCollection[Any, int]:
        """Each item mapped to its index."""
        return KeyedCollection((item, i) for i, item in enumerate(self.items))

    def combine(self, values: Iterable[Any]) -> KeyedCollection[Any, Any]:
        """The items (as keys) mapped to ``values``."""
        return KeyedCollection(zip(self.items, values, strict=False))

    def zip(self, *others: Iterable[Any]) -> Collection[Collection[Any]]:
        """Collections of the items paired with the others' items at the same index."""
        from parvel.orm.collection import Collection

        lists = [list(o) for o in others]
        return Collection(
            [
                Collection([item, *(o[i] if i < len(o) else None for o in lists)])
                for i, item in enumerate(self.items)
            ]
        )

    def cross_join(self, *others: Iterable[Any]) -> Collection[list[Any]]:
        """Every combination of the items with the others' items (a cartesian product)."""
        import itertools

        return self._new([list(p) for p in itertools.product(self.items, *others)])  # type: ignore[no-any-return]

    def concat(self, other: Iterable[T]) -> Collection[T]:
        """The items followed by ``other``'s."""
        return self._new([*self.items, *other])  # type: ignore[no-any-return]

    def multiply(self, times: int) -> Collection[T]:
        """The items repeated ``times`` times."""
        return self._new(self.items * times)  # type: ignore[no-any-return]

    def diff(self, other: Iterable[Any]) -> Collection[T]:
        """Items not in ``other`` (models compare by key)."""
        banned = list(other)
        keys = {x.get_key() for x in banned if hasattr(x, "get_key")}
        if keys:
            return self._new([x for x in self.items if x.get_key() not in keys])  # type: ignore[attr-defined,no-any-return]
        return self._new([x for x in self.items if x not in banned])  # type: ignore[no-any-return]

    def intersect(self, other: Iterable[Any]) -> Collection[T]:
        """Items also in ``other`` (models compare by key)."""
        wanted = list(other)
        keys = {x.get_key() for x in wanted if hasattr(x, "get_key")}
        if keys:
            return self._new([x for x in self.items if x.get_key() in keys])  # type: ignore[attr-defined,no-any-return]
        return self._new([x for x in self.items if x in wanted])  # type: ignore[no-any-return]

    def intersect_using(
        self, other: Iterable[Any], callback: Callable[[Any, Any], int]
    ) -> Collection[T]:
        """Items also in ``other``, compared with ``callback(a, b) == 0``."""
        others = list(other)
        return self._new(  # type: ignore[no-any-return]
            [x for x in self.items if any(callback(x, o) == 0 for o in others)]
        )

    def dd(self) -> None:
        """Print the items and stop (Laravel's "dump and die"): raises SystemExit."""
        self.dump()
        raise SystemExit(1)

    def duplicates(self, key: str | Callable[[T], Any] | None = None) -> KeyedCollection[int, Any]:
        """The repeated values (of ``key``), keyed by their index."""
        get = _get(key)
        seen: list[Any] = []
        out: KeyedCollection[int, Any] = KeyedCollection()
        for i, item in enumerate(self.items):
            value = get(item)
            if value in seen:
                out[i] = value
            else:
                seen.append(value)
        return out

    def duplicates_strict(
        self, key: str | Callable[[T], Any] | None = None
    ) -> KeyedCollection[int, Any]:
        """``duplicates`` comparing types too."""
        get = _get(key)
        seen: list[Any] = []
        out: KeyedCollection[int, Any] = KeyedCollection()
        for i, item in enumerate(self.items):
            value = get(item)
            if any(_strict_eq(value, s) for s in seen):
                out[i] = value
            else:
                seen.append(value)
        return out

    def unique_strict(self, key: str | Callable[[T], Any] | None = None) -> Collection[T]:
        """``unique`` comparing types too."""
        get = _get(key)
        seen: list[Any] = []
        out: list[T] = []
        for item in self.items:
            value = get(item)
            if not any(_strict_eq(value, s) for s in seen):
                seen.append(value)
                out.append(item)
        return self._new(out)  # type: ignore[no-any-return]

    def replace(self, replacements: dict[int, T] | Iterable[T]) -> Collection[T]:
        """A copy with items replaced by index (``{1: "x"}``, or a list from index 0)."""
        items = list(self.items)
        pairs = replacements.items() if isinstance(replacements, dict) else enumerate(replacements)
        for i, value in pairs:
            if i < len(items):
                items[i] = value
            else:
                items.append(value)
        return self._new(items)  # type: ignore[no-any-return]

    def select(self, *keys: str | Iterable[str]) -> Collection[dict[str, Any]]:
        """Each item reduced to ``keys`` (dicts or models become dicts)."""
        from parvel.orm.collection import data_get

        names = [k for x in keys for k in ([x] if isinstance(x, str) else x)]
        return self._new(  # type: ignore[no-any-return]
            [
                {k: data_get(item, k) for k in names if data_get(item, k, _MISSING) is not _MISSING}
                for item in self.items
            ]
        )

    # -- ordering ---------------------------------------------------------------------------------
    def sort(self, callback: Callable[..., Any] | None = None) -> Collection[T]:
        """Sorted; ``callback(a, b)`` (a comparison) or ``callback(item)`` (a key) when given."""
        if callback is None:
            return self._new(sorted(self.items))  # type: ignore[no-any-return]
        if arity(callback) >= 2:
            return self._new(sorted(self.items, key=functools.cmp_to_key(callback)))  # type: ignore[no-any-return]
        return self._new(sorted(self.items, key=callback))  # type: ignore[no-any-return]

    def sort_desc(self) -> Collection[T]:
        """Sorted, largest first."""
        return self._new(sorted(self.items, reverse=True))  # type: ignore[no-any-return]

    def sort_keys(self) -> Collection[T]:
        """A list collection is ordered by index already: a copy."""
        return self._new(list(self.items))  # type: ignore[no-any-return]

    def sort_keys_desc(self) -> Collection[T]:
        """The items in reverse index order."""
        return self._new(list(reversed(self.items)))  # type: ignore[no-any-return]

    # -- statistics -------------------------------------------------------------------------------
    def median(self, key: str | Callable[[T], Any] | None = None) -> Any:
        """The median value (of ``key``), or None when empty."""
        values = [v for v in map(_get(key), self.items) if v is not None]
        return _median(values) if values else None

    def mode(self, key: str | Callable[[T], Any] | None = None) -> list[Any] | None:
        """The most frequent values (of ``key``), or None when empty."""
        counts: dict[Any, int] = self._new(
            [v for v in map(_get(key), self.items) if v is not None]
        ).count_by()
        if not counts:
            return None
        top = max(counts.values())
        return [v for v, c in counts.items() if c == top]

    def percentage(self, callback: Callable[[T], Any], precision: int = 2) -> float | None:
        """The percentage of items passing ``callback``, or None when empty."""
        if not self.items:
            return None
        passed = sum(1 for item in self.items if callback(item))
        return round(passed * 100 / len(self.items), precision)

    # -- flow -------------------------------------------------------------------------------------
    def when(
        self,
        value: Any,
        callback: Callable[..., Any] | None = None,
        default: Callable[..., Any] | None = None,
    ) -> Any:
        """Run ``callback(self, value)`` when ``value`` is truthy, else ``default``.

        ``value`` is called first when callable; returns the callback's result, or the
        collection when that is None.
        """
        return conditionally(self, value, callback, default)

    def unless(
        self,
        value: Any,
        callback: Callable[..., Any] | None = None,
        default: Callable[..., Any] | None = None,
    ) -> Any:
        """The opposite of :meth:`when`."""
        resolved = value(self) if callable(value) else value
        return self.when(not resolved, callback, default)

    def when_empty(
        self, callback: Callable[..., Any], default: Callable[..., Any] | None = None
    ) -> Any:
        """``callback(self)`` when the collection is empty."""
        return self.when(not self.items, callback, default)

    def when_not_empty(
        self, callback: Callable[..., Any], default: Callable[..., Any] | None = None
    ) -> Any:
        """``callback(self)`` when the collection has items."""
        return self.when(bool(self.items), callback, default)

    unless_not_empty = when_empty
    unless_empty = when_not_empty

    def pipe(self, callback: Callable[..., U]) -> U:
        """``callback(self)``."""
        return callback(self)

    def pipe_into(self, cls: Callable[..., U]) -> U:
        """``cls(self)``."""
        return cls(self)

    def pipe_through(self, callbacks: Iterable[Callable[..., Any]]) -> Any:
        """Each callback's result passed to the next, starting from the collection."""
        value: Any = self
        for fn in callbacks:
            value = fn(value)
        return value

    def tap(self, callback: Callable[..., Any]) -> Collection[T]:
        """Call ``callback(self)`` and return the collection."""
        callback(self)
        return self  # type: ignore[return-value]

    def ensure(self, *types: type) -> Collection[T]:
        """Raise TypeError unless every item is an instance of one of ``types``."""
        for i, item in enumerate(self.items):
            if not isinstance(item, types):
                names = ", ".join(t.__name__ for t in types)
                raise TypeError(
                    f"Collection should only include [{names}] items, "
                    f"but '{type(item).__name__}' found at position {i}."
                )
        return self  # type: ignore[return-value]

    def dump(self) -> Collection[T]:
        """Print the items and return the collection."""
        print(self.items)
        return self  # type: ignore[return-value]

    def join(self, glue: str, final_glue: str = "") -> str:
        """The items joined by ``glue``, the last two by ``final_glue`` when given."""
        strings = [str(item) for item in self.items]
        if not final_glue or len(strings) < 2:
            return glue.join(strings)
        return glue.join(strings[:-1]) + final_glue + strings[-1]
