"""``Model``: Eloquent-style models with typed attributes, persistence and relations.

Example::

    class Post(Model):
        title: str
        published_at: datetime | None
        fillable = ["title"]
        comments = has_many(lambda: Comment)

    post = await Post.create({"title": "Hello"})
    posts = await Post.with_("comments").where("votes", ">", 1).latest().get()

See docs/orm.md.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Coroutine, Sequence
from contextvars import ContextVar
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Self

from parvel.database.query.builder import Builder as QueryBuilder
from parvel.orm._querying import QueryingModel
from parvel.orm.casts import store_datetime
from parvel.orm.collection import Collection
from parvel.orm.exceptions import ModelError
from parvel.support.clock import now

if TYPE_CHECKING:
    from parvel.orm.builder import Builder
    from parvel.orm.factories import Factory


class Model(QueryingModel):
    """The base class of application models. See docs/orm.md."""

    # -- persistence ------------------------------------------------------------------------------
    def fresh_timestamp(self) -> Any:
        """The stored form of "now" for timestamp columns."""
        return store_datetime(now())

    @classmethod
    def without_timestamps(cls, callback: Callable[[], Any]) -> Coroutine[Any, Any, Any]:
        """``await Post.without_timestamps(fn)``: run ``fn()`` without touching timestamps."""
        return _run_without_timestamps(cls, callback)

    @classmethod
    def is_ignoring_timestamps(cls) -> bool:
        """Whether :meth:`without_timestamps` is running for this model."""
        return cls in _IGNORING_TIMESTAMPS.get()

    def uses_timestamps(self) -> bool:
        """Whether saving sets ``created_at`` / ``updated_at``."""
        cls = type(self)
        return cls.timestamps and not cls.is_ignoring_timestamps()

    def _touch_timestamps(self) -> None:
        cls = type(self)
        if not self.uses_timestamps():
            return
        stamp = self.fresh_timestamp()
        if cls.UPDATED_AT and not self.is_dirty(cls.UPDATED_AT):
            self._writable()[cls.UPDATED_AT] = stamp
        if not self.__dict__["exists"] and cls.CREATED_AT and not self.is_dirty(cls.CREATED_AT):
            self._writable()[cls.CREATED_AT] = stamp

    def _key_query(self) -> Builder[Self]:
        cls = type(self)
        key = self.__dict__["_original"].get(cls.primary_key, self.get_key())
        if key is None:
            raise ModelError(
                f"Cannot write a {cls.__name__} without a primary key value.",
                hint="Save the model first (or set its key).",
            )
        return (
            cls.query().without_global_scopes().where(cls.qualify_column(cls.primary_key), "=", key)
        )

    def new_unique_id(self) -> str | None:
        """A new key for non-incrementing models using UUIDs/ULIDs (None otherwise)."""
        return None

    async def save(self, touch: bool = True) -> bool:
        """Insert or update the model; False when an event listener cancelled it."""
        if not await self.fire_model_event("saving"):
            return False
        if self.__dict__["exists"]:
            saved = await self._perform_update(touch) if self.is_dirty() else True
        else:
            saved = await self._perform_insert(touch)
        if saved:
            await self.fire_model_event("saved", halt=False)
            self.sync_original()
            if type(self).touches:
                await self.touch_owners()
        return saved

    async def touch_owners(self) -> None:
        """Set ``updated_at`` on the parents named in ``touches`` (belongs_to relations)."""
        from parvel.orm.relations.has_one_many import BelongsTo

        for name in type(self).touches:
            relation = type(self).relation_definition(name)
            if not isinstance(relation, BelongsTo):
                raise ModelError(f"touches lists {name!r}, which is not a belongs_to relation.")
            owner = relation.related
            key = self.__dict__["_attributes"].get(relation.foreign_key)
            if key is None or not owner.timestamps or not owner.UPDATED_AT:
                continue
            query = owner.query().without_global_scopes()
            await query.where(owner.qualify_column(relation.owner_key), "=", key).update_raw(
                {owner.UPDATED_AT: self.fresh_timestamp()}
            )

    async def _perform_insert(self, touch: bool) -> bool:
        if not await self.fire_model_event("creating"):
            return False
        cls = type(self)
        if touch:
            self._touch_timestamps()
        attributes = self._writable()
        if not cls.incrementing and attributes.get(cls.primary_key) is None:
            new_id = self.new_unique_id()
            if new_id is not None:
                attributes[cls.primary_key] = new_id
        query = cls.query()
        if cls.incrementing and attributes.get(cls.primary_key) is None:
            values = {k: v for k, v in attributes.items() if k != cls.primary_key}
            new_id = await query.insert_get_id(_db_values(query, values), cls.primary_key)
            attributes[cls.primary_key] = int(new_id) if cls.key_type == "int" else new_id
        else:
            await query.insert(_db_values(query, attributes))
        self.__dict__["exists"] = True
        self.__dict__["was_recently_created"] = True
        self.__dict__["_changes"] = dict(attributes)
        await self.fire_model_event("created", halt=False)
        return True

    async def _perform_update(self, touch: bool) -> bool:
        if not await self.fire_model_event("updating"):
            return False
        if touch:
            self._touch_timestamps()
        dirty = self.get_dirty()
        if dirty:
            query = self._key_query()
            await query.update_raw(_db_values(query, dirty))
        self.sync_changes()
        await self.fire_model_event("updated", halt=False)
        return True

    async def update(self, attributes: dict[str, Any] | None = None, **values: Any) -> bool:
        """Fill (mass assignment rules apply) and save an existing model."""
        if not self.__dict__["exists"]:
            return False
        self.fill({**(attributes or {}), **values})
        return await self.save()

    async def update_quietly(self, attributes: dict[str, Any]) -> bool:
        """:meth:`update` without firing events."""
        with self.without_events():
            return await self.update(attributes)

    async def push(self) -> bool:
        """Save the model and every loaded related model (recursively)."""
        if not await self.save():
            return False
        for value in self.__dict__.get("_relations", {}).values():
            related = value if isinstance(value, (list, tuple, Collection)) else [value]
            for model in related:
                if isinstance(model, Model) and not await model.push():
                    return False
        return True

    async def save_quietly(self) -> bool:
        """:meth:`save` without firing events."""
        with self.without_events():
            return await self.save()

    async def delete(self) -> bool:
        """Delete the model (soft delete on SoftDeletes models); False when cancelled."""
        if not self.__dict__["exists"]:
            return False
        if not await self.fire_model_event("deleting"):
            return False
        cls = type(self)
        if getattr(cls, "soft_deletes", False) and not self.__dict__.get("_force_deleting"):
            column = cls.DELETED_AT  # type: ignore[attr-defined]
            stamp = self.fresh_timestamp()
            values = {column: stamp}
            if cls.timestamps and cls.UPDATED_AT:
                values[cls.UPDATED_AT] = stamp
            await self._key_query().update_raw(values)
            self._writable().update(values)
            self.sync_original()
            await self.fire_model_event("trashed", halt=False)
        else:
            await self._key_query().force_delete()
            self.__dict__["exists"] = False
        await self.fire_model_event("deleted", halt=False)
        return True

    async def force_delete(self) -> bool:
        """Delete the row for good, even on a soft-deleting model."""
        if not await self.fire_model_event("force_deleting"):
            return False
        self.__dict__["_force_deleting"] = True
        try:
            deleted = await self.delete()
        finally:
            self.__dict__.pop("_force_deleting", None)
        if deleted:
            await self.fire_model_event("force_deleted", halt=False)
        return deleted

    async def restore(self) -> bool:
        """Un-delete a soft-deleted model; False when cancelled."""
        cls = type(self)
        if not getattr(cls, "soft_deletes", False):
            raise ModelError(f"{cls.__name__} does not use SoftDeletes; nothing to restore.")
        if not await self.fire_model_event("restoring"):
            return False
        self.set_attribute(cls.DELETED_AT, None)  # type: ignore[attr-defined]
        self.__dict__["exists"] = True
        result = await self.save()
        await self.fire_model_event("restored", halt=False)
        return result

    @classmethod
    async def destroy(cls, *ids: Any) -> int:
        """Delete models by key (firing their events); returns how many were deleted."""
        flat: list[Any] = []
        for item in ids:
            flat.extend(item if isinstance(item, (list, tuple, set, Collection)) else [item])
        count = 0
        for model in await cls.query().find_many(flat):
            if await model.delete():
                count += 1
        return count

    async def refresh(self) -> Self:
        """Reload the attributes (and loaded relations) from the database."""
        cls = type(self)
        row = await self._key_query().first()
        if row is None:
            from parvel.orm.exceptions import ModelNotFound

            raise ModelNotFound(cls.__name__, [self.get_key()])
        self.__dict__["_attributes"] = dict(row.__dict__["_attributes"])
        self.sync_original()
        loaded = list(self.__dict__.get("_relations", {}))
        self.__dict__["_relations"] = {}
        if loaded:
            await self.load(*loaded)
        return self

    async def fresh(self, *relations: str) -> Self | None:
        """A new instance of this row from the database (None if it is gone)."""
        if not self.__dict__["exists"]:
            return None
        return await self._key_query().with_(*relations).first()

    def replicate(self, except_: Sequence[str] = ()) -> Self:
        """An unsaved copy without the key and timestamps."""
        cls = type(self)
        skip = {cls.primary_key, cls.CREATED_AT, cls.UPDATED_AT, *except_}
        copy = cls()
        copy.__dict__["_attributes"] = {
            k: v for k, v in self.__dict__["_attributes"].items() if k not in skip
        }
        copy.__dict__["_relations"] = dict(self.__dict__.get("_relations", {}))
        from parvel.orm.events import has_listeners

        if has_listeners(cls, "replicating"):
            from parvel.orm.events import _listeners

            for callback in _listeners(cls, "replicating"):
                callback(copy)  # synchronous, as replicate() is
        return copy

    async def touch(self, attribute: str | None = None) -> bool:
        """Set ``updated_at`` (or ``attribute``) to now and save."""
        cls = type(self)
        column = attribute or cls.UPDATED_AT
        if column is None or (attribute is None and not cls.timestamps):
            return False
        self._writable()[column] = self.fresh_timestamp()
        return await self.save(touch=False)

    async def increment(
        self, column: str, amount: float = 1, extra: dict[str, Any] | None = None
    ) -> int:
        """Add ``amount`` to ``column`` in the database and on the model.

        Fires ``updating`` (which may cancel: 0 is returned) and ``updated``, and sets
        ``updated_at`` as Laravel does.
        """
        if self.__dict__["exists"] and not await self.fire_model_event("updating"):
            return 0
        cls = type(self)
        extra = dict(extra or {})
        for key, value in extra.items():
            self.set_attribute(key, value)
        if self.uses_timestamps() and cls.UPDATED_AT and cls.UPDATED_AT not in extra:
            self._writable()[cls.UPDATED_AT] = self.fresh_timestamp()
        attributes = self.__dict__["_attributes"]
        stored = {k: attributes[k] for k in [*extra, cls.UPDATED_AT] if k and k in attributes}
        query = self._key_query()
        affected = await QueryBuilder.increment(
            query.apply_scopes(), column, amount, _db_values(query, stored) if stored else None
        )
        current = self.get_attribute_value(column) or 0
        self._writable()[column] = current + amount
        self.sync_changes()
        self.sync_original()
        await self.fire_model_event("updated", halt=False)
        return affected

    async def decrement(
        self, column: str, amount: float = 1, extra: dict[str, Any] | None = None
    ) -> int:
        """Subtract ``amount`` from ``column``."""
        return await self.increment(column, -amount, extra)

    async def force_delete_quietly(self) -> bool:
        """:meth:`force_delete` without firing events."""
        with self.without_events():
            return await self.force_delete()

    async def restore_quietly(self) -> bool:
        """:meth:`restore` without firing events."""
        with self.without_events():
            return await self.restore()

    @classmethod
    async def force_destroy(cls, *ids: Any) -> int:
        """Delete models by key for good (even soft-deleting ones), firing their events."""
        flat: list[Any] = []
        for item in ids:
            flat.extend(item if isinstance(item, (list, tuple, set, Collection)) else [item])
        count = 0
        query = cls.query().without_global_scope("soft_deletes")
        for model in await query.find_many(flat):
            if await model.force_delete():
                count += 1
        return count

    async def delete_quietly(self) -> bool:
        """:meth:`delete` without firing events."""
        with self.without_events():
            return await self.delete()

    def is_not(self, other: Any) -> bool:
        """The opposite of :meth:`is_`."""
        return not self.is_(other)

    def is_(self, other: Any) -> bool:
        """Whether ``other`` is the same row (same class, table, connection and key)."""
        return (
            isinstance(other, Model)
            and type(other).get_table() == type(self).get_table()
            and type(other).connection == type(self).connection
            and other.get_key() is not None
            and other.get_key() == self.get_key()
        )

    # -- creation shortcuts -----------------------------------------------------------------------
    @classmethod
    async def create(cls, attributes: dict[str, Any] | None = None, **values: Any) -> Self:
        """Create and save a model (mass assignment rules apply)."""
        model = cls({**(attributes or {}), **values})
        await model.save()
        return model

    @classmethod
    async def force_create(cls, attributes: dict[str, Any]) -> Self:
        """Create and save a model ignoring ``fillable``/``guarded``."""
        model = cls().force_fill(attributes)
        await model.save()
        return model

    @classmethod
    async def first_or_new(
        cls, attributes: dict[str, Any], values: dict[str, Any] | None = None
    ) -> Self:
        """The first model matching ``attributes``, or a new unsaved one with ``values``."""
        model = await cls.query().where(attributes).first()
        return model if model is not None else cls({**attributes, **(values or {})})

    @classmethod
    async def first_or_create(
        cls, attributes: dict[str, Any], values: dict[str, Any] | None = None
    ) -> Self:
        """The first model matching ``attributes``, or a new saved one with ``values``."""
        model = await cls.query().where(attributes).first()
        if model is None:
            model = await cls.create({**attributes, **(values or {})})
        return model

    @classmethod
    async def create_or_first(
        cls, attributes: dict[str, Any], values: dict[str, Any] | None = None
    ) -> Self:
        """Insert first; if a unique index rejects the row, the existing matching model."""
        return await cls.query().create_or_first(attributes, values)

    @classmethod
    async def update_or_create(
        cls, attributes: dict[str, Any], values: dict[str, Any] | None = None
    ) -> Self:
        """Update the model matching ``attributes`` with ``values``, or create it."""
        model = await cls.first_or_new(attributes)
        model.fill(values or {})
        await model.save()
        return model

    @classmethod
    async def upsert(
        cls,
        values: Sequence[dict[str, Any]],
        unique_by: str | Sequence[str],
        update: Sequence[str] | None = None,
    ) -> int:
        """Insert or update many rows at once (timestamps filled, no events)."""
        rows = [dict(row) for row in values]
        if cls.timestamps:
            stamp = store_datetime(now())
            for row in rows:
                if cls.UPDATED_AT:
                    row.setdefault(cls.UPDATED_AT, stamp)
                if cls.CREATED_AT:
                    row.setdefault(cls.CREATED_AT, stamp)
            if update is not None and cls.UPDATED_AT and cls.UPDATED_AT not in update:
                update = [*update, cls.UPDATED_AT]
        query = cls.query()
        converted = [_db_values(query, cls().force_fill(row).get_attributes()) for row in rows]
        return await query.upsert(converted, unique_by, update)

    @classmethod
    def factory(cls, count: int | None = None) -> Factory[Self]:
        """The model's factory (``database/factories`` or ``factory_class``)."""
        from parvel.orm.factories import factory_for

        factory = factory_for(cls)
        return factory.count(count) if count is not None else factory

    # -- API resources ----------------------------------------------------------------------------
    def to_resource(self, resource_class: Any = None) -> Any:
        """This model wrapped in the API resource ``resource_class``.

        Without a class, the guessed ``app.http.resources.<model>_resource.<Model>Resource``
        (see docs/resources.md).
        """
        from parvel.orm.resources import resource_for

        return resource_for(type(self), resource_class)(self)

    # -- relations --------------------------------------------------------------------------------
    def relation(self, name: str) -> Any:
        """The relation ``name`` bound to this model (its query entry)."""
        return type(self).relation_definition(name).of(self)

    async def load(self, *relations: Any) -> Self:
        """Eager load relations onto this model: ``await post.load("comments.author")``."""
        from parvel.orm._eager import load_relations, normalize_relations

        spec = normalize_relations(relations)
        for name in spec:
            type(self).query()._check_path(type(self), name)
        await load_relations([self], spec)
        return self

    async def load_missing(self, *relations: Any) -> Self:
        """Load the relations that are not loaded yet."""
        from parvel.orm._eager import load_relations, normalize_relations

        await load_relations([self], normalize_relations(relations), missing_only=True)
        return self

    async def load_count(self, *relations: Any) -> Self:
        """Set ``{relation}_count`` attributes."""
        return await self._load_aggregate(lambda q: q.with_count(*relations))

    async def load_sum(self, relation: Any, column: str) -> Self:
        """Set ``{relation}_sum_{column}``."""
        return await self._load_aggregate(lambda q: q.with_sum(relation, column))

    async def load_avg(self, relation: Any, column: str) -> Self:
        """Set ``{relation}_avg_{column}``."""
        return await self._load_aggregate(lambda q: q.with_avg(relation, column))

    async def load_min(self, relation: Any, column: str) -> Self:
        """Set ``{relation}_min_{column}``."""
        return await self._load_aggregate(lambda q: q.with_min(relation, column))

    async def load_max(self, relation: Any, column: str) -> Self:
        """Set ``{relation}_max_{column}``."""
        return await self._load_aggregate(lambda q: q.with_max(relation, column))

    async def load_exists(self, *relations: Any) -> Self:
        """Set ``{relation}_exists``."""
        return await self._load_aggregate(lambda q: q.with_exists(*relations))

    async def _load_aggregate(self, add: Any) -> Self:
        cls = type(self)
        row = await add(self._key_query().select(cls.qualify_column(cls.primary_key))).raw_rows()
        if row:
            for key, value in row[0].items():
                if key != cls.primary_key:
                    self._writable()[key] = value
                    self.__dict__["_original"][key] = value
        return self

    # -- route model binding ----------------------------------------------------------------------
    @classmethod
    async def resolve_route_binding(cls, value: Any, field: str | None = None) -> Self | None:
        """The model for a route parameter (by key, or by ``field`` for ``{post:slug}``)."""
        column = field or cls().get_route_key_name()
        return await cls.query().where(cls.qualify_column(column), "=", value).first()

    @classmethod
    async def resolve_soft_deletable_route_binding(
        cls, value: Any, field: str | None = None
    ) -> Self | None:
        """Like :meth:`resolve_route_binding` but including soft-deleted rows."""
        column = field or cls().get_route_key_name()
        query = cls.query().without_global_scope("soft_deletes")
        return await query.where(cls.qualify_column(column), "=", value).first()

    async def resolve_child_route_binding(
        self,
        child_type: type[Model],
        value: Any,
        field: str | None = None,
        with_trashed: bool = False,
    ) -> Model | None:
        """The child model (``/users/{user}/posts/{post}``) scoped to this parent's relation."""
        from parvel.orm.exceptions import RelationNotFound
        from parvel.support import Str

        relations = type(self)._info().relations
        name = next(
            (n for n in (Str.plural(Str.snake(child_type.__name__)), Str.snake(child_type.__name__))
             if n in relations),
            None,
        )  # fmt: skip
        if name is None:
            raise RelationNotFound(
                f"{type(self).__name__} has no relation to {child_type.__name__} for a scoped "
                "route binding.",
                hint=f"Declare {Str.plural(Str.snake(child_type.__name__))} = has_many("
                f"{child_type.__name__}) on {type(self).__name__}.",
            )
        query = relations[name].of(self).query()
        if with_trashed:
            query.without_global_scope("soft_deletes")
        column = field or child_type().get_route_key_name()
        result: Model | None = await query.where(
            child_type.qualify_column(column), "=", value
        ).first()
        return result


