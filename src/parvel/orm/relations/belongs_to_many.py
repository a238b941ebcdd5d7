"""``belongs_to_many`` (a pivot table) and its polymorphic form ``morph_to_many``."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Self, TypeVar

from parvel.orm.relations.base import RelatedSpec, ToMany
from parvel.orm.relations.has_one_many import _keys
from parvel.orm.relations.pivot import Pivot
from parvel.support import Str

if TYPE_CHECKING:
    from parvel.database.query.builder import Builder as QueryBuilder
    from parvel.orm.builder import Builder
    from parvel.orm.collection import Collection
    from parvel.orm.model import Model

R = TypeVar("R", bound="Model")
_PREFIX = "pivot_"


class BelongsToMany(ToMany[R]):
    """Many-to-many through a pivot table (``users`` ↔ ``role_user`` ↔ ``roles``)."""

    def __init__(
        self,
        related: RelatedSpec,
        table: str | None = None,
        foreign_pivot_key: str | None = None,
        related_pivot_key: str | None = None,
        parent_key: str | None = None,
        related_key: str | None = None,
    ) -> None:
        super().__init__(related)
        self._table = table
        self._foreign_pivot_key = foreign_pivot_key
        self._related_pivot_key = related_pivot_key
        self._parent_key = parent_key
        self._related_key = related_key
        self.pivot_columns: list[str] = []
        self.pivot_timestamps = False
        self.pivot_wheres: list[tuple[str, Any]] = []
        self.morph_type: str | None = None
        self.morph_class: str | None = None
        self.pivot_accessor = "pivot"
        self.pivot_class: type[Pivot] = Pivot

    def of(self, parent: Model) -> Self:
        """Bound to ``parent``, with its own copy of the pivot options."""
        bound = super().of(parent)
        bound.pivot_columns = list(self.pivot_columns)
        bound.pivot_wheres = list(self.pivot_wheres)
        return bound

    # -- declaration options ----------------------------------------------------------------------
    def with_pivot(self, *columns: str) -> Self:
        """Also load these pivot columns into ``model.pivot``."""
        self.pivot_columns.extend(columns)
        return self

    def as_(self, accessor: str) -> Self:
        """Name the pivot attribute: ``.as_("subscription")`` gives ``podcast.subscription``."""
        self.pivot_accessor = accessor
        return self

    def using(self, pivot_class: type[Pivot]) -> Self:
        """Build pivot objects with a :class:`Pivot` subclass (methods of your own)."""
        self.pivot_class = pivot_class
        return self

    def with_pivot_value(self, column: str, value: Any) -> Self:
        """Only rows whose pivot ``column`` equals ``value``, which attach() also writes."""
        return self.where_pivot(column, value)

    def with_timestamps(self) -> Self:
        """Fill ``created_at`` / ``updated_at`` on the pivot rows and load them."""
        self.pivot_timestamps = True
        return self.with_pivot("created_at", "updated_at")

    def where_pivot(self, column: str, value: Any) -> Self:
        """Only rows whose pivot ``column`` equals ``value`` (also set on attach)."""
        self.pivot_wheres.append((column, value))
        return self

    # -- names ------------------------------------------------------------------------------------
    @property
    def table(self) -> str:
        """The pivot table: the two singular snake names in alphabetical order (``role_user``)."""
        if self._table:
            return self._table
        names = sorted([Str.snake(self.owner.__name__), Str.snake(self.related.__name__)])
        return "_".join(names)

    @property
    def foreign_pivot_key(self) -> str:
        """The pivot column holding the parent's key."""
        return self._foreign_pivot_key or self.owner.get_foreign_key()

    @property
    def related_pivot_key(self) -> str:
        """The pivot column holding the related key."""
        return self._related_pivot_key or self.related.get_foreign_key()

    @property
    def parent_key(self) -> str:
        """The parent's column stored in the pivot."""
        return self._parent_key or self.owner.primary_key

    @property
    def related_key(self) -> str:
        """The related column stored in the pivot."""
        return self._related_key or self.related.primary_key

    def _pivot_select(self) -> list[str]:
        columns = [self.foreign_pivot_key, self.related_pivot_key, *self.pivot_columns]
        unique = list(dict.fromkeys(columns))
        return [f"{self.table}.{c} as {_PREFIX}{c}" for c in unique]

    def _join(self, query: QueryBuilder) -> None:
        query.join(
            self.table,
            self.related.qualify_column(self.related_key),
            "=",
            f"{self.table}.{self.related_pivot_key}",
        )
        for column, value in self._all_pivot_wheres():
            query.where(f"{self.table}.{column}", "=", value)

    def _all_pivot_wheres(self) -> list[tuple[str, Any]]:
        wheres = list(self.pivot_wheres)
        if self.morph_type is not None:
            wheres.append((self.morph_type, self.morph_class))
        return wheres

    def new_query(self) -> Builder[R]:
        """The related query joined to the pivot, selecting the pivot columns."""
        query = self.related.query()
        self._join(query)
        query.select(f"{self.related.get_table()}.*", *self._pivot_select())
        query.hydrated_callbacks.append(self._extract_pivots)
        return query

    def _extract_pivots(self, models: Sequence[Model]) -> None:
        for model in models:
            d = model.__dict__
            attributes, original = d["_attributes"], d["_original"]
            pivot: dict[str, Any] = {}
            for key in [k for k in attributes if k.startswith(_PREFIX)]:
                pivot[key[len(_PREFIX) :]] = attributes.pop(key)
                original.pop(key, None)
            d[self.pivot_accessor] = self.pivot_class(self.table, pivot)
            if self.pivot_accessor != "pivot":
                d["_pivot_name"] = self.pivot_accessor

    def add_constraints(self, query: Builder[R], parent: Model) -> None:
        """``where pivot.fk = parent.key``."""
        query.where(
            f"{self.table}.{self.foreign_pivot_key}",
            "=",
            parent.__dict__["_attributes"].get(self.parent_key),
        )

    def add_eager_constraints(self, query: Builder[R], models: Sequence[Model]) -> None:
        """``where pivot.fk in (keys)``."""
        query.where_in(f"{self.table}.{self.foreign_pivot_key}", _keys(models, self.parent_key))

    def add_existence_constraint(self, query: Builder[R], parent_cls: type[Model]) -> None:
        """Join the pivot and correlate it with the parent table."""
        self._join(query)
        query.where_column(
            f"{self.table}.{self.foreign_pivot_key}",
            "=",
            parent_cls.qualify_column(self.parent_key),
        )

    def match(self, models: Sequence[Model], results: Collection[R]) -> None:
        """Give each parent its related models."""
        from parvel.orm.collection import Collection

        groups: dict[Any, list[R]] = {}
        fpk = self.foreign_pivot_key
        for item in results:
            pivot = item.__dict__[self.pivot_accessor]
            groups.setdefault(pivot.__dict__["attributes"].get(fpk), []).append(item)
        for model in models:
            key = model.__dict__["_attributes"].get(self.parent_key)
            model.set_relation(self.name, Collection(groups.get(key, [])))

    # -- pivot writes -----------------------------------------------------------------------------
    def _pivot_query(self) -> QueryBuilder:
        parent = self._parent()
        query = parent.get_connection().table(self.table)
        query.where(self.foreign_pivot_key, "=", parent.get_attribute_value(self.parent_key))
        for column, value in self._all_pivot_wheres():
            query.where(column, "=", value)
        return query

    @staticmethod
    def _parse_ids(ids: Any) -> dict[Any, dict[str, Any]]:
        from parvel.orm.collection import Collection
        from parvel.orm.model import Model

        if isinstance(ids, dict):
            return {k: dict(v or {}) for k, v in ids.items()}
        if isinstance(ids, (Model, str, int)) or not isinstance(ids, Iterable):
            ids = [ids]
        if isinstance(ids, Collection):
            ids = ids.items
        out: dict[Any, dict[str, Any]] = {}
        for item in ids:
            out[item.get_key() if isinstance(item, Model) else item] = {}
        return out

    def _timestamps(self, creating: bool) -> dict[str, Any]:
        if not self.pivot_timestamps:
            return {}
        from parvel.orm.casts import store_datetime
        from parvel.support.clock import now

        stamp = store_datetime(now())
        return {"created_at": stamp, "updated_at": stamp} if creating else {"updated_at": stamp}

    async def attach(self, ids: Any, attributes: dict[str, Any] | None = None) -> None:
        """Insert pivot rows linking the parent to ``ids`` (keys, models or ``{id: extra}``)."""
        parent = self._parent()
        rows = []
        for key, extra in self._parse_ids(ids).items():
            row = {
                self.foreign_pivot_key: parent.get_attribute_value(self.parent_key),
                self.related_pivot_key: key,
                **dict(self._all_pivot_wheres()),
                **self._timestamps(True),
                **(attributes or {}),
                **extra,
            }
            rows.append(row)
        if rows:
            keys = set().union(*(r.keys() for r in rows))
            rows = [{k: r.get(k) for k in sorted(keys)} for r in rows]
            await parent.get_connection().table(self.table).insert(rows)
        parent.unset_relation(self.name)

    async def detach(self, ids: Any = None) -> int:
        """Delete pivot rows for ``ids`` (all of the parent's when None); returns the count."""
        query = self._pivot_query()
        if ids is not None:
            keys = list(self._parse_ids(ids))
            if not keys:
                return 0
            query.where_in(self.related_pivot_key, keys)
        self._parent().unset_relation(self.name)
        return await query.delete()

    async def current_ids(self) -> list[Any]:
        """The related keys currently in the pivot table."""
        values: list[Any] = await self._pivot_query().pluck(self.related_pivot_key)
        return values

    async def update_existing_pivot(self, id: Any, attributes: dict[str, Any]) -> int:
        """Update the pivot row of ``id``; returns rows affected."""
        values = {**attributes, **self._timestamps(False)}
        return await self._pivot_query().where(self.related_pivot_key, "=", id).update(values)

    async def sync(self, ids: Any, detaching: bool = True) -> dict[str, list[Any]]:
        """Make the pivot hold exactly ``ids``: ``{"attached", "detached", "updated"}``."""
        wanted = self._parse_ids(ids)
        current = await self.current_ids()
        normalized = {str(c): c for c in current}
        changes: dict[str, list[Any]] = {"attached": [], "detached": [], "updated": []}
        wanted_str = {str(k) for k in wanted}
        if detaching:
            gone = [c for c in current if str(c) not in wanted_str]
            if gone:
                await self.detach(gone)
                changes["detached"] = gone
        for key, extra in wanted.items():
            if str(key) not in normalized:
                await self.attach({key: extra})
                changes["attached"].append(key)
            elif extra and await self.update_existing_pivot(normalized[str(key)], extra):
                changes["updated"].append(key)
        return changes

    async def sync_with_pivot_values(
        self, ids: Any, values: dict[str, Any], detaching: bool = True
    ) -> dict[str, list[Any]]:
        """:meth:`sync` giving every pivot row the same extra ``values``."""
        return await self.sync(dict.fromkeys(self._parse_ids(ids), values), detaching)

    async def sync_without_detaching(self, ids: Any) -> dict[str, list[Any]]:
        """Attach what is missing, keep the rest."""
        return await self.sync(ids, detaching=False)

    async def toggle(self, ids: Any) -> dict[str, list[Any]]:
        """Detach the given ids that are attached and attach the others."""
        wanted = self._parse_ids(ids)
        current = {str(c): c for c in await self.current_ids()}
        detach = [current[str(k)] for k in wanted if str(k) in current]
        attach = {k: v for k, v in wanted.items() if str(k) not in current}
        if detach:
            await self.detach(detach)
        if attach:
            await self.attach(attach)
        return {"attached": list(attach), "detached": detach}

    async def create(self, attributes: dict[str, Any] | None = None, **values: Any) -> R:
        """Create a related model and attach it."""
        model = self.related({**(attributes or {}), **values})
        await model.save()
        await self.attach(model)
        return model

    async def save(self, model: R, pivot: dict[str, Any] | None = None) -> R:
        """Save ``model`` and attach it."""
        await model.save()
        await self.attach(model, pivot)
        return model

    async def create_many(self, records: Sequence[dict[str, Any]]) -> list[R]:
        """Create several related models and attach them."""
        return [await self.create(record) for record in records]

    async def save_many(self, models: Sequence[R]) -> Sequence[R]:
        """Save and attach several models."""
        for model in models:
            await self.save(model)
        return models

    # -- pivot filters on the relation query ------------------------------------------------------
    def _pivot_column(self, column: str) -> str:
        return column if "." in column else f"{self.table}.{column}"

    def where_pivot_in(self, column: str, values: Iterable[Any]) -> Builder[R]:
        """Related models whose pivot ``column`` is one of ``values``."""
        return self.query().where_in(self._pivot_column(column), list(values))

    def where_pivot_not_in(self, column: str, values: Iterable[Any]) -> Builder[R]:
        """Related models whose pivot ``column`` is none of ``values``."""
        return self.query().where_not_in(self._pivot_column(column), list(values))

    def where_pivot_between(self, column: str, bounds: Sequence[Any]) -> Builder[R]:
        """Related models whose pivot ``column`` lies within ``bounds``."""
        return self.query().where_between(self._pivot_column(column), bounds)

    def where_pivot_null(self, column: str) -> Builder[R]:
        """Related models whose pivot ``column`` is NULL."""
        return self.query().where_null(self._pivot_column(column))

    def where_pivot_not_null(self, column: str) -> Builder[R]:
        """Related models whose pivot ``column`` is not NULL."""
        return self.query().where_not_null(self._pivot_column(column))

    def order_by_pivot(self, column: str, direction: str = "asc") -> Builder[R]:
        """Related models ordered by a pivot column."""
        return self.query().order_by(self._pivot_column(column), direction)


