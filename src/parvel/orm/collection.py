"""``Collection``: the list-like result of ORM queries, with Laravel's everyday methods.

``await Post.all()`` returns a ``Collection[Post]``; a collection of models also offers
``load``, ``find``, ``model_keys``, ``fresh`` and ``to_json``. See docs/orm.md.
"""

from __future__ import annotations

import operator as op
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from typing import Any, Generic, TypeVar, overload

import orjson

from parvel.orm._callbacks import _MISSING, arity, call
from parvel.orm._collection_transforms import CollectionTransforms
from parvel.orm.keyed_collection import KeyedCollection

T = TypeVar("T")
U = TypeVar("U")
K = TypeVar("K")
V = TypeVar("V")

_OPERATORS: dict[str, Callable[[Any, Any], bool]] = {
    "=": op.eq,
    "==": op.eq,
    "!=": op.ne,
    "<>": op.ne,
    "<": op.lt,
    "<=": op.le,
    ">": op.gt,
    ">=": op.ge,
}


def data_get(item: Any, key: str | None, default: Any = None) -> Any:
    """Read ``key`` (dotted for nesting) from a dict, a model or any object."""
    if key is None:
        return item
    for segment in key.split("."):
        if isinstance(item, dict):
            if segment not in item:
                return default
            item = item[segment]
        elif hasattr(item, "get_attribute_value"):
            item = item.get_attribute_value(segment, default)
        else:
            item = getattr(item, segment, default)
    return item


def _value_of(key: str | Callable[[Any], Any] | None) -> Callable[[Any], Any]:
    if callable(key):
        return key
    return lambda item: data_get(item, key)


def serialize(value: Any) -> Any:
    """Turn models, collections and cast values into JSON-ready data."""
    to_dict = getattr(value, "to_dict", None)
    if to_dict is not None and callable(to_dict):
        return to_dict()
    if isinstance(value, (list, tuple)):
        return [serialize(v) for v in value]
    return value


