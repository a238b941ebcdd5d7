"""Laravel's collection methods that build, read, test, filter and slice a collection.

Mixed into :class:`parvel.orm.collection.Collection` (the changing and transforming methods are
in :mod:`parvel.orm._collection_transforms`). A Parvel collection is a list: where Laravel
answers with a keyed collection (``flip``, ``count_by``, ``map_with_keys``, ``duplicates`` ...)
these methods return a :class:`~parvel.orm.keyed_collection.KeyedCollection` (a dict), and
"keys" of a list collection are its indexes. See docs/orm.md, "Collections".
"""

from __future__ import annotations

import random as _random
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import orjson

from parvel.orm._callbacks import _MISSING, arity, call
from parvel.orm.exceptions import ItemNotFound, MultipleItemsFound
from parvel.orm.keyed_collection import KeyedCollection

if TYPE_CHECKING:
    from parvel.orm.collection import Collection

T = TypeVar("T")
U = TypeVar("U")


def _get(key: Any) -> Callable[[Any], Any]:
    from parvel.orm.collection import _value_of

    return _value_of(key)


def _matches(value: Any) -> Callable[[Any], bool]:
    """A test for ``value``: a callable is called, anything else compared with ``==``."""
    if callable(value) and not isinstance(value, type):
        return lambda item: bool(value(item))
    return lambda item: bool(item == value)


