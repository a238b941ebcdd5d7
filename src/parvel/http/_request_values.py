"""Values a request hands out: a ``str`` with Laravel's string helpers, callable URL and verb.

``request.string("name")`` returns an :class:`InputString`; ``request.url()`` and
``request.method()`` are callable as in Laravel while staying Starlette's ``URL`` and ``str``.
"""

from __future__ import annotations

from collections.abc import Iterable

from starlette.datastructures import URL

_PHP_DATE = {
    "d": "%d", "j": "%d", "m": "%m", "n": "%m", "Y": "%Y", "y": "%y", "H": "%H", "G": "%H",
    "h": "%I", "g": "%I", "i": "%M", "s": "%S", "A": "%p", "a": "%p", "D": "%a", "l": "%A",
    "M": "%b", "F": "%B", "u": "%f", "v": "%f", "e": "%Z", "T": "%Z", "P": "%z", "O": "%z",
}  # fmt: skip


def php_date_format(format: str) -> str:
    """A strptime format for a PHP date format (``"Y-m-d H:i"`` → ``"%Y-%m-%d %H:%M"``).

    ``!`` and ``|`` (PHP's "reset the other fields") are dropped: unparsed fields are zero.
    """
    out: list[str] = []
    chars = iter(format)
    for char in chars:
        if char == "\\":
            out.append(next(chars, "").replace("%", "%%"))
        elif char in "!|":
            continue
        else:
            out.append(_PHP_DATE.get(char, char.replace("%", "%%")))
    return "".join(out)


class InputString(str):
    """A ``str`` with a few of Laravel's fluent string methods, for ``request.string()``.

    ``request.string("name").trim()`` reads as in Laravel; the value is a plain ``str``
    otherwise (comparisons, ``strip()``, JSON).
    """

    __slots__ = ()

    def trim(self, characters: str | None = None) -> InputString:
        """Strip whitespace (or ``characters``) from both ends."""
        return InputString(self.strip(characters))

    def ltrim(self, characters: str | None = None) -> InputString:
        """Strip from the start."""
        return InputString(self.lstrip(characters))

    def rtrim(self, characters: str | None = None) -> InputString:
        """Strip from the end."""
        return InputString(self.rstrip(characters))

    def lower(self) -> InputString:
        """Lower case."""
        return InputString(str.lower(self))

    def upper(self) -> InputString:
        """Upper case."""
        return InputString(str.upper(self))

    def append(self, *values: str) -> InputString:
        """Add ``values`` at the end."""
        return InputString(self + "".join(values))

    def prepend(self, *values: str) -> InputString:
        """Add ``values`` at the start."""
        return InputString("".join(values) + self)

    def length(self) -> int:
        """The number of characters."""
        return len(self)

    def is_empty(self) -> bool:
        """Whether the string is empty."""
        return not self

    def is_not_empty(self) -> bool:
        """Whether the string is not empty."""
        return bool(self)

    def contains(self, needles: str | Iterable[str]) -> bool:
        """Whether any of ``needles`` occurs in the string."""
        return any(n in self for n in ([needles] if isinstance(needles, str) else needles))

    def starts_with(self, prefixes: str | Iterable[str]) -> bool:
        """Whether the string starts with any of ``prefixes``."""
        return any(
            self.startswith(p) for p in ([prefixes] if isinstance(prefixes, str) else prefixes)
        )

    def ends_with(self, suffixes: str | Iterable[str]) -> bool:
        """Whether the string ends with any of ``suffixes``."""
        return any(
            self.endswith(p) for p in ([suffixes] if isinstance(suffixes, str) else suffixes)
        )

    def value(self) -> str:
        """The plain ``str``."""
        return str.__str__(self)

    def to_string(self) -> str:
        """The plain ``str``."""
        return str.__str__(self)

    def to_integer(self, default: int = 0) -> int:
        """The string as an ``int`` (``default`` when it is not one)."""
        try:
            return int(self.strip())
        except ValueError:
            return default


class CallableURL(URL):
    """Starlette's ``URL``; calling it gives the URL without query string or fragment."""

    def __call__(self) -> str:
        """The URL without query string or fragment."""
        return str(self.replace(query="", fragment=""))


class HttpMethod(str):
    """The request's verb as a string; calling it returns the same string."""

    __slots__ = ()

    def __call__(self) -> str:
        """The verb (``request.method()`` reads like Laravel's)."""
        return str.__str__(self)
