"""Model factories: ``await Post.factory().count(3).create()``.

Example::

    class PostFactory(Factory[Post]):
        model = Post

        def definition(self) -> dict[str, Any]:
            return {"title": self.faker.sentence(), "user_id": User.factory()}

        def published(self) -> Self:
            return self.state({"published_at": now()})

See docs/orm.md.
"""

from __future__ import annotations

import copy
import importlib
import inspect
import random
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, ClassVar, Generic, Self, TypeVar

from parvel.orm.collection import Collection
from parvel.orm.exceptions import ModelError
from parvel.support import Str

if TYPE_CHECKING:
    from parvel.orm.model import Model

T = TypeVar("T", bound="Model")
_FACTORIES: dict[type, type[Factory[Any]]] = {}
_FAKER: list[Any] = []

FACTORY_NAMESPACE = "database.factories"
"""Where ``Model.factory()`` looks for ``<snake_name>_factory.<Name>Factory`` by default."""


def fake() -> Any:
    """The shared Faker instance (``faker.Faker()``)."""
    if not _FAKER:
        from faker import Faker

        _FAKER.append(Faker())
    return _FAKER[0]


class Sequence:
    """Cycle through states: ``Sequence({"role": "admin"}, {"role": "user"})``.

    A callable receives the sequence (``seq.index`` is the 0-based position):
    ``Sequence(lambda seq: {"name": f"User {seq.index}"})``.
    """

    def __init__(self, *states: dict[str, Any] | Callable[[Sequence], dict[str, Any]]) -> None:
        if not states:
            raise ValueError("Sequence() needs at least one state.")
        self.states = states
        self.index = 0

    def __call__(self, attributes: dict[str, Any]) -> dict[str, Any]:
        """The next state."""
        state = self.states[self.index % len(self.states)]
        result = state(self) if callable(state) else dict(state)
        self.index += 1
        return result


