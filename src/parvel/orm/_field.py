"""The descriptor a model class gets for each declared field: reads go through the cast.

Plain casts (``int``, ``str``, ``float``, ``bool``) of a value already of that type are skipped,
so reading ``post.id`` costs one dict lookup and one type check.
"""

from __future__ import annotations

from typing import Any

_SLOW: Any = type("_Slow", (), {})()


def _plain_types() -> dict[Any, type]:
    from parvel.orm.casts import named_caster

    return {named_caster(name)[0]: kind for name, kind in
            (("int", int), ("str", str), ("float", float), ("bool", bool))}  # fmt: skip


_PLAIN_TYPES = _plain_types()
"""Casts that leave a value of this exact type unchanged (skipped on reads)."""


class Field:
    """The class attribute of a declared field: reads the stored value through its cast.

    When the name is also a model method (``first``, ``count``...), the class keeps the
    method (``Person.first()``) while instances read the attribute.
    """

    __slots__ = ("getter", "name", "original", "owner", "plain")

    def __init__(self, name: str, original: Any = None) -> None:
        self.name = name
        self.original = original
        self.owner: type | None = None
        self.getter: Any = None
        self.plain: type = _SLOW.__class__

    def _resolve(self, owner: Any) -> Any:
        info = owner._info()
        getter = _SLOW if self.name in info.accessors else info.getters.get(self.name)
        if self.owner is None and self.name in vars(owner):
            self.owner, self.getter = owner, getter
            self.plain = _PLAIN_TYPES.get(getter, _SLOW.__class__)
        return getter

    def __get__(self, obj: Any, owner: type) -> Any:
        if obj is None:
            if self.original is not None:
                return self.original.__get__(None, owner)
            raise AttributeError(self.name)
        try:
            value = obj.__dict__["_attributes"][self.name]
        except KeyError:
            return obj.get_attribute_value(self.name)
        if owner is self.owner:
            if type(value) is self.plain:
                return value
            getter = self.getter
        else:
            getter = self._resolve(owner)
        if getter is None:
            return value
        if getter is _SLOW:
            return obj.get_attribute_value(self.name)
        if value is None:
            return None
        try:
            return getter(value, obj)
        except Exception:
            return obj.get_attribute_value(self.name)  # raises the CastError naming the value
