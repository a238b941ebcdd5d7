"""The rest of Laravel's collection methods, mixed into :class:`parvel.orm.collection.Collection`.

A Parvel collection is a list: where Laravel answers with a keyed collection (``flip``,
``count_by``, ``map_with_keys``, ``duplicates`` ...) these methods return a ``dict``, and
"keys" of a list collection are its indexes. See docs/orm.md, "Collections".
"""

from __future__ import annotations

import functools
import random as _random
from collections.abc import Callable, Iterable, Iterator, Mapping
from statistics import median as _median
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import orjson

from parvel.orm._callbacks import _MISSING, _pairs, arity, call, conditionally
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