class MorphToMany(BelongsToMany[R]):
    """``morph_to_many`` (``Post.tags`` via ``taggables``) and ``morphed_by_many`` (inverse)."""

    def __init__(self, related: RelatedSpec, name: str, table: str | None = None,
                 foreign_pivot_key: str | None = None, related_pivot_key: str | None = None,
                 inverse: bool = False) -> None:  # fmt: skip
        super().__init__(related, table or Str.plural(name), foreign_pivot_key, related_pivot_key)
        self.morph_name = name
        self.inverse = inverse
        self.morph_type = f"{name}_type"

    @property
    def foreign_pivot_key(self) -> str:
        """``taggable_id`` (or ``tag_id`` for the inverse)."""
        if self._foreign_pivot_key:
            return self._foreign_pivot_key
        return self.owner.get_foreign_key() if self.inverse else f"{self.morph_name}_id"

    @property
    def related_pivot_key(self) -> str:
        """``tag_id`` (or ``taggable_id`` for the inverse)."""
        if self._related_pivot_key:
            return self._related_pivot_key
        return f"{self.morph_name}_id" if self.inverse else self.related.get_foreign_key()

    def _all_pivot_wheres(self) -> list[tuple[str, Any]]:
        morph_of = self.related if self.inverse else self.owner
        return [*self.pivot_wheres, (f"{self.morph_name}_type", morph_of.get_morph_class())]
