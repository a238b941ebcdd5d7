"""``model.to_resource()`` / ``collection.to_resource_collection()``: finding the API resource.

Without a class, the resource is guessed as Laravel does: ``User`` →
``app.http.resources.user_resource.UserResource`` (or ``app.http.resources.user.User``); a model
in ``app.models.admin`` looks in ``app.http.resources.admin`` first; a collection looks for
``UserCollection`` first. The HTTP layer installs the generic collection
used for an empty collection (:func:`set_collection_factory`), since the ORM sits below it.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from typing import Any

from parvel.orm.exceptions import ModelError
from parvel.support import Str

RESOURCE_PACKAGE = "app.http.resources"
"""Where guessed resource classes live."""

_collection_factory: list[Callable[[Any], Any] | None] = [None]


class ResourceNotFound(ModelError):
    """No API resource class was given, and none was found where it is guessed."""

    code = "resource-not-found"


def set_collection_factory(factory: Callable[[Any], Any] | None) -> None:
    """Install ``factory(items)`` making the generic resource collection (the HTTP layer)."""
    _collection_factory[0] = factory


def _packages(model: type) -> list[str]:
    """``app.http.resources``, after ``app.http.resources.admin`` for ``app.models.admin.user``."""
    module = model.__module__
    marker = ".models."
    if marker not in f".{module}":
        return [RESOURCE_PACKAGE]
    inner = f".{module}".split(marker, 1)[1].split(".")[:-1]
    nested = ".".join([RESOURCE_PACKAGE, *inner])
    return [nested, RESOURCE_PACKAGE] if inner else [RESOURCE_PACKAGE]


def _find(name: str, model: type) -> Any:
    for package in _packages(model):
        found = _find_in(package, name)
        if found is not None:
            return found
    return None


def _find_in(package: str, name: str) -> Any:
    module_name = f"{package}.{Str.snake(name)}"
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        if exc.name is not None and module_name.startswith(exc.name):
            return None  # the module does not exist (an error inside it propagates)
        raise
    found = getattr(module, name, None)
    return found if isinstance(found, type) else None


def guess_resource_names(model: type) -> list[str]:
    """The class names tried for ``model``: ``UserResource``, then ``User``."""
    return [f"{model.__name__}Resource", model.__name__]


def resource_for(model: type, resource_class: Any = None) -> Any:
    """``resource_class``, or the guessed ``<Model>Resource`` class."""
    if resource_class is not None:
        return resource_class
    explicit = getattr(model, "use_resource", None)
    if isinstance(explicit, type):
        return explicit
    for name in guess_resource_names(model):
        found = _find(name, model)
        if found is not None:
            return found
    raise ResourceNotFound(
        f"Failed to find resource class for model [{model.__name__}].",
        hint=f"Create it with `parvel make:resource {model.__name__}Resource` "
        f"(in {RESOURCE_PACKAGE}), or pass the class: to_resource(UserResource).",
    )


def resource_collection_for(items: Iterable[Any], source: Any, resource_class: Any = None) -> Any:
    """``resource_class.collection(source)``, or the guessed collection for the items' model."""
    if resource_class is not None:
        return resource_class.collection(source)
    first = next(iter(items), None)
    if first is None:
        factory = _collection_factory[0]
        if factory is None:
            raise ResourceNotFound(
                "Cannot guess the resource of an empty collection.",
                hint="Pass the class: to_resource_collection(UserResource).",
            )
        return factory(source)
    model = type(first)
    explicit = getattr(model, "use_resource_collection", None)
    if isinstance(explicit, type):
        return explicit(source)
    names = guess_resource_names(model)
    for name in names:
        found = _find(f"{name}Collection", model)
        if found is not None:
            return found(source)
    return resource_for(model).collection(source)