class CollectionOps(Generic[T]):
    """Laravel's less everyday collection methods (all list-based; see the module doc)."""

    __slots__ = ()
    items: list[T]

    if TYPE_CHECKING:

        def _new(self, items: Iterable[Any]) -> Any: ...
        def __iter__(self) -> Iterator[T]: ...
        def where(self, key: str, operator: Any = ..., value: Any = ...) -> Collection[T]: ...
        def filter(self, callback: Callable[..., Any] | None = None) -> Collection[T]: ...
        def contains(self, key: Any, operator: Any = ..., value: Any = ...) -> bool: ...

    # -- construction ---------------------------------------------------------------------------
    @classmethod
    def make(cls, items: Iterable[Any] = ()) -> Any:
        """A new collection of ``items`` (a :class:`KeyedCollection` for a dict)."""
        if isinstance(items, Mapping):
            return KeyedCollection(items)
        return cls(items)  # type: ignore[call-arg]

    @classmethod
    def wrap(cls, value: Any) -> Any:
        """``value`` as a collection: collections are kept, lists wrapped, others put in one."""
        if isinstance(value, cls):
            return value
        if isinstance(value, (list, tuple)):
            return cls(value)  # type: ignore[call-arg]
        return cls([value])  # type: ignore[call-arg]

    @staticmethod
    def unwrap(value: Any) -> Any:
        """The items of a collection as a list; anything else unchanged."""
        return list(value.items) if isinstance(value, CollectionOps) else value

    @classmethod
    def times(cls, number: int, callback: Callable[[int], Any] | None = None) -> Any:
        """``callback(1)`` ... ``callback(number)`` (the numbers themselves without one)."""
        numbers = range(1, number + 1)
        return cls([callback(n) if callback else n for n in numbers])  # type: ignore[call-arg]

    @classmethod
    def range(cls, start: int, end: int, step: int = 1) -> Any:
        """The integers from ``start`` to ``end`` inclusive."""
        stop = end + 1 if step > 0 else end - 1
        return cls(range(start, stop, step))  # type: ignore[call-arg]

    @classmethod
    def from_json(cls, json: str | bytes) -> Any:
        """A collection of the decoded JSON array (a single value is wrapped)."""
        return cls.wrap(orjson.loads(json))

    @classmethod
    def macro(cls, name: str, method: Callable[..., Any]) -> None:
        """Add a method: ``Collection.macro("to_upper", lambda self: self.map(str.upper))``."""
        setattr(cls, name, method)

    @classmethod
    def has_macro(cls, name: str) -> bool:
        """True when a method ``name`` exists."""
        return hasattr(cls, name)

    def collect(self) -> Collection[T]:
        """A new collection holding the same items."""
        return self._new(list(self.items))  # type: ignore[no-any-return]

    def to_array(self) -> list[Any]:
        """Laravel's name for :meth:`to_list`: models and collections become dicts and lists."""
        return self.to_list()  # type: ignore[attr-defined,no-any-return]

    def to_pretty_json(self) -> str:
        """The collection as indented JSON."""
        data = self.to_list()  # type: ignore[attr-defined]
        return orjson.dumps(data, default=str, option=orjson.OPT_INDENT_2).decode()

    # -- reading ----------------------------------------------------------------------------------
    def get(self, index: int, default: Any = None) -> T | Any:
        """The item at ``index``, else ``default`` (called when callable)."""
        if -len(self.items) <= index < len(self.items):
            return self.items[index]
        return default() if callable(default) else default

    def has(self, *indexes: int | Iterable[int]) -> bool:
        """True when every index exists."""
        flat = [i for x in indexes for i in (x if isinstance(x, Iterable) else [x])]
        return all(0 <= i < len(self.items) for i in flat)

    def has_any(self, *indexes: int | Iterable[int]) -> bool:
        """True when any of the indexes exists."""
        flat = [i for x in indexes for i in (x if isinstance(x, Iterable) else [x])]
        return any(0 <= i < len(self.items) for i in flat)

    def keys(self) -> Collection[int]:
        """The indexes ``0 .. count - 1``."""
        from parvel.orm.collection import Collection

        return Collection(range(len(self.items)))

    def first_where(self, key: str, operator: Any = _MISSING, value: Any = _MISSING) -> T | None:
        """The first item matching ``where(key, operator, value)``, else None."""
        found = self.where(key, operator, value).items
        return found[0] if found else None

    def first_or_fail(self, key: Any = None, operator: Any = _MISSING, value: Any = _MISSING) -> T:
        """The first item (matching a callback or a where-condition); else raise ItemNotFound."""
        found = self._select(key, operator, value)
        if not found:
            raise ItemNotFound("The collection has no matching item.")
        return found[0]

    def sole(self, key: Any = None, operator: Any = _MISSING, value: Any = _MISSING) -> T:
        """The only matching item; ItemNotFound for none, MultipleItemsFound for several."""
        found = self._select(key, operator, value)
        if not found:
            raise ItemNotFound("The collection has no matching item.")
        if len(found) > 1:
            raise MultipleItemsFound(f"{len(found)} items were found where one was expected.")
        return found[0]

    def _select(self, key: Any, operator: Any, value: Any) -> list[T]:
        if key is None:
            return list(self.items)
        if callable(key):
            n = arity(key)
            return [item for i, item in enumerate(self.items) if call(key, n, item, i)]
        return self.where(key, operator, value).items

    def value(self, key: str, default: Any = None) -> Any:
        """``key`` of the first item that has it (not None), else ``default``."""
        from parvel.orm.collection import data_get

        for item in self.items:
            found = data_get(item, key, _MISSING)
            if found is not _MISSING and found is not None:
                return found
        return default

    def search(self, value: Any, strict: bool = False) -> int | bool:
        """The index of the first item equal to ``value`` (or passing it); False if none."""
        for i, item in enumerate(self.items):
            if callable(value) and not isinstance(value, type):
                if value(item):
                    return i
            elif (
                (item is value or (item == value and type(item) is type(value)))
                if strict
                else (item == value)
            ):
                return i
        return False

    def after(self, value: Any, strict: bool = False) -> T | None:
        """The item after the first one equal to ``value`` (or passing it), else None."""
        i = self.search(value, strict)
        if i is False or i + 1 >= len(self.items):
            return None
        return self.items[i + 1]

    def before(self, value: Any, strict: bool = False) -> T | None:
        """The item before the first one equal to ``value`` (or passing it), else None."""
        i = self.search(value, strict)
        if i is False or i == 0:
            return None
        return self.items[i - 1]

    def nth(self, step: int, offset: int = 0) -> Collection[T]:
        """Every ``step``-th item, starting at ``offset``."""
        return self._new(self.items[offset::step])  # type: ignore[no-any-return]

    def random(self, number: int | None = None) -> Any:
        """One random item, or a collection of ``number`` distinct ones."""
        if number is None:
            if not self.items:
                raise ValueError("random() needs a non-empty collection.")
            return _random.choice(self.items)
        if number > len(self.items):
            raise ValueError(
                f"You requested {number} items, but there are only {len(self.items)} items."
            )
        return self._new(_random.sample(self.items, number))

    # -- tests ------------------------------------------------------------------------------------
    def every(self, key: Any, operator: Any = _MISSING, value: Any = _MISSING) -> bool:
        """True when every item passes ``key(item)`` or the where-condition."""
        if callable(key):
            n = arity(key)
            return all(call(key, n, item, i) for i, item in enumerate(self.items))
        return len(self.where(key, operator, value)) == len(self.items)

    def some(self, key: Any, operator: Any = _MISSING, value: Any = _MISSING) -> bool:
        """Alias of ``contains``."""
        return self.contains(key, operator, value)

    def doesnt_contain(self, key: Any, operator: Any = _MISSING, value: Any = _MISSING) -> bool:
        """The opposite of ``contains``."""
        return not self.contains(key, operator, value)

    def contains_strict(self, key: Any, value: Any = _MISSING) -> bool:
        """``contains`` comparing type as well as value (``1`` is not ``True`` or ``"1"``)."""
        from parvel.orm.collection import data_get

        if value is not _MISSING:
            return any(_strict_eq(data_get(item, key), value) for item in self.items)
        if callable(key):
            return any(key(item) for item in self.items)
        return any(_strict_eq(item, key) for item in self.items)

    def doesnt_contain_strict(self, key: Any, value: Any = _MISSING) -> bool:
        """The opposite of ``contains_strict``."""
        return not self.contains_strict(key, value)

    def contains_one_item(self, callback: Callable[[T], Any] | None = None) -> bool:
        """True when exactly one item (passing ``callback``, if given) is held."""
        if callback is None:
            return len(self.items) == 1
        return sum(1 for item in self.items if callback(item)) == 1

    def contains_many_items(self) -> bool:
        """True when more than one item is held."""
        return len(self.items) > 1

    # -- where ------------------------------------------------------------------------------------
    def where_strict(self, key: str, value: Any) -> Collection[T]:
        """Items whose ``key`` equals ``value`` in type and value."""
        from parvel.orm.collection import data_get

        return self.filter(lambda item: _strict_eq(data_get(item, key), value))

    def where_between(self, key: str, bounds: Iterable[Any]) -> Collection[T]:
        """Items whose ``key`` is within ``[low, high]`` (inclusive)."""
        from parvel.orm.collection import data_get

        low, high = bounds
        return self.filter(lambda item: (v := data_get(item, key)) is not None and low <= v <= high)

    def where_not_between(self, key: str, bounds: Iterable[Any]) -> Collection[T]:
        """Items whose ``key`` is outside ``[low, high]``."""
        from parvel.orm.collection import data_get

        low, high = bounds
        return self.filter(lambda item: (v := data_get(item, key)) is None or not low <= v <= high)

    def where_in_strict(self, key: str, values: Iterable[Any]) -> Collection[T]:
        """``where_in`` comparing types too."""
        from parvel.orm.collection import data_get

        allowed = list(values)
        return self.filter(lambda item: any(_strict_eq(data_get(item, key), v) for v in allowed))

    def where_not_in_strict(self, key: str, values: Iterable[Any]) -> Collection[T]:
        """``where_not_in`` comparing types too."""
        from parvel.orm.collection import data_get

        banned = list(values)
        return self.filter(lambda item: not any(_strict_eq(data_get(item, key), v) for v in banned))

    def where_null(self, key: str | None = None) -> Collection[T]:
        """Items whose ``key`` (or which themselves) are None."""
        get = _get(key)
        return self.filter(lambda item: get(item) is None)

    def where_not_null(self, key: str | None = None) -> Collection[T]:
        """Items whose ``key`` (or which themselves) are not None."""
        get = _get(key)
        return self.filter(lambda item: get(item) is not None)

    def where_instance_of(self, cls: type | tuple[type, ...]) -> Collection[T]:
        """Items that are instances of ``cls``."""
        return self.filter(lambda item: isinstance(item, cls))

    # -- slicing ----------------------------------------------------------------------------------
    def skip(self, count: int) -> Collection[T]:
        """All but the first ``count`` items."""
        return self._new(self.items[count:])  # type: ignore[no-any-return]

    def slice(self, offset: int, length: int | None = None) -> Collection[T]:
        """The items from ``offset`` (``length`` of them when given)."""
        end = None if length is None else (offset + length if length >= 0 else length)
        if offset < 0 and end is not None and end >= 0:
            end = len(self.items) + offset + (length or 0)
        return self._new(self.items[offset:end])  # type: ignore[no-any-return]

    def for_page(self, page: int, per_page: int) -> Collection[T]:
        """The items of page ``page`` (1-based) of ``per_page`` items."""
        start = max(0, (page - 1) * per_page)
        return self._new(self.items[start : start + per_page])  # type: ignore[no-any-return]

    def take_while(self, value: Any) -> Collection[T]:
        """Items up to the first one that fails ``value`` (a callback or a value to equal)."""
        test = _matches(value)
        out: list[T] = []
        for item in self.items:
            if not test(item):
                break
            out.append(item)
        return self._new(out)  # type: ignore[no-any-return]

    def take_until(self, value: Any) -> Collection[T]:
        """Items up to the first one that passes ``value`` (a callback or a value to equal)."""
        test = _matches(value)
        return self.take_while(lambda item: not test(item))

    def skip_while(self, value: Any) -> Collection[T]:
        """Items from the first one that fails ``value`` on."""
        test = _matches(value)
        for i, item in enumerate(self.items):
            if not test(item):
                return self._new(self.items[i:])  # type: ignore[no-any-return]
        return self._new([])  # type: ignore[no-any-return]

    def skip_until(self, value: Any) -> Collection[T]:
        """Items from the first one that passes ``value`` on."""
        test = _matches(value)
        return self.skip_while(lambda item: not test(item))

    def split(self, number_of_groups: int) -> Collection[Collection[T]]:
        """``number_of_groups`` collections, the first ones one item larger when uneven."""
        from parvel.orm.collection import Collection

        if number_of_groups < 1:
            raise ValueError("split() needs at least one group.")
        size, extra = divmod(len(self.items), number_of_groups)
        groups: list[Any] = []
        start = 0
        for g in range(number_of_groups):
            end = start + size + (1 if g < extra else 0)
            if end > start:
                groups.append(self._new(self.items[start:end]))
            start = end
        return Collection(groups)

    def split_in(self, number_of_groups: int) -> Collection[Collection[T]]:
        """``number_of_groups`` collections, all full except the last."""
        if number_of_groups < 1:
            raise ValueError("split_in() needs at least one group.")
        size = -(-len(self.items) // number_of_groups) or 1
        return self.chunk(size)  # type: ignore[attr-defined,no-any-return]

    def chunk_while(self, callback: Callable[..., Any]) -> Collection[Collection[T]]:
        """Consecutive runs: a new chunk starts when ``callback(item, index, chunk)`` is falsy."""
        from parvel.orm.collection import Collection

        n = arity(callback)
        chunks: list[list[T]] = []
        for i, item in enumerate(self.items):
            if chunks and call(callback, n, item, i, self._new(chunks[-1])):
                chunks[-1].append(item)
            else:
                chunks.append([item])
        return Collection([self._new(c) for c in chunks])

    def sliding(self, size: int = 2, step: int = 1) -> Collection[Collection[T]]:
        """Overlapping windows of ``size`` items, ``step`` apart."""
        from parvel.orm.collection import Collection

        last = len(self.items) - size
        return Collection([self._new(self.items[i : i + size]) for i in range(0, last + 1, step)])

    def pad(self, size: int, value: Any) -> Collection[Any]:
        """Padded with ``value`` to ``abs(size)`` items: at the end, or the start when negative."""
        missing = abs(size) - len(self.items)
        if missing <= 0:
            return self._new(list(self.items))  # type: ignore[no-any-return]
        fill = [value] * missing
        return self._new(fill + self.items if size < 0 else self.items + fill)  # type: ignore[no-any-return]


def _strict_eq(a: Any, b: Any) -> bool:
    return type(a) is type(b) and bool(a == b)


def _iter(value: Any) -> Iterable[Any]:
    if isinstance(value, (list, tuple, CollectionOps)):
        return value
    return [value]


def _flatten(items: Iterable[Any], depth: float) -> list[Any]:
    out: list[Any] = []
    for item in items:
        inner: Any = None
        if isinstance(item, dict):
            inner = list(item.values())
        elif isinstance(item, (list, tuple, CollectionOps)):
            inner = list(item)
        if inner is None:
            out.append(item)
        elif depth <= 1:
            out.extend(inner)
        else:
            out.extend(_flatten(inner, depth - 1))
    return out