class Collection(CollectionTransforms[T], Generic[T]):
    """An ordered, list-backed collection of items (models, dicts or plain values).

    Callbacks receive ``(item)``, or ``(item, index)`` when they take two arguments, as
    Laravel's receive ``($item, $key)``.
    """

    __slots__ = ("items",)

    def __init__(self, items: Iterable[T] = ()) -> None:
        self.items: list[T] = items if type(items) is list else list(items)

    # -- sequence protocol --------------------------------------------------------------------
    def __iter__(self) -> Iterator[T]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> Collection[T]: ...
    def __getitem__(self, index: int | slice) -> T | Collection[T]:
        if isinstance(index, slice):
            return Collection(self.items[index])
        return self.items[index]

    def __bool__(self) -> bool:
        return bool(self.items)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Collection):
            return self.items == other.items
        if isinstance(other, list):
            return self.items == other
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Collection({self.items!r})"

    def _new(self, items: Iterable[Any]) -> Any:
        return type(self)(items)

    # -- access -------------------------------------------------------------------------------
    def all(self) -> list[T]:
        """The underlying list."""
        return self.items

    def to_list(self) -> list[Any]:
        """A plain list; models and nested collections become dicts/lists."""
        return [serialize(item) for item in self.items]

    def to_dict(self) -> list[Any]:
        """JSON-ready data (Laravel's ``toArray``): a list of serialized items."""
        return self.to_list()

    def to_resource_collection(self, resource_class: Any = None) -> Any:
        """The items as an API resource collection: ``resource_class.collection(self)``.

        Without a class, the guessed ``<Model>Collection`` or ``<Model>Resource`` (see
        docs/resources.md).
        """
        from parvel.orm.resources import resource_collection_for

        return resource_collection_for(self.items, self, resource_class)

    def to_json(self) -> str:
        """The collection as a JSON string."""
        return orjson.dumps(self.to_list(), default=str).decode()

    def __json__(self) -> list[Any]:
        """JSON-ready data (used by the HTTP layer when a collection is returned from a route)."""
        return self.to_list()

    def count(self) -> int:
        """The number of items."""
        return len(self.items)

    def is_empty(self) -> bool:
        """True when there are no items."""
        return not self.items

    def is_not_empty(self) -> bool:
        """True when there is at least one item."""
        return bool(self.items)

    def first(self, callback: Callable[..., Any] | None = None, default: Any = None) -> T | Any:
        """The first item (passing ``callback`` if given), else ``default``."""
        if callback is None:
            return self.items[0] if self.items else default
        n = arity(callback)
        for i, item in enumerate(self.items):
            if call(callback, n, item, i):
                return item
        return default

    def last(self, callback: Callable[..., Any] | None = None, default: Any = None) -> T | Any:
        """The last item (passing ``callback`` if given), else ``default``."""
        if callback is None:
            return self.items[-1] if self.items else default
        n = arity(callback)
        for i in range(len(self.items) - 1, -1, -1):
            if call(callback, n, self.items[i], i):
                return self.items[i]
        return default

    # -- transformation -----------------------------------------------------------------------
    def map(self, callback: Callable[..., U]) -> Collection[U]:
        """A new collection of ``callback(item)`` (or ``callback(item, index)``)."""
        if arity(callback) < 2:
            return Collection([callback(item) for item in self.items])
        return Collection([callback(item, i) for i, item in enumerate(self.items)])

    def each(self, callback: Callable[..., Any]) -> Collection[T]:
        """Call ``callback(item)`` (or ``callback(item, index)``) for each item; False stops."""
        n = arity(callback)
        for i, item in enumerate(self.items):
            if call(callback, n, item, i) is False:
                break
        return self

    def filter(self, callback: Callable[..., Any] | None = None) -> Collection[T]:
        """Keep the items for which ``callback`` is truthy (truthy items without one)."""
        if callback is None:
            return self._new([item for item in self.items if item])  # type: ignore[no-any-return]
        n = arity(callback)
        return self._new(  # type: ignore[no-any-return]
            [item for i, item in enumerate(self.items) if call(callback, n, item, i)]
        )

    def reject(self, callback: Callable[..., Any]) -> Collection[T]:
        """Drop the items for which ``callback`` is truthy."""
        n = arity(callback)
        return self._new(  # type: ignore[no-any-return]
            [item for i, item in enumerate(self.items) if not call(callback, n, item, i)]
        )

    def pluck(self, value: str, key: str | None = None) -> Any:
        """One field of every item; a :class:`KeyedCollection` (a dict) keyed by ``key``."""
        if key is not None:
            return KeyedCollection(
                (data_get(item, key), data_get(item, value)) for item in self.items
            )
        return Collection([data_get(item, value) for item in self.items])

    def key_by(self, key: str | Callable[[T], Any]) -> KeyedCollection[Any, T]:
        """The items keyed by a field or ``callback(item)`` (a :class:`KeyedCollection`)."""
        get = _value_of(key)
        return KeyedCollection((get(item), item) for item in self.items)

    def group_by(self, key: str | Callable[[T], Any]) -> KeyedCollection[Any, Collection[T]]:
        """Collections grouped by a field or ``callback(item)`` (a :class:`KeyedCollection`)."""
        get = _value_of(key)
        groups: dict[Any, list[T]] = {}
        for item in self.items:
            groups.setdefault(get(item), []).append(item)
        return KeyedCollection((k, self._new(v)) for k, v in groups.items())

    def sort_by(self, key: str | Callable[[T], Any], descending: bool = False) -> Collection[T]:
        """Sorted by a field or ``callback(item)``."""
        get = _value_of(key)
        return self._new(sorted(self.items, key=get, reverse=descending))  # type: ignore[no-any-return]

    def sort_by_desc(self, key: str | Callable[[T], Any]) -> Collection[T]:
        """Sorted by a field, largest first."""
        return self.sort_by(key, descending=True)

    def reverse(self) -> Collection[T]:
        """The items in reverse order."""
        return self._new(reversed(self.items))  # type: ignore[no-any-return]

    def chunk(self, size: int) -> Collection[Collection[T]]:
        """Collections of ``size`` items."""
        if size < 1:
            raise ValueError("chunk() needs a size of at least 1.")
        return Collection(
            [self._new(self.items[i : i + size]) for i in range(0, len(self.items), size)]
        )

    def take(self, limit: int) -> Collection[T]:
        """The first ``limit`` items (the last ones when negative)."""
        return self._new(self.items[:limit] if limit >= 0 else self.items[limit:])  # type: ignore[no-any-return]

    def values(self) -> Collection[T]:
        """A copy with consecutive indexes (Laravel's ``values``)."""
        return self._new(list(self.items))  # type: ignore[no-any-return]

    def unique(self, key: str | Callable[[T], Any] | None = None) -> Collection[T]:
        """Items with duplicate values (of ``key`` if given) removed, first one kept.

        Models without ``key`` compare by class and primary key, as Laravel's do.
        """
        if key is None and self.items and hasattr(self.items[0], "get_key"):
            key = _model_identity
        get = _value_of(key)
        seen: list[Any] = []
        hashed: set[Hashable] = set()
        out: list[T] = []
        for item in self.items:
            value = get(item)
            try:
                if value in hashed:
                    continue
                hashed.add(value)
            except TypeError:
                if value in seen:
                    continue
                seen.append(value)
            out.append(item)
        return self._new(out)  # type: ignore[no-any-return]

    def partition(self, callback: Callable[[T], Any]) -> tuple[Collection[T], Collection[T]]:
        """Two collections: the items passing ``callback`` and the rest."""
        passed: list[T] = []
        failed: list[T] = []
        for item in self.items:
            (passed if callback(item) else failed).append(item)
        return self._new(passed), self._new(failed)

    def merge(self, other: Iterable[T]) -> Collection[T]:
        """The items followed by ``other``'s."""
        return self._new([*self.items, *other])  # type: ignore[no-any-return]

    def push(self, *items: T) -> Collection[T]:
        """Append items (in place) and return the collection."""
        self.items.extend(items)
        return self

    # -- where --------------------------------------------------------------------------------
    def where(self, key: str, operator: Any = _MISSING, value: Any = _MISSING) -> Collection[T]:
        """Items whose ``key`` matches: ``where("votes", 3)`` or ``where("votes", ">", 3)``."""
        if value is _MISSING:
            value, operator = (True if operator is _MISSING else operator), "="
        compare = _OPERATORS.get(str(operator))
        if compare is None:
            raise ValueError(f"Unknown operator {operator!r}; use one of {', '.join(_OPERATORS)}.")
        return self.filter(lambda item: compare(data_get(item, key), value))

    def where_in(self, key: str, values: Iterable[Any]) -> Collection[T]:
        """Items whose ``key`` is one of ``values``."""
        allowed = list(values)
        return self.filter(lambda item: data_get(item, key) in allowed)

    def where_not_in(self, key: str, values: Iterable[Any]) -> Collection[T]:
        """Items whose ``key`` is none of ``values``."""
        banned = list(values)
        return self.filter(lambda item: data_get(item, key) not in banned)

    def contains(self, key: Any, operator: Any = _MISSING, value: Any = _MISSING) -> bool:
        """True if an item equals ``key``, passes ``key(item)``, or matches a where-condition."""
        if operator is _MISSING and value is _MISSING:
            if callable(key) and not hasattr(key, "get_key"):
                return any(key(item) for item in self.items)
            if key in self.items:
                return True
            wanted = key.get_key() if hasattr(key, "get_key") else key
            return any(
                hasattr(item, "get_key") and item.get_key() == wanted  # models match by key
                for item in self.items
            )
        return self.where(key, operator, value).is_not_empty()

    # -- aggregates ---------------------------------------------------------------------------
    def _numbers(self, key: str | Callable[[T], Any] | None) -> list[Any]:
        get = _value_of(key)
        return [v for v in (get(item) for item in self.items) if v is not None]

    def sum(self, key: str | Callable[[T], Any] | None = None) -> Any:
        """The sum of the items (or of a field)."""
        return sum(self._numbers(key))

    def avg(self, key: str | Callable[[T], Any] | None = None) -> Any:
        """The average, or None when empty."""
        values = self._numbers(key)
        return sum(values) / len(values) if values else None

    average = avg

    def min(self, key: str | Callable[[T], Any] | None = None) -> Any:
        """The smallest value, or None when empty."""
        values = self._numbers(key)
        return min(values) if values else None

    def max(self, key: str | Callable[[T], Any] | None = None) -> Any:
        """The largest value, or None when empty."""
        values = self._numbers(key)
        return max(values) if values else None

    def implode(self, glue: str, key: str | None = None) -> str:
        """The values (of ``key``) joined by ``glue``."""
        return glue.join(str(data_get(item, key)) for item in self.items)

    # -- model collections --------------------------------------------------------------------
    async def load(self, *relations: Any) -> Collection[T]:
        """Eager load relations onto every model (one query per relation level)."""
        from parvel.orm._eager import load_relations, normalize_relations

        if self.items:
            spec = normalize_relations(relations)
            cls: Any = type(self.items[0])
            for name in spec:
                cls.query()._check_path(cls, name)
            await load_relations(self.items, spec)  # type: ignore[arg-type]
        return self

    async def load_missing(self, *relations: Any) -> Collection[T]:
        """Eager load the relations not loaded yet."""
        from parvel.orm._eager import load_relations, normalize_relations

        await load_relations(self.items, normalize_relations(relations), missing_only=True)  # type: ignore[arg-type]
        return self

    async def load_count(self, *relations: Any) -> Collection[T]:
        """Set ``{relation}_count`` on every model (one query)."""
        return await self._load_aggregate(lambda q: q.with_count(*relations))

    async def load_sum(self, relation: Any, column: str) -> Collection[T]:
        """Set ``{relation}_sum_{column}`` on every model."""
        return await self._load_aggregate(lambda q: q.with_sum(relation, column))

    async def load_avg(self, relation: Any, column: str) -> Collection[T]:
        """Set ``{relation}_avg_{column}`` on every model."""
        return await self._load_aggregate(lambda q: q.with_avg(relation, column))

    async def load_min(self, relation: Any, column: str) -> Collection[T]:
        """Set ``{relation}_min_{column}`` on every model."""
        return await self._load_aggregate(lambda q: q.with_min(relation, column))

    async def load_max(self, relation: Any, column: str) -> Collection[T]:
        """Set ``{relation}_max_{column}`` on every model."""
        return await self._load_aggregate(lambda q: q.with_max(relation, column))

    async def load_exists(self, *relations: Any) -> Collection[T]:
        """Set ``{relation}_exists`` on every model."""
        return await self._load_aggregate(lambda q: q.with_exists(*relations))

    async def _load_aggregate(self, add: Callable[[Any], Any]) -> Collection[T]:
        if not self.items:
            return self
        cls: Any = type(self.items[0])
        pk = cls.primary_key
        query = (
            cls.query().without_global_scopes().where_in(cls.qualify_column(pk), self.model_keys())
        )
        rows = await add(query.select(cls.qualify_column(pk))).raw_rows()
        by_key = {row[pk]: row for row in rows}
        for model in self.items:
            row = by_key.get(model.get_key())  # type: ignore[attr-defined]
            for key, value in (row or {}).items():
                if key != pk:
                    model.__dict__["_attributes"][key] = value
                    model.__dict__["_original"][key] = value
        return self

    def model_keys(self) -> list[Any]:
        """The primary keys of the models."""
        return [item.get_key() for item in self.items]  # type: ignore[attr-defined]

    def find(self, key: Any, default: Any = None) -> T | Any:
        """The model with primary key ``key`` (a model is accepted too), else ``default``.

        A list of keys gives the collection of those models.
        """
        if isinstance(key, (list, tuple, set, Collection)):
            wanted = _flat_keys((key,))
            return self._new([m for m in self.items if m.get_key() in wanted])  # type: ignore[attr-defined]
        if hasattr(key, "get_key"):
            key = key.get_key()
        for item in self.items:
            if item.get_key() == key:  # type: ignore[attr-defined]
                return item
        return default

    async def fresh(self, *relations: str) -> Collection[T]:
        """The same models reloaded from the database, in the same order."""
        if not self.items:
            return self._new([])  # type: ignore[no-any-return]
        cls: Any = type(self.items[0])
        found = await cls.query().with_(*relations).find_many(self.model_keys())
        by_key = {model.get_key(): model for model in found}
        return self._new([by_key[k] for k in self.model_keys() if k in by_key])  # type: ignore[no-any-return]

    def find_or_fail(self, key: Any) -> T:
        """The model with primary key ``key``; raise ModelNotFound when absent."""
        found = self.find(key, _MISSING)
        if found is _MISSING:
            from parvel.orm.exceptions import ModelNotFound

            name = type(self.items[0]).__name__ if self.items else "Model"
            raise ModelNotFound(name, [key])
        return found

    def only(self, *keys: Any) -> Collection[T]:
        """Models whose primary key is one of ``keys`` (indexes for other items)."""
        wanted = _flat_keys(keys)
        if self.items and hasattr(self.items[0], "get_key"):
            return self._new([m for m in self.items if m.get_key() in wanted])  # type: ignore[attr-defined,no-any-return]
        return self._new([x for i, x in enumerate(self.items) if i in wanted])  # type: ignore[no-any-return]

    def except_(self, *keys: Any) -> Collection[T]:
        """Models whose primary key is none of ``keys`` (indexes for other items)."""
        banned = _flat_keys(keys)
        if self.items and hasattr(self.items[0], "get_key"):
            return self._new([m for m in self.items if m.get_key() not in banned])  # type: ignore[attr-defined,no-any-return]
        return self._new([x for i, x in enumerate(self.items) if i not in banned])  # type: ignore[no-any-return]

    def to_query(self) -> Any:
        """A query for these models: ``where_in(key, model_keys())`` on their class."""
        if not self.items:
            raise ValueError("to_query() needs at least one model to know the model class.")
        cls: Any = type(self.items[0])
        return cls.query().where_in(cls.get_key_name(), self.model_keys())

    def set_visible(self, attributes: Iterable[str]) -> Collection[T]:
        """Set the visible attributes of every model."""
        for item in self.items:
            item.set_visible(attributes)  # type: ignore[attr-defined]
        return self

    def set_hidden(self, attributes: Iterable[str]) -> Collection[T]:
        """Set the hidden attributes of every model."""
        for item in self.items:
            item.set_hidden(attributes)  # type: ignore[attr-defined]
        return self

    def append(self, *attributes: str) -> Collection[T]:
        """Append computed attributes to every model's serialized form."""
        for item in self.items:
            item.append(*attributes)  # type: ignore[attr-defined]
        return self

    def set_appends(self, attributes: Iterable[str]) -> Collection[T]:
        """Set the appended attributes of every model."""
        for item in self.items:
            item.set_appends(attributes)  # type: ignore[attr-defined]
        return self

    def make_hidden(self, *attributes: str) -> Collection[T]:
        """Hide attributes on every model."""
        for item in self.items:
            item.make_hidden(*attributes)  # type: ignore[attr-defined]
        return self

    def make_visible(self, *attributes: str) -> Collection[T]:
        """Show hidden attributes on every model."""
        for item in self.items:
            item.make_visible(*attributes)  # type: ignore[attr-defined]
        return self


def _model_identity(model: Any) -> tuple[type, Any]:
    return type(model), model.get_key()


def _flat_keys(keys: tuple[Any, ...]) -> list[Any]:
    out: list[Any] = []
    for key in keys:
        if isinstance(key, (list, tuple, set, Collection)):
            out.extend(k.get_key() if hasattr(k, "get_key") else k for k in key)
        else:
            out.append(key.get_key() if hasattr(key, "get_key") else key)
    return out


@overload
def collect(items: Mapping[K, V]) -> KeyedCollection[K, V]: ...  # type: ignore[overload-overlap]
@overload
def collect(items: Sequence[T] | Iterable[T] = ()) -> Collection[T]: ...
def collect(items: Any = ()) -> Any:
    """Wrap ``items``: a list in a :class:`Collection`, a dict in a :class:`KeyedCollection`."""
    if isinstance(items, Mapping):
        return KeyedCollection(items)
    return Collection(items)
