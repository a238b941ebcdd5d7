"""The relation base classes: one declaration gives a query entry and the loaded data.

``comments = has_many(Comment)`` on ``Post``: ``post.comments`` is a bound :class:`ToMany`
relation, both a query entry (``await post.comments.where(...).count()``) and, once loaded,
a sequence of ``Comment``. ``author = belongs_to(User)``: ``post.author`` is the loaded
``User | None``; its query entry is ``Post.author.of(post)``. Reading data that was not loaded
raises RelationNotLoaded naming the fix. See docs/orm.md for the design.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Generic, Self, TypeVar, overload

from parvel.database.query._where import MISSING
from parvel.orm.exceptions import InvalidRelationUse

if TYPE_CHECKING:
    from parvel.orm.builder import Builder
    from parvel.orm.collection import Collection
    from parvel.orm.model import Model

R = TypeVar("R", bound="Model")
RelatedSpec = Any  # type[R] | Callable[[], type[R]] | str


class Relation(Generic[R]):
    """A relation declared on a model class.

    Attributes:
        name: The attribute name it was declared under.
        owner: The model class declaring it.
        parent: The model instance a bound relation belongs to (None on the declaration).
    """

    many = False

    def __init__(self, related: RelatedSpec) -> None:
        self._related_spec = related
        self._related: type[R] | None = None
        self.name = ""
        self.owner: type[Model] = None  # type: ignore[assignment]
        self.parent: Model | None = None

    def __set_name__(self, owner: type[Model], name: str) -> None:
        self.name = name
        self.owner = owner

    # -- resolution -------------------------------------------------------------------------------
    @property
    def related(self) -> type[R]:
        """The related model class."""
        if self._related is None:
            from parvel.orm._info import is_model_class, resolve_model

            spec = self._related_spec
            if isinstance(spec, str):
                spec = resolve_model(spec)
            elif not is_model_class(spec) and callable(spec):
                spec = spec()
            self._related = spec
        return self._related

    def of(self, parent: Model) -> Self:
        """This relation bound to ``parent`` (its query entry)."""
        bound = copy.copy(self)
        bound.parent = parent
        return bound

    def _parent(self) -> Model:
        if self.parent is None:
            raise InvalidRelationUse(
                f"{self.owner.__name__}.{self.name} is the relation declaration, not bound to a "
                "model.",
                hint=f"Use it through an instance: {self.owner.__name__}.{self.name}.of(model).",
            )
        return self.parent

    # -- what each relation type implements -------------------------------------------------------
    def new_query(self) -> Builder[R]:
        """A query on the related model with the relation's joins/selects (no parent filter)."""
        return self.related.query()

    def add_constraints(self, query: Builder[R], parent: Model) -> None:
        """Limit ``query`` to the rows related to ``parent``."""
        raise NotImplementedError

    def add_eager_constraints(self, query: Builder[R], models: Sequence[Model]) -> None:
        """Limit ``query`` to the rows related to any of ``models``."""
        raise NotImplementedError

    def match(self, models: Sequence[Model], results: Collection[R]) -> None:
        """Give each model its related results."""
        raise NotImplementedError

    def add_existence_constraint(self, query: Builder[R], parent_cls: type[Model]) -> None:
        """Correlate ``query`` with the parent table (for ``has`` and ``with_count``)."""
        raise NotImplementedError

    def empty_value(self) -> Any:
        """The loaded value when nothing is related."""
        return None

    async def eager_load(
        self,
        models: Sequence[Model],
        constraint: Callable[[Any], Any] | None,
        nested: dict[str, Callable[[Any], Any] | None],
    ) -> None:
        """Load this relation for every model in one query."""
        query = self.new_query()
        self.add_eager_constraints(query, models)
        query.eager_load.update(nested)
        if constraint is not None:
            constraint(query)
        results = await query.get()
        self.match(models, results)

    # -- the query entry --------------------------------------------------------------------------
    def query(self) -> Builder[R]:
        """A query for the parent's related models."""
        query = self.new_query()
        self.add_constraints(query, self._parent())
        return query

    def where(self, column: Any, operator: Any = MISSING, value: Any = MISSING) -> Builder[R]:
        """``query().where(...)``."""
        return self.query().where(column, operator, value)

    def order_by(self, column: str, direction: str = "asc") -> Builder[R]:
        """``query().order_by(...)``."""
        return self.query().order_by(column, direction)

    def latest(self, column: str = "created_at") -> Builder[R]:
        """``query().latest(...)``."""
        return self.query().latest(column)

    def with_(self, *relations: Any) -> Builder[R]:
        """``query().with_(...)``."""
        return self.query().with_(*relations)

    async def get(self) -> Collection[R]:
        """Run the relation query."""
        return await self.query().get()

    async def first(self) -> R | None:
        """The first related model."""
        return await self.query().first()

    async def find(self, id: Any) -> R | None:
        """The related model with key ``id``."""
        found: R | None = await self.query().find(id)
        return found

    async def count(self) -> int:
        """How many models are related."""
        return await self.query().count()

    async def exists(self) -> bool:
        """Whether any model is related."""
        return await self.query().exists()

    async def find_or_fail(self, id: Any) -> R:
        """The related model with key ``id``; ModelNotFound (404 over HTTP) when absent."""
        found: R = await self.query().find_or_fail(id)
        return found

    async def first_or_fail(self) -> R:
        """The first related model; ModelNotFound (404 over HTTP) when none."""
        return await self.query().first_or_fail()

    def _new_related(self, data: dict[str, Any]) -> R:
        make = getattr(type(self), "make", None)
        return make(self, data) if make is not None else self.related(data)

    async def first_or_new(
        self, attributes: dict[str, Any] | None = None, values: dict[str, Any] | None = None
    ) -> R:
        """The first related model matching ``attributes``, or a new unsaved (linked) one."""
        attributes = attributes or {}
        query = self.query()
        found = await (query.where(attributes) if attributes else query).first()
        return found if found is not None else self._new_related({**attributes, **(values or {})})

    async def first_or_create(
        self, attributes: dict[str, Any] | None = None, values: dict[str, Any] | None = None
    ) -> R:
        """The first related model matching ``attributes``, or a new one made through the relation.

        A new model is created through the relation, so it is linked to the parent.
        """
        attributes = attributes or {}
        query = self.query()
        found = await (query.where(attributes) if attributes else query).first()
        if found is not None:
            return found
        return await self._create({**attributes, **(values or {})})

    async def update_or_create(
        self, attributes: dict[str, Any], values: dict[str, Any] | None = None
    ) -> R:
        """Update the related model matching ``attributes`` with ``values``, or create it."""
        found = await self.query().where(attributes).first()
        if found is None:
            return await self._create({**attributes, **(values or {})})
        found.fill(values or {})
        await found.save()
        return found

    async def _create(self, data: dict[str, Any]) -> R:
        create = getattr(type(self), "create", None)
        if create is None:
            raise InvalidRelationUse(
                f"{self.owner.__name__}.{self.name} cannot create related models.",
                hint="Create the model itself, then link it.",
            )
        return await create(self, data)  # type: ignore[no-any-return]

    async def load(self) -> Any:
        """Load the relation into the parent and return the data."""
        parent = self._parent()
        await self.eager_load([parent], None, {})
        return parent.get_relation(self.name)

    if not TYPE_CHECKING:

        def __getattr__(self, name: str) -> Any:
            if name.startswith("_"):
                raise AttributeError(name)
            return getattr(self.query(), name)

    def __repr__(self) -> str:
        owner = self.owner.__name__ if self.owner else "?"
        return f"<{type(self).__name__} {owner}.{self.name}>"


