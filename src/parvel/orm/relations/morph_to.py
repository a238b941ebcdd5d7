"""``morph_to``: the owning side of a polymorphic relation (``Comment.commentable``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from parvel.orm.exceptions import InvalidRelationUse, ModelError
from parvel.orm.relations.base import ToOne

if TYPE_CHECKING:
    from parvel.orm.builder import Builder
    from parvel.orm.collection import Collection
    from parvel.orm.model import Model

_MORPH_MAP: dict[str, type[Model]] = {}


def morph_map(mapping: dict[str, type[Model]]) -> None:
    """Store short aliases in ``*_type`` columns: ``morph_map({"post": Post})``."""
    for alias, cls in mapping.items():
        _MORPH_MAP[alias] = cls
        cls.morph_alias = alias


def enforce_morph_map(mapping: dict[str, type[Model]]) -> None:
    """:func:`morph_map`, and refuse to store any model without an alias from now on."""
    from parvel.orm._base import MORPH_MAP_ENFORCED

    morph_map(mapping)
    MORPH_MAP_ENFORCED[0] = True


def require_morph_map(value: bool = True) -> None:
    """Turn the alias requirement of :func:`enforce_morph_map` on or off."""
    from parvel.orm._base import MORPH_MAP_ENFORCED

    MORPH_MAP_ENFORCED[0] = value


def model_for_morph(type_value: str) -> type[Model]:
    """The model class stored as ``type_value``."""
    if type_value in _MORPH_MAP:
        return _MORPH_MAP[type_value]
    from parvel.orm._info import resolve_model

    try:
        return resolve_model(type_value)
    except ModelError:
        raise ModelError(
            f"No model is registered for the morph type {type_value!r}.",
            hint="Import the model's module, or register an alias with morph_map().",
        ) from None


class MorphTo(ToOne[Any]):
    """The model a polymorphic row belongs to, of any class."""

    def __init__(self, name: str | None = None, type: str | None = None,
                 id: str | None = None) -> None:  # fmt: skip
        super().__init__(None)
        self._morph_name = name
        self._type = type
        self._id = id

    @property
    def morph_type(self) -> str:
        """The ``*_type`` column."""
        return self._type or f"{self._morph_name or self.name}_type"

    @property
    def morph_id(self) -> str:
        """The ``*_id`` column."""
        return self._id or f"{self._morph_name or self.name}_id"

    @property
    def related(self) -> Any:
        """A morph_to relation has no single related class."""
        raise InvalidRelationUse(
            f"{self.owner.__name__}.{self.name} is polymorphic: its related class depends on the "
            f"{self.morph_type} column.",
            hint="Load it with with_()/load(); has()/with_count() are not supported on morph_to.",
        )

    def query(self) -> Builder[Any]:
        """The query for the parent's owner model."""
        parent = self._parent()
        cls = model_for_morph(parent.get_attribute_value(self.morph_type))
        return cls.query().where(
            cls.qualify_column(cls.primary_key), "=", parent.get_attribute_value(self.morph_id)
        )

    async def eager_load(
        self,
        models: Sequence[Model],
        constraint: Callable[[Any], Any] | None,
        nested: dict[str, Callable[[Any], Any] | None],
    ) -> None:
        """One query per morph type present."""
        by_type: dict[str, list[Model]] = {}
        for model in models:
            type_value = model.__dict__["_attributes"].get(self.morph_type)
            if type_value is None:
                model.set_relation(self.name, None)
            else:
                by_type.setdefault(type_value, []).append(model)
        for type_value, group in by_type.items():
            cls = model_for_morph(type_value)
            keys = list(dict.fromkeys(m.__dict__["_attributes"].get(self.morph_id) for m in group))
            query = cls.query().where_in(cls.qualify_column(cls.primary_key), keys)
            query.eager_load.update(nested)
            if constraint is not None:
                constraint(query)
            results: Collection[Any] = await query.get()
            owners = {str(m.get_key()): m for m in results}
            for model in group:
                key = model.__dict__["_attributes"].get(self.morph_id)
                model.set_relation(self.name, owners.get(str(key)))

    def add_existence_constraint(self, query: Builder[Any], parent_cls: type[Model]) -> None:
        """Not supported."""
        _ = self.related

    def associate(self, model: Model | None) -> Model:
        """Point the parent at ``model`` (sets both columns; not saved)."""
        parent = self._parent()
        parent.set_attribute(self.morph_type, None if model is None else model.get_morph_class())
        parent.set_attribute(self.morph_id, None if model is None else model.get_key())
        parent.set_relation(self.name, model)
        return parent
