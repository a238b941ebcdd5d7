"""``has_one`` / ``has_many`` / ``belongs_to`` and their polymorphic ``morph_one`` / ``morph_many``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from parvel.orm.exceptions import InvalidRelationUse
from parvel.orm.relations.base import RelatedSpec, Relation, ToMany, ToOne

if TYPE_CHECKING:
    from parvel.orm.builder import Builder
    from parvel.orm.collection import Collection
    from parvel.orm.model import Model

R = TypeVar("R", bound="Model")


def _keys(models: Sequence[Model], attribute: str) -> list[Any]:
    seen: dict[Any, None] = {}
    for model in models:
        value = model.__dict__["_attributes"].get(attribute)
        if value is not None:
            seen[value] = None
    return list(seen)


class HasOneOrMany(Relation[R]):
    """The parent's key is stored in a foreign key column of the related table."""

    morph_type: str | None = None

    def __init__(
        self, related: RelatedSpec, foreign_key: str | None = None, local_key: str | None = None
    ) -> None:
        super().__init__(related)
        self._foreign_key = foreign_key
        self._local_key = local_key

    @property
    def foreign_key(self) -> str:
        """The column on the related table holding the parent's key."""
        return self._foreign_key or self.owner.get_foreign_key()

    @property
    def local_key(self) -> str:
        """The parent's column the foreign key points at."""
        return self._local_key or self.owner.primary_key

    def _type_constraint(self, query: Builder[R]) -> None:
        if self.morph_type is not None:
            query.where(
                self.related.qualify_column(self.morph_type), "=", self.owner.get_morph_class()
            )

    def add_constraints(self, query: Builder[R], parent: Model) -> None:
        """``where related.fk = parent.key``."""
        query.where(
            self.related.qualify_column(self.foreign_key),
            "=",
            parent.__dict__["_attributes"].get(self.local_key),
        )
        self._type_constraint(query)

    def add_eager_constraints(self, query: Builder[R], models: Sequence[Model]) -> None:
        """``where related.fk in (keys)``."""
        query.where_in(self.related.qualify_column(self.foreign_key), _keys(models, self.local_key))
        self._type_constraint(query)

    def add_existence_constraint(self, query: Builder[R], parent_cls: type[Model]) -> None:
        """``where related.fk = parent_table.key``."""
        query.where_column(
            self.related.qualify_column(self.foreign_key),
            "=",
            parent_cls.qualify_column(self.local_key),
        )
        self._type_constraint(query)

    def _grouped(self, results: Collection[R]) -> dict[Any, list[R]]:
        groups: dict[Any, list[R]] = {}
        fk = self.foreign_key
        for model in results:
            groups.setdefault(model.__dict__["_attributes"].get(fk), []).append(model)
        return groups

    def _link(self, model: R) -> R:
        parent = self._parent()
        model.set_attribute(self.foreign_key, parent.get_attribute_value(self.local_key))
        if self.morph_type is not None:
            model.set_attribute(self.morph_type, self.owner.get_morph_class())
        return model

    def make(self, attributes: dict[str, Any] | None = None) -> R:
        """A new related model linked to the parent, not saved."""
        return self._link(self.related(attributes or {}))

    async def create(self, attributes: dict[str, Any] | None = None, **values: Any) -> R:
        """Create a related model linked to the parent."""
        model = self._link(self.related({**(attributes or {}), **values}))
        await model.save()
        return model

    async def create_many(self, records: Sequence[dict[str, Any]]) -> list[R]:
        """Create several related models."""
        return [await self.create(record) for record in records]

    async def create_quietly(self, attributes: dict[str, Any] | None = None, **values: Any) -> R:
        """:meth:`create` without firing model events."""
        from parvel.orm.events import without_events

        with without_events():
            return await self.create(attributes, **values)

    async def create_many_quietly(self, records: Sequence[dict[str, Any]]) -> list[R]:
        """:meth:`create_many` without firing model events."""
        from parvel.orm.events import without_events

        with without_events():
            return await self.create_many(records)

    async def save_quietly(self, model: R) -> R:
        """:meth:`save` without firing model events."""
        from parvel.orm.events import without_events

        with without_events():
            return await self.save(model)

    async def save(self, model: R) -> R:
        """Link ``model`` to the parent and save it."""
        await self._link(model).save()
        return model

    async def save_many(self, models: Sequence[R]) -> Sequence[R]:
        """Link and save several models."""
        for model in models:
            await self.save(model)
        return models


class HasMany(HasOneOrMany[R], ToMany[R]):
    """``has_many``: ``Post.comments``."""

    def one(self) -> HasOne[R]:
        """The same keys as a has-one: ``has_many(Order).one().of_many("price", "max")``."""
        if self.morph_type is not None:
            raise InvalidRelationUse("one() on a morph_many: declare morph_one(...) instead.")
        return HasOne(self._related_spec, self._foreign_key, self._local_key)

    def match(self, models: Sequence[Model], results: Collection[R]) -> None:
        """Give each parent its list of related models."""
        from parvel.orm.collection import Collection

        groups = self._grouped(results)
        for model in models:
            key = model.__dict__["_attributes"].get(self.local_key)
            model.set_relation(self.name, Collection(groups.get(key, [])))