class ToOne(Relation[R]):
    """A relation to at most one model: the instance attribute is the loaded model or None."""

    default_spec: Any = None

    def with_default(self, value: Any = True) -> Self:
        """Load an unsaved default model instead of None when nothing is related.

        ``value``: True (an empty model), a dict of attributes, or
        ``callable(default_model, parent)`` filling it in.
        """
        self.default_spec = value
        return self

    def default_for(self, parent: Model) -> R | None:
        """The ``with_default`` model for ``parent`` (None without a default)."""
        spec = self.default_spec
        if spec is None or spec is False:
            return None
        model = self.related()
        if isinstance(spec, dict):
            model.force_fill(spec)
        elif callable(spec):
            spec(model, parent)
        return model

    @overload
    def __get__(self, obj: None, owner: Any) -> Self: ...
    @overload
    def __get__(self, obj: Model, owner: Any) -> R | None: ...
    def __get__(self, obj: Model | None, owner: Any) -> Self | R | None:
        if obj is None:
            return self
        relations = obj.__dict__.get("_relations")
        if relations is not None and self.name in relations:
            return relations[self.name]  # type: ignore[no-any-return]
        return obj.get_relation(self.name)  # type: ignore[no-any-return]


class ToMany(Relation[R]):
    """A relation to many models.

    Bound to an instance it is a query entry and, once loaded, a sequence of the related models.
    """

    many = True

    @overload
    def __get__(self, obj: None, owner: Any) -> Self: ...
    @overload
    def __get__(self, obj: Model, owner: Any) -> Self: ...
    def __get__(self, obj: Model | None, owner: Any) -> Self:
        return self if obj is None else self.of(obj)

    def __call__(self) -> Self:
        """The relation itself, so Laravel's ``user.posts().where(...)`` reads the same."""
        return self

    def empty_value(self) -> Any:
        """An empty collection."""
        from parvel.orm.collection import Collection

        return Collection([])

    # -- loaded data ------------------------------------------------------------------------------
    @property
    def loaded(self) -> Collection[R]:
        """The loaded related models (RelationNotLoaded when not loaded)."""
        return self._parent().get_relation(self.name)  # type: ignore[no-any-return]

    def is_loaded(self) -> bool:
        """Whether the related models are loaded on the parent."""
        return self._parent().relation_loaded(self.name)

    def __iter__(self) -> Iterator[R]:
        return iter(self.loaded)

    def __len__(self) -> int:
        return len(self.loaded)

    def __bool__(self) -> bool:
        return len(self.loaded) > 0

    @overload
    def __getitem__(self, index: int) -> R: ...
    @overload
    def __getitem__(self, index: slice) -> Collection[R]: ...
    def __getitem__(self, index: int | slice) -> R | Collection[R]:
        return self.loaded[index]

    def to_dict(self) -> list[Any]:
        """The loaded models as JSON-ready data."""
        return self.loaded.to_list()
