"""Parsing route URIs (``/posts/{post}/{slug?}``) into segments the matcher compiles."""

from __future__ import annotations

import re
from dataclasses import dataclass

from parvel.routing.exceptions import RouteDefinitionError

PARAM_RE = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)(\?)?(?::([A-Za-z_][A-Za-z0-9_]*))?\}")
"""``{name}``, ``{name?}``, ``{name:field}``."""

DEFAULT_PARAM_PATTERN = "[^/]+"


@dataclass(frozen=True, slots=True)
class Param:
    """One ``{name}`` placeholder in a URI."""

    name: str
    optional: bool
    field: str | None


@dataclass(frozen=True, slots=True)
class Segment:
    """One ``/``-separated piece of a URI.

    ``static`` holds the literal text when the segment has no placeholder; ``params`` and
    ``parts`` (alternating literal / placeholder) describe a dynamic segment.
    """

    static: str | None
    params: tuple[Param, ...]
    parts: tuple[str | Param, ...]

    @property
    def is_whole_param(self) -> bool:
        """Whether the segment is exactly one placeholder (``{id}``)."""
        return len(self.parts) == 1 and isinstance(self.parts[0], Param)


def normalize_uri(uri: str) -> str:
    """``"posts/"`` → ``"/posts"``; ``""`` → ``"/"``."""
    uri = "/" + uri.strip().strip("/")
    return uri


def join_uri(prefix: str, uri: str) -> str:
    """Join a group prefix and a route URI."""
    prefix = prefix.strip("/")
    uri = uri.strip("/")
    return normalize_uri(f"{prefix}/{uri}" if prefix else uri)


def parse_uri(uri: str) -> tuple[Segment, ...]:
    """Split a normalized URI into segments.

    Raises:
        RouteDefinitionError: unbalanced braces, a bad placeholder name, a repeated name, or
            an optional placeholder followed by a required one.
    """
    if uri == "/":
        return ()
    segments: list[Segment] = []
    names: set[str] = set()
    for raw in uri.strip("/").split("/"):
        if "{" not in raw and "}" not in raw:
            if raw == "":
                raise RouteDefinitionError(f"The URI '{uri}' has an empty segment ('//').")
            segments.append(Segment(raw, (), (raw,)))
            continue
        parts: list[str | Param] = []
        position = 0
        for match in PARAM_RE.finditer(raw):
            literal = raw[position : match.start()]
            if literal:
                parts.append(literal)
            param = Param(match.group(1), bool(match.group(2)), match.group(3))
            if param.name in names:
                raise RouteDefinitionError(
                    f"The URI '{uri}' uses the parameter '{{{param.name}}}' twice."
                )
            names.add(param.name)
            parts.append(param)
            position = match.end()
        tail = raw[position:]
        if tail:
            parts.append(tail)
        if any("{" in p or "}" in p for p in parts if isinstance(p, str)):
            raise RouteDefinitionError(
                f"The URI '{uri}' has a malformed placeholder in '{raw}'.",
                hint="Placeholders look like {id}, {slug?} or {post:slug}; names are identifiers.",
            )
        params = tuple(p for p in parts if isinstance(p, Param))
        if len(parts) > 1 and any(p.optional for p in params):
            raise RouteDefinitionError(
                f"The optional parameter in '{raw}' of '{uri}' must be a whole segment."
            )
        segments.append(Segment(None, params, tuple(parts)))
    seen_optional = False
    for segment in segments:
        for param in segment.params:
            if param.optional:
                seen_optional = True
            elif seen_optional:
                raise RouteDefinitionError(
                    f"In '{uri}', the required parameter '{{{param.name}}}' follows an "
                    "optional one.",
                    hint="Optional parameters ({name?}) may only end a URI.",
                )
        if seen_optional and segment.static is not None:
            raise RouteDefinitionError(
                f"In '{uri}', the literal segment '{segment.static}' follows an optional "
                "parameter.",
                hint="Optional parameters ({name?}) may only end a URI.",
            )
    return tuple(segments)


def compile_pattern(pattern: str, where: str) -> re.Pattern[str]:
    """Compile a ``where`` constraint, naming the route in the error."""
    try:
        return re.compile(pattern)
    except re.error as error:
        raise RouteDefinitionError(
            f"The constraint '{pattern}' for {where} is not a valid regular expression: {error}."
        ) from None


def matches_slash(pattern: str) -> bool:
    """Whether a constraint can span several segments (``.*``), making it a catch-all."""
    try:
        return re.fullmatch(pattern, "a/b") is not None
    except re.error:
        return False
