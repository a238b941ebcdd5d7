"""``has_one_through`` / ``has_many_through``: reach a model through an intermediate one."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from parvel.orm.relations.base import RelatedSpec, Relation, ToMany, ToOne
from parvel.orm.relations.has_one_many import _keys

if TYPE_CHECKING:
    from parvel.database.query.builder import Builder as QueryBuilder
    from parvel.orm.builder import Builder
    from parvel.orm.collection import Collection
    from parvel.orm.model import Model

R = TypeVar("R", bound="Model")
_THROUGH_KEY = "parvel_through_key"


class HasOneOrManyThrough(Relation[R]):
    """``Country -> users.country_id -> posts.user_id``: ``Country.posts`` through ``User``."""

    def __init__(self, related: RelatedSpec, through: RelatedSpec, first_key: str | None = None,
                 second_key: str | None = None, local_key: str | None = None,
                 second_local_key: str | None = None) -> None:  # fmt: skip
        super().__init__(related)
        self._through_spec = through
        self._first_key = first_key
        self._second_key = second_key
        self._local_key = local_key
        self._second_local_key = second_local_key

    @property
    def through(self) -> type[Model]:
        """The intermediate model class."""
        from parvel.orm._info import is_model_class, resolve_model

        spec = self._through_spec
        if isinstance(spec, str):
            return resolve_model(spec)
        return spec if is_model_class(spec) else spec()  # type: ignore[no-any-return]

    def _names(self) -> tuple[str, str, str, str]:
        through = self.through
        return (
            self._first_key or self.owner.get_foreign_key(),
            self._second_key or through.get_foreign_key(),
            self._local_key or self.owner.primary_key,
            self._second_local_key or through.primary_key,
        )

    def _join(self, query: QueryBuilder) -> None:
        _first, second, _, second_local = self._names()
        through = self.through
        query.join(
            through.get_table(),
            through.qualify_column(second_local),
            "=",
            self.related.qualify_column(second),
        )

    def new_query(self) -> Builder[R]:
        """The related query joined to the intermediate table."""
        query = self.related.query()
        self._join(query)
        first = self._names()[0]
        query.select(
            f"{self.related.get_table()}.*",
            f"{self.through.qualify_column(first)} as {_THROUGH_KEY}",
        )
        query.hydrated_callbacks.append(_strip_through_key)
        return query

    def add_constraints(self, query: Builder[R], parent: Model) -> None:
        """``where through.first_key = parent.local_key``."""
        first, _, local, _ = self._names()
        query.where(
            self.through.qualify_column(first), "=", parent.__dict__["_attributes"].get(local)
        )

    def add_eager_constraints(self, query: Builder[R], models: Sequence[Model]) -> None:
        """``where through.first_key in (keys)``."""
        first, _, local, _ = self._names()
        query.where_in(self.through.qualify_column(first), _keys(models, local))

    def add_existence_constraint(self, query: Builder[R], parent_cls: type[Model]) -> None:
        """Join the intermediate table and correlate it with the parent."""
        first, _, local, _ = self._names()
        self._join(query)
        query.where_column(
            self.through.qualify_column(first), "=", parent_cls.qualify_column(local)
        )

    def _grouped(self, results: Collection[R]) -> dict[Any, list[R]]:
        groups: dict[Any, list[R]] = {}
        for model in results:
            groups.setdefault(model.__dict__.get("_through_key"), []).append(model)
        return groups


def _strip_through_key(models: Sequence[Model]) -> None:
    for model in models:
        d = model.__dict__
        d["_through_key"] = d["_attributes"].pop(_THROUGH_KEY, None)
        d["_original"].pop(_THROUGH_KEY, None)


class HasManyThrough(HasOneOrManyThrough[R], ToMany[R]):
    """``has_many_through``."""

    def match(self, models: Sequence[Model], results: Collection[R]) -> None:
        """Give each parent its related models."""
        from parvel.orm.collection import Collection

        groups = self._grouped(results)
        local = self._names()[2]
        for model in models:
            key = model.__dict__["_attributes"].get(local)
            model.set_relation(self.name, Collection(groups.get(key, [])))


class HasOneThrough(HasOneOrManyThrough[R], ToOne[R]):
    """``has_one_through``."""

    def match(self, models: Sequence[Model], results: Collection[R]) -> None:
        """Give each parent its related model or None."""
        groups = self._grouped(results)
        local = self._names()[2]
        for model in models:
            found = groups.get(model.__dict__["_attributes"].get(local))
            model.set_relation(self.name, found[0] if found else None)
