"""The attribute core of a model: typed fields, casts, dirty tracking, mass assignment, JSON."""

from __future__ import annotations

import enum
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, time
from decimal import Decimal
from typing import TYPE_CHECKING, Any, ClassVar, Self

import orjson

from parvel.orm._field import Field as _Field
from parvel.orm._info import ModelInfo, build_info, register
from parvel.orm.attribute import SKIP as _SKIP_ATTRIBUTE
from parvel.orm.attribute import returns_attribute
from parvel.orm.exceptions import (
    CastError,
    MassAssignmentError,
    RelationNotFound,
    RelationNotLoaded,
    UnknownAttribute,
)

if TYPE_CHECKING:
    from parvel.orm.relations.base import Relation

_NO_DEFAULT: Any = object()
_GUARD: dict[str, bool] = {"unguarded": False, "strict": False, "missing": False}
_NONE: dict[str, Any] = {}  # read-only stand-in for "no relations / no changes yet"
_new = object.__new__
_set = object.__setattr__


def serialize_value(value: Any) -> Any:
    """A JSON-ready form of an attribute value (ISO dates with ``Z``, enum values ...)."""
    if value is None or type(value) in (str, int, float, bool):
        return value
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(UTC)
        return value.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, enum.Enum):
        return value.value
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict):
        return to_dict()
    return value


def accessor(attribute: str) -> Callable[[Callable[[Any, Any], Any]], Callable[[Any, Any], Any]]:
    """Decorate ``def _x(self, value)`` to transform ``attribute`` whenever it is read."""

    def decorate(fn: Callable[[Any, Any], Any]) -> Callable[[Any, Any], Any]:
        fn.__parvel_accessor__ = attribute  # type: ignore[attr-defined]
        return fn

    return decorate


def mutator(attribute: str) -> Callable[[Callable[[Any, Any], Any]], Callable[[Any, Any], Any]]:
    """Decorate ``def _x(self, value)`` returning what is stored when ``attribute`` is set."""

    def decorate(fn: Callable[[Any, Any], Any]) -> Callable[[Any, Any], Any]:
        fn.__parvel_mutator__ = attribute  # type: ignore[attr-defined]
        return fn

    return decorate


MORPH_MAP_ENFORCED = [False]
"""Set by ``enforce_morph_map``: every polymorphic model then needs an alias."""


