"""``KeyedCollection``: Laravel's collection of key → value pairs, as a ``dict`` subclass.

``collect({"name": "Desk", "price": 100})`` returns one, and so do the list collection's
methods that Laravel answers with keys (``key_by``, ``group_by``, ``count_by``,
``map_with_keys``, ``pluck(value, key)`` ...). Being a dict, it keeps every dict behaviour
(iterating gives keys, ``.items()`` pairs, ``==`` with a dict); on top it has Laravel's
methods, which keep the keys (``filter``, ``map``, ``sort``) and pass ``(value, key)`` to
callbacks that take two arguments. ``keys()`` and ``values()`` return list collections.
See docs/orm.md, "Collections".
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

import orjson

from parvel.orm._callbacks import _MISSING, _pairs, arity, call, conditionally

if TYPE_CHECKING:
    from parvel.orm.collection import Collection

K = TypeVar("K")
V = TypeVar("V")


def _list(items: Iterable[Any]) -> Collection[Any]:
    from parvel.orm.collection import Collection

    return Collection(list(items))


def _flat(keys: tuple[Any, ...]) -> list[Any]:
    out: list[Any] = []
    for key in keys:
        if isinstance(key, (list, tuple, set)) or type(key).__name__ == "Collection":
            out.extend(key)
        else:
            out.append(key)
    return out


class KeyedCollection(dict[K, V]):
    """An ordered mapping with Laravel's collection methods (keys are kept)."""

    # -- reading ----------------------------------------------------------------------------------
    def all(self) -> dict[K, V]:
        """The pairs as a plain dict."""
        return dict(self)

    def to_array(self) -> dict[Any, Any]:
        """JSON-ready data: models and nested collections become dicts and lists."""
        from parvel.orm.collection import serialize

        return {k: serialize(v) for k, v in self.items()}

    to_dict = to_array

    def to_list(self) -> list[Any]:
        """The serialized values as a list."""
        return list(self.to_array().values())

    def to_json(self) -> str:
        """The collection as a JSON object."""
        return orjson.dumps(self.to_array(), default=str).decode()

    def to_pretty_json(self) -> str:
        """The collection as an indented JSON object."""
        return orjson.dumps(self.to_array(), default=str, option=orjson.OPT_INDENT_2).decode()

    def __json__(self) -> dict[Any, Any]:
        """JSON-ready data for the HTTP layer."""
        return self.to_array()

    def collect(self) -> KeyedCollection[K, V]:
        """A copy."""
        return KeyedCollection(self)

    def count(self) -> int:
        """The number of pairs."""
        return len(self)

    def is_empty(self) -> bool:
        """True when there are no pairs."""
        return not self

    def is_not_empty(self) -> bool:
        """True when there is at least one pair."""
        return bool(self)

    def keys(self) -> Collection[K]:  # type: ignore[override]
        """The keys, as a list collection."""
        return _list(dict.keys(self))

    def values(self) -> Collection[V]:  # type: ignore[override]
        """The values, as a list collection."""
        return _list(dict.values(self))

    def get(self, key: K, default: Any = None) -> Any:
        """The value of ``key``, else ``default`` (called when callable)."""
        if key in self:
            return self[key]
        return default() if callable(default) else default

    def has(self, *keys: Any) -> bool:
        """True when every key exists."""
        return all(k in self for k in _flat(keys))

    def has_any(self, *keys: Any) -> bool:
        """True when any of the keys exists."""
        return any(k in self for k in _flat(keys))

    def first(self, callback: Callable[..., Any] | None = None, default: Any = None) -> Any:
        """The first value (passing ``callback(value, key)`` if given), else ``default``."""
        n = arity(callback) if callback else 0
        for key, value in self.items():
            if callback is None or call(callback, n, value, key):
                return value
        return default

    def last(self, callback: Callable[..., Any] | None = None, default: Any = None) -> Any:
        """The last value (passing ``callback(value, key)`` if given), else ``default``."""
        n = arity(callback) if callback else 0
        for key, value in reversed(list(self.items())):
            if callback is None or call(callback, n, value, key):
                return value
        return default

    def search(self, value: Any, strict: bool = False) -> Any:
        """The key of the first value equal to ``value`` (or passing it); False if none."""
        for key, item in self.items():
            if callable(value) and not isinstance(value, type):
                if value(item):
                    return key
            elif (item == value and type(item) is type(value)) if strict else item == value:
                return key
        return False

    def contains(self, value: Any) -> bool:
        """True if a value equals ``value`` or passes ``value(item)``."""
        if callable(value) and not isinstance(value, type):
            return any(value(v) for v in dict.values(self))
        return value in dict.values(self)

    def doesnt_contain(self, value: Any) -> bool:
        """The opposite of :meth:`contains`."""
        return not self.contains(value)

    # -- changing (in place, as Laravel's) --------------------------------------------------------
    def put(self, key: K, value: V) -> KeyedCollection[K, V]:
        """Set ``key`` and return the collection."""
        self[key] = value
        return self

    def forget(self, *keys: Any) -> KeyedCollection[K, V]:
        """Remove the keys and return the collection."""
        for key in _flat(keys):
            dict.pop(self, key, None)
        return self

    def pull(self, key: K, default: Any = None) -> Any:
        """Remove ``key`` and return its value, else ``default``."""
        return dict.pop(self, key, default)

    def prepend(self, value: V, key: K) -> KeyedCollection[K, V]:
        """Put ``key: value`` first (in place)."""
        items = [(key, value), *((k, v) for k, v in self.items() if k != key)]
        self.clear()
        self.update(items)
        return self

    def transform(self, callback: Callable[..., V]) -> KeyedCollection[K, V]:
        """Replace every value by ``callback(value, key)`` in place."""
        n = arity(callback)
        for key, value in list(self.items()):
            self[key] = call(callback, n, value, key)
        return self

    # -- selecting --------------------------------------------------------------------------------
    def only(self, *keys: Any) -> KeyedCollection[K, V]:
        """The pairs whose key is listed."""
        wanted = _flat(keys)
        return KeyedCollection((k, self[k]) for k in wanted if k in self)

    def except_(self, *keys: Any) -> KeyedCollection[K, V]:
        """The pairs whose key is not listed (``except`` is a Python keyword)."""
        banned = set(_flat(keys))
        return KeyedCollection((k, v) for k, v in self.items() if k not in banned)

    def filter(self, callback: Callable[..., Any] | None = None) -> KeyedCollection[K, V]:
        """The pairs whose value passes ``callback(value, key)`` (is truthy without one)."""
        if callback is None:
            return KeyedCollection((k, v) for k, v in self.items() if v)
        n = arity(callback)
        return KeyedCollection((k, v) for k, v in self.items() if call(callback, n, v, k))

    def reject(self, callback: Callable[..., Any]) -> KeyedCollection[K, V]:
        """The pairs whose value fails ``callback(value, key)``."""
        n = arity(callback)
        return KeyedCollection((k, v) for k, v in self.items() if not call(callback, n, v, k))

    def where(
        self, key: str, operator: Any = _MISSING, value: Any = _MISSING
    ) -> KeyedCollection[K, V]:
        """The pairs whose value's ``key`` matches (as the list collection's ``where``)."""
        kept = set(map(id, _list(dict.values(self)).where(key, operator, value)))
        return KeyedCollection((k, v) for k, v in self.items() if id(v) in kept)

    def take(self, limit: int) -> KeyedCollection[K, V]:
        """The first ``limit`` pairs (the last ones when negative)."""
        pairs = list(self.items())
        return KeyedCollection(pairs[:limit] if limit >= 0 else pairs[limit:])

    def slice(self, offset: int, length: int | None = None) -> KeyedCollection[K, V]:
        """The pairs from ``offset`` (``length`` of them when given)."""
        pairs = list(self.items())[offset:]
        return KeyedCollection(pairs if length is None else pairs[:length])

    # -- transforming -----------------------------------------------------------------------------
    def map(self, callback: Callable[..., Any]) -> KeyedCollection[K, Any]:
        """The same keys with ``callback(value, key)`` as values."""
        n = arity(callback)
        return KeyedCollection((k, call(callback, n, v, k)) for k, v in self.items())

    def map_with_keys(self, callback: Callable[..., Any]) -> KeyedCollection[Any, Any]:
        """New pairs from ``callback(value, key)`` returning ``{key: value}`` or a pair."""
        n = arity(callback)
        out: KeyedCollection[Any, Any] = KeyedCollection()
        for k, v in self.items():
            out.update(_pairs(call(callback, n, v, k)))
        return out

    def each(self, callback: Callable[..., Any]) -> KeyedCollection[K, V]:
        """Call ``callback(value, key)`` for each pair; returning False stops."""
        n = arity(callback)
        for k, v in self.items():
            if call(callback, n, v, k) is False:
                break
        return self

    def reduce(self, callback: Callable[..., Any], initial: Any = None) -> Any:
        """Fold: ``callback(carry, value)`` or ``callback(carry, value, key)``."""
        n = arity(callback)
        carry = initial
        for k, v in self.items():
            carry = callback(*(carry, v, k)[: max(2, n)])
        return carry

    def flip(self) -> KeyedCollection[V, K]:
        """Values become keys and keys values."""
        return KeyedCollection((v, k) for k, v in self.items())

    def merge(self, other: Mapping[K, V] | Iterable[V]) -> KeyedCollection[K, V]:
        """``other``'s pairs added, replacing values of the same keys."""
        return KeyedCollection({**self, **dict(other)})  # type: ignore[arg-type]

    def merge_recursive(self, other: Mapping[Any, Any]) -> KeyedCollection[Any, Any]:
        """Merge ``other``; values of the same key are combined into a list (dicts merge)."""
        out: KeyedCollection[Any, Any] = KeyedCollection(self)
        for key, value in other.items():
            if key not in out:
                out[key] = value
            elif isinstance(out[key], Mapping) and isinstance(value, Mapping):
                out[key] = dict(KeyedCollection(out[key]).merge_recursive(value))
            else:
                current = out[key] if isinstance(out[key], list) else [out[key]]
                out[key] = [*current, *(value if isinstance(value, list) else [value])]
        return out

    def replace(self, other: Mapping[K, V]) -> KeyedCollection[K, V]:
        """``other``'s values replace those of the same keys (new keys are added)."""
        return KeyedCollection({**self, **other})

    def replace_recursive(self, other: Mapping[Any, Any]) -> KeyedCollection[Any, Any]:
        """Like :meth:`replace`, descending into nested dicts."""
        out: KeyedCollection[Any, Any] = KeyedCollection(self)
        for key, value in other.items():
            if isinstance(out.get(key), Mapping) and isinstance(value, Mapping):
                out[key] = dict(KeyedCollection(out[key]).replace_recursive(value))
            else:
                out[key] = value
        return out

    def union(self, other: Mapping[K, V]) -> KeyedCollection[K, V]:
        """``other``'s pairs whose keys are not here yet added."""
        return KeyedCollection({**dict(other), **self})

    def diff(self, values: Iterable[Any]) -> KeyedCollection[K, V]:
        """The pairs whose value is not in ``values``."""
        banned = list(dict.values(values) if isinstance(values, dict) else values)
        return KeyedCollection((k, v) for k, v in self.items() if v not in banned)

    def diff_keys(self, other: Mapping[Any, Any]) -> KeyedCollection[K, V]:
        """The pairs whose key is not in ``other``."""
        return KeyedCollection((k, v) for k, v in self.items() if k not in other)

    def diff_assoc(self, other: Mapping[Any, Any]) -> KeyedCollection[K, V]:
        """The pairs not present, with the same value, in ``other``."""
        return KeyedCollection((k, v) for k, v in self.items() if k not in other or other[k] != v)

    def diff_assoc_using(
        self, other: Mapping[Any, Any], callback: Callable[[Any, Any], int]
    ) -> KeyedCollection[K, V]:
        """:meth:`diff_assoc` comparing keys with ``callback(a, b) == 0``."""
        return KeyedCollection(
            (k, v)
            for k, v in self.items()
            if not any(callback(k, ok) == 0 and ov == v for ok, ov in other.items())
        )

    def intersect_assoc_using(
        self, other: Mapping[Any, Any], callback: Callable[[Any, Any], int]
    ) -> KeyedCollection[K, V]:
        """:meth:`intersect_assoc` comparing keys with ``callback(a, b) == 0``."""
        return KeyedCollection(
            (k, v)
            for k, v in self.items()
            if any(callback(k, ok) == 0 and ov == v for ok, ov in other.items())
        )

    def intersect(self, values: Iterable[Any]) -> KeyedCollection[K, V]:
        """The pairs whose value is in ``values``."""
        wanted = list(dict.values(values) if isinstance(values, dict) else values)
        return KeyedCollection((k, v) for k, v in self.items() if v in wanted)

    def intersect_by_keys(self, other: Mapping[Any, Any]) -> KeyedCollection[K, V]:
        """The pairs whose key is in ``other``."""
        return KeyedCollection((k, v) for k, v in self.items() if k in other)

    def intersect_assoc(self, other: Mapping[Any, Any]) -> KeyedCollection[K, V]:
        """The pairs present with the same value in ``other``."""
        return KeyedCollection((k, v) for k, v in self.items() if k in other and other[k] == v)

    # -- ordering ---------------------------------------------------------------------------------
    def sort(self, callback: Callable[..., Any] | None = None) -> KeyedCollection[K, V]:
        """Sorted by value (keys kept); ``callback(a, b)`` compares when given."""
        pairs = list(self.items())
        if callback is None:
            pairs.sort(key=lambda kv: kv[1])  # type: ignore[arg-type,return-value]
        else:
            compare = callback

            def by_value(a: tuple[K, V], b: tuple[K, V]) -> Any:
                return compare(a[1], b[1])

            pairs.sort(key=functools.cmp_to_key(by_value))
        return KeyedCollection(pairs)

    def sort_desc(self) -> KeyedCollection[K, V]:
        """Sorted by value, largest first (keys kept)."""
        return KeyedCollection(sorted(self.items(), key=lambda kv: kv[1], reverse=True))  # type: ignore[arg-type,return-value]

    def sort_by(self, key: Any, descending: bool = False) -> KeyedCollection[K, V]:
        """Sorted by a field of the values or ``callback(value)`` (keys kept)."""
        from parvel.orm.collection import _value_of

        get = _value_of(key)
        return KeyedCollection(sorted(self.items(), key=lambda kv: get(kv[1]), reverse=descending))

    def sort_by_desc(self, key: Any) -> KeyedCollection[K, V]:
        """Sorted by a field, largest first (keys kept)."""
        return self.sort_by(key, descending=True)

    def sort_keys(self, descending: bool = False) -> KeyedCollection[K, V]:
        """Sorted by key."""
        return KeyedCollection(sorted(self.items(), key=lambda kv: kv[0], reverse=descending))  # type: ignore[arg-type,return-value]

    def sort_keys_using(self, callback: Callable[[Any, Any], int]) -> KeyedCollection[K, V]:
        """Sorted by key with the comparison ``callback(a, b)``."""

        def by_key(a: tuple[K, V], b: tuple[K, V]) -> int:
            return callback(a[0], b[0])

        return KeyedCollection(sorted(self.items(), key=functools.cmp_to_key(by_key)))

    def sort_keys_desc(self) -> KeyedCollection[K, V]:
        """Sorted by key, largest first."""
        return self.sort_keys(descending=True)

    def reverse(self) -> KeyedCollection[K, V]:
        """The pairs in reverse order."""
        return KeyedCollection(reversed(list(self.items())))

    # -- aggregates and list views -------------------------------------------------------------------
    def _values(self) -> Collection[V]:
        return _list(dict.values(self))

    def sum(self, key: Any = None) -> Any:
        """The sum of the values (or of a field)."""
        return self._values().sum(key)

    def avg(self, key: Any = None) -> Any:
        """The average of the values, or None when empty."""
        return self._values().avg(key)

    average = avg

    def min(self, key: Any = None) -> Any:
        """The smallest value, or None when empty."""
        return self._values().min(key)

    def max(self, key: Any = None) -> Any:
        """The largest value, or None when empty."""
        return self._values().max(key)

    def pluck(self, value: str, key: str | None = None) -> Any:
        """One field of every value (keyed by ``key`` when given)."""
        return self._values().pluck(value, key)

    def implode(self, glue: str, key: str | None = None) -> str:
        """The values (or a field of them) joined by ``glue``."""
        return self._values().implode(glue, key)

    def join(self, glue: str, final_glue: str = "") -> str:
        """The values joined by ``glue``, the last two by ``final_glue`` when given."""
        return self._values().join(glue, final_glue)

    def group_by(self, key: Any) -> KeyedCollection[Any, Any]:
        """Values grouped by a field or ``callback(value)``."""
        return self._values().group_by(key)

    def key_by(self, key: Any) -> KeyedCollection[Any, V]:
        """Values re-keyed by a field or ``callback(value)``."""
        return self._values().key_by(key)

    def count_by(self, key: Any = None) -> KeyedCollection[Any, int]:
        """How many values have each value (of ``key``)."""
        return self._values().count_by(key)

    def unique(self, key: Any = None) -> KeyedCollection[K, V]:
        """Pairs with duplicate values (of ``key``) removed, first one kept."""
        kept = {id(v) for v in self._values().unique(key)}
        return KeyedCollection((k, v) for k, v in self.items() if id(v) in kept)

    def every(self, callback: Callable[..., Any]) -> bool:
        """True when every ``callback(value, key)`` is truthy."""
        n = arity(callback)
        return all(call(callback, n, v, k) for k, v in self.items())

    def dot(self, prefix: str = "") -> KeyedCollection[str, Any]:
        """Nested dicts flattened to ``"a.b.c"`` keys."""
        out: KeyedCollection[str, Any] = KeyedCollection()
        for k, v in self.items():
            name = f"{prefix}{k}"
            if isinstance(v, Mapping) and v:
                out.update(KeyedCollection(v).dot(f"{name}."))
            else:
                out[name] = v
        return out

    def undot(self) -> KeyedCollection[str, Any]:
        """``"a.b"`` keys expanded into nested dicts."""
        out: KeyedCollection[str, Any] = KeyedCollection()
        for k, v in self.items():
            node: dict[str, Any] = out
            parts = str(k).split(".")
            for part in parts[:-1]:
                node = node.setdefault(part, {})
            node[parts[-1]] = v
        return out

    # -- flow -------------------------------------------------------------------------------------
    def when(self, value: Any, callback: Callable[..., Any], default: Any = None) -> Any:
        """``callback(self, value)`` when ``value`` is truthy (else ``default``)."""
        return conditionally(self, value, callback, default)

    def unless(self, value: Any, callback: Callable[..., Any], default: Any = None) -> Any:
        """The opposite of :meth:`when`."""
        resolved = value(self) if callable(value) else value
        return self.when(not resolved, callback, default)

    def pipe(self, callback: Callable[..., Any]) -> Any:
        """``callback(self)``."""
        return callback(self)

    def tap(self, callback: Callable[..., Any]) -> KeyedCollection[K, V]:
        """Call ``callback(self)`` and return the collection."""
        callback(self)
        return self

    def __repr__(self) -> str:
        return f"KeyedCollection({dict.__repr__(self)})"
