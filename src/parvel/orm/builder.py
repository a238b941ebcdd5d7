"""The model query builder: the database query builder returning models.

``Post.where("votes", ">", 1)`` is a ``Builder[Post]``; every clause method of
:class:`parvel.database.query.builder.Builder` works on it, and the methods that fetch rows
return models and ``Collection[Post]``. See docs/orm.md.
"""

from __future__ import annotations

import inspect
from collections.abc import AsyncIterator, Callable, Sequence
from typing import TYPE_CHECKING, Any, Generic, Self, TypeVar, overload

from parvel.database.query._where import MISSING
from parvel.database.query.builder import Builder as QueryBuilder
from parvel.orm._eager import EagerLoading
from parvel.orm.collection import Collection
from parvel.orm.exceptions import ModelNotFound, ScopeNotFound

if TYPE_CHECKING:
    from parvel.database.connection import Connection
    from parvel.orm._base import ModelBase
    from parvel.orm.pagination import CursorPaginator, LengthAwarePaginator, Paginator

T = TypeVar("T", bound="ModelBase")


class Builder(EagerLoading, QueryBuilder, Generic[T]):
    """A query on one model's table that hydrates models.

    Attributes:
        model: The model class queried.
        eager_load: Relations to eager load: ``{"comments": constraint or None}`` (dotted names
            for nesting).
    """

    def __init__(self, model: type[T], connection: Connection) -> None:
        super().__init__(connection)
        self.model = model
        self.from_table = model.get_table()
        self.eager_load: dict[str, Callable[[Any], Any] | None] = dict.fromkeys(model.default_with)
        self.scopes: dict[str, Any] = dict(model._info().global_scopes)
        self.removed_scopes: set[str] = set()
        self.scopes_applied = False
        self.hydrated_callbacks: list[Callable[[list[Any]], Any]] = []

    def clone(self) -> Self:
        """An independent copy of the query (eager loads and scopes included)."""
        new = super().clone()
        new.eager_load = dict(self.eager_load)
        new.scopes = dict(self.scopes)
        new.removed_scopes = set(self.removed_scopes)
        new.hydrated_callbacks = list(self.hydrated_callbacks)
        return new

    # -- scopes -----------------------------------------------------------------------------------
    def with_global_scope(self, name: str, scope: Any) -> Self:
        """Add a global scope to this query only."""
        self.scopes[name] = scope
        return self

    def without_global_scope(self, scope: Any) -> Self:
        """Skip one global scope (by name or class)."""
        name = scope if isinstance(scope, str) else getattr(scope, "__name__", str(scope))
        self.removed_scopes.add(name)
        return self

    def without_global_scopes(self, scopes: Sequence[Any] | None = None) -> Self:
        """Skip the named global scopes, or all of them."""
        for scope in scopes if scopes is not None else list(self.scopes):
            self.without_global_scope(scope)
        return self

    def without_global_scopes_except(self, scopes: Sequence[Any]) -> Self:
        """Skip every global scope except the named ones (names or classes)."""
        keep = {s if isinstance(s, str) else getattr(s, "__name__", str(s)) for s in scopes}
        for name in list(self.scopes):
            if name not in keep:
                self.removed_scopes.add(name)
        return self

    def apply_scopes(self) -> Self:
        """A copy with the global scopes applied (done once, just before running SQL)."""
        if self.scopes_applied or not self.scopes:
            return self
        query = self.clone()
        query.scopes_applied = True
        for name, scope in self.scopes.items():
            if name in self.removed_scopes:
                continue
            apply = getattr(scope, "apply", None)
            if apply is not None:
                apply(query, self.model)
            else:
                scope(query)
        return query

    def with_trashed(self) -> Self:
        """Include soft-deleted rows."""
        return self.without_global_scope("soft_deletes")

    def only_trashed(self) -> Self:
        """Only soft-deleted rows."""
        column = self.model.qualify_column(getattr(self.model, "DELETED_AT", "deleted_at"))
        return self.without_global_scope("soft_deletes").where_not_null(column)

    def without_trashed(self) -> Self:
        """Hide soft-deleted rows again (the default)."""
        self.removed_scopes.discard("soft_deletes")
        return self

    def scope(self, scope: str | Callable[..., Any], *args: Any, **kwargs: Any) -> Self:
        """Apply a local scope by name or function: ``scope("published")``."""
        if isinstance(scope, str):
            scopes = self.model._info().scopes
            if scope not in scopes:
                raise ScopeNotFound(
                    f"Call to undefined scope or method {scope}() on {self.model.__name__}'s "
                    "query builder.",
                    hint=f"Local scopes: {', '.join(sorted(scopes)) or '(none)'}.",
                )
            fn = scopes[scope]
        else:
            fn = scope
        fn = getattr(fn, "__func__", fn)
        fn = getattr(fn, "__parvel_scope_fn__", fn)
        result = fn(self, *args, **kwargs)
        return result if isinstance(result, Builder) else self  # type: ignore[return-value]

    if not TYPE_CHECKING:

        def __getattr__(self, name: str) -> Any:
            if name.startswith("_") or name in {"model", "scopes", "eager_load"}:
                raise AttributeError(name)
            scopes = self.model._info().scopes
            if name in scopes:
                return lambda *args, **kwargs: self.scope(name, *args, **kwargs)
            raise ScopeNotFound(
                f"Call to undefined method {name}() on {self.model.__name__}'s query builder.",
                hint=f"Local scopes: {', '.join(sorted(scopes)) or '(none)'}.",
            )

    def with_casts(self, casts: dict[str, Any]) -> Self:
        """Cast columns the model does not declare (a sub-query's alias ...) for this query.

        ``Post.select(...).add_select({"last_commented_at": ...}).with_casts(
        {"last_commented_at": "datetime"})``. Declared attributes keep their own casts.
        """
        from parvel.orm.casts import build_caster

        getters: dict[str, Any] = {}
        for key, spec in casts.items():
            getter, _setter, _label = build_caster(spec, key)
            if getter is not None:
                getters[key] = getter

        def install(models: list[Any]) -> None:
            for model in models:
                model.__dict__["_casts"] = getters

        self.hydrated_callbacks.append(install)
        return self

    # -- hydration --------------------------------------------------------------------------------
    async def hydrate(self, rows: list[dict[str, Any]]) -> Collection[T]:
        """Models from rows, with ``retrieved`` events and eager loads."""
        cls = self.model
        new = object.__new__
        set_dict = object.__setattr__
        models: list[T] = []
        append = models.append
        for row in rows:
            model = new(cls)
            set_dict(model, "__dict__", {"_attributes": row, "_original": row, "exists": True})
            append(model)
        collection: Collection[T] = Collection(models)
        if models:
            for callback in self.hydrated_callbacks:
                callback(models)
            from parvel.orm.events import has_listeners

            if has_listeners(self.model, "retrieved"):
                for model in models:
                    await model.fire_model_event("retrieved", halt=False)
            if self.eager_load:
                await self.eager_load_relations(models)
        return collection

    async def raw_rows(self, columns: Sequence[Any] | None = None) -> list[dict[str, Any]]:
        """The rows as dicts, global scopes applied, without hydrating models."""
        query = self.apply_scopes()
        if columns is not None and query.columns is None:
            query = query.clone().select(*columns)
        return await QueryBuilder.get(query)

    # -- fetching ---------------------------------------------------------------------------------
    async def get(self, columns: Sequence[Any] | None = None) -> Collection[T]:  # type: ignore[override]
        """Run the query and return the models."""
        return await self.hydrate(await self.raw_rows(columns))

    async def first(self, columns: Sequence[Any] | None = None) -> T | None:  # type: ignore[override]
        """The first model, or None."""
        models = await self.clone().limit(1).get(columns)
        return models.items[0] if models.items else None

    async def first_or_fail(self, columns: Sequence[Any] | None = None) -> T:
        """The first model; ModelNotFound (404 over HTTP) when none."""
        model = await self.first(columns)
        if model is None:
            raise ModelNotFound(self.model.__name__)
        return model

    async def sole(self, columns: Sequence[Any] | None = None) -> T:  # type: ignore[override]
        """The only matching model; raises when there are none or several."""
        from parvel.database.exceptions import MultipleRecordsFound

        models = await self.clone().limit(2).get(columns)
        if not models.items:
            raise ModelNotFound(self.model.__name__)
        if len(models.items) > 1:
            raise MultipleRecordsFound(len(models.items))
        return models.items[0]

    @overload  # type: ignore[override]
    async def find(
        self, id: list[Any] | tuple[Any, ...] | set[Any] | Collection[Any],
        columns: Sequence[Any] | None = None,
    ) -> Collection[T]: ...  # fmt: skip
    @overload
    async def find(self, id: Any, columns: Sequence[Any] | None = None) -> T | None: ...
    async def find(self, id: Any, columns: Sequence[Any] | None = None) -> Any:
        """The model with primary key ``id`` (or None); a collection for a list of keys."""
        if isinstance(id, (list, tuple, set, Collection)):
            return await self.find_many(list(id), columns)
        return (
            await self.clone()
            .where(self.model.qualify_column(self.model.primary_key), "=", id)
            .first(columns)
        )

    async def find_many(
        self, ids: Sequence[Any] | Collection[Any], columns: Sequence[Any] | None = None
    ) -> Collection[T]:
        """The models whose keys are in ``ids``."""
        if not ids:
            return Collection([])
        key = self.model.qualify_column(self.model.primary_key)
        return await self.clone().where_in(key, list(ids)).get(columns)

    @overload
    async def find_or_fail(
        self, id: list[Any] | tuple[Any, ...] | set[Any] | Collection[Any],
        columns: Sequence[Any] | None = None,
    ) -> Collection[T]: ...  # fmt: skip
    @overload
    async def find_or_fail(self, id: Any, columns: Sequence[Any] | None = None) -> T: ...
    async def find_or_fail(self, id: Any, columns: Sequence[Any] | None = None) -> Any:
        """The model with key ``id`` (the models, for a list); ModelNotFound (404) if absent."""
        if isinstance(id, (list, tuple, set, Collection)):
            ids = list(dict.fromkeys(id))
            models = await self.find_many(ids, columns)
            if len(models) != len(ids):
                found = set(models.model_keys())
                raise ModelNotFound(self.model.__name__, [k for k in ids if k not in found])
            return models
        model = await self.find(id, columns)
        if model is None:
            raise ModelNotFound(self.model.__name__, [id])
        return model

    async def first_where(
        self, column: Any, operator: Any = MISSING, value: Any = MISSING, boolean: str = "and"
    ) -> T | None:
        """``where(...)`` then ``first()``."""
        return await self.clone().where(column, operator, value, boolean).first()

    def where_key(self, id: Any) -> Self:
        """Constrain to the primary key ``id`` (or a list of keys)."""
        column = self.model.qualify_column(self.model.primary_key)
        if isinstance(id, (list, tuple, set, Collection)):
            return self.where_in(column, list(id))
        return self.where(column, "=", id.get_key() if hasattr(id, "get_key") else id)

    def where_key_not(self, id: Any) -> Self:
        """Exclude the primary key ``id`` (or a list of keys)."""
        column = self.model.qualify_column(self.model.primary_key)
        if isinstance(id, (list, tuple, set, Collection)):
            return self.where_not_in(column, list(id))
        return self.where(column, "!=", id.get_key() if hasattr(id, "get_key") else id)

    async def find_or(
        self, id: Any, columns: Any = None, callback: Callable[[], Any] | None = None
    ) -> Any:
        """The model with key ``id``, or what ``callback()`` returns (awaited if needed).

        ``find_or(1, fn)`` or, as Laravel, ``find_or(1, ["id", "name"], fn)``.
        """
        if callback is None and callable(columns):
            columns, callback = None, columns
        model = await self.find(id, columns)
        if model is not None or callback is None:
            return model
        return await maybe_await(callback())

    async def first_or(self, columns: Any = None, callback: Callable[[], Any] | None = None) -> Any:
        """The first model, or what ``callback()`` returns.

        ``first_or(fn)`` or, as Laravel, ``first_or(["id"], fn)``.
        """
        if callback is None and callable(columns):
            columns, callback = None, columns
        model = await self.first(columns)
        if model is not None or callback is None:
            return model
        return await maybe_await(callback())

    async def find_or_new(self, id: Any) -> T:
        """The model with key ``id``, or a new unsaved instance."""
        model: T | None = await self.find(id)
        return model if model is not None else self.model()

    async def value(self, column: str) -> Any:
        """One column of the first row, or None."""
        rows = await self.clone().limit(1).raw_rows([column])
        return None if not rows else next(iter(rows[0].values()), None)

    async def pluck(self, column: str, key: str | None = None) -> Any:
        """The values of ``column`` as a collection (a dict keyed by ``key`` when given).

        Values are cast like the model's attributes.
        """
        columns = [column] if key is None else [column, key]
        rows = await self.raw_rows(columns if self.columns is None else None)
        name = column.rsplit(".", 1)[-1]
        getter = self.model._info().getters.get(name)
        values = [
            (getter(r[name], None) if getter and r[name] is not None else r[name]) for r in rows
        ]
        if key is None:
            return Collection(values)
        key_name = key.rsplit(".", 1)[-1]
        return {r[key_name]: v for r, v in zip(rows, values, strict=True)}

    async def aggregate_value(self, function: str, columns: Sequence[Any] = ("*",)) -> Any:
        """Aggregates honour global scopes."""
        query = self.apply_scopes()
        return await QueryBuilder.aggregate_value(query, function, columns)

    async def exists(self) -> bool:
        """True when at least one model matches."""
        return await QueryBuilder.exists(self.apply_scopes())

    def cursor(self) -> AsyncIterator[T]:  # type: ignore[override]
        """Stream models one by one through a server-side cursor."""
        query = self.apply_scopes()
        make = self.model.new_from_row
        callbacks = self.hydrated_callbacks

        async def stream() -> AsyncIterator[T]:
            async for row in QueryBuilder.cursor(query):
                model: T = make(row)
                for callback in callbacks:
                    callback([model])
                yield model

        return stream()

    def _ordered_by_key(self) -> Self:
        if not self.orders:
            self.order_by(self.model.qualify_column(self.model.primary_key))
        return self

    async def chunk(self, count: int, callback: Callable[..., Any]) -> bool:
        """Feed ``callback(models)`` (or ``(models, page)``) ``count`` models at a time.

        Returning False from it stops. Ordered by the key unless the query has an order.
        """
        return await QueryBuilder.chunk(self._ordered_by_key(), count, callback)

    async def chunk_by_id(
        self,
        count: int,
        callback: Callable[..., Any],
        column: str | None = None,
        alias: str | None = None,
        descending: bool = False,
    ) -> bool:
        """Like :meth:`chunk`, paging by ``key > last key`` (safe while updating the rows)."""
        return await QueryBuilder.chunk_by_id(
            self,
            count,
            callback,
            column or self.model.qualify_column(self.model.primary_key),
            alias or self.model.primary_key,
            descending,
        )

    async def chunk_by_id_desc(
        self,
        count: int,
        callback: Callable[..., Any],
        column: str | None = None,
        alias: str | None = None,
    ) -> bool:
        """:meth:`chunk_by_id` from the highest key down."""
        return await self.chunk_by_id(count, callback, column, alias, descending=True)

    async def each_by_id(
        self,
        callback: Callable[..., Any],
        count: int = 1000,
        column: str | None = None,
        alias: str | None = None,
    ) -> bool:
        """Call ``callback(model)`` for every model, paging by key; returning False stops."""

        async def run(models: Collection[T]) -> bool:
            for model in models:
                if await maybe_await(callback(model)) is False:
                    return False
            return True

        return await self.chunk_by_id(count, run, column, alias)

    async def lazy(self, chunk_size: int = 1000) -> AsyncIterator[T]:  # type: ignore[override]
        """Iterate models one by one, fetching ``chunk_size`` per query."""
        async for model in QueryBuilder.lazy(self._ordered_by_key(), chunk_size):
            yield model  # type: ignore[misc]

    def lazy_by_id(  # type: ignore[override]
        self,
        chunk_size: int = 1000,
        column: str | None = None,
        alias: str | None = None,
        descending: bool = False,
    ) -> AsyncIterator[T]:
        """Iterate models one by one, paging by ``key > last key``."""
        return QueryBuilder.lazy_by_id(  # type: ignore[return-value]
            self,
            chunk_size,
            column or self.model.qualify_column(self.model.primary_key),
            alias or self.model.primary_key,
            descending,
        )

    def lazy_by_id_desc(  # type: ignore[override]
        self, chunk_size: int = 1000, column: str | None = None, alias: str | None = None
    ) -> AsyncIterator[T]:
        """:meth:`lazy_by_id` from the highest key down."""
        return self.lazy_by_id(chunk_size, column, alias, descending=True)

    # -- writes -----------------------------------------------------------------------------------
    async def update(self, values: dict[str, Any]) -> int:
        """Update matching rows (touching ``updated_at``); returns rows affected."""
        model = self.model
        ignoring = getattr(model, "is_ignoring_timestamps", None)
        if (
            model.timestamps
            and model.UPDATED_AT
            and model.UPDATED_AT not in values
            and not (ignoring is not None and ignoring())
        ):
            from parvel.orm.casts import store_datetime
            from parvel.support.clock import now

            values = {**values, model.UPDATED_AT: store_datetime(now())}
        return await QueryBuilder.update(self.apply_scopes(), values)

    async def update_raw(self, values: dict[str, Any]) -> int:
        """Update matching rows with exactly ``values`` (no timestamp touching)."""
        return await QueryBuilder.update(self.apply_scopes(), values)

    async def increment(
        self, column: str, amount: float = 1, extra: dict[str, Any] | None = None
    ) -> int:
        """Add ``amount`` to ``column`` of matching rows (``updated_at`` is set too)."""
        return await QueryBuilder.increment(self.apply_scopes(), column, amount, extra)

    async def delete(self, id: Any = None) -> int:
        """Delete matching rows (on SoftDeletes models: set ``deleted_at``); no model events."""
        if id is not None:
            return (
                await self.clone()
                .where(self.model.qualify_column(self.model.primary_key), "=", id)
                .delete()
            )
        query = self.apply_scopes()
        if getattr(self.model, "soft_deletes", False):
            from parvel.orm.casts import store_datetime
            from parvel.support.clock import now

            stamp = store_datetime(now())
            values = {self.model.DELETED_AT: stamp}
            if self.model.timestamps and self.model.UPDATED_AT:
                values[self.model.UPDATED_AT] = stamp
            return await QueryBuilder.update(query, values)
        return await QueryBuilder.delete(query)

    async def restore(self) -> int:
        """Un-delete the matching soft-deleted rows (no model events)."""
        column = self.model.DELETED_AT
        return await QueryBuilder.update(self.apply_scopes(), {column: None})

    async def force_delete(self) -> int:
        """Delete matching rows for good (even on soft-deleting models)."""
        return await QueryBuilder.delete(self.apply_scopes())

    async def create(self, attributes: dict[str, Any] | None = None, **values: Any) -> T:
        """Create and save a model (mass assignment rules apply)."""
        model: T = self.model({**(attributes or {}), **values})
        await model.save()
        return model

    def make(self, attributes: dict[str, Any] | None = None) -> T:
        """A new unsaved model."""
        model: T = self.model(attributes or {})
        return model

    async def first_or_new(
        self, attributes: dict[str, Any] | None = None, values: dict[str, Any] | None = None
    ) -> T:
        """The first model matching ``attributes``, or a new unsaved one with ``values``."""
        attributes = attributes or {}
        model = await self.clone().where(attributes).first() if attributes else await self.first()
        return model if model is not None else self.make({**attributes, **(values or {})})

    async def first_or_create(
        self, attributes: dict[str, Any] | None = None, values: dict[str, Any] | None = None
    ) -> T:
        """The first model matching ``attributes``, or a new saved one with ``values``."""
        attributes = attributes or {}
        model = await self.clone().where(attributes).first() if attributes else await self.first()
        if model is None:
            model = await self.create({**attributes, **(values or {})})
        return model

    async def create_or_first(
        self, attributes: dict[str, Any] | None = None, values: dict[str, Any] | None = None
    ) -> T:
        """Insert first; when a unique constraint rejects the row, return the existing one.

        Safe under concurrent requests (the table needs the unique index); the insert runs
        in a savepoint so an open transaction survives the violation.
        """
        from parvel.database.exceptions import UniqueConstraintViolation

        attributes = attributes or {}
        try:
            async with self.connection.transaction():
                return await self.create({**attributes, **(values or {})})
        except UniqueConstraintViolation:
            model = await self.clone().use_write_connection().where(attributes).first()
            if model is None:
                raise
            return model

    async def update_or_create(
        self, attributes: dict[str, Any], values: dict[str, Any] | None = None
    ) -> T:
        """Update the model matching ``attributes`` with ``values``, or create it."""
        model = await self.first_or_new(attributes)
        model.fill(values or {})
        await model.save()
        return model

    # -- pagination -------------------------------------------------------------------------------
    async def paginate(
        self, per_page: int | None = None, columns: Sequence[Any] | None = None,
        page_name: str = "page", page: int | None = None, total: int | None = None,
    ) -> LengthAwarePaginator:  # fmt: skip
        """A length-aware page of models (``links()`` renders the page links)."""
        from parvel.orm.pagination import model_paginator

        page_obj = await QueryBuilder.paginate(
            self, per_page or self.model.per_page, columns, page_name, page, total
        )
        result: LengthAwarePaginator = model_paginator(page_obj)
        return result

    async def simple_paginate(
        self, per_page: int | None = None, columns: Sequence[Any] | None = None,
        page_name: str = "page", page: int | None = None,
    ) -> Paginator:  # fmt: skip
        """A page of models without a total."""
        from parvel.orm.pagination import model_paginator

        page_obj = await QueryBuilder.simple_paginate(
            self, per_page or self.model.per_page, columns, page_name, page
        )
        result: Paginator = model_paginator(page_obj)
        return result

    async def cursor_paginate(
        self, per_page: int | None = None, columns: Sequence[Any] | None = None,
        cursor_name: str = "cursor", cursor: Any = None,
    ) -> CursorPaginator:  # fmt: skip
        """A keyset page of models (ordered by the key unless ``order_by`` was given)."""
        from parvel.orm.pagination import model_paginator

        if not self.orders:
            self.order_by(self.model.qualify_column(self.model.primary_key))
        page_obj = await QueryBuilder.cursor_paginate(
            self, per_page or self.model.per_page, columns, cursor_name, cursor
        )
        result: CursorPaginator = model_paginator(page_obj)
        return result

    async def get_count_for_pagination(self) -> int:
        """The total count with scopes applied."""
        return await QueryBuilder.get_count_for_pagination(self)


async def maybe_await(value: Any) -> Any:
    """Await ``value`` if it is awaitable."""
    return await value if inspect.isawaitable(value) else value