class ModelBase:
    """Attributes, casts, dirty tracking, mass assignment and serialization of a model."""

    # -- configuration (override in subclasses) -----------------------------------------------
    table: ClassVar[str | None] = None
    connection: ClassVar[str | None] = None
    primary_key: ClassVar[str] = "id"
    key_type: ClassVar[str] = "int"
    incrementing: ClassVar[bool] = True
    timestamps: ClassVar[bool] = True
    CREATED_AT: ClassVar[str | None] = "created_at"
    UPDATED_AT: ClassVar[str | None] = "updated_at"
    fillable: ClassVar[list[str]] = []
    guarded: ClassVar[list[str]] = ["*"]
    hidden: ClassVar[list[str]] = []
    visible: ClassVar[list[str]] = []
    appends: ClassVar[list[str]] = []
    casts: ClassVar[dict[str, Any]] = {}
    per_page: ClassVar[int] = 15
    touches: ClassVar[list[str]] = []
    morph_alias: ClassVar[str | None] = None
    attributes: ClassVar[dict[str, Any]] = {}
    """Default attribute values of new models (Laravel's ``$attributes``)."""
    default_with: ClassVar[tuple[str, ...]] = ()
    """Relations every query eager loads; declare it as ``with_ = ["author"]`` (Laravel's
    ``$with``): the class keeps its ``with_()`` query method."""

    id: Any
    was_recently_created: ClassVar[bool] = False

    if TYPE_CHECKING:
        _attributes: dict[str, Any]
        _original: dict[str, Any]
        _changes: dict[str, Any]
        _relations: dict[str, Any]
        exists: bool
        _hidden_extra: set[str]
        _visible_extra: set[str]

        async def save(self, touch: bool = True) -> bool: ...
        async def fire_model_event(self, event: str, halt: bool = True) -> bool: ...
        @classmethod
        def query(cls) -> Any: ...

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        frame = sys._getframe(1)
        while frame.f_back is not None and frame.f_code.co_name == "__init_subclass__":
            frame = frame.f_back
        # where the class statement ran: annotations naming local types resolve later
        cls._parvel_namespace = (frame.f_globals, dict(frame.f_locals))  # type: ignore[attr-defined]
        methods = dict(getattr(cls, "_parvel_attribute_methods", {}))
        for name, value in list(vars(cls).items()):
            if callable(value) and not name.startswith("_") and returns_attribute(value):
                methods[name] = value  # ``def first_name(self) -> Attribute``
                setattr(cls, name, _Field(name))
        cls._parvel_attribute_methods = methods  # type: ignore[attr-defined]
        declared_with = vars(cls).get("with_")
        if isinstance(declared_with, (list, tuple)):  # ``with_ = [...]``: Laravel's ``$with``
            cls.default_with = tuple(declared_with)
            delattr(cls, "with_")
        defaults: dict[str, Any] = {}
        for name in list(vars(cls).get("__annotations__", {})):
            if name.startswith("_") or name not in vars(cls):
                continue
            value = vars(cls)[name]
            from parvel.orm.relations.base import Relation

            if isinstance(value, (Relation, property, _Field)) or callable(value):
                continue
            annotation = vars(cls)["__annotations__"][name]
            if isinstance(annotation, str) and annotation.startswith("ClassVar"):
                continue
            defaults[name] = value
            delattr(cls, name)
        for name, annotation in vars(cls).get("__annotations__", {}).items():
            if name.startswith("_") or name in vars(cls) or str(annotation).startswith("ClassVar"):
                continue
            original = None
            for base in cls.__mro__[1:]:
                if name in vars(base):
                    original = vars(base)[name]
                    if isinstance(original, _Field):
                        original = original.original
                    break
            setattr(cls, name, _Field(name, original))
        inherited = dict(getattr(cls, "_parvel_defaults", {}))
        cls._parvel_defaults = {**inherited, **defaults}  # type: ignore[attr-defined]
        register(cls)  # type: ignore[arg-type]

    @classmethod
    def _info(cls) -> ModelInfo:
        info = cls.__dict__.get("_parvel_info")
        if info is None:
            info = build_info(cls)  # type: ignore[arg-type]
            cls._parvel_info = info  # type: ignore[attr-defined]
            cls._parvel_booted()
        return info

    @classmethod
    def _parvel_booted(cls) -> None:
        if getattr(cls, "soft_deletes", False):
            from parvel.orm.scopes import SoftDeletingScope

            cls._info().global_scopes["soft_deletes"] = SoftDeletingScope()
        booted = getattr(cls, "booted", None)
        if booted is not None:
            booted()

    def __init__(self, attributes: dict[str, Any] | None = None, **values: Any) -> None:
        info = type(self)._info()
        d = self.__dict__
        d["_attributes"] = {}
        d["_original"] = {}
        d["_changes"] = {}
        d["_relations"] = {}
        d["exists"] = False
        d["was_recently_created"] = False
        for key, value in info.defaults.items():
            self.set_attribute(key, value)
        self.sync_original()
        if attributes or values:
            self.fill({**(attributes or {}), **values})

    @classmethod
    def new_from_row(cls, row: dict[str, Any]) -> Self:
        """Build an existing model from a database row (no events, no mass assignment).

        The row dict is shared as attributes and original values until the first write.
        """
        obj = _new(cls)
        _set(obj, "__dict__", {"_attributes": row, "_original": row, "exists": True})
        return obj

    def _writable(self) -> dict[str, Any]:
        """The attributes dict, copied away from the original values before the first write."""
        d = self.__dict__
        attributes: dict[str, Any] = d["_attributes"]
        if attributes is d["_original"]:
            attributes = d["_attributes"] = dict(attributes)
        return attributes

    # -- names ------------------------------------------------------------------------------------
    @classmethod
    def get_table(cls) -> str:
        """The table name (snake-case plural of the class name unless ``table`` is set)."""
        return cls._info().table

    @classmethod
    def get_key_name(cls) -> str:
        """The primary key column."""
        return cls.primary_key

    @classmethod
    def qualify_column(cls, column: str) -> str:
        """``table.column``."""
        return column if "." in column else f"{cls._info().table}.{column}"

    @classmethod
    def get_foreign_key(cls) -> str:
        """The default foreign key pointing at this model: ``post_id`` for ``Post``."""
        from parvel.support import Str

        return f"{Str.snake(cls.__name__)}_{cls.primary_key}"

    @classmethod
    def get_morph_class(cls) -> str:
        """The value stored in ``*_type`` columns of polymorphic relations."""
        if cls.morph_alias:
            return cls.morph_alias
        if MORPH_MAP_ENFORCED[0]:
            from parvel.orm.exceptions import ClassMorphViolation

            raise ClassMorphViolation(
                f"No morph map alias is defined for model [{cls.__name__}].",
                hint="Add it to enforce_morph_map({...}) / morph_map({...}).",
            )
        return cls.__name__

    def get_key(self) -> Any:
        """The primary key value."""
        return self.__dict__["_attributes"].get(type(self).primary_key)

    def get_route_key_name(self) -> str:
        """The column used for route model binding (the key by default)."""
        return type(self).primary_key

    def get_route_key(self) -> Any:
        """The value of :meth:`get_route_key_name`: what ``route("posts.show", post)`` puts in URLs."""
        return self.get_attribute_value(self.get_route_key_name())

    # -- attribute access -------------------------------------------------------------------------
    def get_attribute_value(self, key: str, default: Any = _NO_DEFAULT) -> Any:
        """The cast (and accessor-transformed) value of ``key``."""
        d = self.__dict__
        attributes = d["_attributes"]
        if key in attributes:
            value = attributes[key]
            info = type(self)._info()
            if value is not None:
                getter = info.getters.get(key)
                if getter is None and "_casts" in d:  # with_casts() on the query
                    getter = d["_casts"].get(key)
                if getter is not None:
                    try:
                        value = getter(value, self)
                    except CastError:
                        raise
                    except Exception as exc:
                        raise CastError(
                            f"Cannot cast {type(self).__name__}.{key}: the stored value "
                            f"{value!r} is not a valid {info.cast_names.get(key, 'value')}.",
                            hint="Fix the stored data or the attribute's cast/annotation.",
                        ) from exc
            acc = info.accessors.get(key)
            return acc(self, value) if acc is not None else value
        relations = d.get("_relations", _NONE)
        if key in relations:
            return relations[key]
        info = type(self)._info()
        if key in info.accessors:
            return info.accessors[key](self, None)
        if default is not _NO_DEFAULT:
            return default
        if key in info.fields and not (_GUARD["missing"] and d.get("exists")):
            return None
        raise UnknownAttribute(
            f"{type(self).__name__} has no attribute {key!r}.",
            hint=f"Declared attributes: {', '.join(info.fields) or '(none)'}; "
            f"relations: {', '.join(info.relations) or '(none)'}.",
        )

    def set_attribute(self, key: str, value: Any) -> None:
        """Store ``value`` for ``key`` through its mutator and cast."""
        info = type(self)._info()
        mut = info.mutators.get(key)
        if mut is not None:
            value = mut(self, value)
            if value is _SKIP_ATTRIBUTE:
                return
        if value is not None:
            setter = info.setters.get(key)
            if setter is not None:
                try:
                    value = setter(value, self)
                except Exception as exc:
                    raise CastError(
                        f"Cannot set {type(self).__name__}.{key} to {value!r}: it is not a valid "
                        f"{info.cast_names.get(key, 'value')}.",
                    ) from exc
        self._writable()[key] = value

    if not TYPE_CHECKING:

        def __getattr__(self, key: str) -> Any:
            if key.startswith("__"):
                raise AttributeError(key)
            return self.get_attribute_value(key)

        def __setattr__(self, key: str, value: Any) -> None:
            cls = type(self)
            info = cls._info()
            if key in info.relations:
                self.set_relation(key, value)
                return
            if key.startswith("_") or (
                hasattr(cls, key) and key not in info.fields and key not in info.mutators
            ):
                object.__setattr__(self, key, value)
                return
            self.set_attribute(key, value)

    def __getitem__(self, key: str) -> Any:
        return self.get_attribute_value(key)

    def __setitem__(self, key: str, value: Any) -> None:
        self.set_attribute(key, value)

    def __contains__(self, key: object) -> bool:
        return key in self.__dict__["_attributes"] or key in self.__dict__.get("_relations", _NONE)

    def get_attributes(self) -> dict[str, Any]:
        """The stored (uncast) attributes."""
        return dict(self.__dict__["_attributes"])

    def set_raw_attributes(self, attributes: dict[str, Any], sync: bool = False) -> Self:
        """Replace the stored attributes without casts or mutators."""
        self.__dict__["_attributes"] = dict(attributes)
        if sync:
            self.sync_original()
        return self

    # -- mass assignment --------------------------------------------------------------------------
    @staticmethod
    def unguard(state: bool = True) -> None:
        """Turn mass-assignment protection off for every model (seeders); ``reguard()`` undoes."""
        _GUARD["unguarded"] = state

    @staticmethod
    def reguard() -> None:
        """Turn mass-assignment protection back on."""
        _GUARD["unguarded"] = False

    @staticmethod
    def is_unguarded() -> bool:
        """Whether mass-assignment protection is off."""
        return _GUARD["unguarded"]

    @staticmethod
    @contextmanager
    def unguarded() -> Iterator[None]:
        """``with Model.unguarded(): ...`` fills any attribute inside the block."""
        previous = _GUARD["unguarded"]
        _GUARD["unguarded"] = True
        try:
            yield
        finally:
            _GUARD["unguarded"] = previous

    @staticmethod
    def prevent_silently_discarding_attributes(value: bool = True) -> None:
        """Raise MassAssignmentError for every non-fillable attribute instead of dropping it."""
        _GUARD["strict"] = value

    @staticmethod
    def prevent_accessing_missing_attributes(value: bool = True) -> None:
        """Raise UnknownAttribute when reading a declared attribute a query did not select.

        Undeclared attributes always raise; this also covers ``select("id")`` results.
        """
        _GUARD["missing"] = value

    @staticmethod
    def prevent_lazy_loading(value: bool = True) -> None:
        """Accepted for familiarity: Parvel never loads relations lazily, whatever ``value``."""

    @staticmethod
    def should_be_strict(value: bool = True) -> None:
        """Both strict modes at once (lazy loading is always prevented in Parvel)."""
        _GUARD["strict"] = value
        _GUARD["missing"] = value

    def is_fillable(self, key: str) -> bool:
        """Whether ``key`` may be mass assigned."""
        info = type(self)._info()
        if key in info.fillable or _GUARD["unguarded"]:
            return True
        if info.fillable or info.totally_guarded:
            return False
        return key not in info.guarded and not key.startswith("_")

    def fill(self, attributes: dict[str, Any]) -> Self:
        """Set mass-assignable attributes; raises MassAssignmentError for guarded ones."""
        info = type(self)._info()
        for key, value in attributes.items():
            if self.is_fillable(key):
                self._set_any(key, value)
            elif info.totally_guarded or key not in info.fields or _GUARD["strict"]:
                raise MassAssignmentError(
                    f"Add [{key}] to the fillable property to allow mass assignment on "
                    f"[{type(self).__name__}].",
                    hint=f"Set fillable = [{key!r}, ...] on {type(self).__name__}, or use "
                    "force_fill() for trusted data.",
                )
        return self

    def force_fill(self, attributes: dict[str, Any]) -> Self:
        """Set attributes ignoring ``fillable``/``guarded``."""
        for key, value in attributes.items():
            self._set_any(key, value)
        return self

    def _set_any(self, key: str, value: Any) -> None:
        if key in type(self)._info().relations:
            self.set_relation(key, value)
        else:
            self.set_attribute(key, value)

    # -- dirty tracking ---------------------------------------------------------------------------
    def _differs(self, key: str, current: Any, original: Any) -> bool:
        if current == original and type(current) is type(original):
            return False
        if current is None or original is None:
            return current is not original
        getter = type(self)._info().getters.get(key)
        if getter is None:
            return bool(current != original)
        try:
            return bool(getter(current, self) != getter(original, self))
        except Exception:
            return True

    def get_dirty(self) -> dict[str, Any]:
        """The stored values of attributes changed since the last sync with the database."""
        original = self.__dict__["_original"]
        if original is self.__dict__["_attributes"]:
            return {}
        dirty = {}
        for key, value in self.__dict__["_attributes"].items():
            if key not in original or self._differs(key, value, original[key]):
                dirty[key] = value
        return dirty

    def is_dirty(self, *attributes: str | Iterable[str]) -> bool:
        """Whether any (or any of ``attributes``, names or lists) changed since loading/saving."""
        dirty = self.get_dirty()
        names = _names(attributes)
        return bool(dirty) if not names else any(a in dirty for a in names)

    def is_clean(self, *attributes: str | Iterable[str]) -> bool:
        """The opposite of :meth:`is_dirty`."""
        return not self.is_dirty(*attributes)

    def was_changed(self, *attributes: str | Iterable[str]) -> bool:
        """Whether the last save changed any (or any of ``attributes``)."""
        changes = self.__dict__.get("_changes", _NONE)
        names = _names(attributes)
        return bool(changes) if not names else any(a in changes for a in names)

    def get_raw_original(self, key: str | None = None, default: Any = None) -> Any:
        """The stored (uncast) value(s) as last loaded or saved."""
        original = self.__dict__["_original"]
        return dict(original) if key is None else original.get(key, default)

    def discard_changes(self) -> Self:
        """Forget unsaved changes: the attributes go back to their original values."""
        self.__dict__["_attributes"] = dict(self.__dict__["_original"])
        return self

    def get_attribute(self, key: str) -> Any:
        """The (cast, accessor-transformed) value of ``key``, or None when absent."""
        return self.get_attribute_value(key, None)

    def get_changes(self) -> dict[str, Any]:
        """The attributes the last save changed."""
        return dict(self.__dict__.get("_changes", _NONE))

    def get_original(self, key: str | None = None, default: Any = None) -> Any:
        """The cast value(s) as last loaded or saved."""
        original = self.__dict__["_original"]
        if key is None:
            return {k: self._cast_value(k, v) for k, v in original.items()}
        return self._cast_value(key, original[key]) if key in original else default

    def _cast_value(self, key: str, value: Any) -> Any:
        getter = type(self)._info().getters.get(key)
        return getter(value, self) if getter is not None and value is not None else value

    def sync_original(self) -> Self:
        """Mark the current attributes as the database state."""
        self.__dict__["_original"] = dict(self.__dict__["_attributes"])
        return self

    def sync_changes(self) -> Self:
        """Record the dirty attributes as the last save's changes (and their old values)."""
        changes = self.__dict__["_changes"] = self.get_dirty()
        original = self.__dict__["_original"]
        self.__dict__["_previous"] = {k: original.get(k) for k in changes}
        return self

    def get_previous(self, key: str | None = None, default: Any = None) -> Any:
        """The values the last save replaced (cast), or one of them."""
        previous = self.__dict__.get("_previous", _NONE)
        if key is None:
            return {k: self._cast_value(k, v) for k, v in previous.items()}
        return self._cast_value(key, previous[key]) if key in previous else default

    # -- loaded relations -------------------------------------------------------------------------
    @classmethod
    def relation_definition(cls, name: str) -> Relation[Any]:
        """The declared relation ``name``; RelationNotFound lists the model's relations."""
        relations = cls._info().relations
        if name not in relations:
            raise RelationNotFound(
                f"Call to undefined relation [{name}] on model [{cls.__name__}].",
                hint=f"{cls.__name__} declares: {', '.join(sorted(relations)) or '(no relations)'}.",
            )
        return relations[name]

    def relation_loaded(self, name: str) -> bool:
        """Whether relation ``name`` holds loaded data."""
        return name in self.__dict__.get("_relations", _NONE)

    def get_relation(self, name: str) -> Any:
        """The loaded data of relation ``name``; RelationNotLoaded names the fix."""
        relations = self.__dict__.get("_relations", _NONE)
        if name in relations:
            return relations[name]
        type(self).relation_definition(name)
        cls = type(self).__name__
        raise RelationNotLoaded(
            f"The relation {cls}.{name} is not loaded, and Parvel never loads relations lazily.",
            hint=f"Load it first: `await {cls.lower()}.load({name!r})`, or eager load it with "
            f"`{cls}.with_({name!r})`.",
        )

    def set_relation(self, name: str, value: Any) -> Self:
        """Store loaded data for relation ``name``."""
        self.__dict__.setdefault("_relations", {})[name] = value
        return self

    def unset_relation(self, name: str) -> Self:
        """Forget the loaded data of relation ``name``."""
        self.__dict__.get("_relations", {}).pop(name, None)
        return self

    def get_relations(self) -> dict[str, Any]:
        """Every loaded relation."""
        return dict(self.__dict__.get("_relations", _NONE))

    # -- serialization ----------------------------------------------------------------------------
    def make_hidden(self, *attributes: str | Iterable[str]) -> Self:
        """Hide attributes from :meth:`to_dict` for this instance."""
        names = _names(attributes)
        self.__dict__.setdefault("_hidden_extra", set()).update(names)
        self.__dict__.setdefault("_visible_extra", set()).difference_update(names)
        return self

    def make_visible(self, *attributes: str | Iterable[str]) -> Self:
        """Show otherwise hidden attributes for this instance."""
        names = _names(attributes)
        self.__dict__.setdefault("_visible_extra", set()).update(names)
        self.__dict__.setdefault("_hidden_extra", set()).difference_update(names)
        return self

    def set_hidden(self, attributes: Iterable[str]) -> Self:
        """Replace this instance's hidden attributes."""
        self.__dict__["_hidden_set"] = frozenset(attributes)
        self.__dict__.pop("_hidden_extra", None)
        self.__dict__.pop("_visible_extra", None)
        return self

    def set_visible(self, attributes: Iterable[str]) -> Self:
        """Replace this instance's visible attributes (only they are serialized)."""
        self.__dict__["_visible_set"] = frozenset(attributes)
        self.__dict__.pop("_visible_extra", None)
        return self

    def get_hidden(self) -> list[str]:
        """The attributes hidden from :meth:`to_dict` on this instance."""
        d = self.__dict__
        hidden = set(d.get("_hidden_set", type(self)._info().hidden))
        hidden |= d.get("_hidden_extra", set())
        return sorted(hidden - d.get("_visible_extra", set()))

    def get_visible(self) -> list[str]:
        """The attributes listed as visible on this instance (empty: all not hidden)."""
        return sorted(self.__dict__.get("_visible_set", type(self)._info().visible))

    def append(self, *attributes: str | Iterable[str]) -> Self:
        """Add computed attributes (properties or accessors) to this instance's :meth:`to_dict`."""
        appends = list(self.get_appends())
        appends += [a for a in _names(attributes) if a not in appends]
        self.__dict__["_appends_set"] = tuple(appends)
        return self

    def set_appends(self, attributes: Iterable[str]) -> Self:
        """Replace the computed attributes this instance serializes."""
        self.__dict__["_appends_set"] = tuple(attributes)
        return self

    def get_appends(self) -> tuple[str, ...]:
        """The computed attributes this instance serializes."""
        appends: tuple[str, ...] = self.__dict__.get("_appends_set", type(self)._info().appends)
        return appends

    def has_appended(self, attribute: str) -> bool:
        """Whether ``attribute`` is appended when serializing."""
        return attribute in self.get_appends()

    def _is_visible(self, key: str, info: ModelInfo) -> bool:
        d = self.__dict__
        if key in d.get("_visible_extra", ()):
            return True
        if key in d.get("_hidden_set", info.hidden) or key in d.get("_hidden_extra", ()):
            return False
        visible = d.get("_visible_set", info.visible)
        return not visible or key in visible

    def to_dict(self) -> dict[str, Any]:
        """The model as JSON-ready data: visible attributes, appends and loaded relations."""
        info = type(self)._info()
        out: dict[str, Any] = {}
        formats = info.date_formats
        custom = type(self).serialize_date is not ModelBase.serialize_date
        for key in self.__dict__["_attributes"]:
            if self._is_visible(key, info):
                value = self.get_attribute_value(key)
                if formats and key in formats and isinstance(value, date):
                    from parvel.orm.casts import format_date

                    out[key] = format_date(value, formats[key])
                elif custom and isinstance(value, date):
                    out[key] = self.serialize_date(value)
                else:
                    out[key] = serialize_value(value)
        for key in self.__dict__.get("_appends_set", info.appends):
            if self._is_visible(key, info):
                out[key] = serialize_value(getattr(self, key))
        for key, value in self.__dict__.get("_relations", _NONE).items():
            if self._is_visible(key, info):
                out[key] = serialize_value(value)
        pivot_name = self.__dict__.get("_pivot_name", "pivot")
        pivot = self.__dict__.get(pivot_name)
        if pivot is not None and self._is_visible(pivot_name, info):
            out[pivot_name] = serialize_value(pivot)
        return out

    def serialize_date(self, value: date) -> Any:
        """How dates serialize (override it: ``return value.strftime("%Y-%m-%d")``)."""
        return serialize_value(value)

    def to_array(self) -> dict[str, Any]:
        """Laravel's name for :meth:`to_dict`."""
        return self.to_dict()

    def attributes_to_array(self) -> dict[str, Any]:
        """The visible attributes and appends as JSON-ready data (no relations)."""
        out = self.to_dict()
        for key in self.__dict__.get("_relations", _NONE):
            out.pop(key, None)
        return out

    def relations_to_array(self) -> dict[str, Any]:
        """The loaded, visible relations as JSON-ready data."""
        info = type(self)._info()
        return {
            key: serialize_value(value)
            for key, value in self.__dict__.get("_relations", _NONE).items()
            if self._is_visible(key, info)
        }

    def to_json(self, option: int = 0) -> str:
        """:meth:`to_dict` as a JSON string (``option``: orjson options, e.g. indenting)."""
        return orjson.dumps(self.to_dict(), default=str, option=option or None).decode()

    def to_pretty_json(self) -> str:
        """:meth:`to_dict` as indented JSON."""
        return self.to_json(orjson.OPT_INDENT_2)

    def __str__(self) -> str:
        """The model as JSON, as Laravel's string conversion gives."""
        return self.to_json()

    def __json__(self) -> dict[str, Any]:
        """JSON-ready data (used by the HTTP layer when a model is returned from a route)."""
        return self.to_dict()

    def __repr__(self) -> str:
        key = self.get_key()
        state = "" if self.__dict__.get("exists") else " (new)"
        return f"<{type(self).__name__} {type(self).primary_key}={key!r}{state}>"

    def only(self, *keys: str | Iterable[str]) -> dict[str, Any]:
        """The cast values of ``keys`` (names or lists of names)."""
        return {k: self.get_attribute_value(k, None) for k in _names(keys)}

    def get_fillable(self) -> list[str]:
        """The mass-assignable attributes declared in ``fillable``."""
        return list(type(self).fillable)

    def get_guarded(self) -> list[str]:
        """The attributes declared in ``guarded`` (``["*"]``, everything, by default)."""
        return list(type(self).guarded)

    def get_casts(self) -> dict[str, str]:
        """Each cast attribute and the name of its cast (inferred or declared)."""
        return dict(type(self)._info().cast_names)

    @classmethod
    def _fields(cls) -> Iterable[str]:
        return cls._info().fields


def _names(attributes: Iterable[str | Iterable[str]]) -> list[str]:
    """Attribute names given as ``("a", "b")`` or ``(["a", "b"],)``."""
    out: list[str] = []
    for item in attributes:
        if isinstance(item, str):
            out.append(item)
        else:
            out.extend(item)
    return out