class HasOne(HasOneOrMany[R], ToOne[R]):
    """``has_one``: ``User.phone``; ``latest_of_many()`` picks one of many related rows."""

    of_many_order: tuple[str, str] | None = None

    def latest_of_many(self, column: str = "id") -> HasOne[R]:
        """The related row with the largest ``column`` (``User.latest_order``)."""
        self.of_many_order = (column, "desc")
        return self

    def oldest_of_many(self, column: str = "id") -> HasOne[R]:
        """The related row with the smallest ``column``."""
        self.of_many_order = (column, "asc")
        return self

    def of_many(self, column: str = "id", aggregate: str = "max") -> HasOne[R]:
        """The related row with the ``max`` (or ``min``) ``column``."""
        if aggregate not in ("max", "min"):
            raise InvalidRelationUse(
                f"of_many() takes 'max' or 'min', not {aggregate!r}.",
                hint="Use latest_of_many() / oldest_of_many() for the newest / oldest row.",
            )
        self.of_many_order = (column, "desc" if aggregate == "max" else "asc")
        return self

    def new_query(self) -> Builder[R]:
        """The related query, ordered when this is a one-of-many relation."""
        query = super().new_query()
        if self.of_many_order is not None:
            column, direction = self.of_many_order
            query.order_by(self.related.qualify_column(column), direction)
        return query

    def match(self, models: Sequence[Model], results: Collection[R]) -> None:
        """Give each parent its related model or None."""
        groups = self._grouped(results)
        for model in models:
            found = groups.get(model.__dict__["_attributes"].get(self.local_key))
            model.set_relation(self.name, found[0] if found else self.default_for(model))


class MorphMany(HasMany[R]):
    """``morph_many``: ``Post.comments`` through ``commentable_type`` / ``commentable_id``."""

    def __init__(self, related: RelatedSpec, name: str, type: str | None = None,
                 id: str | None = None, local_key: str | None = None) -> None:  # fmt: skip
        super().__init__(related, id or f"{name}_id", local_key)
        self.morph_type = type or f"{name}_type"


class MorphOne(HasOne[R]):
    """``morph_one``: ``Post.image`` through ``imageable_type`` / ``imageable_id``."""

    def __init__(self, related: RelatedSpec, name: str, type: str | None = None,
                 id: str | None = None, local_key: str | None = None) -> None:  # fmt: skip
        super().__init__(related, id or f"{name}_id", local_key)
        self.morph_type = type or f"{name}_type"


class BelongsTo(ToOne[R]):
    """``belongs_to``: the parent stores the related model's key (``Comment.post``)."""

    def __init__(
        self, related: RelatedSpec, foreign_key: str | None = None, owner_key: str | None = None
    ) -> None:
        super().__init__(related)
        self._foreign_key = foreign_key
        self._owner_key = owner_key

    @property
    def foreign_key(self) -> str:
        """The column on the parent holding the related key (``author_id`` for ``author``)."""
        return self._foreign_key or f"{self.name}_{self.related.primary_key}"

    @property
    def owner_key(self) -> str:
        """The related model's column the foreign key points at."""
        return self._owner_key or self.related.primary_key

    def add_constraints(self, query: Builder[R], parent: Model) -> None:
        """``where related.key = parent.fk``."""
        query.where(
            self.related.qualify_column(self.owner_key),
            "=",
            parent.__dict__["_attributes"].get(self.foreign_key),
        )

    def add_eager_constraints(self, query: Builder[R], models: Sequence[Model]) -> None:
        """``where related.key in (fks)``."""
        query.where_in(self.related.qualify_column(self.owner_key), _keys(models, self.foreign_key))

    def add_existence_constraint(self, query: Builder[R], parent_cls: type[Model]) -> None:
        """``where related.key = parent_table.fk``."""
        query.where_column(
            self.related.qualify_column(self.owner_key),
            "=",
            parent_cls.qualify_column(self.foreign_key),
        )

    def match(self, models: Sequence[Model], results: Collection[R]) -> None:
        """Give each child its parent model or None."""
        owners = {m.__dict__["_attributes"].get(self.owner_key): m for m in results}
        for model in models:
            owner = owners.get(model.__dict__["_attributes"].get(self.foreign_key))
            model.set_relation(self.name, owner if owner is not None else self.default_for(model))

    def associate(self, model: R | None) -> Model:
        """Point the parent's foreign key at ``model`` (not saved)."""
        parent = self._parent()
        parent.set_attribute(
            self.foreign_key, None if model is None else model.get_attribute_value(self.owner_key)
        )
        parent.set_relation(self.name, model)
        return parent

    def dissociate(self) -> Model:
        """Clear the parent's foreign key (not saved)."""
        return self.associate(None)