def _db_values(query: Any, values: dict[str, Any]) -> dict[str, Any]:
    """Adapt values the driver cannot bind (SQLite has no DECIMAL: send text)."""
    if query.grammar.name != "sqlite":
        return dict(values)
    return {k: (str(v) if isinstance(v, Decimal) else v) for k, v in values.items()}


_IGNORING_TIMESTAMPS: ContextVar[frozenset[type]] = ContextVar(
    "parvel_orm_ignoring_timestamps", default=frozenset()
)


async def _run_without_timestamps(cls: type, callback: Callable[[], Any]) -> Any:
    token = _IGNORING_TIMESTAMPS.set(_IGNORING_TIMESTAMPS.get() | {cls})
    try:
        result = callback()
        return await result if inspect.isawaitable(result) else result
    finally:
        _IGNORING_TIMESTAMPS.reset(token)


class HasUuids:
    """Mixin: string primary keys filled with ordered (v7) UUIDs."""

    incrementing = False
    key_type = "str"

    def new_unique_id(self) -> str | None:
        """A new time-ordered UUID."""
        from parvel.support import Str

        return Str.ordered_uuid()


class HasVersion4Uuids(HasUuids):
    """Mixin: string primary keys filled with random (v4) UUIDs."""

    def new_unique_id(self) -> str | None:
        """A new random UUID."""
        import uuid

        return str(uuid.uuid4())


class HasUlids:
    """Mixin: string primary keys filled with ULIDs."""

    incrementing = False
    key_type = "str"

    def new_unique_id(self) -> str | None:
        """A new ULID."""
        from parvel.support import Str

        return Str.ulid().lower()


def _event_registrar(event: str) -> Any:
    def register(cls: type[Model], callback: Any) -> Any:
        cls.on(event, callback)
        return callback

    register.__doc__ = f"Listen to the ``{event}`` event (usable as a decorator)."
    register.__name__ = event
    return classmethod(register)


for _event in ("retrieved", "creating", "created", "updating", "updated", "saving", "saved",
               "deleting", "deleted", "trashed", "restoring", "restored", "force_deleting",
               "force_deleted", "replicating"):  # fmt: skip
    setattr(Model, _event, _event_registrar(_event))
