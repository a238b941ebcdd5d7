"""Per-model-class metadata, computed once on first use: fields, casts, relations, scopes."""

from __future__ import annotations

import datetime as _dt
import decimal as _decimal
import enum as _enum
import sys
import typing
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from parvel.orm.casts import DATE_CASTS, Getter, Setter, build_caster, cast_for_annotation
from parvel.support import Str

if TYPE_CHECKING:
    from parvel.orm.model import Model
    from parvel.orm.relations.base import Relation

_REGISTRY: dict[str, type[Model]] = {}


def register(cls: type[Model]) -> None:
    """Remember a model class so relations may name it by string."""
    _REGISTRY[cls.__name__] = cls
    _REGISTRY[f"{cls.__module__}.{cls.__qualname__}"] = cls


def resolve_model(name: str) -> type[Model]:
    """The model class registered under ``name`` (class name or dotted path)."""
    if name in _REGISTRY:
        return _REGISTRY[name]
    from parvel.orm.exceptions import ModelError

    raise ModelError(
        f"No model class named {name!r} is defined.",
        hint="Import the module defining it, or pass the class (or a lambda returning it).",
    )


@dataclass
class ModelInfo:
    """What the ORM knows about one model class."""

    table: str
    fields: tuple[str, ...]
    getters: dict[str, Getter]
    setters: dict[str, Setter]
    cast_names: dict[str, str]
    relations: dict[str, Relation[Any]]
    scopes: dict[str, Any]
    accessors: dict[str, Any]
    mutators: dict[str, Any]
    defaults: dict[str, Any]
    fillable: frozenset[str]
    guarded: frozenset[str]
    totally_guarded: bool
    hidden: frozenset[str]
    visible: frozenset[str]
    appends: tuple[str, ...]
    listeners: dict[str, list[Any]] = field(default_factory=dict)
    global_scopes: dict[str, Any] = field(default_factory=dict)
    find_sql: dict[str, str] = field(default_factory=dict)
    date_formats: dict[str, str] = field(default_factory=dict)
    """Serialization formats of ``"datetime:Y-m-d"``-style casts, by attribute."""


_NAMESPACE: dict[str, Any] = {
    "datetime": _dt.datetime,
    "date": _dt.date,
    "time": _dt.time,
    "Decimal": _decimal.Decimal,
    "Any": typing.Any,
    "ClassVar": typing.ClassVar,
    "Annotated": typing.Annotated,
    "Optional": typing.Optional,
}


def _evaluate(annotation: Any, owner: type) -> Any:
    if not isinstance(annotation, str):
        return annotation
    module = sys.modules.get(owner.__module__)
    defined_in: tuple[dict[str, Any], dict[str, Any]] = vars(owner).get(
        "_parvel_namespace", ({}, {})
    )
    namespace = {
        **_NAMESPACE,
        **(vars(module) if module else {}),
        **defined_in[0],
        **defined_in[1],
        **dict(vars(owner)),
    }
    try:
        return eval(annotation, namespace)
    except Exception:
        return annotation


def _is_classvar(annotation: Any) -> bool:
    if isinstance(annotation, str):
        return annotation.startswith(("ClassVar", "typing.ClassVar"))
    return typing.get_origin(annotation) is ClassVar or annotation is ClassVar


def build_info(cls: type[Model]) -> ModelInfo:
    """Collect the metadata of ``cls`` from its annotations and class attributes."""
    from parvel.orm.relations.base import Relation

    fields: dict[str, Any] = {}
    relations: dict[str, Relation[Any]] = {}
    scopes: dict[str, Any] = {}
    accessors: dict[str, Any] = {}
    mutators: dict[str, Any] = {}
    for klass in reversed(cls.__mro__):
        if klass is object:
            continue
        for name, annotation in vars(klass).get("__annotations__", {}).items():
            if name.startswith("_") or _is_classvar(annotation):
                continue
            if isinstance(vars(klass).get(name), Relation):
                continue
            fields[name] = _evaluate(annotation, klass)
        for name, value in vars(klass).items():
            if isinstance(value, Relation):
                relations[name] = value
            elif getattr(value, "__parvel_scope__", False):
                scopes[name] = value
            elif getattr(value, "__parvel_accessor__", None):
                accessors[value.__parvel_accessor__] = value
            elif getattr(value, "__parvel_mutator__", None):
                mutators[value.__parvel_mutator__] = value
    from parvel.orm.attribute import accessor_for, mutator_for

    for name, method in getattr(cls, "_parvel_attribute_methods", {}).items():
        accessors.setdefault(name, accessor_for(method))
        mutators.setdefault(name, mutator_for(name, method))
    for name in relations:
        fields.pop(name, None)
    explicit: dict[str, Any] = dict(cls.casts)
    getters: dict[str, Getter] = {}
    setters: dict[str, Setter] = {}
    cast_names: dict[str, str] = {}
    specs: dict[str, Any] = {}
    for name, annotation in fields.items():
        spec = cast_for_annotation(annotation)
        if spec is not None:
            specs[name] = spec
    if cls.timestamps:
        for column in (cls.CREATED_AT, cls.UPDATED_AT):
            if column:
                specs.setdefault(column, "datetime")
    specs.update(explicit)
    if cls.primary_key in specs and cls.primary_key not in explicit and cls.incrementing:
        specs[cls.primary_key] = "int"
    for name, spec in specs.items():
        getter, setter, label = build_caster(spec, name)
        if getter is not None and setter is not None:
            getters[name] = getter
            setters[name] = setter
            cast_names[name] = (
                label
                if not isinstance(spec, type) or not issubclass(spec, _enum.Enum)
                else spec.__name__
            )
    table = cls.table or Str.snake(Str.plural_studly(cls.__name__))
    fillable = frozenset(cls.fillable)
    guarded = frozenset(cls.guarded)
    date_formats = {
        name: spec.partition(":")[2]
        for name, spec in specs.items()
        if isinstance(spec, str) and spec.partition(":")[0] in DATE_CASTS and ":" in spec
    }
    return ModelInfo(
        date_formats=date_formats,
        table=table,
        fields=tuple(fields),
        getters=getters,
        setters=setters,
        cast_names=cast_names,
        relations=relations,
        scopes=scopes,
        accessors=accessors,
        mutators=mutators,
        defaults={**_attribute_defaults(cls), **getattr(cls, "_parvel_defaults", {})},
        fillable=fillable,
        guarded=guarded,
        totally_guarded=not fillable and guarded == frozenset({"*"}),
        hidden=frozenset(cls.hidden),
        visible=frozenset(cls.visible),
        appends=tuple(cls.appends),
    )


def _attribute_defaults(cls: type[Model]) -> dict[str, Any]:
    """The ``attributes = {...}`` defaults of ``cls`` and its bases (subclasses win)."""
    out: dict[str, Any] = {}
    for klass in reversed(cls.__mro__):
        declared = vars(klass).get("attributes")
        if isinstance(declared, dict):
            out.update(declared)
    return out


def is_model_class(value: Any) -> bool:
    """True for a Model subclass."""
    from parvel.orm.model import Model

    return isinstance(value, type) and issubclass(value, Model)


def field_names(cls: type[Model]) -> list[str]:
    """The declared attribute names of ``cls`` (for error messages)."""
    return list(cls._info().fields)


__all__ = ["ModelInfo", "build_info", "register", "resolve_model"]
_ = _enum
