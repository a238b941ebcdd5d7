"""The fluent file rule: ``Rule.file().types(["pdf"]).max("10mb")`` (Laravel's ``File`` rule)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from parvel.validation._parser import ParsedRule, RuleObject, parse_rules
from parvel.validation.exceptions import InvalidRuleError

_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(kb|mb|gb|tb)?\s*$", re.IGNORECASE)
_UNITS = {None: 1, "kb": 1, "mb": 1024, "gb": 1024**2, "tb": 1024**3}


def to_kilobytes(size: int | float | str) -> float:
    """Convert ``2048``, ``"10mb"`` or ``"1.5gb"`` to kilobytes.

    Args:
        size: A number of kilobytes or a string with a ``kb``/``mb``/``gb``/``tb`` unit.

    Returns:
        The size in kilobytes.

    Raises:
        InvalidRuleError: When the size cannot be read.
    """
    if isinstance(size, int | float) and not isinstance(size, bool):
        return float(size)
    match = _SIZE.match(str(size))
    if not match:
        raise InvalidRuleError(
            f"Cannot read the file size {size!r}.",
            hint='Use kilobytes (2048) or a unit: "10mb", "1gb".',
        )
    unit = match.group(2).lower() if match.group(2) else None
    return float(match.group(1)) * _UNITS[unit]


def _number(value: float) -> str:
    return str(int(value)) if value.is_integer() else str(value)


class _Types:
    """``File.types([...])`` starts a rule; ``rule.types([...])`` sets the types of an instance."""

    def __get__(
        self, instance: File | None, owner: type[File]
    ) -> Callable[[str | list[str]], File]:
        def with_types(types: str | list[str]) -> File:
            rule = instance if instance is not None else owner()
            rule._types = [types] if isinstance(types, str) else list(types)
            return rule

        return with_types


class File(RuleObject):
    """A file rule built fluently.

    ``File.types(["pdf"])`` (or ``rule.types(...)`` on an instance) sets the accepted
    extensions or MIME types, checked against the content.

    Example:
        >>> rule = File.types(["mp3", "wav"]).min(1024).max("12mb")
    """

    def __init__(self, image: bool = False, allow_svg: bool = False) -> None:
        self._image = image
        self._allow_svg = allow_svg
        self._types: list[str] = []
        self._extensions: list[str] = []
        self._min: float | None = None
        self._max: float | None = None
        self._exact: float | None = None
        self._extra: list[Any] = []

    @classmethod
    def image(cls, allow_svg: bool = False) -> File:
        """Start a rule for an image file.

        Args:
            allow_svg: Accept SVG images too.

        Returns:
            A new rule.
        """
        return cls(image=True, allow_svg=allow_svg)

    types = _Types()

    def extensions(self, extensions: str | list[str]) -> File:
        """Also require one of these client file-name extensions.

        Args:
            extensions: One or several extensions.

        Returns:
            The rule, for chaining.
        """
        self._extensions = [extensions] if isinstance(extensions, str) else list(extensions)
        return self

    def min(self, size: int | float | str) -> File:
        """Require at least ``size`` (kilobytes or ``"1mb"``).

        Args:
            size: The minimum size.

        Returns:
            The rule, for chaining.
        """
        self._min = to_kilobytes(size)
        return self

    def max(self, size: int | float | str) -> File:
        """Allow at most ``size`` (kilobytes or ``"10mb"``).

        Args:
            size: The maximum size.

        Returns:
            The rule, for chaining.
        """
        self._max = to_kilobytes(size)
        return self

    def between(self, low: int | float | str, high: int | float | str) -> File:
        """Require a size between ``low`` and ``high``.

        Args:
            low: The minimum size.
            high: The maximum size.

        Returns:
            The rule, for chaining.
        """
        self._min, self._max = to_kilobytes(low), to_kilobytes(high)
        return self

    def size(self, size: int | float | str) -> File:
        """Require exactly ``size`` kilobytes.

        Args:
            size: The exact size.

        Returns:
            The rule, for chaining.
        """
        self._exact = to_kilobytes(size)
        return self

    def dimensions(self, rule: Any) -> File:
        """Add image dimension constraints (a ``Rule.dimensions()`` object).

        Args:
            rule: The dimensions rule.

        Returns:
            The rule, for chaining.
        """
        self._extra.append(rule)
        return self

    def rules(self, rules: Any) -> File:
        """Add further rules (strings or objects).

        Args:
            rules: Any accepted rule definition.

        Returns:
            The rule, for chaining.
        """
        self._extra.append(rules)
        return self

    def to_rules(self) -> list[ParsedRule]:
        """Return the equivalent rules (``file``, ``image``, ``mimes``, ``min``, ``max`` ...).

        Returns:
            The parsed rules.
        """
        out = [ParsedRule("file")]
        if self._image:
            out.append(ParsedRule("image", ("allow_svg",) if self._allow_svg else ()))
        mime_types = tuple(t for t in self._types if "/" in t)
        extensions = tuple(t for t in self._types if "/" not in t)
        if extensions:
            out.append(ParsedRule("mimes", extensions))
        if mime_types:
            out.append(ParsedRule("mimetypes", mime_types))
        if self._extensions:
            out.append(ParsedRule("extensions", tuple(self._extensions)))
        if self._exact is not None:
            out.append(ParsedRule("size", (_number(self._exact),)))
        if self._min is not None and self._max is not None:
            out.append(ParsedRule("between", (_number(self._min), _number(self._max))))
        elif self._min is not None:
            out.append(ParsedRule("min", (_number(self._min),)))
        elif self._max is not None:
            out.append(ParsedRule("max", (_number(self._max),)))
        for extra in self._extra:
            out.extend(parse_rules("file", extra))
        return out