class Factory(Generic[T]):
    """Builds and saves models with fake data; every configuring method returns a copy."""

    model: ClassVar[type[Any]]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        model = cls.__dict__.get("model")
        if model is not None:
            _FACTORIES[model] = cls

    def __init__(self) -> None:
        self._count: int | None = None
        self._states: list[Any] = []
        self._has: list[tuple[Any, str | None, dict[str, Any] | None]] = []
        self._for: list[tuple[Any, str | None]] = []
        self._recycle: dict[type, list[Any]] = {}
        self._after_making: list[Callable[[Any], Any]] = []
        self._after_creating: list[Callable[[Any], Any]] = []
        self._configured = False

    @property
    def faker(self) -> Any:
        """The Faker instance."""
        return fake()

    @classmethod
    def new(cls, attributes: dict[str, Any] | None = None) -> Self:
        """A fresh factory (optionally with a state)."""
        factory = cls()
        return factory.state(attributes) if attributes else factory

    def definition(self) -> dict[str, Any]:
        """The default attributes of a model (override this)."""
        return {}

    def configure(self) -> Self:
        """Override to add ``after_making``/``after_creating`` callbacks."""
        return self

    def _copy(self) -> Self:
        new = copy.copy(self)
        new._states = list(self._states)
        new._has = list(self._has)
        new._for = list(self._for)
        new._recycle = {k: list(v) for k, v in self._recycle.items()}
        new._after_making = list(self._after_making)
        new._after_creating = list(self._after_creating)
        return new

    # -- configuration ----------------------------------------------------------------------------
    def count(self, count: int | None) -> Self:
        """Make ``count`` models (a Collection) instead of one."""
        new = self._copy()
        new._count = count
        return new

    def times(self, count: int) -> Self:
        """Alias of :meth:`count`."""
        return self.count(count)

    def state(self, state: dict[str, Any] | Callable[..., dict[str, Any]] | Sequence) -> Self:
        """Override attributes: a dict, ``lambda attributes: {...}`` or a :class:`Sequence`."""
        new = self._copy()
        new._states.append(state)
        return new

    def sequence(self, *states: dict[str, Any] | Callable[[Sequence], dict[str, Any]]) -> Self:
        """Cycle through ``states`` for successive models."""
        return self.state(Sequence(*states))

    def has(self, factory: Factory[Any], relationship: str | None = None) -> Self:
        """Also create children through a has-many / many-to-many relation of the model."""
        new = self._copy()
        new._has.append((factory, relationship, None))
        return new

    def has_attached(
        self,
        factory: Any,
        pivot: dict[str, Any] | None = None,
        relationship: str | None = None,
    ) -> Self:
        """Attach models (a factory's, or existing ones) through a many-to-many relation.

        ``pivot`` values are written on the pivot rows.
        """
        new = self._copy()
        new._has.append((factory, relationship, dict(pivot or {})))
        return new

    def trashed(self) -> Self:
        """Soft-deleted models (``deleted_at`` set to now)."""
        from parvel.support.clock import now

        column = getattr(self.model, "DELETED_AT", "deleted_at")
        return self.state({column: now()})

    if not TYPE_CHECKING:

        def __getattr__(self, name: str) -> Any:
            """Laravel's magic ``has_posts(3)`` / ``for_user()`` shortcuts."""
            if name.startswith("_") or name == "model":
                raise AttributeError(name)
            if name.startswith("has_") and len(name) > 4:
                return lambda count=None, state=None: self._magic_has(name[4:], count, state)
            if name.startswith("for_") and len(name) > 4:
                return lambda state=None: self._magic_for(name[4:], state)
            raise AttributeError(f"{type(self).__name__} has no attribute {name!r}")

    def _related_factory(self, relationship: str) -> Factory[Any]:
        related = self.model.relation_definition(relationship).related
        return factory_for(related)

    def _magic_has(self, relationship: str, count: Any, state: Any) -> Self:
        if isinstance(count, dict) or callable(count):
            count, state = None, count
        factory = self._related_factory(relationship)
        if count is not None:
            factory = factory.count(count)
        if state is not None:
            factory = factory.state(state)
        return self.has(factory, relationship)

    def _magic_for(self, relationship: str, state: Any) -> Self:
        factory = self._related_factory(relationship)
        return self.for_(factory.state(state) if state is not None else factory, relationship)

    def for_(self, parent: Any, relationship: str | None = None) -> Self:
        """Belong to ``parent`` (a model or a factory creating one) through a belongs_to."""
        new = self._copy()
        new._for.append((parent, relationship))
        return new

    def recycle(self, models: Any) -> Self:
        """Reuse these models for any relation of their class instead of creating new ones."""
        new = self._copy()
        items = models.items if isinstance(models, Collection) else models
        items = list(items) if isinstance(items, Iterable) else [items]
        for model in items:
            new._recycle.setdefault(type(model), []).append(model)
        return new

    def after_making(self, callback: Callable[[T], Any]) -> Self:
        """Call ``callback(model)`` after each model is made."""
        new = self._copy()
        new._after_making.append(callback)
        return new

    def after_creating(self, callback: Callable[[T], Any]) -> Self:
        """Call ``callback(model)`` after each model is saved."""
        new = self._copy()
        new._after_creating.append(callback)
        return new

    # -- building ---------------------------------------------------------------------------------
    def _configured_self(self) -> Self:
        if self._configured:
            return self
        new = self.configure()
        new._configured = True
        return new

    def _recycled(self, model_cls: type) -> Any | None:
        models = self._recycle.get(model_cls)
        return random.choice(models) if models else None

    async def _expand(self, attributes: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in attributes.items():
            if isinstance(value, Factory):
                recycled = self._recycled(value.model)
                if recycled is None:
                    value = value._inherit_recycle(self)
                    recycled = await value.create()
                value = recycled.get_key()
            elif callable(value) and not isinstance(value, type):
                value = value(out)
                if inspect.isawaitable(value):
                    value = await value
            out[key] = value
        return out

    def _inherit_recycle(self, parent: Factory[Any]) -> Self:
        new = self._copy()
        for cls, models in parent._recycle.items():
            new._recycle.setdefault(cls, []).extend(models)
        return new

    def raw_attributes(self, extra: dict[str, Any] | None = None) -> dict[str, Any]:
        """The attributes of one model before expansion (definition + states + ``extra``)."""
        attributes = dict(self.definition())
        for state in self._states:
            if isinstance(state, Sequence) or callable(state):
                attributes.update(state(attributes))
            else:
                attributes.update(state)
        attributes.update(extra or {})
        return attributes

    async def raw(
        self, attributes: dict[str, Any] | None = None
    ) -> dict[str, Any] | list[dict[str, Any]]:
        """The attributes without making models (a list when ``count`` is set)."""
        if self._count is None:
            return await self._expand(self.raw_attributes(attributes))
        return [await self._expand(self.raw_attributes(attributes)) for _ in range(self._count)]

    async def _make_one(self, attributes: dict[str, Any] | None) -> T:
        values = self.raw_attributes(attributes)
        for parent, relationship in self._for:
            values.update(await self._parent_keys(parent, relationship))
        model: T = self.model().force_fill(await self._expand(values))
        for parent, relationship in self._for:
            if not isinstance(parent, Factory):
                name = relationship or Str.snake(type(parent).__name__)
                if name in type(model)._info().relations:
                    model.set_relation(name, parent)
        for callback in self._after_making:
            result = callback(model)
            if inspect.isawaitable(result):
                await result
        return model

    async def _parent_keys(self, parent: Any, relationship: str | None) -> dict[str, Any]:
        from parvel.orm.relations.has_one_many import BelongsTo
        from parvel.orm.relations.morph_to import MorphTo

        parent_cls = parent.model if isinstance(parent, Factory) else type(parent)
        name = relationship or Str.snake(parent_cls.__name__)
        relation = self.model.relation_definition(name)
        if isinstance(parent, Factory):
            parent = self._recycled(parent.model) or await parent._inherit_recycle(self).create()
        if isinstance(relation, MorphTo):
            return {
                relation.morph_type: parent.get_morph_class(),
                relation.morph_id: parent.get_key(),
            }
        if not isinstance(relation, BelongsTo):
            raise ModelError(
                f"for_() needs a belongs_to relation; {self.model.__name__}.{name} is not one."
            )
        return {relation.foreign_key: parent.get_attribute_value(relation.owner_key)}

    async def make(self, attributes: dict[str, Any] | None = None) -> Any:
        """Unsaved model(s): one model, or a Collection when ``count`` is set."""
        factory = self._configured_self()
        if factory._count is None:
            return await factory._make_one(attributes)
        return Collection([await factory._make_one(attributes) for _ in range(factory._count)])

    async def make_one(self, attributes: dict[str, Any] | None = None) -> T:
        """Exactly one unsaved model."""
        return await self._configured_self()._make_one(attributes)

    async def create_one(self, attributes: dict[str, Any] | None = None) -> T:
        """Exactly one saved model."""
        factory = self._configured_self()
        return await factory._create_one(attributes)

    async def _create_one(self, attributes: dict[str, Any] | None) -> T:
        model = await self._make_one(attributes)
        await model.save()
        await self._create_children(model)
        for callback in self._after_creating:
            result = callback(model)
            if inspect.isawaitable(result):
                await result
        return model

    async def _create_children(self, model: T) -> None:
        from parvel.orm.relations.belongs_to_many import BelongsToMany
        from parvel.orm.relations.has_one_many import HasOneOrMany

        for factory, relationship, pivot in self._has:
            if not isinstance(factory, Factory):  # has_attached(existing models)
                models = factory.items if isinstance(factory, Collection) else factory
                models = list(models) if isinstance(models, Iterable) else [models]
                name = relationship or Str.plural(Str.snake(type(models[0]).__name__))
                pivot_relation: Any = type(model).relation_definition(name).of(model)
                await pivot_relation.attach(models, pivot)
                continue
            name = relationship or Str.plural(Str.snake(factory.model.__name__))
            relation = type(model).relation_definition(name).of(model)
            factory = factory._inherit_recycle(self)
            if isinstance(relation, BelongsToMany):
                children = await factory.count(factory._count or 1).create()
                await relation.attach(children, pivot)
            elif isinstance(relation, HasOneOrMany):
                state = {relation.foreign_key: model.get_attribute_value(relation.local_key)}
                if relation.morph_type is not None:
                    state[relation.morph_type] = type(model).get_morph_class()
                await factory.state(state).create()
            else:
                raise ModelError(f"has() cannot create through {type(model).__name__}.{name}.")

    async def create(self, attributes: dict[str, Any] | None = None) -> Any:
        """Saved model(s): one model, or a Collection when ``count`` is set."""
        factory = self._configured_self()
        if factory._count is None:
            return await factory._create_one(attributes)
        return Collection([await factory._create_one(attributes) for _ in range(factory._count)])

    async def create_quietly(self, attributes: dict[str, Any] | None = None) -> Any:
        """:meth:`create` without firing model events."""
        from parvel.orm.events import without_events

        with without_events():
            return await self.create(attributes)

    async def create_many(self, records: list[dict[str, Any]]) -> Collection[T]:
        """One saved model per attributes dict."""
        factory = self._configured_self()
        return Collection([await factory._create_one(record) for record in records])


def factory_for(model: type[T]) -> Factory[T]:
    """The factory of ``model``: ``factory_class``, a registered subclass, or the convention."""
    explicit = getattr(model, "factory_class", None)
    if explicit is not None:
        return explicit()  # type: ignore[no-any-return]
    if model in _FACTORIES:
        return _FACTORIES[model]()
    module_name = f"{FACTORY_NAMESPACE}.{Str.snake(model.__name__)}_factory"
    try:
        module = importlib.import_module(module_name)
        cls = getattr(module, f"{model.__name__}Factory")
    except (ImportError, AttributeError):
        raise ModelError(
            f"{model.__name__} has no factory.",
            hint=f"Create {module_name.replace('.', '/')}.py with class {model.__name__}Factory"
            f"(Factory[{model.__name__}]) (parvel make:factory {model.__name__}Factory).",
        ) from None
    return cls()  # type: ignore[no-any-return]
