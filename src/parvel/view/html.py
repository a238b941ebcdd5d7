"""HTML helpers used by ``@class``, ``@style``, ``@json`` and ``@js`` (also usable directly)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from typing import Any

from markupsafe import Markup

_JSON_ESCAPES = {
    "<": "\\u003C",
    ">": "\\u003E",
    "&": "\\u0026",
    "'": "\\u0027",
    "/": "\\/",
}
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')


def _items(value: Any) -> Iterable[tuple[str, Any]]:
    if isinstance(value, str):
        yield value, True
        return
    if isinstance(value, Mapping):
        yield from ((str(k), v) for k, v in value.items())
        return
    for item in value:
        if isinstance(item, Mapping):
            yield from ((str(k), v) for k, v in item.items())
        elif isinstance(item, tuple) and len(item) == 2:
            yield str(item[0]), item[1]
        else:
            yield str(item), True


def class_list(value: Any) -> str:
    """Join CSS classes; strings always count, dict entries when their value is truthy.

    >>> class_list(["p-4", {"font-bold": True, "hidden": False}])
    'p-4 font-bold'
    """
    return " ".join(name for name, on in _items(value) if on and name)


def style_list(value: Any) -> str:
    """Join CSS declarations, each ending with ``;``, keeping the truthy ones."""
    parts = []
    for rule, on in _items(value):
        rule = rule.strip()
        if on and rule:
            parts.append(rule if rule.endswith(";") else rule + ";")
    return " ".join(parts)


class JsonFlag(int):
    """A PHP ``json_encode`` flag accepted by ``@json(value, flags)``; combine with ``|``."""

    def __or__(self, other: int) -> JsonFlag:
        return JsonFlag(int(self) | int(other))


#: ``@json(data, JSON_PRETTY_PRINT)``: four-space indentation, as PHP prints it.
JSON_PRETTY_PRINT = JsonFlag(128)
#: ``@json(data, JSON_UNESCAPED_SLASHES)``: keep ``/`` as is.
JSON_UNESCAPED_SLASHES = JsonFlag(64)
#: ``@json(data, JSON_UNESCAPED_UNICODE)``: keep non-ASCII characters as is.
JSON_UNESCAPED_UNICODE = JsonFlag(256)
JSON_FLAGS = {
    "JSON_PRETTY_PRINT": JSON_PRETTY_PRINT,
    "JSON_UNESCAPED_SLASHES": JSON_UNESCAPED_SLASHES,
    "JSON_UNESCAPED_UNICODE": JSON_UNESCAPED_UNICODE,
}


def to_json(value: Any, indent: int | None = None) -> str:
    r"""Encode ``value`` as JSON that is safe inside ``<script>`` and HTML attributes.

    ``<``, ``>``, ``&``, ``'`` and quotes inside strings are written as ``\uXXXX`` escapes,
    ``/`` as ``\/`` and other non-ASCII characters as ``\uXXXX``; the output is compact (no
    spaces) unless ``indent`` is given: the output of Laravel's ``@json`` (PHP's
    ``json_encode`` with the ``JSON_HEX_*`` flags). ``indent`` may also be PHP flags
    (``JSON_PRETTY_PRINT``, ``JSON_UNESCAPED_SLASHES``, ``JSON_UNESCAPED_UNICODE``).
    """
    flags = int(indent) if isinstance(indent, JsonFlag) else 0
    if isinstance(indent, JsonFlag):
        indent = 4 if flags & JSON_PRETTY_PRINT else None
    separators = (",", ":") if indent is None else (",", ": ")
    ascii_only = not flags & JSON_UNESCAPED_UNICODE
    text = json.dumps(
        value, ensure_ascii=ascii_only, indent=indent, separators=separators, default=str
    )
    pattern = r"\\.|[<>&']" if flags & JSON_UNESCAPED_SLASHES else r"\\.|[<>&'/]"

    def fix(match: re.Match[str]) -> str:
        body = match.group(0)[1:-1]
        body = re.sub(pattern, lambda m: _JSON_ESCAPES.get(m.group(0), m.group(0)), body)
        body = body.replace('\\"', "\\u0022")
        return '"' + body + '"'

    return _JSON_STRING.sub(fix, text)


def js(value: Any) -> Markup:
    """Render ``value`` as a JavaScript expression (``JSON.parse('...')`` for containers)."""
    if value is None or isinstance(value, bool | int | float):
        return Markup(json.dumps(value))
    first = to_json(value)
    if isinstance(value, str):
        return Markup("'" + first[1:-1] + "'")
    if first in ("[]", "{}"):
        return Markup(first)
    # The JSON text itself is encoded once more as a JSON string, as Laravel's Js::from does.
    encoded = first.replace("\\", "\\\\").replace("/", "\\/").replace('"', "\\u0022")
    return Markup("JSON.parse('" + encoded + "')")


class Js:
    """``Js.from_(data)`` in templates, as Laravel's ``Js::from``: the same output as ``@js``.

    ``from`` is a Python keyword, hence the trailing underscore. The result is Markup, so
    ``{{ Js.from_(data) }}`` prints it unescaped.
    """

    @staticmethod
    def from_(value: Any) -> Markup:
        """Return ``value`` as a JavaScript expression (see :func:`js`)."""
        return js(value)
