"""``Attribute``: Laravel-style accessors and mutators declared as one method.

.. code-block:: python

    class User(Model):
        first_name: str

        def first_name_attribute(self) -> Attribute: ...  # see docs/orm.md

A model method whose return annotation is ``Attribute`` defines the accessor (``get``) and
mutator (``set``) of the attribute of the same name: ``def first_name(self) -> Attribute``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from parvel.orm._callbacks import arity, call

SKIP: Any = type("_SkipAttribute", (), {"__repr__": lambda self: "SKIP"})()
"""What a mutator returns when it stored other attributes instead of its own."""


class Attribute:
    """An accessor and/or mutator: ``Attribute.make(get=lambda value: ..., set=...)``.

    ``get(value)`` or ``get(value, attributes)`` turns the stored value into what is read;
    ``set(value)`` or ``set(value, attributes)`` returns what is stored, or a dict of several
    attributes to store (a value object spread over columns).
    """

    __slots__ = ("get", "set")

    def __init__(
        self,
        get: Callable[..., Any] | None = None,
        set: Callable[..., Any] | None = None,
    ) -> None:
        self.get = get
        self.set = set

    @classmethod
    def make(
        cls,
        get: Callable[..., Any] | None = None,
        set: Callable[..., Any] | None = None,
    ) -> Attribute:
        """An attribute with a ``get`` and/or ``set`` callback."""
        return cls(get, set)

    def should_cache(self) -> Attribute:
        """Accepted for familiarity; values are computed on each read."""
        return self

    def without_object_caching(self) -> Attribute:
        """Accepted for familiarity; values are computed on each read."""
        return self


def returns_attribute(fn: Any) -> bool:
    """Whether ``fn`` is a method annotated to return :class:`Attribute`."""
    annotation = getattr(fn, "__annotations__", {}).get("return")
    if annotation is Attribute:
        return True
    return isinstance(annotation, str) and annotation.rsplit(".", 1)[-1] == "Attribute"


def accessor_for(method: Callable[[Any], Attribute]) -> Callable[[Any, Any], Any]:
    """The ``(model, value)`` accessor running ``method(model).get``."""

    def read(model: Any, value: Any) -> Any:
        get = method(model).get
        if get is None:
            return value
        return call(get, arity(get), value, dict(model.__dict__["_attributes"]))

    return read


def mutator_for(name: str, method: Callable[[Any], Attribute]) -> Callable[[Any, Any], Any]:
    """The ``(model, value)`` mutator running ``method(model).set``."""

    def write(model: Any, value: Any) -> Any:
        set_ = method(model).set
        if set_ is None:
            return value
        result = call(set_, arity(set_), value, dict(model.__dict__["_attributes"]))
        if not isinstance(result, dict):
            return result
        own = result.pop(name, SKIP)
        for key, item in result.items():
            model.set_attribute(key, item)
        return own

    return write
