"""``Str.of(value)``: a fluent string, Laravel's ``Stringable``.

A :class:`Stringable` *is* a ``str``; every ``Str`` helper is available as a method with the
subject filled in, returning a ``Stringable`` whenever the result is a string::

    Str.of("  hello world ").squish().title().finish("!")   # 'Hello World!'
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


class Stringable(str):
    """A ``str`` with Laravel's fluent string methods (``Str.of(...)``)."""

    _SUBJECT_LAST = frozenset(
        {"replace", "replace_first", "replace_last", "replace_start", "replace_end",
         "replace_array", "remove", "swap"}
    )  # fmt: skip

    def __getattribute__(self, name: str) -> Any:
        from parvel.support.strings import Str

        if name.startswith("_") or name in _OWN:
            return super().__getattribute__(name)
        helper = getattr(Str, name, None)
        if helper is None or not callable(helper):
            return super().__getattribute__(name)
        subject = str(self)
        if name in Stringable._SUBJECT_LAST:
            return _fluent(lambda *args: helper(*args, subject))
        if name == "is_":
            return _fluent(lambda pattern, *args: helper(pattern, subject, *args))
        return _fluent(lambda *args, **kwargs: helper(subject, *args, **kwargs))

    def append(self, *values: str) -> Stringable:
        """The string followed by ``values``."""
        return Stringable(str(self) + "".join(values))

    def prepend(self, *values: str) -> Stringable:
        """The string preceded by ``values``."""
        return Stringable("".join(values) + str(self))

    def to_string(self) -> str:
        """The plain ``str``."""
        return str(self)

    def is_empty(self) -> bool:
        """Whether the string is empty."""
        return len(self) == 0

    def is_not_empty(self) -> bool:
        """Whether the string is not empty."""
        return len(self) > 0

    def pipe(self, callback: Callable[[str], Any]) -> Any:
        """``callback(string)``, wrapped again when it returns a string."""
        return _wrap(callback(str(self)))


_OWN = frozenset({"append", "prepend", "to_string", "is_empty", "is_not_empty", "pipe"})


def _wrap(value: Any) -> Any:
    return (
        Stringable(value) if isinstance(value, str) and not isinstance(value, Stringable) else value
    )


def _fluent(call: Callable[..., Any]) -> Callable[..., Any]:
    def method(*args: Any, **kwargs: Any) -> Any:
        return _wrap(call(*args, **kwargs))

    return method
